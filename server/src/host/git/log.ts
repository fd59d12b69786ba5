// Git I/O for the report: repository facts, the streamed first-parent log, and blobs read with
// `git grep -l` + `git cat-file --batch` (never a checkout). Output is read as bytes where paths or
// content may be any UTF-8.
import { execFileSync, spawn } from 'child_process';
import { COMMIT_FORMAT, LogParser, type LogCommit } from '../../report/history';

/** Settings that would change the diff's shape (user config could otherwise set them). */
const CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'log.showSignature=false', '-c', 'diff.relative=false', '-c', 'log.showRoot=true'];
const MAX_BUFFER = 1024 * 1024 * 1024;

export interface RepoInfo {
  /** The report root's path inside the repository, `''` or ending in `/`. */
  prefix: string;
  head: string;
  branch: string | null;
  /** A shallow clone: history starts at the shallow boundary. */
  shallow: boolean;
}

function git(root: string, args: string[], input?: string): Buffer {
  return execFileSync('git', [...CONFIG, ...args], { cwd: root, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}) });
}

/** The repository containing `root` with at least one commit, or undefined (no git, not a repository, no commits). */
export function repoInfo(root: string): RepoInfo | undefined {
  try {
    const [prefix, head] = git(root, ['rev-parse', '--show-prefix', '--verify', 'HEAD']).toString('utf8').split('\n');
    let branch: string | null = null;
    try {
      branch = git(root, ['symbolic-ref', '--short', '-q', 'HEAD']).toString('utf8').trim() || null;
    } catch {
      branch = null; // detached HEAD
    }
    const shallow = git(root, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
    return { prefix: prefix.trim(), head: head.trim(), branch, shallow };
  } catch {
    return undefined;
  }
}

/**
 * Streams the first-parent history, oldest first, as parsed commits: zero-context diffs ignoring
 * whitespace (`-w`), renames followed (`-M`), merges diffed against their first parent.
 */
export function readHistory(root: string, prefix: string, onCommit: (c: LogCommit) => void): Promise<void> {
  const args = [
    ...CONFIG,
    'log',
    '--first-parent',
    '--reverse',
    '--diff-merges=first-parent',
    '-p',
    '-U0',
    '-w',
    '-M',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--submodule=short',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    `--format=${COMMIT_FORMAT}`,
    'HEAD',
    // In a subfolder, only its history (commits that touch nothing there are skipped); at the top, every commit.
    ...(prefix ? ['--', '.'] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const parser = new LogParser(onCommit, prefix);
    let stderr = '';
    let failed: Error | undefined;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr += d;
    });
    // Lines end at \n only (readline would also split at a lone \r inside a line and break the hunk counts).
    let rest = '';
    const feed = (text: string): void => {
      let from = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
        const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        parser.line(text.slice(from, end));
        from = nl + 1;
      }
      rest = text.slice(from);
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (failed) {
        return;
      }
      try {
        feed(rest + chunk);
      } catch (e) {
        failed = e as Error;
        child.kill();
      }
    });
    let lines = false;
    let exit: number | null | undefined;
    const done = (): void => {
      if (!lines || exit === undefined) {
        return;
      }
      if (failed) {
        reject(failed);
      } else if (exit !== 0) {
        reject(new Error(`git log failed (${exit}): ${stderr.trim()}`));
      } else {
        try {
          parser.finish();
          resolve();
        } catch (e) {
          reject(e as Error);
        }
      }
    };
    child.stdout.on('end', () => {
      if (!failed && rest) {
        try {
          parser.line(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
        } catch (e) {
          failed = e as Error;
        }
      }
      lines = true;
      done();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      exit = code;
      done();
    });
  });
}

/**
 * Per revision, the paths (relative to the repository's top) of its text files under `root` that
 * contain `needle`: `git grep -l` over many revisions at once (one process per 64 revisions).
 */
export function filesContaining(root: string, revs: readonly string[], needle: string): Map<string, string[]> {
  const out = new Map<string, string[]>(revs.map((r) => [r, []]));
  for (let i = 0; i < revs.length; i += 64) {
    const batch = revs.slice(i, i + 64);
    let text: string;
    try {
      text = git(root, ['grep', '-l', '-z', '-I', '-F', '--no-color', '--full-name', '-e', needle, ...batch, '--', '.']).toString('utf8');
    } catch (e) {
      if ((e as { status?: number }).status === 1) {
        continue; // no match in any of them
      }
      throw e;
    }
    for (const hit of text.split('\0')) {
      const colon = hit.indexOf(':');
      if (colon > 0) {
        out.get(hit.slice(0, colon))?.push(hit.slice(colon + 1));
      }
    }
  }
  return out;
}

/**
 * Blob ids of `rev:path` objects (one `git cat-file --batch-check` call), then the contents of the
 * distinct blobs (one `git cat-file --batch` call). Paths with a line break cannot be asked for and are left out.
 */
export function readBlobs(root: string, requests: readonly string[]): { oids: (string | undefined)[]; blobs: Map<string, Buffer> } {
  const asked = requests.map((r) => !/[\n\r]/.test(r));
  const check = requests.filter((_r, i) => asked[i]);
  const oids: (string | undefined)[] = new Array(requests.length).fill(undefined);
  const blobs = new Map<string, Buffer>();
  if (check.length === 0) {
    return { oids, blobs };
  }
  const lines = git(root, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], check.join('\n') + '\n').toString('utf8').split('\n');
  let j = 0;
  requests.forEach((_r, i) => {
    if (!asked[i]) {
      return;
    }
    const [oid, type] = (lines[j++] ?? '').split(' ');
    oids[i] = type === 'blob' ? oid : undefined;
  });
  const unique = [...new Set(oids.filter((o): o is string => o !== undefined))];
  if (unique.length === 0) {
    return { oids, blobs };
  }
  const out = git(root, ['cat-file', '--batch'], unique.join('\n') + '\n');
  let pos = 0;
  while (pos < out.length) {
    const nl = out.indexOf(10, pos);
    if (nl === -1) {
      break;
    }
    const [oid, type, size] = out.subarray(pos, nl).toString('latin1').split(' ');
    if (type === 'missing' || size === undefined) {
      pos = nl + 1;
      continue;
    }
    const n = Number(size);
    blobs.set(oid, out.subarray(nl + 1, nl + 1 + n));
    pos = nl + 1 + n + 1; // content, then a newline
  }
  return { oids, blobs };
}

/** Whether `rev` names a commit in this clone (a shallow CI clone may not have the one a SARIF log names). */
export function hasCommit(root: string, rev: string): boolean {
  if (rev.startsWith('-')) {
    return false;
  }
  try {
    git(root, ['cat-file', '-e', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
