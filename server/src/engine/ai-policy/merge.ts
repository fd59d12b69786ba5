// Merges the `ai` sections of a rule file and everything it extends into one policy, and reports
// what the merged policy contradicts. The `ai` section's merge (section.ts), in merge order (extended files
// first, the entry file last).
//
// Merge semantics, key by key (later = later in merge order, i.e. closer to the entry file):
//   useCases      per use-case name, the later definition replaces the earlier one as a whole
//                 (no field-by-field merge); `null` removes an inherited use case.
//   forbidden     concatenated: every entry of every file applies (a later file cannot lift one).
//   excluded      concatenated, like forbidden.
//   review        per key (required, allowSelfReview, maxUnreviewedDays): the later value wins.
//   unclassified  the later value wins.
import type { ConfigProblem, Range } from '../types';
import type { SectionEntry, SectionSource } from '../config/section-source';
import { globContains } from '../text/globs';
import type { AiPolicyConfig, AiReviewConfig } from './schema';
import { pushAll } from '../text/push-all';

/** Where a glob or entry was written, for problems and "forbidden by … in …" messages. */
export interface AiSource {
  /** Display name of the rule file (`conductor:NAME` for built-ins), as in Finding.origin. */
  origin: string;
}

export interface ResolvedUseCase extends AiSource {
  name: string;
  paths: string[];
  maxLines?: number;
  requiresTest?: boolean;
  description?: string;
}

export interface ResolvedForbidden extends AiSource {
  paths: string[];
  reason: string;
}

export interface ResolvedExcluded extends AiSource {
  glob: string;
}

/** The merged `ai` sections: plain data, defaults not yet applied (see compile.ts). */
export interface ResolvedAiPolicy {
  /** Undefined when no file defines `useCases`: use cases are then not governed at all. */
  useCases?: Map<string, ResolvedUseCase>;
  forbidden: ResolvedForbidden[];
  excluded: ResolvedExcluded[];
  review?: AiReviewConfig;
  unclassified?: 'allow' | 'forbid';
}

export interface AiMergeResult {
  value: ResolvedAiPolicy;
  problems: ConfigProblem[];
}

interface GlobAt {
  glob: string;
  source: SectionSource;
  path: (string | number)[];
}

export function mergeAiSections(sections: readonly SectionEntry<AiPolicyConfig>[]): AiMergeResult {
  const problems: ConfigProblem[] = [];
  const at = (source: SectionSource, path: (string | number)[], key = false): Range => source.rangeOf(path, key);
  const ai: ResolvedAiPolicy = { forbidden: [], excluded: [] };
  // Where each merged use case's globs were written, for contradiction problems.
  const useCaseGlobs = new Map<string, GlobAt[]>();
  let reviewAt: { source: SectionSource; key: keyof AiReviewConfig }[] = [];

  for (const { source, value: section } of sections) {
    const { origin } = source;
    if (section.useCases) {
      ai.useCases ??= new Map();
      for (const [name, useCase] of Object.entries(section.useCases)) {
        if (useCase === null) {
          if (!ai.useCases.delete(name)) {
            problems.push({
              file: source.file,
              range: at(source, ['ai', 'useCases', name], true),
              message: `"${name}": null removes an inherited use case, but no extended ruleset defines "${name}".`,
              severity: 'warning',
            });
          }
          useCaseGlobs.delete(name);
          continue;
        }
        ai.useCases.set(name, { name, ...useCase, origin });
        useCaseGlobs.set(
          name,
          useCase.paths.map((glob, i) => ({ glob, source, path: ['ai', 'useCases', name, 'paths', i] })),
        );
      }
    }
    for (const f of section.forbidden ?? []) {
      ai.forbidden.push({ paths: f.paths, reason: f.reason, origin });
    }
    for (const glob of section.excluded ?? []) {
      ai.excluded.push({ glob, origin });
    }
    if (section.review) {
      ai.review = { ...ai.review, ...definedOnly(section.review) };
      const keys = Object.keys(definedOnly(section.review)) as (keyof AiReviewConfig)[];
      reviewAt = [...reviewAt.filter((r) => !keys.includes(r.key)), ...keys.map((key) => ({ source, key }))];
    }
    if (section.unclassified) {
      ai.unclassified = section.unclassified;
    }
  }

  // maxUnreviewedDays only escalates findings of a required review.
  const days = reviewAt.find((r) => r.key === 'maxUnreviewedDays');
  if (days && ai.review?.required === false) {
    problems.push({
      file: days.source.file,
      range: at(days.source, ['ai', 'review', 'maxUnreviewedDays'], true),
      message: 'ai.review.maxUnreviewedDays has no effect: ai.review.required is false.',
      severity: 'warning',
    });
  }
  pushAll(problems, contradictions(ai, useCaseGlobs));
  return { value: ai, problems };
}

/** Drops keys whose value is undefined, so a spread does not erase an inherited value. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A use-case glob that overlaps a forbidden or excluded glob: the stricter side wins at check time,
 * and the rule file says so here. Glob intersection is undecidable in general, so only these cases
 * are reported (see `globContains`):
 *   - the globs are identical, or the use-case glob lies inside the other one → warning: the
 *     use-case glob allows nothing;
 *   - the forbidden/excluded glob lies inside the use-case glob → info: a carve-out.
 * Other overlaps (e.g. `**\/*.ts` against `src/auth/**`) are not reported; forbidden still wins.
 */
function contradictions(ai: ResolvedAiPolicy, useCaseGlobs: Map<string, GlobAt[]>): ConfigProblem[] {
  const stricter = [
    ...ai.forbidden.flatMap((f) => f.paths.map((glob) => ({ glob, what: `forbidden "${glob}" (${f.reason}; ${f.origin})` }))),
    ...ai.excluded.map((e) => ({ glob: e.glob, what: `excluded "${e.glob}" (${e.origin})` })),
  ];
  const problems: ConfigProblem[] = [];
  for (const [name, globs] of useCaseGlobs) {
    for (const u of globs) {
      for (const s of stricter) {
        const range = u.source.rangeOf(u.path);
        if (globContains(s.glob, u.glob)) {
          problems.push({
            file: u.source.file,
            range,
            message: `Use case "${name}" allows "${u.glob}", which lies entirely within ${s.what}: the stricter rule wins, so this glob allows nothing.`,
            severity: 'warning',
          });
        } else if (globContains(u.glob, s.glob)) {
          problems.push({
            file: u.source.file,
            range,
            message: `Use case "${name}" allows "${u.glob}", but ${s.what} lies inside it: AI code stays forbidden there (the stricter rule wins).`,
            severity: 'info',
          });
        }
      }
    }
  }
  return problems;
}
