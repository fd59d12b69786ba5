import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { gzipSync } from 'zlib';
import { SEVERITY_RANK, type Finding, type Severity } from '../../engine';
import { describeTemplate } from '../../engine/check/message-template';
import type { GateReport } from './report';
import { shardCategory } from '../shard';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const FINGERPRINT_KEY = 'conductorFingerprint/v1';

/**
 * GitHub code scanning's documented limits for one uploaded SARIF file. Past `results` or `rules` an
 * upload is rejected, so we truncate (most severe first) and warn; past `displayedResults` GitHub
 * keeps only the most severe, so we warn. We emit 1 run, 1 location per result and at most 1 tag per
 * rule, well inside the limits of 20 runs, 1,000 locations (100 shown) and 20 tags (10 shown).
 */
export const GITHUB_LIMITS = {
  results: 25_000,
  displayedResults: 5_000,
  rules: 25_000,
  gzipBytes: 10 * 1024 * 1024,
};

/** Security-severity GitHub shows as Critical (≥ 9.0), High (7.0–8.9), Medium (4.0–6.9) or Low. */
const SECURITY_SEVERITY: Record<'secrets' | 'security', Record<'error' | 'warning' | 'note', string>> = {
  secrets: { error: '9.0', warning: '7.0', note: '4.0' },
  security: { error: '8.0', warning: '5.0', note: '3.0' },
};

export interface RuleInfo {
  /** What the rule checks (for pattern rules, their message). */
  description?: string;
  /** The rule's own docs link from the rule file. */
  docs?: string;
}

export interface SarifOptions {
  toolVersion: string;
  /** Absolute URL prefix of the built-in rule docs (`<id>.md` is appended). */
  docsBaseUrl: string;
  /** file:// URI of %SRCROOT% (the repository root when there is one), ending in `/`. */
  rootUri: string;
  /** Path from %SRCROOT% to the checked root, '' or ending in `/` (e.g. `packages/app/`). */
  pathPrefix?: string;
  ruleInfo?: (ruleId: string) => RuleInfo | undefined;
  /** Receives a line for each limit that was hit (printed on stderr by the CLI). */
  warn?: (message: string) => void;
  limits?: Partial<typeof GITHUB_LIMITS>;
}

/** Where SARIF paths are relative to: the enclosing git work tree (GitHub resolves them from the repo root), else the checked root. */
export function sarifRoot(root: string): { rootUri: string; pathPrefix: string } {
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) {
      const rel = path.relative(dir, path.resolve(root)).split(path.sep).join('/');
      return { rootUri: pathToFileURL(dir + path.sep).href, pathPrefix: rel ? `${rel}/` : '' };
    }
    if (path.dirname(dir) === dir) {
      return { rootUri: pathToFileURL(path.resolve(root) + path.sep).href, pathPrefix: '' };
    }
  }
}

interface Item {
  file: GateReport['files'][number];
  finding: Finding;
  index: number;
  fingerprint?: string;
}

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, rules with metadata and help links, paths
 * relative to %SRCROOT%, line-independent partialFingerprints, security-severity for security and
 * secrets rules, and the results truncated deterministically to the upload limits.
 */
