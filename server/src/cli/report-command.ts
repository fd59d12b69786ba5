import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { computeReport } from '../report/compute';
import { formatReportText } from '../report/format-text';
import { renderOrgPage, renderPage } from '../report/html/render';
import { mergeReports, readReport } from '../report/merge';
import { envHeaders, exportOtlp, metricsUrl, otlpPayload } from '../report/otlp';
import { ReportInputError } from '../report/read-json';
import { UsageError } from './cli-config';
import { defaultOrgLayer, parseJobs, warnOnStderr } from './gate';

/**
 * `conductor report [--format json|html|text] [--output FILE] [--since DATE] [--rework-days N]
 * [--otlp-endpoint URL] [--cwd DIR] [--team NAME] [--sarif FILE]…`: governance metrics of the working tree and
 * its git history; other scanners' SARIF results split by AI vs human lines. `--webview-page`: the
 * editor dashboard's page without data.
 */
export async function runReport(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        since: { type: 'string' },
        'rework-days': { type: 'string' },
        'otlp-endpoint': { type: 'string' },
        cwd: { type: 'string' },
        config: { type: 'string' },
        now: { type: 'string' },
        jobs: { type: 'string' },
        'no-gitignore': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        team: { type: 'string' },
        sarif: { type: 'string', multiple: true },
        merge: { type: 'boolean' },
        'webview-page': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v['webview-page']) {
    // The editor's dashboard: the page alone, in VS Code's theme; the extension posts the JSON report to it.
    writeOutput(renderPage({ mode: 'webview', title: 'Governance Dashboard' }), v.output);
    return 0;
  }
  if (v.merge) {
    return runMerge(parsed.positionals, v);
  }
  if (parsed.positionals.length > 0) {
    throw new UsageError(`Unexpected argument "${parsed.positionals[0]}" (report files to combine go after --merge)`);
  }
  const format = v.format ?? 'text';
  if (!['json', 'html', 'text'].includes(format)) {
    throw new UsageError(`--format must be json, html or text (got "${format}")`);
  }
  const root = path.resolve(v.cwd ?? '.');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    throw new UsageError(`--cwd must be an existing directory (got "${v.cwd ?? '.'}")`);
  }
  const reworkDays = v['rework-days'] === undefined ? 14 : Number(v['rework-days']);
  if (!Number.isInteger(reworkDays) || reworkDays < 1) {
    throw new UsageError(`--rework-days must be a positive whole number of days (got "${v['rework-days']}")`);
  }
  const since = parseDate('--since', v.since);
  const now = parseDate('--now', v.now) ?? Date.now();
  if (v['max-file-size'] !== undefined && !(Number(v['max-file-size']) > 0)) {
    throw new UsageError('--max-file-size must be a positive number of MB');
  }
  const endpoint = v['otlp-endpoint'];
  if (endpoint !== undefined) {
    try {
      metricsUrl(endpoint);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  const orgLayer = await defaultOrgLayer();
  const report = await inputErrorsAsUsage(() => computeReport({
    root,
    configFile: v.config,
    since,
    reworkDays,
    now,
    jobs: parseJobs(v.jobs),
    gitignore: !v['no-gitignore'],
    maxBytes: Number(v['max-file-size'] ?? 5) * 1024 * 1024,
    team: v.team,
    sarif: v.sarif,
    orgLayer,
    warn: warnOnStderr,
  }));
  const out = format === 'json' ? JSON.stringify(report, null, 2) + '\n' : format === 'html' ? renderPage({ mode: 'file', report }) : formatReportText(report);
  writeOutput(out, v.output);
  if (endpoint !== undefined) {
    try {
      await exportOtlp(endpoint, otlpPayload(report, Date.now()), { headers: envHeaders(process.env) });
    } catch (e) {
      process.stderr.write(`conductor: OTLP export failed: ${(e as Error).message}\n`);
      return 2;
    }
  }
  return 0;
}

/**
 * `conductor report --merge FILE… [--format json|html] [--output FILE]`: many repositories' JSON reports
 * combined into one organisation view.
 */
async function runMerge(files: string[], v: Record<string, unknown>): Promise<number> {
  const format = (v.format as string | undefined) ?? 'json';
  if (format !== 'json' && format !== 'html') {
    throw new UsageError(`--merge writes --format json or html (got "${format}")`);
  }
  const scanOnly = ['sarif', 'team', 'otlp-endpoint', 'since', 'rework-days', 'cwd', 'config', 'jobs', 'no-gitignore', 'max-file-size'].filter((k) => v[k] !== undefined);
  if (scanOnly.length > 0) {
    throw new UsageError(`--${scanOnly[0]} applies to one repository's report, not to --merge`);
  }
  if (files.length === 0) {
    throw new UsageError('--merge needs report files: conductor report --merge reports/*.json');
  }
  const now = parseDate('--now', v.now as string | undefined) ?? Date.now();
  const org = await inputErrorsAsUsage(async () => mergeReports(files.map((file) => ({ file, report: readReport(path.resolve(file)) })), now));
  writeOutput(format === 'json' ? JSON.stringify(org, null, 2) + '\n' : renderOrgPage(org), v.output as string | undefined);
  return 0;
}

function writeOutput(out: string, output: string | undefined): void {
  if (output) {
    try {
      fs.writeFileSync(path.resolve(output), out);
    } catch (e) {
      throw new UsageError(`Cannot write --output ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    process.stdout.write(out);
  }
}

/** An unreadable or invalid input file (SARIF, merged reports) ends the run with its reason (exit 2). */
async function inputErrorsAsUsage<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof ReportInputError ? new UsageError(e.message) : e;
  }
}

/** A date or date-time (`2026-01-31`, `2026-01-31T12:00:00Z`); a date alone is midnight UTC. */
function parseDate(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const t = Date.parse(value);
  if (Number.isNaN(t)) {
    throw new UsageError(`${flag} must be a date such as 2026-01-31 or 2026-01-31T12:00:00Z (got "${value}")`);
  }
  return t;
}
