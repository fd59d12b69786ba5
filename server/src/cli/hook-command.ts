// `conductor hook <agent>`: the command an AI agent runs before (and after) its tool calls. Reads the
// agent's payload on stdin, checks the proposed write as AI code at its path with the same engine as
// the editor and the gate, and answers in the agent's own form. It never fails open by accident: every
// failure is answered, as the rule file's `agents.onError` says (default: deny).
import * as path from 'path';
import { loadWorkspaceConfig, type Policy } from '../engine';
import { ADAPTERS, AGENTS, answerRead, answerWrites, evaluateWrite, parsePayload, PayloadError, writtenLines, type AgentAdapter, type AgentId, type HookAnswer, type HookEvent, type HookReply, type WriteVerdict } from '../engine/agent-hooks';
import { maskSecretsIn } from '../engine/check/secret-mask';
import { formatMarkerTime } from '../engine/provenance';
import { formatRecord } from '../engine/provenance/sidecar';
import { sidecarRecorder } from '../host/agent-write-recorder';
import { useDiskForImports } from '../host/import-file-system';
import { diskHost } from '../host/disk-config-host';
import { findBuiltinDir } from '../host/builtin-dir';
import { readBoundedText } from '../host/read-bounded';
import { DEFAULT_MAX_BYTES } from '../host/read-text-file';
import { readStdinBounded } from '../host/read-stdin';
import { resolveInWorkspace } from '../host/workspace-path';
import { UsageError } from './cli-config';
import { parseCliArgs } from './cli-args';
import { cachedOrgLayer } from './hook-org';
import { existsSync, statSync } from 'fs';

/** A Write carries the whole file: room for the largest file the gate checks, in JSON. */
const MAX_PAYLOAD_BYTES = 2 * DEFAULT_MAX_BYTES + 1024 * 1024;
const STDIN_DEADLINE_MS = 10_000;

const USAGE = `usage: conductor hook <${AGENTS.join('|')}> [--cwd DIR] [--config FILE] [--event NAME]`;

declare const VERSION: string;

class EvaluationError extends Error {}

export async function runHook(argv: string[]): Promise<number> {
  const { values: v, positionals } = parseCliArgs(argv, { cwd: { type: 'string' }, config: { type: 'string' }, event: { type: 'string' } });
  const agent = positionals[0] as AgentId | undefined;
  if (positionals.length !== 1 || !agent || !(AGENTS as readonly string[]).includes(agent)) {
    throw new UsageError(USAGE);
  }
  const reply = await decide(ADAPTERS[agent], { cwd: v.cwd, config: v.config, event: v.event });
  process.stdout.write(reply.stdout);
  process.stderr.write(reply.stderr);
  return reply.exitCode;
}

interface HookOptions {
  cwd?: string;
  config?: string;
  event?: string;
}

async function decide(adapter: AgentAdapter, o: HookOptions): Promise<HookReply> {
  let eventName = o.event;
  let policy: Policy | undefined;
  try {
    const payload = parsePayload(await readStdinBounded(MAX_PAYLOAD_BYTES, STDIN_DEADLINE_MS));
    eventName = typeof payload.hook_event_name === 'string' ? payload.hook_event_name : eventName;
    const event = adapter.parse(payload, o.event);
    if (event.phase === 'ungoverned') {
      return adapter.reply({ decision: 'allow' }, eventName);
    }
    const root = workspaceRootFor(adapter, event, o.cwd);
    policy = loadPolicy(root, o.config);
    if (event.phase === 'post-write') {
      return adapter.reply(recordAnswer(policy, root, event), eventName);
    }
    const answer = event.phase === 'pre-read' ? readAnswer(policy, root, event) : writeAnswer(policy, root, event);
    return adapter.reply(answer, eventName);
  } catch (e) {
    if (!policy && e instanceof PayloadError) {
      policy = policyForOnError(adapter, o);
    }
    return adapter.reply(onError(policy, e), eventName);
  }
}

/** With an unreadable payload the root comes from --cwd, the agent's variable or the current directory. */
function policyForOnError(adapter: AgentAdapter, o: HookOptions): Policy | undefined {
  try {
    return loadPolicy(workspaceRootFor(adapter, { agent: adapter.id, tool: '', phase: 'ungoverned' }, o.cwd), o.config);
  } catch {
    return undefined;
  }
}

/** --cwd, else the root the agent documents (an environment variable, Cursor's workspace_roots), else the current directory. */
function workspaceRootFor(adapter: AgentAdapter, event: HookEvent, cwd: string | undefined): string {
  const fromEnv = adapter.projectDirEnv ? process.env[adapter.projectDirEnv] : undefined;
  const root = path.resolve(cwd ?? (fromEnv || undefined) ?? event.projectRoot ?? process.cwd());
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new EvaluationError(`the workspace root ${root} is not a directory`);
  }
  useDiskForImports([root]); // manifests read for import checks: a symlink may not lead out of it
  return root;
}

