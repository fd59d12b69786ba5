// Pure: AI share and review figures of a set of files, from their text and the marker parser.
import { languageIdForPath, markerProvenance, type AiRegion } from '../engine';
import type { FolderShare, LanguageShare, LineCounts, ShareEntry, ToolShare } from './schema';
import { ratio } from './stats';

/** Lines as git counts them: one per line break, plus a last line without one. */
export function countLines(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    n++;
  }
  return text.endsWith('\n') ? n : n + 1;
}

export interface FileCounts {
  total: number;
  ai: number;
  markers: number;
  reviewed: number;
  unreviewed: number;
  regions: AiRegion[];
}

/**
 * Line figures of one file. A content line counts once even when blocks overlap (a `nested`
 * problem); it is unreviewed when any block holding it is.
 */
export function countFile(relPath: string, text: string): FileCounts {
  const total = countLines(text);
  if (!text.includes('@ai-generated')) {
    return { total, ai: 0, markers: 0, reviewed: 0, unreviewed: 0, regions: [] };
  }
  const { regions } = markerProvenance.regionsFor(relPath, text);
  const marks = new Uint8Array(total + 1); // 1 reviewed, 2 unreviewed
  for (const r of regions) {
    const m = r.reviewedBy !== undefined ? 1 : 2;
    for (let l = r.beginLine + 1; l < r.endLine; l++) {
      marks[l] = Math.max(marks[l], m);
    }
  }
  let reviewed = 0;
  let unreviewed = 0;
  for (const m of marks) {
    if (m === 1) {
      reviewed++;
    } else if (m === 2) {
      unreviewed++;
    }
  }
  return { total, ai: reviewed + unreviewed, markers: regions.length * 2, reviewed, unreviewed, regions };
}

export interface ShareAccumulator {
  lines: LineCounts;
  files: { total: number; withAi: number };
  blocks: number;
  reviewedLines: number;
  unreviewedLines: number;
  reviewedBlocks: number;
  /** `at=` of unreviewed blocks (epoch ms), and how many have none. */
  unreviewedAt: number[];
  unreviewedWithoutAt: number;
  folders: Map<string, { depth: 1 | 2; total: number; ai: number; human: number }>;
  languages: Map<string, { total: number; ai: number; human: number }>;
  tools: Map<string, { blocks: number; ai: number }>;
}

export function newShareAccumulator(): ShareAccumulator {
  return {
    lines: { total: 0, ai: 0, human: 0, markers: 0 },
    files: { total: 0, withAi: 0 },
    blocks: 0,
    reviewedLines: 0,
    unreviewedLines: 0,
    reviewedBlocks: 0,
    unreviewedAt: [],
    unreviewedWithoutAt: 0,
    folders: new Map(),
    languages: new Map(),
    tools: new Map(),
  };
}

/** The folders a file counts in: its top-level folder (`.` at the root) and its second-level folder. */
export function foldersOf(relPath: string): { folder: string; depth: 1 | 2 }[] {
  const parts = relPath.split('/');
  if (parts.length === 1) {
    return [{ folder: '.', depth: 1 }];
  }
  const out: { folder: string; depth: 1 | 2 }[] = [{ folder: parts[0], depth: 1 }];
  if (parts.length > 2) {
    out.push({ folder: `${parts[0]}/${parts[1]}`, depth: 2 });
  }
  return out;
}

export function addFile(acc: ShareAccumulator, relPath: string, c: FileCounts): void {
  const human = c.total - c.ai - c.markers;
  acc.lines.total += c.total;
  acc.lines.ai += c.ai;
  acc.lines.markers += c.markers;
  acc.lines.human += human;
  acc.files.total++;
  if (c.regions.length > 0) {
    acc.files.withAi++;
  }
  acc.blocks += c.regions.length;
  acc.reviewedLines += c.reviewed;
  acc.unreviewedLines += c.unreviewed;
  for (const r of c.regions) {
    const lines = Math.max(0, r.endLine - r.beginLine - 1);
    const t = acc.tools.get(r.tool) ?? { blocks: 0, ai: 0 };
    t.blocks++;
    t.ai += lines;
    acc.tools.set(r.tool, t);
    if (r.reviewedBy !== undefined) {
      acc.reviewedBlocks++;
    } else if (r.at !== undefined && !Number.isNaN(Date.parse(r.at))) {
      acc.unreviewedAt.push(Date.parse(r.at));
    } else {
      acc.unreviewedWithoutAt++;
    }
  }
  for (const { folder, depth } of foldersOf(relPath)) {
    const f = acc.folders.get(folder) ?? { depth, total: 0, ai: 0, human: 0 };
    f.total += c.total;
    f.ai += c.ai;
    f.human += human;
    acc.folders.set(folder, f);
  }
  const lang = languageIdForPath(relPath);
  const l = acc.languages.get(lang) ?? { total: 0, ai: 0, human: 0 };
  l.total += c.total;
  l.ai += c.ai;
  l.human += human;
  acc.languages.set(lang, l);
}

const entry = (e: { total: number; ai: number; human: number }): ShareEntry => ({ total: e.total, ai: e.ai, human: e.human, share: ratio(e.ai, e.ai + e.human) });

export function folderShares(acc: ShareAccumulator): FolderShare[] {
  return [...acc.folders.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, f]) => ({ folder, depth: f.depth, ...entry(f) }));
}

export function languageShares(acc: ShareAccumulator): LanguageShare[] {
  return [...acc.languages.entries()]
    .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
    .map(([language, l]) => ({ language, ...entry(l) }));
}

export function toolShares(acc: ShareAccumulator): ToolShare[] {
  return [...acc.tools.entries()].sort(([a, x], [b, y]) => y.ai - x.ai || (a < b ? -1 : 1)).map(([tool, t]) => ({ tool, blocks: t.blocks, ai: t.ai }));
}