export function formatSarif(report: GateReport, o: SarifOptions): string {
  const limits = { ...GITHUB_LIMITS, ...o.limits };
  const warn = o.warn ?? (() => undefined);
  const notices: string[] = [];
  const notify = (m: string): void => {
    notices.push(m);
    warn(m);
  };
  let items: Item[] = [];
  for (const file of report.files) {
    file.findings.forEach((finding, i) => items.push({ file, finding, index: items.length, fingerprint: file.fingerprints?.[i] }));
  }
  const total = items.length;
  if (items.length > limits.results) {
    items = mostSevere(items, limits.results);
    notify(
      `SARIF: ${total} results exceed GitHub code scanning's limit of ${limits.results} per run; kept the ${limits.results} most severe (${total - limits.results} dropped). Baseline or fix the rest.`,
    );
  }
  const maxSeverity = new Map<string, Severity>();
  const samples = new Map<string, Finding>();
  for (const it of items) {
    if (!samples.has(it.finding.ruleId)) {
      samples.set(it.finding.ruleId, it.finding);
    }
    const prev = maxSeverity.get(it.finding.ruleId);
    if (!prev || SEVERITY_RANK[it.finding.severity] > SEVERITY_RANK[prev]) {
      maxSeverity.set(it.finding.ruleId, it.finding.severity);
    }
  }
  let ruleIds = [...maxSeverity.keys()].sort(byCodeUnit);
  if (ruleIds.length > limits.rules) {
    const kept = new Set(
      [...ruleIds]
        .sort((a, b) => SEVERITY_RANK[maxSeverity.get(b) as Severity] - SEVERITY_RANK[maxSeverity.get(a) as Severity] || byCodeUnit(a, b))
        .slice(0, limits.rules),
    );
    notify(`SARIF: ${ruleIds.length} rules exceed GitHub code scanning's limit of ${limits.rules} per run; results of the ${ruleIds.length - limits.rules} least severe rules dropped.`);
    ruleIds = ruleIds.filter((id) => kept.has(id));
    items = items.filter((it) => kept.has(it.finding.ruleId));
  }
  if (items.length > limits.displayedResults) {
    notify(`SARIF: ${items.length} results; GitHub code scanning shows only the ${limits.displayedResults} most severe of a run.`);
  }
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const prefix = o.pathPrefix ?? '';
  const results = items.map((it) => {
    const x = it.finding;
    return {
      ruleId: x.ruleId,
      ruleIndex: ruleIndex.get(x.ruleId) as number,
      level: LEVEL[x.severity],
      message: { text: x.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(prefix + it.file.relPath), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: x.range.start.line + 1,
              startColumn: x.range.start.character + 1,
              endLine: x.range.end.line + 1,
              endColumn: x.range.end.character + 1,
            },
          },
        },
      ],
      ...(it.fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: it.fingerprint } } : {}),
      ...(report.baseline ? { baselineState: 'new' } : {}),
      // Finding.properties (e.g. `ai`: the AI region a finding is in) passes through as the result's property bag.
      ...(x.properties && Object.keys(x.properties).length > 0 ? { properties: x.properties } : {}),
    };
  });
  const runProps = {
    ...(report.baseline ? { baseline: { known: report.baseline.known, stale: report.baseline.stale.length } } : {}),
    ...(report.changes ? { changes: report.changes } : {}),
    ...(report.policySha256 ? { policySha256: report.policySha256 } : {}),
    ...(report.shard ? { shard: report.shard } : {}),
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Conductor',
            informationUri: 'https://github.com/conductor-dev/conductor',
            version: o.toolVersion,
            semanticVersion: o.toolVersion,
            rules: ruleIds.map((id) => ruleDescriptor(id, maxSeverity.get(id) as Severity, samples.get(id), o)),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notices.length > 0 ? { toolExecutionNotifications: notices.map((text) => ({ level: 'warning', message: { text } })) } : {}),
          },
        ],
        // Each shard uploads under its own category; GitHub would otherwise replace one shard's results with the next's.
        ...(report.shard ? { automationDetails: { id: shardCategory(report.shard) } } : {}),
        originalUriBaseIds: { '%SRCROOT%': { uri: o.rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
        ...(Object.keys(runProps).length > 0 ? { properties: { conductor: runProps } } : {}),
      },
    ],
  };
  const out = JSON.stringify(sarif, null, 2) + '\n';
  if (out.length > limits.gzipBytes) {
    const size = gzipSync(out).length;
    if (size > limits.gzipBytes) {
      warn(`SARIF: ${(size / 1048576).toFixed(1)} MB gzipped exceeds GitHub's ${(limits.gzipBytes / 1048576).toFixed(0)} MB upload limit; check fewer files or use a baseline.`);
    }
  }
  return out;
}

function ruleDescriptor(id: string, severity: Severity, sample: Finding | undefined, o: SarifOptions): Record<string, unknown> {
  const info = o.ruleInfo?.(id);
  const helpUri = helpUriFor(id, info?.docs ?? sample?.docsUrl, o.docsBaseUrl);
  const full = cleanTemplate(info?.description ?? sample?.message ?? id);
  const short = firstSentence(full);
  const family = id.startsWith('secrets/') ? 'secrets' : id.startsWith('security/') ? 'security' : undefined;
  const level = LEVEL[severity];
  return {
    id,
    name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: short },
    fullDescription: { text: full },
    ...(helpUri ? { helpUri } : {}),
    help: helpUri ? { text: `${full}\n\nDocumentation: ${helpUri}`, markdown: `${full}\n\n[Rule documentation](${helpUri})` } : { text: full },
    defaultConfiguration: { level },
    ...(family ? { properties: { tags: ['security'], 'security-severity': SECURITY_SEVERITY[family][level], precision: 'high' } } : {}),
  };
}

/** Rules with a docs page in the built-in `rules/docs/` link to its published copy; rule files may give their own URL. */
function helpUriFor(id: string, docs: string | undefined, base: string): string | undefined {
  if (docs && /^https?:\/\//.test(docs)) {
    return docs;
  }
  if (docs?.startsWith('file:') && docs.replace(/\\/g, '/').endsWith(`/docs/${id}.md`)) {
    return `${base}${id}.md`;
  }
  return undefined;
}

/** Pattern messages are templates: in a description, what a match would insert reads `…`. */
function cleanTemplate(s: string): string {
  return describeTemplate(s).replace(/\s+/g, ' ').trim();
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}

/** The `limit` most severe items (ties: report order), back in report order. */
function mostSevere(items: Item[], limit: number): Item[] {
  return [...items]
    .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index);
}

/** A relative URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`…), slashes kept. */
function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
