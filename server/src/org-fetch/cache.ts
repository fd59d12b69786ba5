// The on-disk cache of the last verified org ruleset, per source, for offline work and a fast start:
//   <cache>/org/<sha256(source) first 16 hex>/ruleset.jsonc   the verified bytes
//                                            ruleset.sig      its signature (when signed)
//                                            meta.json        source, etag, sha256, name, times
// The cache is user-writable, so it is never trusted as such: every read is verified again against
// the configured pin or public key before use.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CONFIG_MAX_BYTES, readBounded } from '../host/read-bounded';
import { sha256Hex, type TrustMethod } from './verify';

export interface CacheMeta {
  source: string;
  etag?: string;
  /** sha256 of ruleset.jsonc. */
  sha256: string;
  name: string;
  verifiedBy: TrustMethod[];
  /** When this content was first verified (ISO). */
  verifiedAt: string;
  /** When the source last answered (200 or 304), ISO. */
  fetchedAt?: string;
}

export interface CachedRuleset {
  dir: string;
  file: string;
  content: Buffer;
  signature?: Buffer;
  meta?: CacheMeta;
}

/** `CONDUCTOR_CACHE_DIR`, else the platform's user cache folder, + `/org`. */
export function orgCacheRoot(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CONDUCTOR_CACHE_DIR) {
    return path.join(path.resolve(env.CONDUCTOR_CACHE_DIR), 'org');
  }
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'conductor', 'cache')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'conductor')
        : path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'conductor');
  return path.join(base, 'org');
}

export function cacheDirFor(source: string, root: string): string {
  return path.join(root, sha256Hex(source).slice(0, 16));
}

export function cacheFileFor(source: string, root: string): string {
  return path.join(cacheDirFor(source, root), 'ruleset.jsonc');
}

export function readCache(source: string, root: string): CachedRuleset | undefined {
  const dir = cacheDirFor(source, root);
  const file = path.join(dir, 'ruleset.jsonc');
  const read = (f: string): Buffer | undefined => {
    const r = readBounded(f, { maxBytes: CONFIG_MAX_BYTES });
    return r.ok ? r.buffer : undefined; // an unusable cache is no cache: the ruleset is fetched and verified again
  };
  const content = read(file);
  if (!content) {
    return undefined;
  }
  const signature = read(path.join(dir, 'ruleset.sig'));
  let meta: CacheMeta | undefined;
  try {
    const m = JSON.parse(read(path.join(dir, 'meta.json'))?.toString('utf8') ?? 'null') as CacheMeta | null;
    meta = m && m.source === source ? m : undefined;
  } catch {
    meta = undefined;
  }
  return { dir, file, content, ...(signature && { signature }), ...(meta && { meta }) };
}

/** Writes atomically (temp file + rename), best effort: a read-only cache only costs the offline start. */
export function writeCache(source: string, root: string, content: Buffer, signature: Buffer | undefined, meta: CacheMeta): { ok: boolean; error?: string } {
  const dir = cacheDirFor(source, root);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const write = (name: string, data: Buffer | string): void => {
      const tmp = path.join(dir, `.${name}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, data, { mode: 0o600 });
      fs.renameSync(tmp, path.join(dir, name));
    };
    write('ruleset.jsonc', content);
    if (signature) {
      write('ruleset.sig', signature);
    } else {
      fs.rmSync(path.join(dir, 'ruleset.sig'), { force: true });
    }
    write('meta.json', JSON.stringify(meta, null, 2) + '\n');
    return { ok: true };
  } catch (e) {
    return { ok: false, error: `cannot write the org ruleset cache in ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

/** Updates only meta.json (e.g. the time of a 304), best effort. */
export function touchCacheMeta(source: string, root: string, meta: CacheMeta): void {
  const dir = cacheDirFor(source, root);
  try {
    const tmp = path.join(dir, `.meta.json.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(meta, null, 2) + '\n', { mode: 0o600 });
    fs.renameSync(tmp, path.join(dir, 'meta.json'));
  } catch {
    // best effort
  }
}
