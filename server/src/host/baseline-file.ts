import * as path from 'path';
import type { Policy } from '../engine';
import { DEFAULT_BASELINE_FILE, parseBaseline, type Baseline, type IsLocked } from '../engine/baseline/baseline';
import { InputError } from './input-error';
import { readBoundedText } from './read-bounded';

// The baseline file on disk, as `check`, `baseline` and `report` read it.

/** Rules that may not be baselined: rules an org ruleset locked (check and baseline both ask here). */
export function lockedRules(policy: Policy): IsLocked {
  return (ruleId) => policy.isLocked(ruleId);
}

/**
 * The baseline `check` applies: `--baseline FILE` (must exist), none with `--no-baseline`, else
 * `.conductor/baseline.json` when present.
 */
export function loadBaseline(root: string, file: string | undefined, disabled: boolean | undefined): { file: string; baseline: Baseline } | undefined {
  if (disabled) {
    if (file !== undefined) {
      throw new InputError('--baseline and --no-baseline exclude each other');
    }
    return undefined;
  }
  const rel = file ?? DEFAULT_BASELINE_FILE;
  const text = readBaselineText(root, rel);
  if (text === undefined) {
    if (file === undefined) {
      return undefined;
    }
    throw new InputError(`Cannot read baseline ${rel}: not found`);
  }
  return { file: rel, baseline: parseBaselineFile(rel, text) };
}

/** A baseline's entries; a usage error (exit 2) when the text is not a valid baseline. */
export function parseBaselineFile(rel: string, text: string): Baseline {
  try {
    return parseBaseline(text);
  } catch (e) {
    throw new InputError(`Baseline ${rel} is not valid: ${(e as Error).message}`);
  }
}

/** Baselines list every known finding of a large repository; still bounded. */
const BASELINE_MAX_BYTES = 64 * 1024 * 1024;

/** A baseline's text; undefined when absent; a usage error (exit 2) when it is there but unusable. */
export function readBaselineText(root: string, rel: string): string | undefined {
  const r = readBoundedText(path.resolve(root, rel), { maxBytes: BASELINE_MAX_BYTES, within: [root] });
  if (r.ok) {
    return r.text;
  }
  if (r.failure === 'missing') {
    return undefined;
  }
  throw new InputError(`Cannot read baseline ${rel}: ${r.reason}`);
}
