import { loadWorkspaceConfig, Policy, type ConfigHost } from '../engine';
import type { OrgLayer } from '../engine/org-policy';

/** The policy for documents outside every folder: the built-in default over the org layer, rebuilt when the org ruleset changes. */
export class FallbackPolicy {
  private policy: Policy | undefined;
  private orgText: string | undefined;

  constructor(
    private readonly builtinDir: string,
    private readonly host: ConfigHost,
    private readonly orgLayer: () => OrgLayer | undefined,
  ) {}

  get(): Policy {
    this.policy ??= loadWorkspaceConfig(this.builtinDir, this.host, undefined, this.orgLayer()).policy ?? new Policy(emptyConfig());
    return this.policy;
  }

  /** Drops the policy when the org layer's text changed since it was built. */
  orgLayerChanged(layer: OrgLayer | undefined): void {
    if (layer?.text !== this.orgText) {
      this.orgText = layer?.text;
      this.policy = undefined;
    }
  }
}

function emptyConfig(): ConstructorParameters<typeof Policy>[0] {
  return { name: 'none', entry: '', files: [], patterns: new Map(), rules: new Map(), overrides: [], ignore: [] };
}
