// `conductor mcp` (BUILT CLI over stdio): a request over the 10 MB message cap is answered with a
// JSON-RPC error and the server keeps serving; check_code never returns tokens planted in marker
// fields or suppression ids.
import * as assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { assertCliBuilt, spawnCli } from './run-cli';
import { CLI_JS } from '../helpers/paths';
import { leakedTokens, PLANTED_PATH, PLANTED_RULE_IDS, PLANTED_RULES, plantedFile, plantedTokens } from '../helpers/planted-marker-secrets';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

interface RpcAnswer {
  id: number | string | null;
  result?: { tools?: { name: string }[] };
  error?: { code: number; message: string };
}

/** The server's stdout as JSON-RPC answers, and a way to wait for one by id. */
class RawMcp {
  readonly answers: RpcAnswer[] = [];
  stderr = '';
  exit: number | null | undefined;
  private buffer = '';
  private waiters: (() => void)[] = [];

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      this.buffer += d;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) !== -1) {
        this.answers.push(JSON.parse(this.buffer.slice(0, nl)) as RpcAnswer);
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.waiters.splice(0).forEach((w) => w());
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    child.on('exit', (code) => {
      this.exit = code;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  send(message: object | string): void {
    this.child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`);
  }

  async answer(id: number): Promise<RpcAnswer> {
    for (;;) {
      const found = this.answers.find((a) => a.id === id);
      if (found) {
        return found;
      }
      assert.equal(this.exit, undefined, `the server exited (${this.exit}) before answering ${id}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

describe('conductor mcp: oversized requests and masked check_code answers', function () {
  this.timeout(120_000);
  let ws: TempWorkspace;
  before(() => {
    assertCliBuilt();
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': PLANTED_RULES }, 'conductor-mcp-limits-');
  });
  after(() => ws.remove());

  it('an 11 MB request gets a JSON-RPC error with its id; the next request is answered', async () => {
    const mcp = new RawMcp(spawnCli(['mcp', '--cwd', ws.root], ws.root));
    try {
      mcp.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
      assert.ok((await mcp.answer(1)).result);
      mcp.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      // The SDK client's field order: the id comes last, after 11 MB of params.
      const content = `export const big = "${'x'.repeat(11 * 1024 * 1024)}";\n`;
      mcp.send(`{"method":"tools/call","params":{"name":"check_code","arguments":{"path":"src/big.ts","content":${JSON.stringify(content)}}},"jsonrpc":"2.0","id":2}`);
      mcp.send({ jsonrpc: '2.0', id: 3, method: 'tools/list' });
      const tooBig = await mcp.answer(2);
      assert.equal(tooBig.error?.code, -32600);
      assert.match(tooBig.error?.message ?? '', /^Request too large: 1153\d{4} bytes; conductor mcp accepts messages up to 10485760 bytes\.$/);
      const list = await mcp.answer(3);
      assert.ok(list.result?.tools?.some((t) => t.name === 'check_code'), JSON.stringify(list));
      // An oversized line with its id first is answered too.
      mcp.send(`{"jsonrpc":"2.0","id":"four","method":"tools/call","params":{"pad":"${'y'.repeat(10 * 1024 * 1024 + 1)}"}}`);
      mcp.send({ jsonrpc: '2.0', id: 5, method: 'tools/list' });
      assert.equal((await mcp.answer(5)).result?.tools?.length, 4);
      assert.equal(mcp.answers.find((a) => a.id === 'four')?.error?.code, -32600);
      assert.equal(mcp.exit, undefined);
    } finally {
      mcp.child.kill();
    }
  });

  it('check_code never returns a token planted in marker fields or a suppression id', async () => {
    const tokens = plantedTokens();
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI_JS, 'mcp', '--cwd', ws.root], stderr: 'pipe' });
    const client = new Client({ name: 'conductor-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const r = (await client.callTool({ name: 'check_code', arguments: { path: PLANTED_PATH, content: plantedFile(tokens) } })) as { content: { text: string }[]; structuredContent?: unknown };
      const everything = JSON.stringify(r);
      for (const id of PLANTED_RULE_IDS) {
        assert.ok(everything.includes(id), `${id} reported`);
      }
      assert.deepEqual(leakedTokens(everything, tokens), []);
    } finally {
      await client.close();
    }
  });
});