function loadPolicy(root: string, config: string | undefined): Policy {
  const builtinDir = findBuiltinDir(__dirname);
  let org;
  try {
    org = cachedOrgLayer(builtinDir, process.env, root);
  } catch (e) {
    throw new EvaluationError((e as Error).message);
  }
  const loaded = loadWorkspaceConfig(root, diskHost(root), config, org);
  if (!loaded.policy) {
    const first = loaded.problems.find((p) => p.severity === 'error');
    throw new EvaluationError(`the rule file has errors${first ? ` (${path.relative(root, first.file) || first.file}:${first.range.start.line + 1}: ${first.message})` : ''}`);
  }
  return loaded.policy;
}

function readAnswer(policy: Policy, root: string, event: Extract<HookEvent, { phase: 'pre-read' }>): HookAnswer {
  for (const p of event.paths) {
    const at = resolveInWorkspace(root, p, event.cwd ?? root);
    if (!at.ok) {
      return outside(at.reason);
    }
    const answer = answerRead(policy, at.relPath);
    if (answer.decision === 'deny') {
      return answer;
    }
  }
  return { decision: 'allow' };
}

function writeAnswer(policy: Policy, root: string, event: Extract<HookEvent, { phase: 'pre-write' }>): HookAnswer {
  const verdicts: WriteVerdict[] = [];
  for (const w of event.writes) {
    const at = resolveInWorkspace(root, w.path, event.cwd ?? root);
    if (!at.ok) {
      return outside(at.reason);
    }
    if (policy.isIgnored(at.relPath)) {
      continue; // the rule file's "ignore": never checked
    }
    const current = readBoundedText(at.abs, { maxBytes: DEFAULT_MAX_BYTES, within: [root] });
    if (!current.ok && current.failure !== 'missing') {
      throw new EvaluationError(`${at.relPath} cannot be read: ${current.reason}`);
    }
    verdicts.push(
      evaluateWrite(
        policy,
        { relPath: at.relPath, current: current.ok ? current.text : undefined, change: w.change, tool: event.agent },
        { root, fileExists: (rel) => existsSync(path.join(root, rel)) },
      ),
    );
  }
  return answerWrites(verdicts, policy);
}

/**
 * After a write: with the sidecar store, the agent's lines become an AI block in the file's record.
 * With markers nothing is recorded (markers written behind the agent's back break its next Edit). The
 * write already happened, so a failure is reported as context, never as a denial.
 */
function recordAnswer(policy: Policy, root: string, event: Extract<HookEvent, { phase: 'post-write' }>): HookAnswer {
  if (policy.resolved.provenanceStore !== 'sidecar') {
    return { decision: 'allow' };
  }
  const recorder = sidecarRecorder(root, (r) => formatRecord(r, VERSION));
  const problems: string[] = [];
  for (const w of event.writes) {
    const at = resolveInWorkspace(root, w.path, event.cwd ?? root);
    if (!at.ok || policy.isIgnored(at.relPath)) {
      continue;
    }
    const written = readBoundedText(at.abs, { maxBytes: DEFAULT_MAX_BYTES, within: [root] });
    const lines = written.ok ? writtenLines(written.text, w.change) : undefined;
    if (!written.ok || !lines) {
      problems.push(`${at.relPath}: ${written.ok ? 'the written lines cannot be placed in the file as it is now' : written.reason}`);
      continue;
    }
    try {
      recorder.record({ relPath: at.relPath, text: written.text, lines, tool: event.agent, model: event.model, sessionId: event.sessionId, at: formatMarkerTime(new Date()) });
    } catch (e) {
      problems.push(`${at.relPath}: ${(e as Error).message}`);
    }
  }
  return problems.length === 0
    ? { decision: 'allow' }
    : { decision: 'allow', context: maskSecretsIn(`Conductor could not record these AI-written lines in the provenance store: ${problems.join('; ')}. Tell the user.`) };
}

function outside(reason: string): HookAnswer {
  return { decision: 'deny', reason: `Conductor blocked this tool call: ${reason}. Agents may read and write only inside the workspace the policy governs.` };
}

/** What the policy says to do when it cannot be evaluated; deny when it cannot even be read. */
function onError(policy: Policy | undefined, e: unknown): HookAnswer {
  const known = e instanceof PayloadError || e instanceof EvaluationError;
  const why = maskSecretsIn(known ? (e as Error).message : `internal error: ${(e as Error).message ?? String(e)}`);
  const decision = policy?.resolved.agents?.onError ?? 'deny';
  const text = `Conductor could not evaluate the team's AI policy for this tool call: ${why}.`;
  return decision === 'deny'
    ? { decision: 'deny', reason: `${text} The policy denies tool calls it cannot evaluate (agents.onError). Tell the user; do not work around it.` }
    : { decision: 'allow', context: `${text} The policy allows tool calls it cannot evaluate (agents.onError: allow).` };
}
