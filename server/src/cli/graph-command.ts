import * as path from 'path';
import { performance } from 'perf_hooks';
import { DocumentContext, languageIdForPath, type Policy } from '../engine';
import { analyzeDocument, checkBoundaries, LAYER_VIOLATION, PRIVATE_IMPORT } from '../engine/boundaries';
import { importLanguage } from '../engine/imports';
import { syntaxFor } from '../engine/text/languages';
import { readTextFile } from '../host/read-text-file';
import { walkFiles } from '../host/walk-files';
import { UsageError } from './cli-config';
import { diskHost } from '../host/disk-config-host';
import { loadPolicyOrFail } from '../host/load-policy';
import { oneOf, parseCliArgs, requireTargets, workspaceRoot } from './cli-args';

// conductor graph: the layer dependency graph of `boundaries.layers`, with import and violation counts.

export const GRAPH_HELP = `Usage: conductor graph [paths…] [--format text|json|dot] [--cwd DIR] [--config FILE]

Prints the dependency graph between the layers declared in the rule file's boundaries.layers:
how many imports go from each layer to each other layer, and how many of them are violations
(boundaries/layer-violation, boundaries/private-import).

  --format <f>     text (default) | json | dot (Graphviz: conductor graph --format dot | dot -Tsvg)
  --config <file>  Rule file (default: .conductor/rules.jsonc or .json)
  --cwd <dir>      Workspace root (default: the current directory)
  --no-gitignore   Also read files that .gitignore excludes
`;

export interface LayerEdge {
  from: string;
  to: string;
  imports: number;
  /** Whether boundaries.allow/deny allow this edge at all. */
  allowed: boolean;
  violations: number;
  privateImports: number;
  reason?: string;
}

export interface GraphViolation {
  ruleId: string;
  file: string;
  line: number;
  target: string;
  fromLayer?: string;
  toLayer?: string;
  message: string;
}

export interface LayerGraph {
  layers: { name: string; files: number; internalImports: number; public?: string[]; description?: string }[];
  unlayeredFiles: number;
  edges: LayerEdge[];
  violations: GraphViolation[];
  stats: { files: number; imports: number; ms: number };
}

