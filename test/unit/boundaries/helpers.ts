import * as fs from 'fs';
import * as path from 'path';
import { checkDocument, type Finding, type Policy } from '../../../server/src/engine';
import { useDiskForImports } from '../../../server/src/host/import-file-system';
import { policyOf } from '../../helpers/engine';
import { REPO_ROOT } from '../../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace, type WorkspaceFiles } from '../../helpers/temp-workspace';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'boundaries');

/**
 * A copy of test/fixtures/boundaries/<name> in a temp folder, plus `extra` files. Installed packages
 * (node_modules, virtualenvs) are always extra: .gitignore keeps node_modules out of the repository.
 * Import checks then read the disk as the hosts give it (caches dropped).
 */
export function fixtureWorkspace(name: string, extra: WorkspaceFiles = {}): TempWorkspace {
  const ws = makeTempWorkspace({}, `conductor-boundaries-${name}-`);
  fs.cpSync(path.join(FIXTURES, name), ws.root, { recursive: true });
  for (const [rel, content] of Object.entries(extra)) {
    ws.write(rel, content);
  }
  useDiskForImports([ws.root]);
  return ws;
}

/** A package in node_modules with a version. */
export function installed(name: string, version = '1.0.0', base = ''): WorkspaceFiles {
  return { [`${base}node_modules/${name}/package.json`]: JSON.stringify({ name, version }) };
}

/** A rule file with a `boundaries` section (and optional `rules`), loaded in memory. */
export function boundaryPolicy(boundaries: object, rules: object = {}): Policy {
  return policyOf({ boundaries, rules });
}

/** Checks a document of the workspace (its text given here; the other files are on disk). */
export function checkIn(ws: TempWorkspace | string | undefined, policy: Policy, relPath: string, text: string): Finding[] {
  const root = typeof ws === 'string' ? ws : ws?.root;
  return checkDocument({ relPath, text, root }, policy, { docsUrl: () => undefined });
}

/** Findings of the boundary rules only: [ruleId, line, specifier]. */
export function boundaryFindings(findings: Finding[]): [string, number, string][] {
  return findings.filter((f) => f.ruleId.startsWith('boundaries/')).map((f) => [f.ruleId, f.range.start.line, String(f.properties?.specifier)]);
}

/** The four-layer policy most layer tests use (js-app). */
export const JS_LAYERS = {
  layers: {
    ui: { paths: ['src/ui/**'] },
    domain: { paths: ['src/domain/**'] },
    db: { paths: ['src/db/**'] },
    shared: { paths: ['src/shared/**'] },
    billing: { paths: ['src/billing/**'], public: ['src/billing/index.ts'] },
  },
  allow: { ui: ['domain', 'shared', 'billing'], domain: ['shared', 'db', 'billing'], db: ['shared'], billing: ['domain', 'shared', 'db'] },
  deny: [{ from: 'ui', to: 'db', reason: 'The UI goes through domain services.' }],
};

/** The js-app fixture with JS_LAYERS and one file that breaks a layer rule and a private import (`conductor graph`). */
export function layerGraphWorkspace(): TempWorkspace {
  return fixtureWorkspace('js-app', {
    'src/ui/bad.ts': `import { query } from '../db/client';\nimport { tax } from '../billing/internal/tax';\nimport { tax as t } from '../billing';\n`,
    '.conductor/rules.jsonc': ruleFileText({ boundaries: JS_LAYERS }),
  });
}
