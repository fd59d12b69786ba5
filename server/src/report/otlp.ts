// `--otlp-endpoint URL`: the headline figures as OpenTelemetry gauges, OTLP/HTTP with JSON encoding
// (POST {endpoint}/v1/metrics), sent with node's http/https — no SDK — within a total deadline.
import { maskSecretsIn } from '../engine/check/secret-mask';
import { deadlineMs, httpRequest } from '../host/http-request';
import type { GovernanceReport } from './schema';

const DEFAULT_DEADLINE_MS = 15_000;

type AttrValue = string | number | boolean;
type Attrs = Record<string, AttrValue>;

interface Point {
  value: number;
  int: boolean;
  attrs: Attrs;
}

interface Metric {
  name: string;
  unit: string;
  description: string;
  points: Point[];
}

function anyValue(v: AttrValue): Record<string, unknown> {
  return typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
}

const attributes = (a: Attrs): { key: string; value: Record<string, unknown> }[] => Object.entries(a).map(([key, v]) => ({ key, value: anyValue(v) }));

/** The metrics exported; null figures (nothing to divide) are left out rather than sent as 0. */
export function reportMetrics(r: GovernanceReport): Metric[] {
  const repo = { repo: r.repository.name };
  const metrics: Metric[] = [];
  const add = (name: string, unit: string, description: string, points: { value: number | null; int?: boolean; attrs?: Attrs }[]): void => {
    const kept = points.filter((p): p is { value: number; int?: boolean; attrs?: Attrs } => p.value !== null && Number.isFinite(p.value));
    if (kept.length > 0) {
      metrics.push({ name, unit, description, points: kept.map((p) => ({ value: p.value, int: p.int ?? false, attrs: { ...repo, ...p.attrs } })) });
    }
  };
  const s = r.aiShare;
  add('conductor.ai.share', '1', 'AI lines / (AI + human lines) in the working tree', [
    { value: s.share },
    ...s.byFolder.filter((f) => f.depth === 1).map((f) => ({ value: f.share, attrs: { folder: f.folder } })),
  ]);
  add('conductor.lines', '{line}', 'Lines of the working tree by origin', [
    { value: s.lines.ai, int: true, attrs: { origin: 'ai' } },
    { value: s.lines.human, int: true, attrs: { origin: 'human' } },
    ...s.byFolder.filter((f) => f.depth === 1).flatMap((f) => [
      { value: f.ai, int: true, attrs: { origin: 'ai', folder: f.folder } },
      { value: f.human, int: true, attrs: { origin: 'human', folder: f.folder } },
    ]),
  ]);
  add('conductor.review.lines', '{line}', 'AI lines by review status', [
    { value: r.review.lines.reviewed, int: true, attrs: { status: 'reviewed' } },
    { value: r.review.lines.unreviewed, int: true, attrs: { status: 'unreviewed' } },
  ]);
  add('conductor.review.unreviewed_age.median', 'd', 'Median age of unreviewed AI blocks (by at=)', [{ value: r.review.unreviewedAge.medianDays }]);
  add('conductor.rework.rate', '1', `Share of added lines modified or deleted within ${r.rework.windowDays} days`, [
    { value: r.rework.ai.rate, attrs: { origin: 'ai' } },
    { value: r.rework.human.rate, attrs: { origin: 'human' } },
  ]);
  add('conductor.rework.lines', '{line}', 'Added and reworked lines of the rework cohort', [
    { value: r.rework.ai.added, int: true, attrs: { origin: 'ai', kind: 'added' } },
    { value: r.rework.ai.reworked, int: true, attrs: { origin: 'ai', kind: 'reworked' } },
    { value: r.rework.human.added, int: true, attrs: { origin: 'human', kind: 'added' } },
    { value: r.rework.human.reworked, int: true, attrs: { origin: 'human', kind: 'reworked' } },
  ]);
  add('conductor.lead_time', 's', 'Time from an AI block’s first commit to its review attestation', [
    { value: r.leadTime.medianSeconds, attrs: { quantile: 'p50' } },
    { value: r.leadTime.p90Seconds, attrs: { quantile: 'p90' } },
  ]);
  add('conductor.findings', '{finding}', 'Findings of the gate scan by layer', [
    { value: r.policy.findings.total, int: true },
    ...r.policy.findings.byLayer.map((l) => ({ value: l.count, int: true, attrs: { layer: l.layer } })),
  ]);
  add('conductor.findings.per_kloc', '{finding}/{kline}', 'Findings per 1,000 lines inside and outside AI blocks', [
    { value: r.policy.aiRegions.insidePer1000, attrs: { region: 'ai' } },
    { value: r.policy.aiRegions.outsidePer1000, attrs: { region: 'human' } },
  ]);
  return metrics;
}

