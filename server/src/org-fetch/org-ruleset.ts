// Getting a verified org ruleset: from the on-disk cache (verified again on every read), and from
// its source (https with ETag, or a file). Nothing unverified is ever returned: a ruleset that fails
// verification or validation is rejected and the caller keeps the copy it had.
import { CONFIG_MAX_BYTES, readBounded } from '../host/read-bounded';
import type { ConfigHost } from '../engine';
import { checkOrgRuleset, type OrgLayer } from '../engine/org-policy';
import { cacheFileFor, readCache, touchCacheMeta, writeCache, type CacheMeta } from './cache';
import { FetchError, httpsGet, isHttpsUrl } from './fetch';
import type { OrgSourceConfig } from './source';
import { sha256Hex, VerificationError, verifyContent, type TrustMethod } from './verify';

export interface VerifiedOrgRuleset {
  source: string;
  /** The cache file the verified copy is presented as (problems and origins point here). */
  file: string;
  text: string;
  name: string;
  sha256: string;
  verifiedBy: TrustMethod[];
  verifiedAt: string;
  fetchedAt?: string;
  etag?: string;
}

export interface OrgContext {
  /** Cache root (see cache.ts orgCacheRoot). */
  cacheRoot: string;
  /** For validating the ruleset: the built-in rulesets it may extend. */
  host: ConfigHost;
  now?: () => Date;
}

export type RefreshOutcome =
  | { kind: 'updated'; ruleset: VerifiedOrgRuleset }
  | { kind: 'not-modified'; ruleset: VerifiedOrgRuleset }
  /** Content was obtained but failed verification or validation: a security signal, shown loudly. */
  | { kind: 'rejected'; error: string }
  /** The source could not be reached or read. */
  | { kind: 'failed'; error: string };

export function toLayer(r: VerifiedOrgRuleset): OrgLayer {
  return { file: r.file, text: r.text };
}

/** Verifies and validates content; returns the ruleset's name or throws VerificationError. */
function accept(cfg: OrgSourceConfig, ctx: OrgContext, content: Buffer, signature: Buffer | undefined): { name: string; verifiedBy: TrustMethod[] } {
  const verifiedBy = verifyContent(content, cfg, signature);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new VerificationError('the ruleset is not UTF-8 text');
  }
  const check = checkOrgRuleset({ file: cacheFileFor(cfg.source, ctx.cacheRoot), text }, ctx.host);
  const errors = check.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const first = errors.slice(0, 3).map((p) => `line ${p.range.start.line + 1}: ${p.message}`);
    throw new VerificationError(`the ruleset is verified but invalid (${errors.length} error(s)): ${first.join('; ')}`);
  }
  return { name: check.name, verifiedBy };
}

/** The cached copy for this source, if it still verifies against the configured trust. */
export function loadVerifiedCache(cfg: OrgSourceConfig, ctx: OrgContext): { ruleset?: VerifiedOrgRuleset; error?: string } {
  const cached = readCache(cfg.source, ctx.cacheRoot);
  if (!cached) {
    return {};
  }
  try {
    const { name, verifiedBy } = accept(cfg, ctx, cached.content, cached.signature);
    const sha256 = sha256Hex(cached.content);
    const meta = cached.meta?.sha256 === sha256 ? cached.meta : undefined;
    return {
      ruleset: {
        source: cfg.source,
        file: cached.file,
        text: cached.content.toString('utf8'),
        name,
        sha256,
        verifiedBy,
        verifiedAt: meta?.verifiedAt ?? (ctx.now?.() ?? new Date()).toISOString(),
        ...(meta?.fetchedAt && { fetchedAt: meta.fetchedAt }),
        ...(meta?.etag && { etag: meta.etag }),
      },
    };
  } catch (e) {
    return { error: `the cached copy in ${cached.dir} does not verify: ${(e as Error).message}` };
  }
}

async function readSource(location: string, caFile: string | undefined, etag?: string): Promise<{ status: 'ok'; body: Buffer; etag?: string } | { status: 'not-modified' }> {
  if (isHttpsUrl(location)) {
    return httpsGet(location, { caFile, etag });
  }
  const r = readBounded(location, { maxBytes: CONFIG_MAX_BYTES });
  if (!r.ok) {
    throw new FetchError(`cannot read ${location}: ${r.reason}`);
  }
  return { status: 'ok', body: r.buffer };
}

/**
 * Fetches the source (conditionally, when `current` is a verified copy of the same source), verifies
 * and validates it, and caches it. Never throws.
 */
export async function refreshOrgRuleset(cfg: OrgSourceConfig, ctx: OrgContext, current?: VerifiedOrgRuleset): Promise<RefreshOutcome> {
  const now = (): string => (ctx.now?.() ?? new Date()).toISOString();
  const have = current && current.source === cfg.source ? current : undefined;
  let body: Buffer;
  let etag: string | undefined;
  try {
    const res = await readSource(cfg.source, cfg.caFile, have?.etag);
    if (res.status === 'not-modified') {
      if (!have) {
        return { kind: 'failed', error: `${cfg.source} answered 304 Not Modified to a request without an ETag` };
      }
      const fetchedAt = now();
      touchCacheMeta(cfg.source, ctx.cacheRoot, metaOf(have, fetchedAt));
      return { kind: 'not-modified', ruleset: { ...have, fetchedAt } };
    }
    body = res.body;
    etag = res.etag;
  } catch (e) {
    return { kind: 'failed', error: (e as Error).message };
  }
  let signature: Buffer | undefined;
  if (cfg.publicKey && cfg.signature) {
    try {
      const res = await readSource(cfg.signature, cfg.caFile);
      signature = res.status === 'ok' ? res.body : undefined;
    } catch (e) {
      return { kind: 'failed', error: `cannot get the signature: ${(e as Error).message}` };
    }
  }
  let accepted: { name: string; verifiedBy: TrustMethod[] };
  try {
    accepted = accept(cfg, ctx, body, signature);
  } catch (e) {
    return { kind: 'rejected', error: (e as Error).message };
  }
  const sha256 = sha256Hex(body);
  const fetchedAt = now();
  const ruleset: VerifiedOrgRuleset = {
    source: cfg.source,
    file: cacheFileFor(cfg.source, ctx.cacheRoot),
    text: body.toString('utf8'),
    name: accepted.name,
    sha256,
    verifiedBy: accepted.verifiedBy,
    verifiedAt: have?.sha256 === sha256 ? have.verifiedAt : fetchedAt,
    fetchedAt,
    ...(etag && { etag }),
  };
  writeCache(cfg.source, ctx.cacheRoot, body, signature, metaOf(ruleset, fetchedAt));
  return have?.sha256 === sha256 ? { kind: 'not-modified', ruleset } : { kind: 'updated', ruleset };
}

function metaOf(r: VerifiedOrgRuleset, fetchedAt: string): CacheMeta {
  return { source: r.source, ...(r.etag && { etag: r.etag }), sha256: r.sha256, name: r.name, verifiedBy: r.verifiedBy, verifiedAt: r.verifiedAt, fetchedAt };
}
