// The I/O of `conductor instructions`: what each instruction file on disk should become, and writing it.
// Reads only the rule files (through the policy) and the instruction files themselves.
import * as fs from 'fs';
import * as path from 'path';
import type { Policy } from '../engine';
import { CONFIG_MAX_BYTES, readBounded } from '../host/read-bounded';
import { generatedFiles } from './render';
import { findSection, SectionError, updatedText, withoutSection } from './section';
import { SCOPED_DIR, SCOPED_PREFIX, SCOPED_SUFFIX, type InstructionTarget } from './targets';

export type PlanStatus = 'create' | 'update' | 'unchanged' | 'remove-section' | 'delete';

export interface PlanEntry {
  /** Workspace-relative posix path. */
  path: string;
  status: PlanStatus;
  /** The new content (absent for `delete` and `unchanged`). */
  text?: string;
}

export interface InstructionsPlan {
  entries: PlanEntry[];
  /** Files that cannot be updated safely (e.g. a begin marker without an end marker), with why. */
  errors: { path: string; message: string }[];
}

export interface PlanRequest {
  root: string;
  policy: Policy;
  targets: readonly InstructionTarget[];
  /** Workspace-relative rule file, as shown in the generated text; undefined: the built-in default. */
  ruleFile?: string;
}

function read(file: string): string | undefined {
  const r = readBounded(file, { maxBytes: CONFIG_MAX_BYTES });
  if (r.ok) {
    return r.buffer.toString('utf8'); // as is, byte order mark included: rewrites keep it
  }
  if (r.failure === 'missing') {
    return undefined;
  }
  throw new Error(`${file}: ${r.reason}`);
}

/** What to do with every instruction file of the targets (and Conductor's obsolete scoped files). Writes nothing. */
export function planInstructions(r: PlanRequest): InstructionsPlan {
  const entries: PlanEntry[] = [];
  const errors: InstructionsPlan['errors'] = [];
  const expected = generatedFiles(r.policy, r.targets, { ruleFile: r.ruleFile });
  const byRealPath = new Map<string, PlanEntry>();
  for (const file of expected) {
    const abs = path.join(r.root, ...file.path.split('/'));
    const before = read(abs);
    let entry: PlanEntry;
    try {
      const after = updatedText(before, file);
      entry = before === undefined ? { path: file.path, status: 'create', text: after } : after === before ? { path: file.path, status: 'unchanged' } : { path: file.path, status: 'update', text: after };
    } catch (e) {
      if (e instanceof SectionError) {
        errors.push({ path: file.path, message: e.message });
        continue;
      }
      throw e;
    }
    // CLAUDE.md is often a symlink to AGENTS.md: one file, written once (their sections are the same).
    const real = before === undefined ? abs : fs.realpathSync(abs);
    const same = byRealPath.get(real);
    if (same) {
      if (same.text !== entry.text) {
        errors.push({ path: file.path, message: `is the same file as ${same.path} but would get different content` });
      }
      entries.push({ path: file.path, status: same.status === 'create' ? 'create' : same.status === 'unchanged' ? 'unchanged' : 'update' });
      continue;
    }
    byRealPath.set(real, entry);
    entries.push(entry);
  }
  if (r.targets.includes('copilot')) {
    const wanted = new Set(expected.map((f) => f.path));
    for (const rel of conductorScopedFiles(r.root)) {
      if (wanted.has(rel)) {
        continue;
      }
      const before = read(path.join(r.root, ...rel.split('/')));
      if (before === undefined || !('found' in findSection(before))) {
        continue; // not ours (no generated section): never touched
      }
      const after = withoutSection(before);
      entries.push(after === undefined ? { path: rel, status: 'delete' } : { path: rel, status: 'remove-section', text: after });
    }
  }
  return { entries, errors };
}

/** `.github/instructions/conductor-*.instructions.md`, sorted. */
function conductorScopedFiles(root: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(path.join(root, ...SCOPED_DIR.split('/')));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(SCOPED_PREFIX) && n.endsWith(SCOPED_SUFFIX))
    .sort()
    .map((n) => `${SCOPED_DIR}/${n}`);
}

/** Whether the plan changes anything on disk. */
export function isStale(plan: InstructionsPlan): boolean {
  return plan.entries.some((e) => e.status !== 'unchanged');
}

/** Applies a plan: creates folders, writes new content, deletes obsolete files. */
export function writePlan(root: string, plan: InstructionsPlan): void {
  for (const e of plan.entries) {
    const abs = path.join(root, ...e.path.split('/'));
    if (e.status === 'delete') {
      fs.rmSync(abs, { force: true });
    } else if (e.text !== undefined) {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, e.text);
    }
  }
}
