import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import type { Policy } from '../engine';
import {
  createBaseline,
  DEFAULT_BASELINE_FILE,
  mergeBaseline,
  parseBaseline,
  serializeBaseline,
  type Baseline,
  type IsLocked,
} from '../engine/report/baseline';
import { UsageError } from './cli-config';
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
  const abs = path.resolve(root, rel);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    if (file === undefined && (e as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw new UsageError(`Cannot read baseline ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return { file: rel, baseline: parseBaseline(text) };
  } catch (e) {
    throw new UsageError(`Baseline ${rel} is not valid: ${(e as Error).message}`);
  }
}

/** `conductor baseline [paths…]`: accept today's findings so `check` reports only new ones. */
export async function runBaseline(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        cwd: { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-gitignore': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v['max-file-size'] !== undefined && !(Number(v['max-file-size']) > 0)) {
    throw new UsageError('--max-file-size must be a positive number of MB');
  }
  const root = path.resolve(v.cwd ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UsageError(`--cwd must be an existing directory (got "${v.cwd ?? '.'}")`);
  }
  for (const t of parsed.positionals) {
    if (!fs.existsSync(path.resolve(root, t))) {
      throw new UsageError(`No such file or directory: ${t}`);
    }
  }
  const rel = v.output ?? DEFAULT_BASELINE_FILE;
  const scan = await gateScan({
    root,
    exclude: [rel],
    configFile: v.config,
    targets: parsed.positionals,
    gitignore: !v['no-gitignore'],
    maxBytes: Number(v['max-file-size'] ?? 5) * 1024 * 1024,
    jobs: parseJobs(v.jobs),
    progressLabel: 'baseline',
  });
  const { baseline: fresh, locked } = createBaseline(scan.files, lockedRules(scan.policy));
  const abs = path.resolve(root, rel);
  // With paths, only their entries are replaced; a full run rewrites the file (dropping deleted files).
  let previous: Baseline | undefined;
  if (parsed.positionals.length > 0 && fs.existsSync(abs)) {
    try {
      previous = parseBaseline(fs.readFileSync(abs, 'utf8'));
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
