// A real HTTPS server for org ruleset tests: a throw-away CA and a server certificate for
// localhost/127.0.0.1 made with openssl in a temp dir, trusted by the client only through the CA
// option (CONDUCTOR_ORG_CA_FILE / caFile). TLS verification stays on everywhere.
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

export interface TestCa {
  dir: string;
  caFile: string;
  key: string;
  cert: string;
}

/** Generates a CA and a server certificate (SAN localhost, 127.0.0.1) signed by it. */
export function makeTestCa(): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-org-ca-'));
  const run = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Conductor Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  fs.writeFileSync(path.join(dir, 'ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'ext.cnf');
  return {
    dir,
    caFile: path.join(dir, 'ca.crt'),
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert: fs.readFileSync(path.join(dir, 'server.crt'), 'utf8'),
  };
}

export interface ServedFile {
  body: Buffer | string;
  /** Default: a strong ETag from the body's sha256. */
  etag?: string;
  status?: number;
  location?: string;
}

export interface RequestLog {
  path: string;
  ifNoneMatch?: string;
  status: number;
}

/** An HTTPS server on 127.0.0.1 serving `files` (mutable) with ETag / If-None-Match support. */
export class TestHttpsServer {
  readonly files = new Map<string, ServedFile>();
  readonly requests: RequestLog[] = [];
  private server?: https.Server;
  port = 0;

  constructor(private readonly ca: TestCa) {}

  async start(port = 0): Promise<void> {
    const server = https.createServer({ key: this.ca.key, cert: this.ca.cert }, (req, res) => {
      const p = new URL(req.url ?? '/', 'https://x').pathname;
      const ifNoneMatch = req.headers['if-none-match'];
      const f = this.files.get(p);
      const log = (status: number): void => void this.requests.push({ path: p, ...(typeof ifNoneMatch === 'string' && { ifNoneMatch }), status });
      if (!f) {
        log(404);
        res.writeHead(404).end('not found');
        return;
      }
      if (f.location) {
        log(f.status ?? 302);
        res.writeHead(f.status ?? 302, { Location: f.location }).end();
        return;
      }
      const etag = f.etag ?? `"${crypto.createHash('sha256').update(f.body).digest('hex').slice(0, 16)}"`;
      if (ifNoneMatch === etag) {
        log(304);
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      log(f.status ?? 200);
      res.writeHead(f.status ?? 200, { ETag: etag, 'Content-Type': 'application/json' }).end(f.body);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  url(p: string): string {
    return `https://127.0.0.1:${this.port}${p}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }
}
