// AI share over time: which commits to sample (pure), and the AI lines at each sample read from
// git objects — `git grep -l @ai-generated <rev>` names the files, `git cat-file --batch` reads
// them, the real marker parser counts them. Total lines come from the history replay.
import { decodeText } from '../host/read-text-file';
import { readBlobsById } from '../host/git/blobs';
import { filesContaining } from '../host/git/repo';
import { countFile, type FileCounts } from './share';
import type { TrendPoint } from './schema';
import { ratio } from './stats';
import { pushAll } from '../engine/text/push-all';

/** Up to this many commits in the period, every commit is a point; above, one commit per week. */
export const PER_COMMIT_LIMIT = 52;
const WEEK = 7 * 86400;
/** 1970-01-01 was a Thursday: weeks start on Monday 00:00 UTC, 4 days later. */
const MONDAY_OFFSET = 4 * 86400;

export interface Sample {
  /** Index into the replay's commits. */
  index: number;
  /** `YYYY-MM-DD`: the week's Monday (weekly) or the commit's day. */
  label: string;
}

export function weekStart(t: number): number {
  return Math.floor((t - MONDAY_OFFSET) / WEEK) * WEEK + MONDAY_OFFSET;
}

const day = (t: number): string => new Date(t * 1000).toISOString().slice(0, 10);

/**
 * The commits to sample among first-parent `commits` (oldest first): every commit at or after
 * `since` when there are at most PER_COMMIT_LIMIT of them, else for each week from the first
 * commit's (or since's) week to HEAD's, the newest commit before the week ends — what
 * `git rev-list --first-parent --before=<week end> -1 HEAD` returns.
 */
export function sampleCommits(commits: readonly { time: number }[], since: number | undefined): { sampling: 'commit' | 'week' | 'none'; samples: Sample[] } {
  const inPeriod = commits.map((c, i) => ({ c, i })).filter(({ c }) => since === undefined || c.time >= since);
  if (inPeriod.length === 0) {
    return { sampling: 'none', samples: [] };
  }
  if (inPeriod.length <= PER_COMMIT_LIMIT) {
    return { sampling: 'commit', samples: inPeriod.map(({ c, i }) => ({ index: i, label: day(c.time) })) };
  }
  const headTime = commits[commits.length - 1].time;
  const firstTime = inPeriod.reduce((t, { c }) => Math.min(t, c.time), Infinity);
  const samples: Sample[] = [];
  for (let w = weekStart(since !== undefined ? Math.max(since, firstTime) : firstTime); w <= headTime; w += WEEK) {
    const end = w + WEEK;
    let pick = -1;
    for (let i = commits.length - 1; i >= 0; i--) {
      if (commits[i].time < end) {
        pick = i;
        break;
      }
    }
    if (pick >= 0) {
      samples.push({ index: pick, label: day(w) });
    }
  }
  return { sampling: 'week', samples };
}

/**
 * One trend point per sample. `prefix` is the report root inside the repository; `counted` filters
 * root-relative paths like the scan does; `totals[i]` are the replay's line totals.
 */
export function trendPoints(
  root: string,
  prefix: string,
  commits: readonly { sha: string; time: number }[],
  totals: readonly number[],
  samples: readonly Sample[],
  counted: (relPath: string) => boolean,
): TrendPoint[] {
  const shas = [...new Set(samples.map((s) => commits[s.index].sha))];
  const files = new Map<string, string[]>();
  const requests: string[] = [];
  const found = filesContaining(root, shas, '@ai-generated');
  for (const sha of shas) {
    const rel = (found.get(sha) ?? [])
      .filter((p) => p.startsWith(prefix))
      .map((p) => p.slice(prefix.length))
      .filter(counted);
    files.set(sha, rel);
    pushAll(requests, rel.map((p) => `${sha}:${prefix}${p}`));
  }
  const { oids, blobs } = readBlobsById(root, requests);
  const parsed = new Map<string, FileCounts>();
  const atCommit = new Map<string, { ai: number; markers: number }>();
  let r = 0;
  for (const sha of shas) {
    const sum = { ai: 0, markers: 0 };
    for (const p of files.get(sha) ?? []) {
      const oid = oids[r++];
      const blob = oid !== undefined ? blobs.get(oid) : undefined;
      if (!oid || !blob) {
        continue;
      }
      const key = `${oid}\0${p.slice(p.lastIndexOf('/') + 1)}`; // same blob, same name: same syntax
      let c = parsed.get(key);
      if (!c) {
        const text = decodeText(blob);
        c = 'text' in text ? countFile(p, text.text) : undefined;
        if (!c) {
          continue;
        }
        parsed.set(key, c);
      }
      sum.ai += c.ai;
      sum.markers += c.markers;
    }
    atCommit.set(sha, sum);
  }
  return samples.map((s) => {
    const c = commits[s.index];
    const { ai, markers } = atCommit.get(c.sha) ?? { ai: 0, markers: 0 };
    const total = totals[s.index];
    const human = Math.max(0, total - ai - markers);
    return { date: s.label, commit: c.sha, time: new Date(c.time * 1000).toISOString(), total, ai, markers, human, share: ratio(ai, ai + human) };
  });
}
