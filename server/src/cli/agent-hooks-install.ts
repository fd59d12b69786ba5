// `conductor hooks install --agent …`: writes each agent's project-level hook file (merged, idempotent),
// reports what is missing with --check, and removes only Conductor's entries with --uninstall.
import * as fs from 'fs';
import * as path from 'path';
import { AGENTS, type AgentId } from '../engine/agent-hooks';
import { readBoundedText } from '../host/read-bounded';
import { AGENT_HOOK_FILES, type AgentHookFile } from './agent-hook-files';
import { UsageError } from './cli-config';
import { hasOwn, HookFileError, isCurrent, mergeHookFile } from './merge-hook-file';

const MAX_SETTINGS_BYTES = 1024 * 1024;

export interface AgentInstallOptions {
  root: string;
  /** `all`, one agent, or undefined: the agents whose folder the workspace already has. */
  agent?: string;
  check: boolean;
  uninstall: boolean;
}

export function installAgentHooks(o: AgentInstallOptions): number {
  const agents = selectAgents(o.root, o.agent);
  let missing = 0;
  for (const agent of agents) {
    const spec = AGENT_HOOK_FILES[agent];
    const file = path.join(o.root, ...spec.file.split('/'));
    const text = readSettings(o.root, file, spec);
    try {
      if (o.check) {
        const current = isCurrent(text, spec);
        missing += current ? 0 : 1;
        process.stderr.write(`${spec.file}: ${current ? `the Conductor ${agent} hook is installed and current` : text !== undefined && hasOwn(text, spec) ? `the Conductor ${agent} hook is out of date (run \`conductor hooks install --agent ${agent}\`)` : `no Conductor ${agent} hook (run \`conductor hooks install --agent ${agent}\`)`}\n`);
      } else if (o.uninstall) {
        uninstall(file, text, spec);
      } else {
        install(file, text, spec);
      }
    } catch (e) {
      throw e instanceof HookFileError ? new UsageError(e.message) : e;
    }
  }
  return missing > 0 ? 1 : 0;
}

function selectAgents(root: string, agent: string | undefined): AgentId[] {
  if (agent === 'all') {
    return [...AGENTS];
  }
  if (agent !== undefined) {
    if (!(AGENTS as readonly string[]).includes(agent)) {
      throw new UsageError(`--agent must be ${AGENTS.join(', ')} or all (got "${agent}")`);
    }
    return [agent as AgentId];
  }
  // Detected: the agents whose project folder is already there (.github alone does not mean Copilot).
  const detected = AGENTS.filter((a) => a !== 'copilot' && fs.existsSync(path.join(root, path.dirname(AGENT_HOOK_FILES[a].file))));
  if (detected.length === 0) {
    throw new UsageError(`no agent folder found (.claude, .cursor, .gemini, .codex): name the agents with --agent ${AGENTS.join('|')}|all`);
  }
  return detected;
}

function readSettings(root: string, file: string, spec: AgentHookFile): string | undefined {
  const r = readBoundedText(file, { maxBytes: MAX_SETTINGS_BYTES, within: [root] });
  if (r.ok) {
    return r.text;
  }
  if (r.failure === 'missing') {
    return undefined;
  }
  throw new UsageError(`${spec.file} cannot be read: ${r.reason}; Conductor never overwrites it`);
}

function install(file: string, text: string | undefined, spec: AgentHookFile): void {
  if (isCurrent(text, spec)) {
    process.stderr.write(`Already installed: ${spec.file}\n`);
    return;
  }
  if (spec.ownFile && text !== undefined && !hasOwn(text, spec)) {
    throw new UsageError(`${spec.file} exists and was not written by Conductor: remove it or add \`conductor hook ${spec.agent}\` to it yourself`);
  }
  writeAtomically(file, mergeHookFile(text, spec, true));
  process.stderr.write(`Installed: ${spec.file} (runs \`conductor hook ${spec.agent}\` before the agent writes or reads a file)\n`);
}

function uninstall(file: string, text: string | undefined, spec: AgentHookFile): void {
  if (text === undefined || !hasOwn(text, spec)) {
    process.stderr.write(`${spec.file}: no Conductor hook to remove\n`);
    return;
  }
  if (spec.ownFile) {
    fs.rmSync(file);
  } else {
    writeAtomically(file, mergeHookFile(text, spec, false));
  }
  process.stderr.write(`Removed the Conductor hook from ${spec.file}\n`);
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.conductor-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
