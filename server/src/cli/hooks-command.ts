import * as fs from 'fs';
import * as path from 'path';
import { readBoundedText } from '../host/read-bounded';
import { hooksDir } from '../host/git/repo';
import { GitError } from '../host/git/run';
import { UsageError } from './cli-config';
import { parseCliArgs, workspaceRoot } from './cli-args';
import { HOOK_MARKER, PRE_COMMIT_HOOK } from './git-hook-script';

const MAX_HOOK_BYTES = 1024 * 1024;

type HookState = 'missing' | 'current' | 'stale' | 'foreign';

/**
 * `conductor hooks install --git [--check | --uninstall]`: the git pre-commit hook that runs
 * `conductor check --staged`. Never clobbers a hook it did not write (no marker line): it says so.
 */
export function runHooks(argv: string[]): number {
  const [sub, ...rest] = argv;
  if (sub !== 'install') {
    throw new UsageError('usage: conductor hooks install --git [--check | --uninstall] [--cwd DIR]');
  }
  const { values: v, positionals } = parseCliArgs(rest, {
    git: { type: 'boolean' },
    check: { type: 'boolean' },
    uninstall: { type: 'boolean' },
    cwd: { type: 'string' },
  });
  if (!v.git || positionals.length > 0 || (v.check && v.uninstall)) {
    throw new UsageError('usage: conductor hooks install --git [--check | --uninstall] [--cwd DIR]');
  }
  const file = path.join(gitHooksDir(workspaceRoot(v.cwd)), 'pre-commit');
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
