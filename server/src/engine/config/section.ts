import type { z } from 'zod';
import type { ConfigProblem, Finding } from '../types';
import type { RuleMeta } from '../registry/rule-meta';
import type { DocumentContext } from '../check/document-context';
import type { LockContext } from '../org-policy/lock-context';
import type { SectionEntry } from './section-source';
import type { SectionValues } from './types';
import type { AiPolicyConfig } from '../ai-policy/schema';
import type { BoundariesConfig } from '../boundaries/schema';

// The contract of a rule-file section (`ai`, `boundaries`): everything config loading, org locks, the
// rule registry and checkDocument need of it, in one object. engine/sections.ts lists them; nothing
// else names a section.

export type SectionKey = keyof SectionValues;

/** Each section's rule-file value as written (its zod schema's output); a new section adds its key here. */
export interface SectionConfigs {
  ai: AiPolicyConfig;
  boundaries: BoundariesConfig;
}

export interface SectionCheckOptions {
  docsUrl(ruleId: string): string | undefined;
  /** Whether a workspace-relative file exists; checks that need it skip that part without it. */
  fileExists?: (relPath: string) => boolean;
  /** The current time (tests pass a fixed one); defaults to the clock. */
  now?: Date;
}

export interface ConfigSection<K extends SectionKey> {
  /** The rule-file key. */
  readonly key: K;
  readonly schema: z.ZodType<SectionConfigs[K]>;
  /** Merges the files' values in merge order (extended files first); problems of the merged result included. */
  merge(entries: readonly SectionEntry<SectionConfigs[K]>[]): { value: SectionValues[K]; problems: ConfigProblem[] };
  /**
   * Lockable sub-keys (`ai.review` → `review`) and the rules that enforce each: locking the
   * sub-key, or the whole section, locks them too (else turning them `off` would undo the lock).
   */
  readonly lockable: Readonly<Record<string, readonly string[]>>;
  /** Reports, at their lines, lower layers' attempts to weaken a locked part of the org layer's `base`. */
  checkLocks(ctx: LockContext, lower: readonly SectionEntry<SectionConfigs[K]>[], base: SectionValues[K] | undefined): void;
  /** Undoes, in the merge of every layer, what lower layers loosened in a locked part. */
  enforceLocks(ctx: LockContext, base: SectionValues[K] | undefined, full: SectionValues[K] | undefined): void;
  /** The code rules this section's check reports. */
  readonly rules: readonly RuleMeta[];
  check(ctx: DocumentContext, options: SectionCheckOptions): Finding[];
}

export type AnySection = { [K in SectionKey]: ConfigSection<K> }[SectionKey];
