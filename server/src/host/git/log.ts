// The first-parent history, streamed from `git log -p` into parsed commits (never held as text).
import { COMMIT_FORMAT, LogParser, type LogCommit } from './log-parser';
import { streamGitLines } from './run';

/**
 * Streams the first-parent history, oldest first, as parsed commits: zero-context diffs ignoring
 * whitespace (`-w`), renames followed (`-M`), merges diffed against their first parent. `prefix`
 * (`RepoInfo.prefix`) is the root's path in the repository; paths come relative to the root.
 */
export async function readHistory(root: string, prefix: string, onCommit: (c: LogCommit) => void): Promise<void> {
  const args = [
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
  const parser = new LogParser(onCommit, prefix);
  await streamGitLines(root, args, (line) => parser.line(line));
  parser.finish();
}
