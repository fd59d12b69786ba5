// After a write: what the sidecar provenance store records (cli/hook-command.ts, the `post-write`
// branch, calls an AgentWriteRecorder; host/agent-write-recorder.ts implements it). Pure: which lines
// the agent wrote, and the record with them as one AI block.
import { anchorRecord, blockAt, isModelId, recordOf, refreshedBlocks, type SidecarBlock, type SidecarRecord } from '../provenance/sidecar';
import { changedLines, proposedContent, type LineSpan } from './proposed-content';
import type { AgentId, ProposedChange } from './types';

export interface AgentWriteRecord {
  /** Workspace-relative posix path. */
  relPath: string;
  /** The file as written, which `lines` refer to. */
  text: string;
  /** The lines the agent wrote or changed, in the file as written (writtenLines). */
  lines: LineSpan[];
  /** `claude-code`, `cursor`, `copilot-agent`, … */
  tool: AgentId | string;
  /** `provider/model` when the payload or environment gives it. */
  model?: string;
  sessionId?: string;
  /** Marker time (`YYYY-MM-DDTHH:MMZ`). */
  at: string;
  useCase?: string;
}

export interface AgentWriteRecorder {
  /** Records one write; throws with the reason when the store cannot take it (the hook then reports it). */
  record(entry: AgentWriteRecord): void;
}

/**
 * The lines of `after` (the file on disk after the write) that the agent wrote. A Write: the whole file
 * (what it replaced is gone). Edits: the file before them is rebuilt by undoing them in reverse order,
 * the edits replayed on it must give `after` exactly, and of the lines they wrote those that differ from
 * the file before are the agent's; otherwise (the file changed since, an edit that
 * cannot be undone unambiguously) undefined: the write cannot be placed.
 */
export function writtenLines(after: string, change: ProposedChange): LineSpan[] | undefined {
  if (change.kind === 'content') {
    const p = proposedContent(undefined, change);
    return p.kind === 'file' && p.text === after ? p.changed : undefined;
  }
  if (change.kind === 'fragment') {
    return undefined;
  }
  let before = after;
  for (const e of [...change.edits].reverse()) {
    if (e.newString === '' || !before.includes(e.newString)) {
      return undefined;
    }
    before = e.replaceAll ? before.split(e.newString).join(e.oldString) : before.replace(e.newString, () => e.oldString);
  }
  const p = proposedContent(before, change);
  // An edit's new_string repeats context lines: only those it changed are the agent's.
  return p.kind === 'file' && p.text === after ? intersect(p.changed, changedLines(before, after)) : undefined;
}

/** The lines in both lists of sorted, disjoint spans. */
function intersect(a: LineSpan[], b: LineSpan[]): LineSpan[] {
  const out: LineSpan[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) {
      out.push({ start, end });
    }
    if (a[i].end < b[j].end) {
      i++;
    } else {
      j++;
    }
  }
  return out;
}

/**
 * The record after the write: the existing blocks re-anchored to `text` and cut where the agent's lines
 * now are, plus one block for those lines. Undefined when nothing is left to record.
 */
export function recordWrite(current: SidecarRecord | undefined, entry: AgentWriteRecord, newId: () => string, meta: { id: string; timestamp: string; revision?: string }): SidecarRecord | undefined {
  const text = entry.text;
  const lines = text.split(/\r?\n/);
  const written = new Set<number>();
  for (const s of entry.lines) {
    for (let i = s.start; i < Math.min(s.end, lines.length); i++) {
      written.add(i);
    }
  }
  const kept: SidecarBlock[] = [];
  if (current) {
    for (const b of refreshedBlocks(anchorRecord(current, [], text, lines), lines, newId)) {
      runsOutside(b.startLine, b.startLine + b.lines.length - 1, written).forEach(([first, last], i) => kept.push(blockAt(i === 0 ? b : { ...b, id: newId() }, lines, first, last)));
    }
  }
  const fields = {
    id: newId(),
    tool: entry.tool,
    ...(entry.model && isModelId(entry.model) ? { model: entry.model } : {}),
    ...(entry.useCase ? { useCase: entry.useCase } : {}),
    at: entry.at,
    extra: {
      ...(entry.model && !isModelId(entry.model) && SAFE_VALUE.test(entry.model) ? { model: entry.model } : {}),
      ...(entry.sessionId && SAFE_VALUE.test(entry.sessionId) ? { session: entry.sessionId } : {}),
    },
  };
  const added = runsOutside(0, lines.length - 1, new Set(lines.map((_, i) => i).filter((i) => !written.has(i)))).map(([first, last], i) =>
    blockAt(i === 0 ? fields : { ...fields, id: newId() }, lines, first, last),
  );
  const blocks = [...kept, ...added].sort((a, b) => a.startLine - b.startLine);
  return blocks.length === 0 ? undefined : recordOf(entry.relPath, text, blocks, meta);
}

/** A value every marker and record field takes. */
const SAFE_VALUE = /^[A-Za-z0-9._:@/+-]{1,200}$/;

/** The runs of consecutive lines in first..last that are not in `skip`. */
function runsOutside(first: number, last: number, skip: ReadonlySet<number>): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = first; i <= last + 1; i++) {
    const inRun = i <= last && !skip.has(i);
    if (inRun && start < 0) {
      start = i;
    } else if (!inRun && start >= 0) {
      runs.push([start, i - 1]);
      start = -1;
    }
  }
  return runs;
}
