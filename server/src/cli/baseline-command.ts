import * as fs from 'fs';
import * as path from 'path';
import type { Policy } from '../engine';
import {
  createBaseline,
  DEFAULT_BASELINE_FILE,
  mergeBaseline,
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type IsLocked,
} from '../engine/baseline/baseline';
import { UsageError } from './cli-config';
import { readBoundedText } from '../host/read-bounded';
import { maxFileBytes, parseCliArgs, requireTargets, SCAN_OPTIONS, workspaceRoot } from './cli-args';
import { gateScan, parseJobs } from './gate';

/** Rules that may not be baselined: rules an org ruleset locked (check and baseline both ask here). */
export function lockedRules(policy: Policy): IsLocked {
  return (ruleId) => policy.isLocked(ruleId);
}

/**
 * The baseline `check` applies: `--baseline FILE` (must exist), none with `--no-baseline`, else
 * `.conductor/baseline.json` when present.
 */
export function loadBaseline(root: string, file: string | undefined, disabled: boolean | undefined): { file: string; baseline: Baseline } | undefined {
  if (disabled) {
    if (file !== undefined) {
      throw new UsageError('--baseline and --no-baseline exclude each other');
    }
    return undefined;
  }
  const rel = file ?? DEFAULT_BASELINE_FILE;
  const text = readBaselineText(root, rel);
  if (text === undefined) {
    if (file === undefined) {
      return undefined;
    }
    throw new UsageError(`Cannot read baseline ${rel}: not found`);
  }
  try {
    return { file: rel, baseline: parseBaseline(text) };
  } catch (e) {
    throw new UsageError(`Baseline ${rel} is not valid: ${(e as Error).message}`);
  }
}

/** Baselines list every known finding of a large repository; still bounded. */
const BASELINE_MAX_BYTES = 64 * 1024 * 1024;

/** A baseline's text; undefined when absent; a usage error (exit 2) when it is there but unusable. */
function readBaselineText(root: string, rel: string): string | undefined {
  const r = readBoundedText(path.resolve(root, rel), { maxBytes: BASELINE_MAX_BYTES, within: [root] });
  if (r.ok) {
    return r.text;
  }
  if (r.failure === 'missing') {
    return undefined;
  }
  throw new UsageError(`Cannot read baseline ${rel}: ${r.reason}`);
}

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
  let previous: Baseline | undefined;
  const previousText = parsed.positionals.length > 0 ? readBaselineText(root, rel) : undefined;
  if (previousText !== undefined) {
    try {
      previous = parseBaseline(previousText);
    } catch (e) {
      throw new UsageError(`Baseline ${rel} is not valid: ${(e as Error).message}`);
    }
  }
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
