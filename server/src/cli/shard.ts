import { UsageError } from './cli-config';

// `check --shard K/N`: each of N CI runners checks the files whose path hashes to its K. The hash of
// the repository-relative POSIX path alone decides, so adding a file never moves another one.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const MAX_SHARDS = 1000;

/** `K/N` with 1 ≤ K ≤ N ≤ 1000. */
export function parseShard(value: string): Shard {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(value.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N ≤ ${MAX_SHARDS}, e.g. 2/4 (got "${value}")`);
  }
  return { index, count };
}

/** 32-bit FNV-1a of the path's UTF-8 bytes: tiny, stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Whether shard K of N owns a repository-relative POSIX path. */
export function ownsPath(shard: Shard, relPath: string): boolean {
  return fnv1a(relPath) % shard.count === shard.index - 1;
}

/** The SARIF category of a shard, so code scanning keeps the N uploads apart. */
export function shardCategory(shard: Shard): string {
  return `conductor/shard-${shard.index}-of-${shard.count}/`;
}
