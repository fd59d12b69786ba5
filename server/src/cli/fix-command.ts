import { applyEdits, safeFixEdits, type Finding } from '../engine';
import { writeIfUnchanged } from './write-if-unchanged';
import { checkFileOnDisk } from '../scan/check-file-on-disk';
import { docsResolver } from '../host/builtin-dir';
import { maxFileBytes, parseCliArgs, requireTargets, SCAN_OPTIONS, workspaceRoot } from './cli-args';
import { unifiedDiff } from './format/unified-diff';
import { gateScan, parseJobs } from './gate';

/** Fixes can uncover or unblock other fixes (overlapping edits wait a round), as in `eslint --fix`. */
const MAX_PASSES = 10;

/**
 * `conductor fix [paths…] [--dry-run]`: applies the safe fixes — the same edits the editor's
 * "Fix all" (`source.fixAll.conductor`) applies. --dry-run prints a unified diff instead and exits 1
 * when something would change, so CI can require "nothing auto-fixable left".
 */
export async function runFix(argv: string[]): Promise<number> {
  const parsed = parseCliArgs(argv, { ...SCAN_OPTIONS, 'dry-run': { type: 'boolean' } });
  const v = parsed.values;
  const maxBytes = maxFileBytes(v['max-file-size']);
  const root = workspaceRoot(v.cwd);
  requireTargets(root, parsed.positionals);
  const scan = await gateScan({
    root,
    configFile: v.config,
    targets: parsed.positionals,
    gitignore: !v['no-gitignore'],
    includeNodeModules: v['include-node-modules'],
    maxBytes,
    jobs: parseJobs(v.jobs),
    keepText: 'fixable',
    progressLabel: 'fix',
  });
  const docsUrl = docsResolver(scan.host.builtinDir);
  let fixed = 0;
  let changedFiles = 0;
  let remaining = 0;
  let unwritten = 0;
  for (const f of scan.files) {
    if (f.text === undefined) {
      remaining += problemCount(f.findings);
      continue;
    }
    let text = f.text;
    let findings = f.findings;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const edits = safeFixEdits(findings);
      const next = edits.length > 0 ? applyEdits(text, edits) : text;
      if (next === text) {
        break;
      }
      fixed += edits.length;
      text = next;
      findings = checkFileOnDisk(root, f.relPath, text, scan.policy, docsUrl);
    }
    remaining += problemCount(findings);
    if (text === f.text) {
      continue;
    }
    if (v['dry-run']) {
      changedFiles++;
      process.stdout.write(unifiedDiff(f.relPath, f.text, text));
      continue;
    }
    const refused = writeIfUnchanged(root, f.relPath, maxBytes, f.text, text);
    if (refused) {
      process.stderr.write(`conductor: not fixing ${f.relPath}: ${refused}\n`);
      unwritten++;
    } else {
      changedFiles++;
    }
  }
  const verb = v['dry-run'] ? 'Would fix' : 'Fixed';
  process.stderr.write(
    fixed === 0
      ? `Nothing to fix automatically (${remaining} problem${remaining === 1 ? '' : 's'} need a human).\n`
      : `${verb} ${fixed} problem${fixed === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}; ${remaining} left for a human (conductor check lists them).\n`,
  );
  if (unwritten > 0) {
    return 2;
  }
  return v['dry-run'] && changedFiles > 0 ? 1 : 0;
}

/** Findings plus the matches a per-rule cap left unlisted (pattern-check's summary finding counts them). */
function problemCount(findings: readonly Finding[]): number {
  let n = 0;
  for (const f of findings) {
    const unlisted = f.properties?.unlisted;
    n += typeof unlisted === 'number' ? unlisted : 1;
  }
  return n;
}
