import * as fs from 'fs';
import * as path from 'path';
import { readBoundedText } from '../host/read-bounded';
import { UsageError } from './cli-config';
import { oneOf, parseCliArgs } from './cli-args';
import { mergeJsonReports, type JsonReport } from './merge-json';
import { mergeSarifReports, type SarifLog } from './merge-sarif';
import type { Shard } from './shard';

// `conductor merge A B …`: one report from the reports of `check --shard K/N` runs, for a gate that needs
// a single verdict. It fails closed: a set that is not exactly the N shards of one rule set is refused.

/** Bound on one input report: far above GitHub's 10 MB (gzipped) SARIF upload limit. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

const MERGE_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
} as const;

interface Input<T> {
  file: string;
  report: T;
  policy?: string;
  shard?: Shard;
  /** Paths with findings, to refuse unsharded reports that overlap. */
  paths: string[];
}

export function runMerge(argv: string[]): number {
  const { values, positionals } = parseCliArgs(argv, MERGE_OPTIONS);
  const format = oneOf(values.format ?? 'json', ['json', 'sarif'] as const, '--format');
  const failOn = oneOf(values['fail-on'] ?? 'error', ['error', 'warning', 'never'] as const, '--fail-on');
  if (positionals.length === 0) {
    throw new UsageError('merge needs the report files of the shards, e.g. conductor merge shard-*.json');
  }
  const parsed = positionals.map((file) => ({ file, value: readReport(file) }));
  const merged =
    format === 'json'
      ? mergeJsonReports(checkSet(parsed.map((p) => jsonInput(p.file, p.value))).map((i) => i.report), failOn)
      : mergeSarifReports(checkSet(parsed.map((p) => sarifInput(p.file, p.value))).map((i) => i.report), failOn);
  if (values.output) {
    try {
      fs.writeFileSync(values.output, merged.text);
    } catch (e) {
      throw new UsageError(`Cannot write --output ${values.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    process.stdout.write(merged.text);
  }
  return merged.fails ? 1 : 0;
}

function readReport(file: string): unknown {
  const read = readBoundedText(path.resolve(file), { maxBytes: MAX_REPORT_BYTES });
  if (!read.ok) {
    throw new UsageError(`Cannot read ${file}: ${read.reason}`);
  }
  try {
    return JSON.parse(read.text) as unknown;
  } catch (e) {
    throw new UsageError(`${file} is not a Conductor report: ${(e as Error).message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonInput(file: string, v: unknown): Input<JsonReport> {
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.results) || !Array.isArray(v.skipped) || !isObject(v.summary)) {
    throw new UsageError(`${file} is not a Conductor JSON report (version 1; use --format sarif for SARIF files)`);
  }
  const r = v as unknown as JsonReport;
  if (!r.results.every((x) => isObject(x) && typeof x.path === 'string' && Array.isArray(x.findings))) {
    throw new UsageError(`${file}: malformed results`);
  }
  return { file, report: r, policy: r.policy?.sha256, shard: r.shard, paths: r.results.map((x) => x.path) };
}

function sarifInput(file: string, v: unknown): Input<SarifLog> {
  const run = isObject(v) && v.version === '2.1.0' && Array.isArray(v.runs) && v.runs.length === 1 ? (v.runs[0] as unknown) : undefined;
  const driver = isObject(run) && isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  if (!isObject(run) || driver?.name !== 'Conductor' || !Array.isArray(driver.rules) || !Array.isArray(run.results)) {
    throw new UsageError(`${file} is not a Conductor SARIF 2.1.0 log (one run by Conductor; use --format json for JSON reports)`);
  }
  const log = v as unknown as SarifLog;
  const props = log.runs[0].properties?.conductor;
  const paths = log.runs[0].results.map((x) => x.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
  return { file, report: log, policy: props?.policySha256, shard: props?.shard, paths };
}

/** The inputs, when they are one rule set's reports that neither overlap nor leave shards out. */
function checkSet<T>(inputs: Input<T>[]): Input<T>[] {
  const first = inputs[0];
  for (const i of inputs) {
    if (typeof i.policy !== 'string') {
      throw new UsageError(`${i.file} carries no policy fingerprint (made by an older Conductor?); re-run check with this version`);
    }
    if (i.policy !== first.policy) {
      throw new UsageError(`${i.file} was made with a different rule set than ${first.file} (policy ${i.policy.slice(0, 12)}… vs ${first.policy?.slice(0, 12)}…)`);
    }
    if ((i.shard === undefined) !== (first.shard === undefined)) {
      throw new UsageError(`${i.shard ? i.file : first.file} is a shard report but ${i.shard ? first.file : i.file} is not`);
    }
  }
  if (first.shard) {
    const count = first.shard.count;
    const seen = new Map<number, string>();
    for (const i of inputs) {
      const s = i.shard as Shard;
      if (!Number.isInteger(s.index) || !Number.isInteger(s.count) || s.count !== count || s.index < 1 || s.index > count) {
        throw new UsageError(`${i.file} is shard ${s.index}/${s.count}, ${first.file} is one of ${count}: the shards must come from one --shard K/${count} matrix`);
      }
      const dup = seen.get(s.index);
      if (dup !== undefined) {
        throw new UsageError(`shard ${s.index}/${count} appears twice (${dup} and ${i.file})`);
      }
      seen.set(s.index, i.file);
    }
    const missing = Array.from({ length: count }, (_x, k) => k + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) {
      throw new UsageError(`shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: a merge without every shard would pass findings it never saw`);
    }
    return inputs;
  }
  const owner = new Map<string, string>();
  for (const i of inputs) {
    for (const p of new Set(i.paths)) {
      const prev = owner.get(p);
      if (prev !== undefined) {
        throw new UsageError(`${prev} and ${i.file} both report ${p}: reports that overlap would count findings twice`);
      }
      owner.set(p, i.file);
    }
  }
  return inputs;
}
