// The MCP tool check_code: proposed content checked with the same engine as the editor and the CI gate,
// optionally as one AI block. No clock-dependent output (review ages need a marker's `at=`, which proposed content never has).
import * as fs from 'fs';
import {
  applyEdits,
  checkDocument,
  languageIdForPath,
  markerProvenance,
  syntaxFor,
  wrapInMarkers,
  type Finding,
  type Position,
  type Severity,
} from '../engine';
import { invalidateBoundaryCaches } from '../engine/boundaries';
import type { McpWorkspace } from './workspace';

/** The id of the markers `check_code` wraps proposed AI content in (never written anywhere). */
export const PROPOSED_BLOCK_ID = 'c0de00';

export interface ToolFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, in the content as given. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Titles of the quick fixes the editor offers. */
  fixes?: string[];
}

export interface CheckCodeInput {
  path: string;
  content: string;
  ai?: boolean;
  useCase?: string;
  tool?: string;
}

export interface CheckCodeResult {
  path: string;
  /** `fail`: at least one error; `warn`: warnings only; `pass`: nothing above info. */
  verdict: 'pass' | 'warn' | 'fail';
  counts: Record<Severity, number>;
  findings: ToolFinding[];
  /** How the content was evaluated (as an AI block or not, ignored path, …). */
  notes: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function checkCode(ws: McpWorkspace, input: CheckCodeInput): CheckCodeResult {
  invalidateBoundaryCaches(); // the workspace may have changed on disk since the last call
  const relPath = ws.relPath(input.path);
  const { policy } = ws.policy();
  const notes: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  if (policy.isIgnored(relPath)) {
    notes.push(`${relPath} matches the rule file's "ignore": Conductor never checks it.`);
    return { path: relPath, verdict: 'pass', counts, findings: [], notes };
  }
  const languageId = languageIdForPath(relPath);
  let text = input.content;
  let wrapped: { lastLine: number; lastLineLength: number } | undefined;
  if (input.ai) {
    const w = wrapAsAiBlock(relPath, input.content, languageId, { tool: input.tool, useCase: input.useCase });
    if ('text' in w) {
      text = w.text;
      wrapped = w.map;
      notes.push(`Evaluated as one AI block (tool=${input.tool || 'assistant'}${input.useCase ? `, use=${input.useCase}` : ', no use case: inferred from the path and content'}), as if it were wrapped in @ai-generated markers.`);
    } else {
      notes.push(w.note);
    }
  } else {
    notes.push('Evaluated as human-written code (pass ai: true to apply the AI policy to it as an AI block).');
  }
  const findings = checkDocument({ relPath, text, languageId, root: ws.root }, policy, {
    docsUrl: () => undefined,
    fileExists: (rel) => fs.existsSync(ws.absolute(rel)),
  });
  const out = findings.map((f) => toToolFinding(f, wrapped)).sort((a, b) => a.line - b.line || a.column - b.column || RANK[a.severity] - RANK[b.severity] || a.ruleId.localeCompare(b.ruleId));
  for (const f of out) {
    counts[f.severity]++;
  }
  const verdict = counts.error > 0 ? 'fail' : counts.warning > 0 ? 'warn' : 'pass';
  return { path: relPath, verdict, counts, findings: out, notes };
}

function wrapAsAiBlock(
  relPath: string,
  content: string,
  languageId: string,
  o: { tool?: string; useCase?: string },
): { text: string; map: { lastLine: number; lastLineLength: number } } | { note: string } {
  const existing = markerProvenance.regionsFor(relPath, content, languageId);
  if (existing.regions.length > 0 || existing.problems.some((p) => p.kind !== 'unknown-key')) {
    return { note: 'The content already has @ai-generated markers: evaluated as written.' };
  }
  const lines = content.split('\n');
  const lastLine = lines.length - 1;
  const end: Position = { line: lastLine, character: lines[lastLine].length };
  let edits;
  try {
    edits = wrapInMarkers(content, { start: { line: 0, character: 0 }, end }, { id: PROPOSED_BLOCK_ID, tool: o.tool || 'assistant', useCase: o.useCase || undefined }, syntaxFor(languageId, relPath));
  } catch (e) {
    return { note: `Cannot evaluate as an AI block: ${(e as Error).message}. Evaluated as human-written code.` };
  }
  if (edits.length === 0) {
    return { note: `${languageId} files cannot hold provenance markers here: evaluated as human-written code.` };
  }
  // The content's last line that is inside the block (a final empty line after a newline is not).
  const inside = content.endsWith('\n') && lastLine > 0 ? lastLine - 1 : lastLine;
  return { text: applyEdits(content, edits), map: { lastLine: inside, lastLineLength: lines[inside].replace(/\r$/, '').length } };
}

/** Positions in the wrapped text → positions in the content: the begin marker is one line above line 0. */
function toToolFinding(f: Finding, wrapped: { lastLine: number; lastLineLength: number } | undefined): ToolFinding {
  const map = (p: Position): Position => {
    if (!wrapped) {
      return p;
    }
    if (p.line === 0) {
      return { line: 0, character: 0 }; // on the begin marker: the block's start
    }
    if (p.line - 1 > wrapped.lastLine) {
      return { line: wrapped.lastLine, character: wrapped.lastLineLength }; // on the end marker: the block's end
    }
    return { line: p.line - 1, character: p.character };
  };
  const start = map(f.range.start);
  const end = map(f.range.end);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    ...(f.fixes.length > 0 && { fixes: f.fixes.map((x) => x.title) }),
  };
}
