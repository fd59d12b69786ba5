import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, safeFixEdits } from '../engine';
import { checkFileOnDisk } from '../scan/check-file-on-disk';
import { docsResolver } from '../lsp/builtin-dir';
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
  for (const f of scan.files) {
    if (f.text === undefined) {
      remaining += f.findings.length;
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
    remaining += findings.length;
    if (text === f.text) {
      continue;
    }
    changedFiles++;
    if (v['dry-run']) {
      process.stdout.write(unifiedDiff(f.relPath, f.text, text));
    } else {
      writeKeepingBom(path.join(root, f.relPath), text);
    }
  }
  const verb = v['dry-run'] ? 'Would fix' : 'Fixed';
  process.stderr.write(
    fixed === 0
      ? `Nothing to fix automatically (${remaining} problem${remaining === 1 ? '' : 's'} need a human).\n`
      : `${verb} ${fixed} problem${fixed === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}; ${remaining} left for a human (conductor check lists them).\n`,
  );
  return v['dry-run'] && changedFiles > 0 ? 1 : 0;
}

/** The scanner strips a UTF-8 byte order mark; put it back so a fix changes only what it fixes. */
function writeKeepingBom(file: string, text: string): void {
  let bom = false;
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(3);
    fs.readSync(fd, head, 0, 3, 0);
    fs.closeSync(fd);
    bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  } catch {
    // a new file: no BOM
  }
  fs.writeFileSync(file, bom ? '\ufeff' + text : text);
}
