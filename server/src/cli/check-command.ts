import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { pathToFileURL } from 'url';
import { SEVERITY_RANK, type Severity } from '../engine';
import { docsResolver } from '../lsp/builtin-dir';
import { scanWorkspace } from '../scan/scan-workspace';
import { diskHost, loadCliConfig, UsageError } from './cli-config';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';

declare const VERSION: string;
const DOCS_BASE = 'https://github.com/conductor-dev/conductor/blob/main/rules/docs/';

export function runCheck(argv: string[]): number {
  const { values, positionals } = parseCheckArgs(argv);
  const root = path.resolve(values.cwd ?? '.');
  const host = diskHost();
  const { policy } = loadCliConfig(root, values.config, host);
  const format = values.format ?? 'text';
  const failOn = values['fail-on'] ?? 'error';
  const result = scanWorkspace({
    root,
    targets: positionals,
    policy,
    docsUrl: docsResolver(host.builtinDir),
    gitignore: !values['no-gitignore'],
    maxBytes: Number(values['max-file-size'] ?? 5) * 1024 * 1024,
    keepText: format === 'sarif',
  });
  const report =
    format === 'json'
      ? formatJson(result.files, result.skipped)
      : format === 'sarif'
        ? formatSarif(result.files, { toolVersion: VERSION, docsBaseUrl: DOCS_BASE, rootUri: pathToFileURL(root + path.sep).href })
        : formatText(result.files, result.skipped, !values.output && process.stdout.isTTY === true);
  if (values.output) {
    fs.writeFileSync(values.output, report);
  } else {
    process.stdout.write(report);
  }
  if (values.verbose) {
    for (const s of result.skipped) {
      process.stderr.write(`skipped ${s.path}: ${s.reason}\n`);
    }
    const { files, bytes, ms } = result.stats;
    process.stderr.write(`checked ${files} files (${(bytes / 1048576).toFixed(1)} MB) in ${ms.toFixed(0)} ms\n`);
  }
  if (failOn === 'never') {
    return 0;
  }
  const threshold = SEVERITY_RANK[failOn];
  return result.files.some((f) => f.findings.some((x) => SEVERITY_RANK[x.severity] >= threshold)) ? 1 : 0;
}

function parseCheckArgs(argv: string[]): {
  values: { format?: 'text' | 'json' | 'sarif'; config?: string; cwd?: string; 'fail-on'?: Severity & ('error' | 'warning') | 'never'; output?: string; 'no-gitignore'?: boolean; 'max-file-size'?: string; verbose?: boolean };
  positionals: string[];
} {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        cwd: { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string', short: 'o' },
        'no-gitignore': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.format && !['text', 'json', 'sarif'].includes(v.format)) {
    throw new UsageError(`--format must be text, json or sarif (got "${v.format}")`);
  }
  if (v['fail-on'] && !['error', 'warning', 'never'].includes(v['fail-on'])) {
    throw new UsageError(`--fail-on must be error, warning or never (got "${v['fail-on']}")`);
  }
  if (v['max-file-size'] && !(Number(v['max-file-size']) > 0)) {
    throw new UsageError(`--max-file-size must be a positive number of MB`);
  }
  return parsed as ReturnType<typeof parseCheckArgs>;
}