/** The ExportMetricsServiceRequest body (OTLP/JSON). */
export function otlpPayload(r: GovernanceReport, timeMs: number): unknown {
  const timeUnixNano = `${BigInt(Math.round(timeMs)) * 1000000n}`;
  return {
    resourceMetrics: [
      {
        resource: {
          attributes: attributes({
            'service.name': 'conductor',
            repo: r.repository.name,
            ...(r.repository.head ? { 'vcs.ref.head.revision': r.repository.head } : {}),
            ...(r.repository.branch ? { 'vcs.ref.head.name': r.repository.branch } : {}),
          }),
        },
        scopeMetrics: [
          {
            scope: { name: 'conductor.report', version: r.tool.version },
            metrics: reportMetrics(r).map((m) => ({
              name: m.name,
              unit: m.unit,
              description: m.description,
              gauge: {
                dataPoints: m.points.map((p) => ({
                  attributes: attributes(p.attrs),
                  timeUnixNano,
                  ...(p.int ? { asInt: String(Math.round(p.value)) } : { asDouble: p.value }),
                })),
              },
            })),
          },
        ],
      },
    ],
  };
}

/** `{endpoint}/v1/metrics`, unless the endpoint already names that path. */
export function metricsUrl(endpoint: string): URL {
  const u = new URL(endpoint);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(maskSecretsIn(`--otlp-endpoint must be an http(s) URL (got "${endpoint}")`));
  }
  if (!u.pathname.endsWith('/v1/metrics')) {
    u.pathname = `${u.pathname.replace(/\/+$/, '')}/v1/metrics`;
  }
  return u;
}

/** `OTEL_EXPORTER_OTLP_HEADERS` / `OTEL_EXPORTER_OTLP_METRICS_HEADERS`: `k=v,k2=v2` (values URL-encoded). */
export function envHeaders(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of [env.OTEL_EXPORTER_OTLP_HEADERS, env.OTEL_EXPORTER_OTLP_METRICS_HEADERS]) {
    for (const pair of (spec ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) {
        out[decodeURIComponent(pair.slice(0, eq).trim())] = decodeURIComponent(pair.slice(eq + 1).trim());
      }
    }
  }
  return out;
}

/** POSTs the payload; resolves on a 2xx answer, rejects with the status and the start of the body otherwise. */
export async function exportOtlp(endpoint: string, payload: unknown, o: { timeoutMs?: number; headers?: Record<string, string> } = {}): Promise<void> {
  const url = metricsUrl(endpoint);
  const body = Buffer.from(JSON.stringify(payload));
  const res = await httpRequest(url, {
    method: 'POST',
    headers: { ...o.headers, 'content-type': 'application/json', 'content-length': body.length },
    body,
    deadlineMs: o.timeoutMs ?? deadlineMs(DEFAULT_DEADLINE_MS),
    // A collector answers with a small JSON object; nothing of a success body is used.
    maxBytes: 64 * 1024,
    maxErrorBytes: 200,
  });
  if (res.status < 200 || res.status >= 300) {
    // The body is the collector's text: it may echo our headers, so it is masked like the URL.
    throw new Error(maskSecretsIn(`${url.href} answered ${res.status}: ${res.body.toString('utf8')}`));
  }
}
