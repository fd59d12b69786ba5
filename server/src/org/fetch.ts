// HTTPS GET for org rulesets: conditional (ETag / If-None-Match), bounded in time and size, https
// only (redirects too). TLS is always verified: extra CAs (a company CA, a test CA) are ADDED to
// Node's root certificates through the request's `ca` option; verification is never turned off.
import * as fs from 'fs';
import * as https from 'https';
import * as tls from 'tls';

export interface FetchOptions {
  /** PEM file with extra CA certificates to trust for this request (in addition to the default roots). */
  caFile?: string;
  /** ETag of the copy we have: a 304 answer means it is still current. */
  etag?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export type FetchResult = { status: 'not-modified' } | { status: 'ok'; body: Buffer; etag?: string };

export class FetchError extends Error {}

const MAX_REDIRECTS = 3;
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

export function httpsGet(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const ca = caOption(options.caFile);
  return get(url, options, ca, 0);
}

function get(url: string, options: FetchOptions, ca: string[] | undefined, redirects: number): Promise<FetchResult> {
  if (!isHttpsUrl(url)) {
    return Promise.reject(new FetchError(`only https:// URLs are allowed (got ${url})`));
  }
  const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  return new Promise<FetchResult>((resolve, reject) => {
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT, Accept: 'application/json, text/plain, */*' };
    if (options.etag) {
      headers['If-None-Match'] = options.etag;
    }
    const req = https.request(url, { method: 'GET', headers, ...(ca && { ca }), timeout: options.timeoutMs ?? 15_000 }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        if (redirects >= MAX_REDIRECTS) {
          reject(new FetchError(`too many redirects fetching ${url}`));
          return;
        }
        const next = new URL(res.headers.location, url).toString();
        get(next, options, ca, redirects + 1).then(resolve, reject);
        return;
      }
      if (status === 304) {
        res.resume();
        resolve({ status: 'not-modified' });
        return;
      }
      if (status !== 200) {
        res.resume();
        reject(new FetchError(`HTTP ${status} from ${url}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > maxBytes) {
          req.destroy(new FetchError(`${url} is larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(c);
      });
      res.on('end', () => {
        const etag = res.headers.etag;
        resolve({ status: 'ok', body: Buffer.concat(chunks), ...(typeof etag === 'string' && { etag }) });
      });
      res.on('error', (e) => reject(new FetchError(`reading ${url} failed: ${e.message}`)));
    });
    req.on('timeout', () => req.destroy(new FetchError(`timed out fetching ${url}`)));
    req.on('error', (e) => reject(e instanceof FetchError ? e : new FetchError(`cannot fetch ${url}: ${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`.replace(/\s+/g, ' '))));
    req.end();
  });
}
