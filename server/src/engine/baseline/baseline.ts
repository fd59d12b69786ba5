import type { Finding } from '../types';

// Baselines: the findings a team has accepted for now, so a CI gate fails only on new ones.
// Pure data in and out (no file system): the CLI reads and writes the file.

export const BASELINE_VERSION = 1;
/** Where `conductor baseline` writes and `conductor check` looks by default (workspace-relative). */
export const DEFAULT_BASELINE_FILE = '.conductor/baseline.json';

export interface BaselineEntry {
  ruleId: string;
  /** The line-number-independent fingerprint of `report/fingerprint.ts`. */
  fingerprint: string;
}

/** Per workspace-relative posix path, the accepted findings, sorted by rule id then fingerprint. */
export interface Baseline {
  version: typeof BASELINE_VERSION;
  files: Record<string, BaselineEntry[]>;
}

/** A baseline entry that no current finding matches any more: fixed, or its line changed. */
export interface StaleEntry extends BaselineEntry {
  path: string;
}

/** A checked file with one fingerprint per finding (same order). */
export interface FingerprintedFile {
  relPath: string;
  findings: Finding[];
  fingerprints: string[];
}

/**
 * Whether a rule may not be baselined (an org rule locked by policy). Locked findings are never
 * written to a baseline and never hidden by one, even if the file was edited by hand.
 */
export type IsLocked = (ruleId: string) => boolean;
export const NO_LOCKED_RULES: IsLocked = () => false;

/** A baseline of every finding in `files`, except those of locked rules. */
export function createBaseline(files: readonly FingerprintedFile[], isLocked: IsLocked = NO_LOCKED_RULES): { baseline: Baseline; locked: number } {
  const out: Record<string, BaselineEntry[]> = {};
  let locked = 0;
  for (const f of files) {
    const entries: BaselineEntry[] = [];
    f.findings.forEach((x, i) => {
      if (isLocked(x.ruleId)) {
        locked++;
      } else {
        entries.push({ ruleId: x.ruleId, fingerprint: f.fingerprints[i] });
      }
    });
    if (entries.length > 0) {
      out[f.relPath] = entries;
    }
  }
  return { baseline: normalize({ version: BASELINE_VERSION, files: out }), locked };
}

/**
 * Replaces the entries of the files in scope (the ones just checked) and keeps the others, so
 * `conductor baseline src/` refreshes only `src/`.
 */
export function mergeBaseline(previous: Baseline | undefined, fresh: Baseline, inScope: (relPath: string) => boolean): Baseline {
  const files: Record<string, BaselineEntry[]> = {};
  for (const [p, entries] of Object.entries(previous?.files ?? {})) {
    if (!inScope(p)) {
      files[p] = entries;
    }
  }
  Object.assign(files, fresh.files);
  return normalize({ version: BASELINE_VERSION, files });
}

/** Sorted, deduplicated, no timestamps: the same findings always give the same bytes, so it diffs well. */
export function serializeBaseline(b: Baseline): string {
  const n = normalize(b);
  const paths = Object.keys(n.files);
  const lines = ['{', `  "version": ${BASELINE_VERSION},`];
  if (paths.length === 0) {
    lines.push('  "files": {}');
  } else {
    lines.push('  "files": {');
    paths.forEach((p, i) => {
      lines.push(`    ${JSON.stringify(p)}: [`);
      const entries = n.files[p];
      entries.forEach((e, j) => {
        lines.push(`      { "ruleId": ${JSON.stringify(e.ruleId)}, "fingerprint": ${JSON.stringify(e.fingerprint)} }${j < entries.length - 1 ? ',' : ''}`);
      });
      lines.push(`    ]${i < paths.length - 1 ? ',' : ''}`);
    });
    lines.push('  }');
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Parses a baseline file; throws an Error saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message})`);
  }
  if (!isObject(data) || data.version !== BASELINE_VERSION) {
    throw new Error(`expected { "version": ${BASELINE_VERSION}, "files": {…} }`);
  }
  if (!isObject(data.files)) {
    throw new Error('"files" must be an object keyed by path');
  }
  const files: Record<string, BaselineEntry[]> = {};
  for (const [p, entries] of Object.entries(data.files)) {
    if (!Array.isArray(entries) || !entries.every((e) => isObject(e) && typeof e.ruleId === 'string' && typeof e.fingerprint === 'string')) {
      throw new Error(`entries of ${JSON.stringify(p)} must be [{ "ruleId": string, "fingerprint": string }]`);
    }
    files[p] = entries.map((e: { ruleId: string; fingerprint: string }) => ({ ruleId: e.ruleId, fingerprint: e.fingerprint }));
  }
  return normalize({ version: BASELINE_VERSION, files });
}

export interface BaselineOutcome<F extends FingerprintedFile> {
  /** The files with known findings removed (findings and fingerprints stay aligned). */
  files: F[];
  /** How many findings the baseline hid. */
  known: number;
  /** Entries of files in scope that no finding matches any more. */
  stale: StaleEntry[];
}

export interface ApplyOptions {
  /**
   * Whether this run looked at a path, so that a missing finding there means "fixed": the files
   * checked, plus deleted files. Entries of files not in scope are neither used nor stale.
   */
  inScope(relPath: string): boolean;
  isLocked?: IsLocked;
}

/** Hides known findings and lists the stale entries. Files without findings need not be passed. */
export function applyBaseline<F extends FingerprintedFile>(baseline: Baseline, files: readonly F[], o: ApplyOptions): BaselineOutcome<F> {
  const isLocked = o.isLocked ?? NO_LOCKED_RULES;
  const byPath = new Map(files.map((f) => [f.relPath, f]));
  const out: F[] = [];
  let known = 0;
  for (const f of files) {
    const entries = baseline.files[f.relPath];
    if (!entries) {
      out.push(f);
      continue;
    }
    const accepted = new Set(entries.filter((e) => !isLocked(e.ruleId)).map(key));
    const keep = f.findings.map((x, i) => isLocked(x.ruleId) || !accepted.has(key({ ruleId: x.ruleId, fingerprint: f.fingerprints[i] })));
    known += keep.filter((k) => !k).length;
    out.push({ ...f, findings: f.findings.filter((_x, i) => keep[i]), fingerprints: f.fingerprints.filter((_x, i) => keep[i]) });
  }
  const stale: StaleEntry[] = [];
  for (const [p, entries] of Object.entries(baseline.files)) {
    if (!o.inScope(p)) {
      continue;
    }
    const f = byPath.get(p);
    const present = new Set(f ? f.findings.map((x, i) => key({ ruleId: x.ruleId, fingerprint: f.fingerprints[i] })) : []);
    for (const e of entries) {
      if (!isLocked(e.ruleId) && !present.has(key(e))) {
        stale.push({ path: p, ruleId: e.ruleId, fingerprint: e.fingerprint });
      }
    }
  }
  return { files: out, known, stale };
}

function key(e: BaselineEntry): string {
  return `${e.ruleId}\u0000${e.fingerprint}`;
}

function normalize(b: Baseline): Baseline {
  const files: Record<string, BaselineEntry[]> = {};
  for (const p of Object.keys(b.files).sort(byCodeUnit)) {
    const seen = new Set<string>();
    const entries = b.files[p]
      .filter((e) => !seen.has(key(e)) && seen.add(key(e)))
      .sort((x, y) => byCodeUnit(x.ruleId, y.ruleId) || byCodeUnit(x.fingerprint, y.fingerprint));
    if (entries.length > 0) {
      files[p] = entries;
    }
  }
  return { version: BASELINE_VERSION, files };
}

/** Locale-independent order, so every machine writes the same file. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
