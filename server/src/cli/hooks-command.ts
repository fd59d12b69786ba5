import * as fs from 'fs';
import * as path from 'path';
import { readBoundedText } from '../host/read-bounded';
import { hooksDir } from '../host/git/repo';
import { GitError } from '../host/git/run';
import { UsageError } from './cli-config';
import { parseCliArgs, workspaceRoot } from './cli-args';
import { HOOK_MARKER, PRE_COMMIT_HOOK } from './git-hook-script';
import { installAgentHooks } from './agent-hooks-install';

const MAX_HOOK_BYTES = 1024 * 1024;

type HookState = 'missing' | 'current' | 'stale' | 'foreign';

const USAGE = 'usage: conductor hooks install [--git] [--agent claude-code|cursor|copilot|gemini|codex|all] [--check | --uninstall] [--cwd DIR]';

/**
 * `conductor hooks install [--git] [--agent …] [--check | --uninstall]`: the git pre-commit hook that
 * runs `conductor check --staged`, and the AI agents' hook files (agent-hooks-install.ts). Without
 * either flag: the agents whose folders the workspace has. Never clobbers a hook it did not write.
 */
export function runHooks(argv: string[]): number {
  const [sub, ...rest] = argv;
  if (sub !== 'install') {
    throw new UsageError(USAGE);
  }
  const { values: v, positionals } = parseCliArgs(rest, {
    git: { type: 'boolean' },
    agent: { type: 'string' },
    check: { type: 'boolean' },
    uninstall: { type: 'boolean' },
    cwd: { type: 'string' },
  });
  if (positionals.length > 0 || (v.check && v.uninstall)) {
    throw new UsageError(USAGE);
  }
  const root = workspaceRoot(v.cwd);
  const gitCode = v.git ? gitHook(root, !!v.check, !!v.uninstall) : 0;
  const agentCode = !v.git || v.agent !== undefined ? installAgentHooks({ root, agent: v.agent, check: !!v.check, uninstall: !!v.uninstall }) : 0;
  return Math.max(gitCode, agentCode);
}

function gitHook(root: string, check: boolean, uninstall: boolean): number {
  const v = { check, uninstall };
  const file = path.join(gitHooksDir(root), 'pre-commit');
  const state = hookState(file);
  if (v.check) {
    process.stderr.write(`${file}: ${describe(state)}\n`);
    return state === 'current' ? 0 : 1;
  }
  if (state === 'foreign') {
    throw new UsageError(`${file} exists and was not written by Conductor: add \`conductor check --staged\` to it, or remove it and run this again`);
  }
  if (v.uninstall) {
    if (state !== 'missing') {
      fs.rmSync(file);
    }
    process.stderr.write(state === 'missing' ? `${file}: no Conductor hook to remove\n` : `Removed ${file}\n`);
    return 0;
  }
  if (state !== 'current') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.conductor-${process.pid}`;
    fs.writeFileSync(tmp, PRE_COMMIT_HOOK, { mode: 0o755 });
    fs.renameSync(tmp, file);
  }
  process.stderr.write(`${state === 'current' ? 'Already installed' : 'Installed'}: ${file} (runs \`conductor check --staged\` before each commit)\n`);
  return 0;
}

function gitHooksDir(root: string): string {
  try {
    return hooksDir(root);
  } catch (e) {
    throw e instanceof GitError ? new UsageError(e.message) : e;
  }
}

function hookState(file: string): HookState {
  if (!present(file)) {
    return 'missing';
  }
  const read = readBoundedText(file, { maxBytes: MAX_HOOK_BYTES });
  if (!read.ok || !read.text.includes(HOOK_MARKER)) {
    return 'foreign';
  }
  return read.text === PRE_COMMIT_HOOK && (fs.statSync(file).mode & 0o111) !== 0 ? 'current' : 'stale';
}

/** Anything at that path, a dangling link included (a link is someone's hook, never overwritten). */
function present(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function describe(state: HookState): string {
  switch (state) {
    case 'missing':
      return 'no pre-commit hook (run `conductor hooks install --git`)';
    case 'current':
      return 'the Conductor pre-commit hook is installed and current';
    case 'stale':
      return 'the Conductor pre-commit hook is out of date (run `conductor hooks install --git`)';
    case 'foreign':
      return 'a pre-commit hook not written by Conductor (it does not run `conductor check --staged` for you)';
  }
}
