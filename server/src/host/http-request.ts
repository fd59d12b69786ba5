// One HTTP(S) request with a total deadline and a body cap. An idle timeout alone lets a server that
// sends one byte every few seconds hold a CI job forever, and buffering an error body whole lets it
// exhaust memory; here the whole exchange (connect, headers, body) ends by the deadline, a success
// body over the cap is an error, and an error body is cut at a few KB and the connection dropped.
import * as http from 'http';
import * as https from 'https';
import { maskSecretsIn } from '../engine/check/secret-mask';

export interface HttpRequestOptions {
  method: 'GET' | 'POST';
  headers?: Record<string, string | number>;
  body?: Buffer;
  /** Extra CA certificates for https (added to, never replacing, verification). */
  ca?: string[];
  /** Total time for the whole exchange, in ms. */
  deadlineMs: number;
  /** When that time started (Date.now()), for a budget shared by several requests (redirects); default: now. */
  startedAt?: number;
  /** Most bytes a 2xx body may have; a larger one is an error. */
  maxBytes: number;
  /** Most bytes kept of any other answer's body (default 4 KB); the rest is not read. */
  maxErrorBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body was cut at `maxErrorBytes` (never set for a 2xx answer). */
  truncated: boolean;
}

export class HttpRequestError extends Error {}

/** A deadline from the environment (tests and slow networks), else the default. */
export const DEADLINE_ENV = 'CONDUCTOR_HTTP_DEADLINE_MS';

export function deadlineMs(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env[DEADLINE_ENV]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const DEFAULT_MAX_ERROR_BYTES = 4096;

export function httpRequest(url: URL, o: HttpRequestOptions): Promise<HttpResponse> {
  const shown = url.href;
  const send = url.protocol === 'https:' ? https.request : http.request;
  const maxErrorBytes = o.maxErrorBytes ?? DEFAULT_MAX_ERROR_BYTES;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        fn();
      }
    };
    // URL credentials (and anything else secret-shaped) never reach a message.
    const fail = (message: string): void => finish(() => reject(new HttpRequestError(maskSecretsIn(message))));
    const req = send(url, { method: o.method, headers: o.headers, ...(o.ca && { ca: o.ca }) }, (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const cap = ok ? o.maxBytes : maxErrorBytes;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean): void => finish(() => resolve({ status, headers: res.headers, body: Buffer.concat(chunks), truncated }));
      res.on('data', (c: Buffer) => {
        if (settled) {
          return;
        }
        if (size + c.length <= cap) {
          chunks.push(c);
          size += c.length;
          return;
        }
        if (ok) {
          fail(`${shown} sent more than ${o.maxBytes} bytes`);
        } else {
          chunks.push(c.subarray(0, cap - size));
          done(true);
        }
        req.destroy();
      });
      res.on('end', () => done(false));
      res.on('error', (e) => fail(`reading ${shown} failed: ${e.message}`));
    });
    const timer = setTimeout(() => {
      fail(`${shown} did not complete within ${o.deadlineMs} ms`);
      req.destroy();
    }, Math.max(0, (o.startedAt ?? Date.now()) + o.deadlineMs - Date.now()));
    req.on('error', (e) => fail(`cannot reach ${shown}: ${`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`.trim()}`));
    req.end(o.body);
  });
}
