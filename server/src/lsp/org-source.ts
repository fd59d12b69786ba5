import type { Connection } from 'vscode-languageserver/node';
import { envOrgSource, parseOrgRuleset, readMachinePolicy, type SourceResult } from '../org-fetch/source';

/** The org layer before the first load: the policy file and the environment need no round trip to the client. */
export function initialOrgSource(): SourceResult | undefined {
  return readMachinePolicy() ?? envOrgSource(process.env, process.cwd());
}

/** The org ruleset source: the machine policy file wins; else the machine-scoped setting; else the environment. */
export async function configuredOrgSource(connection: Connection, canAskClient: boolean): Promise<SourceResult | undefined> {
  let source: SourceResult | undefined = readMachinePolicy();
  if (!source && canAskClient) {
    const setting: unknown = await connection.workspace.getConfiguration({ section: 'conductor.orgRuleset' }).then(
      (v: unknown) => v,
      () => undefined,
    );
    const set = typeof setting === 'string' ? setting.trim() !== '' : !!setting && typeof setting === 'object' && Object.keys(setting).length > 0;
    source = set ? parseOrgRuleset(setting, 'setting', 'setting conductor.orgRuleset', undefined) : undefined;
  }
  return source ?? envOrgSource(process.env, process.cwd());
}
