import * as fs from 'fs';
import * as path from 'path';
import { createBaseline, DEFAULT_BASELINE_FILE, mergeBaseline, serializeBaseline } from '../engine/baseline/baseline';
import { lockedRules, parseBaselineFile, readBaselineText } from '../host/baseline-file';
import { UsageError } from './cli-config';
import { maxFileBytes, parseCliArgs, requireTargets, SCAN_OPTIONS, workspaceRoot } from './cli-args';
import { gateScan, parseJobs } from './gate';

/** `conductor baseline [paths…]`: accept today's findings so `check` reports only new ones. */
export async function runBaseline(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { ...SCAN_OPTIONS, output: { type: 'string', short: 'o' } });
  const v = parsed.values;
  const maxBytes = maxFileBytes(v['max-file-size']);
  const root = workspaceRoot(v.cwd);
  requireTargets(root, parsed.positionals);
  const rel = v.output ?? DEFAULT_BASELINE_FILE;
  const scan = await gateScan({
    root,
    exclude: [rel],
    configFile: v.config,
    targets: parsed.positionals,
    gitignore: !v['no-gitignore'],
    includeNodeModules: v['include-node-modules'],
    maxBytes,
    jobs: parseJobs(v.jobs),
    progressLabel: 'baseline',
  });
  const { baseline: fresh, locked } = createBaseline(scan.files, lockedRules(scan.policy));
  const abs = path.resolve(root, rel);
  // With paths, only their entries are replaced; a full run rewrites the file (dropping deleted files).
  const previousText = parsed.positionals.length > 0 ? readBaselineText(root, rel) : undefined;
  const previous = previousText === undefined ? undefined : parseBaselineFile(rel, previousText);
  const baseline = previous ? mergeBaseline(previous, fresh, scan.inScope) : fresh;
  try {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, serializeBaseline(baseline));
  } catch (e) {
    throw new UsageError(`Cannot write ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const entries = Object.values(baseline.files).reduce((n, e) => n + e.length, 0);
  const files = Object.keys(baseline.files).length;
  process.stderr.write(`Wrote ${rel}: ${entries} known finding${entries === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.\n`);
  if (locked > 0) {
    process.stderr.write(`${locked} finding${locked === 1 ? '' : 's'} of locked org rules cannot be baselined and still fail the check.\n`);
  }
  return 0;
}
