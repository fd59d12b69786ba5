// HTTPS GET for org rulesets: conditional (ETag / If-None-Match), bounded in total time and size
// (host/http-request.ts), https only (redirects too). TLS is always verified: extra CAs (a company
// CA, a test CA) are ADDED to Node's root certificates through the request's `ca` option;
// verification is never turned off.
import * as fs from 'fs';
import * as tls from 'tls';
import { maskSecretsIn } from '../engine/check/secret-mask';
import { deadlineMs, httpRequest, type HttpResponse } from '../host/http-request';

export interface FetchOptions {
  /** PEM file with extra CA certificates to trust for this request (in addition to the default roots). */
  caFile?: string;
  /** ETag of the copy we have: a 304 answer means it is still current. */
  etag?: string;
  /** Total time for the fetch, redirects included (default 30 s, or CONDUCTOR_HTTP_DEADLINE_MS). */
  timeoutMs?: number;
  maxBytes?: number;
}

export type FetchResult = { status: 'not-modified' } | { status: 'ok'; body: Buffer; etag?: string };

/** Its message never shows URL credentials or other secret-shaped values. */
export class FetchError extends Error {
  constructor(message: string) {
    super(maskSecretsIn(message));
  }
}

const MAX_REDIRECTS = 3;
const DEFAULT_DEADLINE_MS = 30_000;
declare const VERSION: string | undefined;
const USER_AGENT = `conductor/${typeof VERSION === 'string' ? VERSION : 'dev'} (org-ruleset)`;

export function isHttpsUrl(source: string): boolean {
  return /^https:\/\//i.test(source);
}

function caOption(caFile: string | undefined): string[] | undefined {
  if (!caFile) {
    return undefined;
  }
  let pem: string;
  try {
    pem = fs.readFileSync(caFile, 'utf8');
  } catch (e) {
    throw new FetchError(`cannot read the CA file ${caFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return [...tls.rootCertificates, pem];
}

export async function httpsGet(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const ca = caOption(options.caFile);
  // One deadline for the whole fetch, redirects included.
  const startedAt = Date.now();
  const budget = options.timeoutMs ?? deadlineMs(DEFAULT_DEADLINE_MS);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    if (!isHttpsUrl(current)) {
      throw new FetchError(`only https:// URLs are allowed (got ${current})`);
    }
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: 'application/json, text/plain, */*' };
    if (options.etag) {
      headers['If-None-Match'] = options.etag;
    }
    let res: HttpResponse;
    try {
      res = await httpRequest(new URL(current), { method: 'GET', headers, ca, deadlineMs: budget, startedAt, maxBytes: options.maxBytes ?? 4 * 1024 * 1024 });
    } catch (e) {
      throw new FetchError((e as Error).message);
    }
    const { status } = res;
    if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
      if (redirects >= MAX_REDIRECTS) {
        throw new FetchError(`too many redirects fetching ${url}`);
      }
      current = new URL(res.headers.location, current).toString();
      continue;
    }
    if (status === 304) {
      return { status: 'not-modified' };
    }
    if (status !== 200) {
      throw new FetchError(`HTTP ${status} from ${current}`);
    }
    const etag = res.headers.etag;
    return { status: 'ok', body: res.body, ...(typeof etag === 'string' && { etag }) };
  }
}
