import { maskSecretsIn } from '../engine/check/secret-mask';
import * as fs from 'fs';
import { applyBaseline } from '../engine/baseline/baseline';
import { withAttributionFindings } from './attribution-gate';
import { rangeTouches } from '../host/git/changes';
import { loadBaseline, lockedRules } from '../host/baseline-file';
import { UsageError } from './cli-config';
import { maxFileBytes, oneOf, parseCliArgs, requireTargets, SCAN_OPTIONS, workspaceRoot } from './cli-args';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { failsGate, type GateReport } from './format/report';
import { formatSarif, sarifRoot } from './format/sarif';
import { formatText } from './format/text';
import { gateScan, parseJobs, ruleInfoFor } from './gate';
import { policyFingerprint } from './policy-fingerprint';
import { ownsPath, parseShard } from './shard';

declare const VERSION: string;
const DOCS_BASE = 'https://github.com/conductor-dev/conductor/blob/main/rules/docs/';

export async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseCheckArgs(argv);
  const root = workspaceRoot(values.cwd);
  requireTargets(root, positionals);
  const maxBytes = maxFileBytes(values['max-file-size']);
  const format = values.format;
  const failOn = values['fail-on'];
  if (values.staged && values['changed-since'] !== undefined) {
    throw new UsageError('--staged and --changed-since exclude each other');
  }
  if (values['include-untracked'] && values['changed-since'] === undefined) {
    throw new UsageError('--include-untracked needs --changed-since');
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const owns = shard ? (p: string): boolean => ownsPath(shard, p) : undefined;
  const baseline = loadBaseline(root, values.baseline, values['no-baseline']);
  const scan = await gateScan({
    root,
    configFile: values.config,
    targets: positionals,
    gitignore: !values['no-gitignore'],
    includeNodeModules: values['include-node-modules'],
    maxBytes,
    jobs: parseJobs(values.jobs),
    staged: values.staged,
    changedSince: values['changed-since'],
    includeUntracked: values['include-untracked'],
    exclude: baseline ? [baseline.file] : [],
    progressLabel: 'check',
    ...(owns ? { owns } : {}),
    org: {
      ruleset: values['org-ruleset'],
      sha256: values['org-sha256'],
      publicKey: values['org-public-key'],
      signature: values['org-signature'],
      caFile: values['org-ca-file'],
    },
  });
  // Known findings go first (stale entries are judged on whole files), then the changed-lines filter.
  const applied = baseline
    ? applyBaseline(baseline.baseline, scan.files, { inScope: scan.inScope, isLocked: lockedRules(scan.policy) })
    : { files: scan.files, known: 0, stale: [] };
  const change = scan.change;
  const warn = (m: string): void => void process.stderr.write(`conductor: ${m}\n`);
  const inChange = change
    ? applied.files.map((f) => {
        const lines = change.changed.get(f.relPath);
        const keep = f.findings.map((x) => lines !== undefined && rangeTouches(lines, x.range));
        return { ...f, findings: f.findings.filter((_x, i) => keep[i]), fingerprints: f.fingerprints.filter((_x, i) => keep[i]) };
      })
    : applied.files;
  // Attribution findings come from the git change, not the scan: a shard keeps only those of its paths.
  const files = withAttributionFindings(inChange, scan, { root, targets: positionals, maxBytes, warn }).filter((f) => !owns || owns(f.relPath));
  const report: GateReport = {
    files,
    skipped: scan.skipped,
    ...(baseline ? { baseline: { file: baseline.file, known: applied.known, stale: applied.stale } } : {}),
    ...(change ? { changes: { mode: change.mode, ...(change.ref !== undefined ? { ref: change.ref } : {}), files: scan.stats.files } } : {}),
    policySha256: policyFingerprint(VERSION, scan.policy, scan.host, scan.org?.layer),
    ...(shard ? { shard } : {}),
  };
  const output =
    format === 'json'
      ? formatJson(report)
      : format === 'sarif'
        ? formatSarif(report, { toolVersion: VERSION, docsBaseUrl: DOCS_BASE, ...sarifRoot(root), ruleInfo: ruleInfoFor(scan.policy), warn })
        : format === 'junit'
          ? formatJunit(report, failOn)
          : formatText(report, !values.output && process.stdout.isTTY === true);
  if (values.output) {
    try {
      fs.writeFileSync(values.output, output);
    } catch (e) {
      throw new UsageError(`Cannot write --output ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    process.stdout.write(output);
  }
  if (applied.stale.length > 0) {
    const n = applied.stale.length;
    warn(`${n} baseline entr${n === 1 ? 'y is' : 'ies are'} stale (fixed or changed); run \`conductor baseline\` to prune ${n === 1 ? 'it' : 'them'}.`);
  }
  if (values.verbose) {
    if (scan.org) {
      const o = scan.org.ruleset;
      process.stderr.write(`org ruleset ${o.name} (sha256 ${o.sha256.slice(0, 12)}…, verified by ${o.verifiedBy.join(' + ')}) from ${maskSecretsIn(o.source)} (${scan.org.configuredBy})\n`);
    }
    for (const s of scan.skipped) {
      process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
    }
    const { files: n, bytes, ms, workers } = scan.stats;
    process.stderr.write(`checked ${n} files (${(bytes / 1048576).toFixed(1)} MB) in ${ms.toFixed(0)} ms with ${workers} worker${workers === 1 ? '' : 's'}\n`);
  }
  // Exit 1 only for reported findings at or above --fail-on; known (baselined) and stale entries never fail.
  return files.some((f) => f.findings.some((x) => failsGate(x, failOn))) ? 1 : 0;
}

const CHECK_OPTIONS = {
  ...SCAN_OPTIONS,
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  output: { type: 'string', short: 'o' },
  verbose: { type: 'boolean' },
  'changed-since': { type: 'string' },
  staged: { type: 'boolean' },
  'include-untracked': { type: 'boolean' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  'org-ruleset': { type: 'string' },
  'org-sha256': { type: 'string' },
  'org-public-key': { type: 'string' },
  'org-signature': { type: 'string' },
  'org-ca-file': { type: 'string' },
  shard: { type: 'string' },
} as const;

function parseCheckArgs(argv: string[]) {
  const { values, positionals } = parseCliArgs(argv, CHECK_OPTIONS);
  return {
    values: {
      ...values,
      format: oneOf(values.format ?? 'text', ['text', 'json', 'sarif', 'junit'] as const, '--format'),
      'fail-on': oneOf(values['fail-on'] ?? 'error', ['error', 'warning', 'never'] as const, '--fail-on'),
    },
    positionals,
  };
}
