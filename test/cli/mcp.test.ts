// `conductor mcp` over stdio with the official SDK's own Client + StdioClientTransport, against the BUILT CLI
// (`node dist/cli.js mcp --cwd <temp workspace>`): every tool, errors, rule-file reloads, and a clean exit.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { assertCliBuilt, runCli, spawnCli } from './run-cli';
import { CLI_JS, REPO_ROOT } from '../helpers/paths';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

const RICH_RULES = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'instructions', 'rich', '.conductor', 'rules.jsonc'), 'utf8');
/** Matches secrets/aws-access-key-id and is no placeholder; it must never come back in a tool's answer. */
const FAKE_KEY = ['AKIA', 'Z7QX4M2K9P3R8T5W'].join('');

interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface CheckResult {
  path: string;
  verdict: string;
  counts: Record<string, number>;
  findings: Finding[];
  notes: string[];
}

const view = (r: CheckResult): string[] => r.findings.map((f) => `${f.ruleId}@${f.line}:${f.column}/${f.severity}`);

describe('conductor mcp (MCP over stdio, SDK client)', function () {
  this.timeout(120_000);
  let ws: TempWorkspace;
  let client: Client;
  let transport: StdioClientTransport;
  let stderr = '';

  /** Calls a tool; returns the parsed JSON answer, or `{ error }` for a tool error. */
  async function call<T = Record<string, unknown>>(name: string, args: Record<string, unknown>): Promise<T & { error?: string; raw: string }> {
    const r = (await client.callTool({ name, arguments: args })) as { content: { type: string; text: string }[]; isError?: boolean; structuredContent?: unknown };
    const raw = r.content.map((c) => c.text).join('\n');
    if (r.isError) {
      return { error: raw, raw } as T & { error: string; raw: string };
    }
    const parsed = JSON.parse(raw) as T;
    assert.deepEqual(r.structuredContent, parsed, 'structured content and text differ');
    return { ...parsed, raw };
  }

  before(async () => {
    assertCliBuilt();
    ws = makeTempWorkspace(
      {
        '.conductor/rules.jsonc': RICH_RULES,
        'package.json': JSON.stringify({ name: 'acme-web', dependencies: { react: '^19.0.0' }, devDependencies: { vitest: '^3.0.0' } }),
        'src/infra/db.ts': 'export const db = {};\n',
        'src/domain/index.ts': 'export * from "./orders";\n',
        'src/domain/orders.ts': 'export const orders = [];\n',
        'src/domain/internal.ts': 'export const secret = 1;\n',
        'src/ui/widget.test.ts': 'test("x", () => {});\n',
        'requirements.txt': 'requests==2.32.0\n',
      },
      'conductor-mcp-',
    );
    transport = new StdioClientTransport({ command: process.execPath, args: [CLI_JS, 'mcp', '--cwd', ws.root], stderr: 'pipe' });
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    client = new Client({ name: 'conductor-test', version: '1.0.0' });
    await client.connect(transport);
  });
  after(async () => {
    await client?.close();
    ws?.remove();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') {
      console.error(`server stderr:\n${stderr}`);
    }
  });

  it('lists the four tools, read-only, with their input schemas', async () => {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['allowed_imports', 'check_code', 'explain_rule', 'policy_for_path']);
    const check = tools.find((t) => t.name === 'check_code')!;
    assert.deepEqual(Object.keys(check.inputSchema.properties ?? {}).sort(), ['ai', 'content', 'path', 'tool', 'useCase']);
    assert.deepEqual(check.inputSchema.required, ['path', 'content']);
    for (const t of tools) {
      assert.equal(t.annotations?.readOnlyHint, true, `${t.name} is not read-only`);
      assert.equal(t.annotations?.openWorldHint, false, `${t.name} claims the open world`);
    }
    assert.match(client.getInstructions() ?? '', /policy_for_path/);
  });

  it('check_code: the same content is human-written by default and an AI block with ai: true', async () => {
    const content = 'export function run(s: string) {\n  return eval(s);\n}\n';
    const human = await call<CheckResult>('check_code', { path: 'src/ui/run.ts', content });
    assert.deepEqual(view(human), ['security/no-eval@2:10/warning']);
    assert.equal(human.verdict, 'warn');
    const ai = await call<CheckResult>('check_code', { path: 'src/ui/run.ts', content, ai: true, useCase: 'boilerplate', tool: 'claude' });
    // aiSeverity makes eval an error inside AI code; positions are in the content as given (the markers are virtual).
    assert.deepEqual(view(ai), ['ai/missing-test@1:1/warning', 'ai/unreviewed@1:1/warning', 'security/no-eval@2:10/error']);
    assert.equal(ai.verdict, 'fail');
    assert.deepEqual(ai.counts, { error: 1, warning: 2, info: 0, hint: 0 });
    assert.match(ai.notes.join(' '), /tool=claude, use=boilerplate/);
    assert.match(ai.findings.find((f) => f.ruleId === 'ai/unreviewed')!.message, /not been reviewed/);
  });

  it('check_code: use-case verdicts, forbidden and excluded paths', async () => {
    const code = 'export const x = 1;\n';
    const wrongUse = await call<CheckResult>('check_code', { path: 'src/ui/widget.ts', content: code, ai: true, useCase: 'docs' });
    const notApproved = wrongUse.findings.find((f) => f.ruleId === 'ai/use-case-not-approved');
    assert.ok(notApproved, view(wrongUse).join(', '));
    assert.equal(notApproved.severity, 'error');
    assert.match(notApproved.message, /boilerplate/, 'the message names the use cases approved here');
    // src/ui/widget.test.ts exists: boilerplate's requiresTest is met.
    const ok = await call<CheckResult>('check_code', { path: 'src/ui/widget.ts', content: code, ai: true, useCase: 'boilerplate' });
    assert.deepEqual(view(ok), ['ai/unreviewed@1:1/warning']);
    // A test file: the use case is inferred (tests).
    const test = await call<CheckResult>('check_code', { path: 'src/ui/widget.test.ts', content: 'it("works", () => {});\n', ai: true });
    assert.deepEqual(view(test), ['ai/unreviewed@1:1/warning']);

    const forbidden = await call<CheckResult>('check_code', { path: 'src/auth/login.ts', content: code, ai: true });
    assert.deepEqual(view(forbidden), ['ai/forbidden-path@1:1/error']);
    assert.match(forbidden.findings[0].message, /security-critical code needs a human author/);
    assert.deepEqual(view(await call<CheckResult>('check_code', { path: 'src/auth/login.ts', content: code })), [], 'human code is fine there');

    const excluded = await call<CheckResult>('check_code', { path: 'secrets/keys.ts', content: code, ai: true });
    assert.deepEqual(view(excluded), ['ai/excluded-path@1:1/error']);
  });

  it('check_code: boundaries verdicts (layers, private files, undeclared and banned packages)', async () => {
    const content = [
      "import { db } from '../infra/db';",
      "import { secret } from '../domain/internal';",
      "import { orders } from '../domain';",
      "import React from 'react';",
      "import moment from 'moment';",
      "import leftPad from 'left-pad';",
      'export const x = [db, secret, orders, React, moment, leftPad];',
      '',
    ].join('\n');
    const r = await call<CheckResult>('check_code', { path: 'src/ui/page.ts', content });
    assert.deepEqual(view(r), [
      'boundaries/layer-violation@1:20/error',
      'boundaries/private-import@2:24/error',
      'boundaries/banned-package@5:20/error',
      'boundaries/undeclared-package@6:21/error',
    ]);
    assert.match(r.findings[0].message, /the UI reaches infrastructure only through domain services/);
    assert.match(r.findings[2].message, /Use date-fns/);
  });

  it('check_code: never echoes a secret, and reports nothing for an ignored path', async () => {
    const r = await call<CheckResult>('check_code', { path: 'src/shared/config.ts', content: `export const key = "${FAKE_KEY}";\n` });
    assert.ok(r.findings.some((f) => f.ruleId === 'secrets/aws-access-key-id'), view(r).join(', '));
    assert.ok(!r.raw.includes(FAKE_KEY), 'the raw secret is in the answer');
    const ignored = await call<CheckResult>('check_code', { path: 'dist/bundle.js', content: 'eval(x);\n', ai: true });
    assert.deepEqual(ignored.findings, []);
    assert.match(ignored.notes[0], /ignore/);
  });

  it('explain_rule: patterns, built-in rules, their docs pages, and unknown ids', async () => {
    const evalRule = await call('explain_rule', { id: 'security/no-eval' });
    assert.equal(evalRule.kind, 'pattern');
    assert.equal(evalRule.severity, 'warning');
    assert.equal(evalRule.aiSeverity, 'error');
    assert.equal(evalRule.definedIn, 'conductor:recommended');
    assert.match(String(evalRule.docs), /^# security\/no-eval\n/);
    const forbidden = await call('explain_rule', { id: 'ai/forbidden-path' });
    assert.equal(forbidden.kind, 'built-in rule');
    assert.equal(forbidden.defaultSeverity, 'error');
    assert.match(String(forbidden.docs), /^# ai\/forbidden-path/);
    const own = await call('explain_rule', { id: 'team/no-console-log' });
    assert.equal(own.definedIn, '.conductor/rules.jsonc');
    assert.equal(own.docs, undefined);
    const off = await call('explain_rule', { id: 'security/insecure-http-url' });
    assert.equal(off.severity, 'off');
    assert.match((await call('explain_rule', { id: 'team/nope' })).error ?? '', /Unknown rule id "team\/nope"\. Known ids in "team\/": team\/internal-api-token, team\/no-console-log, team\/no-raw-sql-in-ui/);
    assert.match((await call('explain_rule', { id: '../../../etc/passwd' })).error ?? '', /Unknown rule id/);
  });

  it('allowed_imports: layer, allowed and denied layers with reasons, public entry points, packages', async () => {
    const r = await call('allowed_imports', { path: 'src/ui/page.ts' });
    assert.equal(r.layer, 'ui');
    assert.equal(r.layerDescription, 'React components and hooks');
    assert.deepEqual(r.mayImportLayers, [
      { layer: 'domain', paths: ['src/domain/**'], publicEntryPoints: ['src/domain/index.ts'] },
      { layer: 'billing', paths: ['src/billing/**'], publicEntryPoints: ['src/billing/index.ts'] },
      { layer: 'shared', paths: ['src/shared/**'] },
    ]);
    assert.deepEqual(r.mustNotImportLayers, [{ layer: 'infra', paths: ['src/infra/**'], reason: 'the UI reaches infrastructure only through domain services' }]);
    assert.deepEqual(r.packages, {
      mustBeDeclared: true,
      manifest: { file: 'package.json', declared: ['react', 'vitest'] },
      allowedWithoutDeclaration: ['vscode'],
      banned: [
        { name: 'moment', reason: 'Use date-fns.' },
        { name: 'child_process', reason: 'Run processes through src/infra/exec.ts.' },
        { name: 'lodash*', reason: 'Use the standard library.' },
      ],
    });
    const shared = await call('allowed_imports', { path: 'src/shared/util.ts' });
    assert.deepEqual(shared.mayImportLayers, []);
    assert.equal((shared.mustNotImportLayers as unknown[]).length, 4);
    const script = await call('allowed_imports', { path: 'scripts/tool.py' });
    assert.equal(script.layer, null);
    assert.deepEqual(script.packages && (script.packages as { manifest: unknown }).manifest, { file: 'requirements.txt', declared: ['requests'] });
    assert.match(String((script.notes as string[])[0]), /belongs to no layer/);
  });

  it('allowed_imports never reads a package.json outside the workspace through a symlink', async () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-mcp-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'package.json'), JSON.stringify({ name: 'outside', dependencies: { 'left-pad': '1.0.0' } }));
      fs.mkdirSync(ws.path('src/linked'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'package.json'), ws.path('src/linked/package.json'));
      ws.write('src/plain/package.json', JSON.stringify({ name: 'plain', dependencies: { 'right-pad': '1.0.0' } }));
      const plain = await call('allowed_imports', { path: 'src/plain/x.ts' });
      assert.match(plain.raw, /right-pad/); // a manifest in the same place is read
      const r = await call('allowed_imports', { path: 'src/linked/x.ts' });
      assert.equal(r.error, undefined);
      assert.doesNotMatch(r.raw, /left-pad|outside/);
    } finally {
      fs.rmSync(ws.path('src/linked'), { recursive: true, force: true });
      fs.rmSync(ws.path('src/plain'), { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('policy_for_path: forbidden, excluded, approved use cases, review, layer', async () => {
    const pay = await call('policy_for_path', { path: 'src/billing/payments/charge.ts' });
    assert.deepEqual(pay.forbidden, { forbidden: true, reason: 'PCI scope: changes need a certified engineer', glob: 'src/billing/{payments,refunds}/**', enforced: true });
    assert.deepEqual((pay.useCases as { approved: unknown[] }).approved, []);
    assert.match(String(pay.summary), /FORBIDDEN/);
    const secret = await call('policy_for_path', { path: 'secrets/prod.env' });
    assert.deepEqual(secret.excluded, { excluded: true, globs: ['secrets/**'], enforced: true });
    assert.match(String(secret.summary), /EXCLUDED from AI assistants/);
    const ui = await call('policy_for_path', { path: 'src/ui/widget.test.ts' });
    assert.deepEqual(ui.useCases, {
      governed: true,
      approved: [
        { name: 'tests', description: 'Unit and integration tests', maxLines: 300 },
        { name: 'boilerplate', maxLines: 80, requiresTest: true },
      ],
      unclassified: 'forbid',
      enforced: true,
    });
    assert.deepEqual(ui.review, { required: true, where: 'everywhere', allowSelfReview: false, maxUnreviewedDays: 14, enforced: true });
    assert.equal(ui.layer, 'ui');
    assert.equal(ui.ignored, false);
    assert.match((await call('policy_for_path', { path: '../outside.ts' })).error ?? '', /inside the workspace/);
    assert.match((await call('policy_for_path', { path: ws.path('src/ui/widget.ts') })).summary as string, /allowed here for: boilerplate/, 'an absolute path inside the root is accepted');
  });

  it('answers deterministically, and follows rule-file changes without a restart', async () => {
    const a = await call('policy_for_path', { path: 'src/ui/x.ts' });
    const b = await call('policy_for_path', { path: 'src/ui/x.ts' });
    assert.equal(a.raw, b.raw);
    assert.equal((a.forbidden as { forbidden: boolean }).forbidden, false);
    const original = ws.read('.conductor/rules.jsonc');
    try {
      ws.write('.conductor/rules.jsonc', original.replace('"src/auth/**", "src/crypto/**"', '"src/auth/**", "src/crypto/**", "src/ui/**"'));
      const c = await call('policy_for_path', { path: 'src/ui/x.ts' });
      assert.equal((c.forbidden as { forbidden: boolean }).forbidden, true);
      ws.write('.conductor/rules.jsonc', '{ "ai": { "forbidden": [{ "paths": [] }] } }');
      assert.match((await call('policy_for_path', { path: 'src/ui/x.ts' })).error ?? '', /The rule file has errors/);
    } finally {
      ws.write('.conductor/rules.jsonc', original);
    }
    assert.equal((await call('policy_for_path', { path: 'src/ui/x.ts' })).raw, a.raw);
  });

  it('exits with code 0 when the client closes stdin', async () => {
    const child = spawnCli(['mcp', '--cwd', ws.root], ws.root);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (code, signal) => resolve([code, signal])));
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } })}\n`);
    await new Promise<void>((resolve) => {
      const check = (): void => (out.includes('"id":1') ? resolve() : void setTimeout(check, 20));
      check();
    });
    child.stdin.end();
    assert.deepEqual(await exited, [0, null]);
    // Nothing but JSON-RPC on stdout.
    for (const line of out.split('\n').filter(Boolean)) {
      assert.equal(JSON.parse(line).jsonrpc, '2.0');
    }
  });

  it('rejects a missing --cwd (exit 2)', () => {
    const r = runCli(['mcp', '--cwd', path.join(ws.root, 'nope')], ws.root);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--cwd must be an existing directory/);
  });
});
