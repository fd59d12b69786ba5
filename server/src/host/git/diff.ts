// `git diff` output as data: per file, its old and new path and the new version's added lines.
import { diffHeaderPaths, stripPrefix, unquote } from './quote';

/** One file of a parsed diff. */
export interface DiffFile {
  /** New path (`undefined` when the file was deleted). */
  path?: string;
  /** Old path (`undefined` when the file was added). */
  oldPath?: string;
  /** A submodule or a symlink: not a file to read (the walker does not follow symlinks either). */
  special: boolean;
  /** 0-based line numbers of the new version that are added or changed, ascending. */
  added: number[];
}

// Explicit options so user git config (external diff, colour, no prefix, renames…) cannot change the output.
export const DIFF_ARGS = [
  '-U0',
  '--inter-hunk-context=0',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--find-renames',
  '--relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--diff-filter=ACDMRT',
];

/** Parses `git diff` output (any context size), tracking the new-file line number through each hunk. */
export function parseDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  const lines = text.split('\n');
  let cur: DiffFile | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++];
    if (line.startsWith('diff --git ')) {
      const [a, b] = diffHeaderPaths(line.slice('diff --git '.length));
      cur = { special: false, added: [], oldPath: stripPrefix(a, 'a/'), path: stripPrefix(b, 'b/') };
      files.push(cur);
      continue;
    }
    if (!cur) {
      continue;
    }
    if (line.startsWith('--- ')) {
      cur.oldPath = stripPrefix(unquote(line.slice(4)), 'a/');
    } else if (line.startsWith('+++ ')) {
      cur.path = stripPrefix(unquote(line.slice(4)), 'b/');
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      cur.oldPath = unquote(line.slice(line.indexOf(' from ') + 6));
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      cur.path = unquote(line.slice(line.indexOf(' to ') + 4));
    } else if (line.startsWith('deleted file mode ')) {
      cur.path = undefined;
    } else if (line.startsWith('new file mode ')) {
      cur.oldPath = undefined;
      cur.special ||= / 1[26]0000$/.test(line);
    } else if (/^index [0-9a-f]+\.\.[0-9a-f]+ 1[26]0000$/.test(line) || /^new mode 1[26]0000$/.test(line)) {
      cur.special = true;
    } else if (line.startsWith('@@ ')) {
      i = readHunk(cur, line, lines, i);
    }
  }
  return files;
}

/** Reads the hunk whose header is `header` (body from `lines[i]`); returns the index after it. */
function readHunk(cur: DiffFile, header: string, lines: string[], i: number): number {
  const m = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(header);
  if (!m) {
    return i;
  }
  let oldLeft = m[1] === undefined ? 1 : Number(m[1]);
  let newLeft = m[3] === undefined ? 1 : Number(m[3]);
  let newLine = Number(m[2]) - 1; // 0-based
  while ((oldLeft > 0 || newLeft > 0) && i < lines.length) {
    const body = lines[i++];
    const c = body.charAt(0);
    if (c === '+') {
      cur.added.push(newLine++);
      newLeft--;
    } else if (c === '-') {
      oldLeft--;
    } else if (c === ' ' || body === '') {
      newLine++;
      newLeft--;
      oldLeft--;
    }
    // '\ No newline at end of file' counts for neither side
  }
  return i;
}
