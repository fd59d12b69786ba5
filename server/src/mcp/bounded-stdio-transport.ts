// MCP over stdio with a per-message size cap that a client can survive. The SDK's transport closes
// itself when one line exceeds its 10 MB buffer, so `conductor mcp` exited 0 without a word. Here an
// oversized line is skipped (never buffered past the cap) and answered with a JSON-RPC error; the
// server stays up for the next request.
import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** JSON-RPC "Invalid Request". */
const INVALID_REQUEST = -32600;
/** How much of an oversized line's start and end is kept to find its id. */
const EDGE_BYTES = 1024;

/** A line's id from its start (`{"jsonrpc":"2.0","id":7,…`) or its end (`…,"id":7}`, the SDK's order). */
function idOf(head: string, tail: string): string | number | null {
  const value = /^\{[^{[]*?"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/.exec(head.trimStart())?.[1] ?? /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")\s*\}\s*$/.exec(tail)?.[1];
  return value === undefined ? null : (JSON.parse(value) as string | number);
}

export class BoundedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  private chunks: Buffer[] = [];
  private size = 0;
  /** Set while skipping an oversized line: its first bytes and the latest ones. */
  private skipping?: { head: Buffer; tail: Buffer; size: number };

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk.subarray(start, nl));
      this.endLine();
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.take(chunk.subarray(start));
    }
  };

  private readonly onError = (e: Error): void => this.onerror?.(e);

  start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onError);
    return Promise.resolve();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(serializeMessage(message));
  }

  close(): Promise<void> {
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onError);
    this.chunks = [];
    this.skipping = undefined;
    this.onclose?.();
    return Promise.resolve();
  }

  private take(part: Buffer): void {
    if (part.length === 0) {
      return;
    }
    const s = this.skipping;
    if (s) {
      s.size += part.length;
      s.tail = Buffer.concat([s.tail, part]).subarray(-EDGE_BYTES);
      return;
    }
    if (this.size + part.length <= this.maxBytes) {
      this.chunks.push(part);
      this.size += part.length;
      return;
    }
    const line = Buffer.concat([...this.chunks, part]);
    this.skipping = { head: line.subarray(0, EDGE_BYTES), tail: line.subarray(-EDGE_BYTES), size: line.length };
    this.chunks = [];
    this.size = 0;
  }

  private endLine(): void {
    const s = this.skipping;
    if (s) {
      this.skipping = undefined;
      this.reject(s);
      return;
    }
    const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.size = 0;
    if (line.trim() === '') {
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (e) {
      this.onerror?.(e as Error);
      return;
    }
    this.onmessage?.(message);
  }

  private reject(s: { head: Buffer; tail: Buffer; size: number }): void {
    const id = idOf(s.head.toString('utf8'), s.tail.toString('utf8'));
    const message = `Request too large: ${s.size} bytes; conductor mcp accepts messages up to ${this.maxBytes} bytes.`;
    this.onerror?.(new Error(message));
    void this.write(`${JSON.stringify({ jsonrpc: '2.0', id, error: { code: INVALID_REQUEST, message } })}\n`);
  }

  private write(text: string): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(text)) {
        resolve();
      } else {
        this.stdout.once('drain', resolve);
      }
    });
  }
}
