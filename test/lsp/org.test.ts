import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { EffectiveRulesRequest, type StatusParams } from '../../server/src/protocol/messages';
import { sha256Hex } from '../../server/src/org-fetch/verify';
import { assertBuilt } from '../helpers/build';
import { CLI_JS, SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { makeTestCa, TestHttpsServer, type TestCa } from '../unit/org/https-fixture';
import { LspClient } from './lsp-client';
import { runCliAsync, type CliResult } from '../cli/run-cli';

// Org rulesets in the editor (issue 8), over stdio against the built server. The org ruleset comes
// from a machine policy file (CONDUCTOR_POLICY_FILE, the test hook) naming a real local HTTPS server
// whose certificate is trusted through the policy file's caFile. The server starts from its cache
// and refreshes in the background.

const ORG = {
  name: 'acme-2026.11',
  extends: ['conductor:recommended'],
  patterns: [{ id: 'acme/no-md5', regex: '\\bmd5\\(', message: 'No MD5', severity: 'error', in: 'code' }],
  rules: { 'security/no-eval': 'error' },
  locked: { rules: ['security/no-eval', 'acme/no-md5'] },
};
const ORG_TEXT = JSON.stringify(ORG, null, 2) + '\n';
const TEAM = { name: 'team-a', rules: { 'security/no-eval': 'off', 'quality/no-debugger': 'off' } };
const TEAM_TEXT = ruleFileText(TEAM);
const DOC = 'const a = eval(input);\n// conductor-disable-next-line security/no-eval -- trusted input\neval(b);\nconst h = md5(a);\ndebugger;\n';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const view = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}`);

const cli = (cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> => runCliAsync(args, cwd, { env });

describe('lsp: org rulesets (machine policy file, HTTPS, locks)', function () {
  this.timeout(60_000);
  let ca: TestCa;
  let server: TestHttpsServer;
  let tmp: string;
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  const saved: Record<string, string | undefined> = {};

  before(async function () {
    this.timeout(180_000);
    assertBuilt([SERVER_JS, CLI_JS]);
    ca = makeTestCa();
    server = new TestHttpsServer(ca);
    await server.start();
    server.files.set('/acme.jsonc', { body: ORG_TEXT });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-lsp-org-'));
    const policy = path.join(tmp, 'policy.json');
    fs.writeFileSync(policy, JSON.stringify({ orgRuleset: { source: server.url('/acme.jsonc'), sha256: sha256Hex(ORG_TEXT), caFile: ca.caFile } }, null, 2));
    // The server inherits this process's environment.
    for (const [k, v] of Object.entries({ CONDUCTOR_POLICY_FILE: policy, CONDUCTOR_CACHE_DIR: path.join(tmp, 'cache') })) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    for (const k of ['CONDUCTOR_ORG_RULESET', 'CONDUCTOR_ORG_SHA256', 'CONDUCTOR_ORG_PUBLIC_KEY', 'CONDUCTOR_ORG_CA_FILE']) {
      saved[k] = process.env[k];
      delete process.env[k];
    }
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': TEAM_TEXT, 'src/a.ts': DOC }, 'conductor-lsp-org-ws-');
  });
  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = v;
      }
    }
    await server.stop();
    ws.remove();
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(ca.dir, { recursive: true, force: true });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && client) {
      console.error(client.describe());
    }
    client?.dispose();
    client = undefined;
  });

  const orgOk = (s: StatusParams): boolean => s.org?.state === 'ok' && s.org.name === 'acme-2026.11';

  it('fetches in the background; a team file that disables a locked rule gets a diagnostic there, and the rule is still enforced', async () => {
    client = await LspClient.start({ folders: [ws.root] });
    const status = await client.waitForStatus(orgOk);
    assert.deepEqual(status.org?.verifiedBy, ['sha256']);
    assert.equal(status.org?.sha256, sha256Hex(ORG_TEXT));
    assert.match(status.org?.configuredBy ?? '', /^machine policy file /);
    assert.match(status.folders[0].message, /org ruleset acme-2026\.11 \(verified by sha256\)/);

    const ruleFile = ws.uri('.conductor/rules.jsonc');
    const lockDiags = await client.waitForDiagnostics(ruleFile, (ds) => ds.some((d) => /locked by org ruleset/.test(messageOf(d))));
    const locked = lockDiags.filter((d) => /locked by org ruleset/.test(messageOf(d)));
    assert.equal(locked.length, 1, JSON.stringify(lockDiags));
    assert.match(messageOf(locked[0]), /^locked by org ruleset acme-2026\.11: cannot disable security\/no-eval\./);
    assert.equal(locked[0].range.start.line, TEAM_TEXT.split('\n').findIndex((l) => l.includes('"security/no-eval"')));
    assert.equal(locked[0].severity, 2);

    const uri = ws.uri('src/a.ts');
    await client.open(uri, DOC, 'typescript');
    const diags = await client.waitForCurrentDiagnostics(uri, (ds) => ds.length > 0);
    assert.deepEqual(view(diags), ['1:11 error security/no-eval', '2:4 warning conductor/locked-suppression', '3:1 error security/no-eval', '4:11 error acme/no-md5']);

    // The CLI with --org-ruleset gives the same findings for the same document.
    const r = await cli(ws.root, ['check', '--format', 'json', '--org-ruleset', `${server.url('/acme.jsonc')}#sha256=${sha256Hex(ORG_TEXT)}`, 'src/a.ts'], {
      CONDUCTOR_CACHE_DIR: path.join(tmp, 'cli-cache'),
      CONDUCTOR_ORG_CA_FILE: ca.caFile,
      CONDUCTOR_POLICY_FILE: path.join(tmp, 'none.json'),
    });
    const report = JSON.parse(r.stdout) as { results: { findings: { ruleId: string; severity: string; line: number; column: number }[] }[] };
    assert.deepEqual(
      report.results.flatMap((f) => f.findings.map((x) => `${x.line}:${x.column} ${x.severity} ${x.ruleId}`)),
      view(diags),
      r.stderr,
    );

    // "Show Effective Rules": the layers, the lock, where each setting comes from.
    const { markdown } = await client.connection.sendRequest(EffectiveRulesRequest.type, { uri });
    assert.match(markdown, /^# Conductor — effective rules/);
    assert.match(markdown, /\*\*Org ruleset:\*\* `acme-2026\.11` \(verified by sha256\)/);
    assert.match(markdown, /\| `security\/no-eval` \| error \| .* \| 🔒 yes \|/);
    assert.match(markdown, /\*\*Off \(\d+\):\*\* .*`quality\/no-debugger`/); // unlocked: the team turned it off
    assert.match(markdown, /locked by org ruleset acme-2026\.11: cannot disable security\/no-eval/);
    assert.equal(await client.shutdown(), 0);
  });

  it('a tampered org ruleset is REJECTED (status error, logged) and the last verified copy, from the cache, stays in force', async () => {
    server.files.set('/acme.jsonc', { body: ORG_TEXT.replace('"security/no-eval": "error"', '"security/no-eval": "hint"') });
    client = await LspClient.start({ folders: [ws.root] });
    const status = await client.waitForStatus((s) => s.org?.state === 'error');
    assert.equal(status.org?.name, 'acme-2026.11'); // the cached, verified copy
    assert.match(status.org?.error ?? '', /REJECTED the org ruleset from https:\/\/127\.0\.0\.1:\d+\/acme\.jsonc: sha256 mismatch/);
    assert.equal(status.state, 'error');
    assert.match(status.folders[0].message, /the last verified copy stays in force/);
    await client.waitFor('the rejection in the log', () => client?.logs.some((l) => /REJECTED/.test(l)));

    const uri = ws.uri('src/a.ts');
    await client.open(uri, DOC, 'typescript');
    const diags = await client.waitForCurrentDiagnostics(uri, (ds) => ds.length > 0);
    assert.ok(view(diags).includes('1:11 error security/no-eval'), view(diags).join('\n'));
    assert.equal(await client.shutdown(), 0);
  });

  it('offline start: with the HTTPS server stopped the cached copy is used at once', async () => {
    server.files.set('/acme.jsonc', { body: ORG_TEXT });
    await server.stop();
    try {
      client = await LspClient.start({ folders: [ws.root] });
      const uri = ws.uri('src/a.ts');
      await client.open(uri, DOC, 'typescript');
      const diags = await client.waitForCurrentDiagnostics(uri, (ds) => ds.length > 0);
      assert.ok(view(diags).includes('4:11 error acme/no-md5'), view(diags).join('\n'));
      const status = await client.waitForStatus((s) => s.org?.lastRefreshResult === 'failed');
      assert.equal(status.org?.state, 'ok');
      assert.match(status.org?.error ?? '', /cannot refresh the org ruleset/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      await server.start(server.port);
    }
  });
});
