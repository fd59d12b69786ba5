import type { Range } from '../types';

// What a section's merge and lock checks need of a rule file: where its text is, to place problems.
// A leaf, so the sections and config/ can share it without importing each other.

export interface SectionSource {
  /** Absolute path of the rule file. */
  file: string;
  /** Display name of the rule file (`conductor:NAME` for built-ins), as in Finding.origin. */
  origin: string;
  rangeOf(path: (string | number)[], key?: boolean): Range;
}

/** One rule file's value of a section, in merge order. */
export interface SectionEntry<T> {
  source: SectionSource;
  value: T;
}
