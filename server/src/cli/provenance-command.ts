import { createHash, randomUUID } from 'crypto';
import * as path from 'path';
import { loadWorkspaceConfig, markerProvenance, type AiRegion, type Policy } from '../engine';
import { maskSecretsIn, secretRulesOf } from '../engine/check/secret-mask';
import { SIDECAR_DIR } from '../engine/provenance/sidecar';
import { provenanceSourceFor } from '../host/provenance-store';
import { readTextFile } from '../host/read-text-file';
import { walkFiles } from '../host/walk-files';
import { oneOf, parseCliArgs, requireTargets, workspaceRoot } from './cli-args';
import { diskHost } from '../host/disk-config-host';
import { convertProvenance, type ConvertOutcome } from './provenance-convert';

declare const VERSION: string;

interface FileRegions {
  path: string;
  lines: string[];
  regions: AiRegion[];
}

/** `conductor provenance [paths…] --format text|json|agent-trace | --convert DIRECTION`: lists or migrates AI regions. */
export function runProvenance(argv: string[]): number {
  const parsed = parseCliArgs(argv, { format: { type: 'string' }, convert: { type: 'string' }, cwd: { type: 'string' }, 'no-gitignore': { type: 'boolean' } });
  const format = oneOf(parsed.values.format ?? 'text', ['text', 'json', 'agent-trace'] as const, '--format');
  const root = workspaceRoot(parsed.values.cwd);
  requireTargets(root, parsed.positionals);
  const gitignore = !parsed.values['no-gitignore'];
  if (parsed.values.convert !== undefined) {
    return reportConversion(convertProvenance(root, oneOf(parsed.values.convert, ['markers-to-sidecar', 'sidecar-to-markers'] as const, '--convert'), parsed.positionals, gitignore));
  }
  const policy = loadWorkspaceConfig(root, diskHost()).policy;
  if (!policy) {
    process.stderr.write('conductor provenance: the rule file does not load, so its provenance.store is unknown: listing markers only.\n');
  }
  const sidecar = policy?.resolved.provenanceStore === 'sidecar';
  const source = policy ? provenanceSourceFor(root, policy) : markerProvenance;
  const mask = regionMasker(policy);
  const files: FileRegions[] = [];
  let dropped = 0;
  for (const rel of walkFiles(root, parsed.positionals, { gitignore })) {
    if (rel.startsWith(`${SIDECAR_DIR}/`)) {
      continue;
    }
    const read = readTextFile(path.join(root, rel), undefined, [root]);
    if (!('text' in read) || (!sidecar && !read.text.includes('@ai-generated'))) {
      continue;
    }
    const found = source.regionsFor(rel, read.text);
    dropped += found.dropped ?? 0;
    if (found.regions.length > 0) {
      files.push({ path: rel, lines: read.text.split(/\r?\n/), regions: found.regions.map(mask) });
    }
  }
  const out = format === 'json' ? toJson(files) : format === 'agent-trace' ? toAgentTrace(files) : toText(files, dropped);
  process.stdout.write(out);
  return 0;
}

function reportConversion(o: ConvertOutcome): number {
  for (const r of o.refused) {
    process.stderr.write(`conductor provenance: left as it was: ${r}\n`);
  }
  const dropped = o.dropped > 0 ? `; ${o.dropped} recorded block(s) dropped (their lines are gone)` : '';
  process.stdout.write(`Converted ${o.blocks} AI block(s) in ${o.converted} file(s)${dropped}.\n`);
  return o.refused.length > 0 ? 1 : 0;
}

/**
 * Marker fields are free text an author (or an assistant) wrote: a token pasted into `tool=` or
 * `reviewed-by=` is masked like in findings, with the workspace's secret rules (none when its
 * rule file does not load: the entropy and URL-credential tests still apply).
 */
function regionMasker(policy: Policy | undefined): (r: AiRegion) => AiRegion {
  const rules = policy ? secretRulesOf(policy) : [];
  const m = (v: string | undefined): string | undefined => (v === undefined ? undefined : maskSecretsIn(v, rules));
  return (r) => ({
    ...r,
    id: maskSecretsIn(r.id, rules),
    tool: maskSecretsIn(r.tool, rules),
    useCase: m(r.useCase),
    at: m(r.at),
    reviewedBy: m(r.reviewedBy),
    reviewedAt: m(r.reviewedAt),
    acceptedBy: m(r.acceptedBy),
    extra: Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k, maskSecretsIn(v, rules)])),
  });
}

/** 1-based, inclusive lines of the code between the markers (empty blocks have start > end). */
function contentLines(r: AiRegion): { start: number; end: number } {
  return { start: r.beginLine + 2, end: r.endLine };
}

function toJson(files: FileRegions[]): string {
  const regions = files.flatMap((f) =>
    f.regions.map((r) => ({
      file: f.path,
      id: r.id,
      startLine: contentLines(r).start,
      endLine: contentLines(r).end,
      tool: r.tool,
      useCase: r.useCase ?? null,
      at: r.at ?? null,
      reviewed: r.reviewedBy !== undefined,
      reviewedBy: r.reviewedBy ?? null,
      reviewedAt: r.reviewedAt ?? null,
    })),
  );
  return JSON.stringify({ version: 1, regions }, null, 2) + '\n';
}

/**
 * One Agent Trace record (spec 0.1.0) for the working tree: a conversation per AI block, the
 * contributor's `model_id` is the marker's tool, and `content_hash` hashes the block's lines.
 */
function toAgentTrace(files: FileRegions[]): string {
  const record = {
    version: '0.1.0',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    tool: { name: 'conductor', version: VERSION },
    files: files.map((f) => ({
      path: f.path,
      conversations: f.regions.map((r) => {
        const { start, end } = contentLines(r);
        const content = f.lines.slice(start - 1, end).join('\n');
        return {
          contributor: { type: 'ai', model_id: r.tool },
          ranges: [{ start_line: start, end_line: end, content_hash: `sha256:${createHash('sha256').update(content).digest('hex')}` }],
          metadata: { conductor: { block_id: r.id, use_case: r.useCase ?? null, at: r.at ?? null, reviewed_by: r.reviewedBy ?? null } },
        };
      }),
    })),
  };
  return JSON.stringify(record, null, 2) + '\n';
}

function toText(files: FileRegions[], dropped: number): string {
  const lines: string[] = [];
  let total = 0;
  for (const f of files) {
    for (const r of f.regions) {
      const { start, end } = contentLines(r);
      total += Math.max(0, end - start + 1);
      lines.push(`${f.path}:${start}-${end}  ${r.id}  tool=${r.tool}  use=${r.useCase ?? '-'}  ${r.reviewedBy ? `reviewed by ${r.reviewedBy}` : 'UNREVIEWED'}`);
    }
  }
  const blocks = files.reduce((n, f) => n + f.regions.length, 0);
  lines.push(`${blocks} AI block(s), ${total} line(s) in ${files.length} file(s).`);
  if (dropped > 0) {
    lines.push(`${dropped} recorded block(s) dropped: their lines are gone.`);
  }
  return lines.join('\n') + '\n';
}