/** Reads every source file under the targets once and aggregates its imports by layer. */
export function buildLayerGraph(root: string, targets: string[], policy: Policy, options: { gitignore?: boolean; maxBytes?: number } = {}): LayerGraph {
  const start = performance.now();
  const config = policy.resolved.boundaries;
  if (!config || config.layers.size === 0) {
    throw new UsageError('The rule file declares no boundaries.layers: there is no layer graph to print.');
  }
  const relPaths = walkFiles(root, targets, { gitignore: options.gitignore ?? true, isIgnored: (p) => policy.isIgnored(p) });
  const layers = new Map([...config.layers.values()].map((l) => [l.name, { name: l.name, files: 0, internalImports: 0, public: l.public, description: l.description }]));
  const edges = new Map<string, LayerEdge>();
  const violations: GraphViolation[] = [];
  let unlayeredFiles = 0;
  let files = 0;
  let imports = 0;
  for (const relPath of relPaths) {
    if (!importLanguage(syntaxFor(undefined, relPath).id)) {
      continue;
    }
    const read = readTextFile(path.join(root, relPath), options.maxBytes, [root]);
    if ('skipped' in read) {
      continue;
    }
    files++;
    const ctx = new DocumentContext({ relPath, text: read.text, root, languageId: languageIdForPath(relPath) }, policy);
    const doc = analyzeDocument(ctx);
    if (!doc) {
      continue;
    }
    const own = doc.fromLayer ? layers.get(doc.fromLayer) : undefined;
    if (own) {
      own.files++;
    } else {
      unlayeredFiles++;
    }
    for (const a of doc.imports) {
      imports++;
      if (!a.fromLayer || !a.toLayer || a.layerSkipped) {
        continue;
      }
      if (a.fromLayer === a.toLayer) {
        own!.internalImports++;
        continue;
      }
      const key = `${a.fromLayer}\0${a.toLayer}`;
      let e = edges.get(key);
      if (!e) {
        const d = doc.boundaries.decide(a.fromLayer, a.toLayer);
        e = { from: a.fromLayer, to: a.toLayer, imports: 0, allowed: d.allowed, violations: 0, privateImports: 0, ...(!d.allowed && d.via === 'deny' ? { reason: d.reason } : {}) };
        edges.set(key, e);
      }
      e.imports++;
    }
    // Violations as `conductor check` reports them (rule severities and overrides apply; suppressions do not).
    for (const f of checkBoundaries(ctx, { docsUrl: () => undefined }, doc)) {
      if (f.ruleId !== LAYER_VIOLATION && f.ruleId !== PRIVATE_IMPORT) {
        continue;
      }
      const p = f.properties ?? {};
      const fromLayer = p.fromLayer as string | undefined;
      const toLayer = p.toLayer as string | undefined;
      violations.push({ ruleId: f.ruleId, file: relPath, line: f.range.start.line + 1, target: String(p.to), fromLayer, toLayer, message: f.message });
      const e = fromLayer && toLayer ? edges.get(`${fromLayer}\0${toLayer}`) : undefined;
      if (e) {
        if (f.ruleId === LAYER_VIOLATION) {
          e.violations++;
        } else {
          e.privateImports++;
        }
      }
    }
  }
  return {
    layers: [...layers.values()],
    unlayeredFiles,
    edges: [...edges.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    violations,
    stats: { files, imports, ms: performance.now() - start },
  };
}

export function runGraph(argv: string[]): number {
  const parsed = parseCliArgs(argv, {
    format: { type: 'string' },
    config: { type: 'string' },
    cwd: { type: 'string' },
    'no-gitignore': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(GRAPH_HELP);
    return 0;
  }
  const format = oneOf(v.format ?? 'text', ['text', 'json', 'dot'] as const, '--format');
  const root = workspaceRoot(v.cwd);
  requireTargets(root, parsed.positionals);
  const { policy } = loadPolicyOrFail(root, v.config, diskHost(root));
  const graph = buildLayerGraph(root, parsed.positionals, policy, { gitignore: !v['no-gitignore'] });
  process.stdout.write(format === 'json' ? formatGraphJson(graph) : format === 'dot' ? formatGraphDot(graph) : formatGraphText(graph));
  return 0;
}

export function formatGraphJson(g: LayerGraph): string {
  return JSON.stringify({ version: 1, ...g, stats: { ...g.stats, ms: Math.round(g.stats.ms) } }, null, 2) + '\n';
}

export function formatGraphDot(g: LayerGraph): string {
  const q = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;
  const out = ['digraph layers {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica"];'];
  for (const l of g.layers) {
    out.push(`  ${q(l.name)} [label=${q(`${l.name}\\n${l.files} file${l.files === 1 ? '' : 's'}`)}];`);
  }
  for (const e of g.edges) {
    const bad = e.violations + e.privateImports;
    const parts = [`${e.imports}`];
    if (e.violations) {
      parts.push(`${e.violations} violation${e.violations === 1 ? '' : 's'}`);
    }
    if (e.privateImports) {
      parts.push(`${e.privateImports} private`);
    }
    const label = parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0];
    const style = e.violations ? ', color="red", fontcolor="red", penwidth=2' : bad ? ', color="orange", fontcolor="orange"' : '';
    out.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(label)}${style}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

export function formatGraphText(g: LayerGraph): string {
  const total = g.edges.reduce((n, e) => n + e.imports, 0);
  const out = [
    `Layer graph: ${g.layers.length} layers, ${g.stats.files} source files (${g.unlayeredFiles} in no layer), ${total} imports between layers`,
    '',
  ];
  const width = Math.max(4, ...g.layers.map((l) => l.name.length));
  for (const l of g.layers) {
    out.push(`${l.name} (${l.files} file${l.files === 1 ? '' : 's'}, ${l.internalImports} internal imports)`);
    for (const e of g.edges.filter((x) => x.from === l.name)) {
      const notes: string[] = [];
      if (e.violations) {
        notes.push(`✖ ${e.violations} violation${e.violations === 1 ? '' : 's'}${e.reason ? ` (denied: ${e.reason})` : e.allowed ? '' : ' (not allowed)'}`);
      }
      if (e.privateImports) {
        notes.push(`✖ ${e.privateImports} private import${e.privateImports === 1 ? '' : 's'}`);
      }
      out.push(`  → ${e.to.padEnd(width)} ${String(e.imports).padStart(5)} import${e.imports === 1 ? ' ' : 's'}${notes.length ? '   ' + notes.join(', ') : ''}`);
    }
  }
  const layerViolations = g.violations.filter((v) => v.ruleId === LAYER_VIOLATION).length;
  const privateImports = g.violations.length - layerViolations;
  out.push('');
  out.push(
    g.violations.length === 0
      ? '✔ No boundary violations.'
      : `✖ ${g.violations.length} boundary violation${g.violations.length === 1 ? '' : 's'} (${layerViolations} ${LAYER_VIOLATION}, ${privateImports} ${PRIVATE_IMPORT}); \`conductor check\` lists them.`,
  );
  return out.join('\n') + '\n';
}
