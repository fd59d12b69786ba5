// Real local HTTP(S) servers that misbehave the way a slow or hostile endpoint does: one that sends a
// byte a second forever (never idle, never done) and one that streams an endless body.
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';

export type Behaviour = { kind: 'trickle'; status: number } | { kind: 'endless'; status: number };

export class HostileServer {
  /** Bytes written to clients so far (how much a client made the server send). */
  written = 0;
  /** Connections the client closed (the server never ends a response itself). */
  closed = 0;
  private server?: http.Server;
  port = 0;

  constructor(
    private readonly behaviour: Behaviour,
    private readonly tls?: { key: string; cert: string },
  ) {}

  async start(): Promise<void> {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      req.resume();
      res.writeHead(this.behaviour.status, { 'content-type': 'application/json' });
      res.on('close', () => this.closed++);
      if (this.behaviour.kind === 'trickle') {
        const timer = setInterval(() => {
          res.write('x');
          this.written++;
        }, 1000);
        res.on('close', () => clearInterval(timer));
        return;
      }
      const chunk = Buffer.alloc(64 * 1024, 'e');
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) {
          this.written += chunk.length;
        }
        if (!res.destroyed) {
          this.written += chunk.length;
          res.once('drain', pump);
        }
      };
      pump();
    };
    const server = this.tls ? https.createServer(this.tls, handler) : http.createServer(handler);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  url(p: string, auth = ''): string {
    return `${this.tls ? 'https' : 'http'}://${auth}127.0.0.1:${this.port}${p}`;
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

/** Runs `run` against a fresh server of that behaviour, stopping it afterwards. */
export async function withServer(b: Behaviour, run: (s: HostileServer) => Promise<void>): Promise<void> {
  const s = new HostileServer(b);
  await s.start();
  try {
    await run(s);
  } finally {
    await s.stop();
  }
}
