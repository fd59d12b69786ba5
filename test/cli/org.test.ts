import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sha256Hex } from '../../server/src/org-fetch/verify';
import { assertCliBuilt, runCliAsync, type CliResult } from './run-cli';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { makeTestCa, TestHttpsServer, type TestCa } from '../unit/org/https-fixture';

// The CLI side of org rulesets, on the built dist/cli.js: `conductor org keygen/sign/verify`, and
// `conductor check` with --org-ruleset / CONDUCTOR_ORG_RULESET / the machine policy file, over a real
// local HTTPS server (the child process trusts the test CA through CONDUCTOR_ORG_CA_FILE only).

/** Runs the CLI asynchronously: the HTTPS server lives in this process and must keep answering. */
const cli = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> => runCliAsync(args, cwd, { env });

const show = (r: CliResult): string => `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

const ORG = {
  name: 'acme-2026.11',
  extends: ['conductor:recommended'],
  patterns: [{ id: 'acme/no-md5', regex: '\\bmd5\\(', message: 'No MD5', severity: 'error', in: 'code' }],
  rules: { 'security/no-eval': 'error' },
  locked: { rules: ['security/no-eval', 'acme/no-md5'], reason: 'SOC 2' },
};
const ORG_TEXT = JSON.stringify(ORG, null, 2) + '\n';
const TEAM = { name: 'team-a', rules: { 'security/no-eval': 'off', 'acme/no-md5': 'warning', 'quality/no-debugger': 'off' } };
const DOC = 'const a = eval(input);\n// conductor-disable-next-line acme/no-md5 -- legacy checksum\nconst h = md5(a);\ndebugger;\n';

interface JsonReport {
  results: { path: string; findings: { ruleId: string; severity: string; line: number; column: number }[] }[];
}

function findings(r: CliResult): string[] {
  const report = JSON.parse(r.stdout) as JsonReport;
  return report.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column} ${x.severity} ${x.ruleId}`));
}

describe('org rulesets: CLI (built dist/cli.js)', function () {
  this.timeout(60_000);
  let ca: TestCa;
  let server: TestHttpsServer;
  let ws: TempWorkspace;
  let tmp: string;

  before(async function () {
    this.timeout(180_000);
    assertCliBuilt();
    ca = makeTestCa();
    server = new TestHttpsServer(ca);
    await server.start();
  });
  after(async () => {
    await server.stop();
    fs.rmSync(ca.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(TEAM), 'src/a.ts': DOC }, 'conductor-org-cli-');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-org-cli-tmp-'));
    server.files.clear();
    server.files.set('/acme.jsonc', { body: ORG_TEXT });
  });
  afterEach(() => {
    ws.remove();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const cacheEnv = (): Record<string, string> => ({ CONDUCTOR_CACHE_DIR: path.join(tmp, 'cache'), CONDUCTOR_POLICY_FILE: path.join(tmp, 'no-policy.json') });
  const EXPECTED = [
    'src/a.ts:1:11 error security/no-eval',
    'src/a.ts:2:4 warning conductor/locked-suppression',
    'src/a.ts:3:11 error acme/no-md5',
  ];

  it('check --org-ruleset https://…#sha256 with CONDUCTOR_ORG_CA_FILE: locked rules stay on, the suppression has no effect, lock attempts are reported', async () => {
    const r = await cli(ws.root, ['check', '--format', 'json', '--org-ruleset', `${server.url('/acme.jsonc')}#sha256=${sha256Hex(ORG_TEXT)}`], {
      ...cacheEnv(),
      CONDUCTOR_ORG_CA_FILE: ca.caFile,
    });
    assert.equal(r.status, 1, show(r));
    assert.deepEqual(findings(r), EXPECTED);
    assert.match(r.stderr, /\.conductor\/rules\.jsonc:4:\d+: locked by org ruleset acme-2026\.11: cannot disable security\/no-eval \(SOC 2\)/);
    assert.match(r.stderr, /cannot lower acme\/no-md5 from error to warning/);
    assert.doesNotMatch(r.stderr, /quality\/no-debugger/); // unlocked: the team may turn it off
  });

  it("a team `ignore` does not silence locked rules: exit 1, the finding, the attempt on stderr; the team's own rules stay ignored", async () => {
    const orgFile = path.join(tmp, 'acme.jsonc');
    fs.writeFileSync(orgFile, ORG_TEXT); // `ignore` itself is not locked
    for (const glob of ['src/**', '**/*.ts']) {
      ws.write('.conductor/rules.jsonc', ruleFileText({ name: 'team-a', ignore: [glob] }));
      ws.write('src/a.ts', 'const a = eval(input);\ndebugger;\n');
      const r = await cli(ws.root, ['check', '--format', 'json', '--org-ruleset', orgFile, '--org-sha256', sha256Hex(ORG_TEXT)], cacheEnv());
      assert.equal(r.status, 1, show(r));
      assert.deepEqual(findings(r), ['src/a.ts:1:11 error security/no-eval'], show(r));
      assert.match(r.stderr, new RegExp(`\\.conductor/rules\\.jsonc:4:\\d+: locked by org ruleset acme-2026\\.11: cannot ignore "${glob.replace(/\*/g, '\\*')}" for locked rules`), show(r));
    }
  });

  it('without the CA the HTTPS fetch fails (TLS stays verified) and, with nothing cached, the check fails closed (exit 2)', async () => {
    const r = await cli(ws.root, ['check', '--org-ruleset', server.url('/acme.jsonc'), '--org-sha256', sha256Hex(ORG_TEXT)], cacheEnv());
    assert.equal(r.status, 2, show(r));
    assert.match(r.stderr, /cannot get the org ruleset .*(certificate|self.signed|unable to verify).*no verified copy is cached/i);
  });

  it('offline: with the server gone the verified cache is used (with a warning); a tampered source is REJECTED (exit 2)', async () => {
    const offline = new TestHttpsServer(ca);
    await offline.start();
    offline.files.set('/acme.jsonc', { body: ORG_TEXT });
    const env = { ...cacheEnv(), CONDUCTOR_ORG_CA_FILE: ca.caFile, CONDUCTOR_ORG_RULESET: offline.url('/acme.jsonc'), CONDUCTOR_ORG_SHA256: sha256Hex(ORG_TEXT) };
    const online = await cli(ws.root, ['check', '--format', 'json'], env);
    assert.deepEqual(findings(online), EXPECTED, show(online));

    offline.files.set('/acme.jsonc', { body: ORG_TEXT.replace('"error"', '"hint"') });
    const tampered = await cli(ws.root, ['check', '--format', 'json'], env);
    assert.equal(tampered.status, 2, show(tampered));
    assert.match(tampered.stderr, /was REJECTED: sha256 mismatch/);

    await offline.stop();
    const cached = await cli(ws.root, ['check', '--format', 'json'], env);
    assert.deepEqual(findings(cached), EXPECTED, show(cached));
    assert.match(cached.stderr, /cannot refresh the org ruleset .*using the cached copy acme-2026\.11/);
  });

  it('the machine policy file (CONDUCTOR_POLICY_FILE) applies to check, and to the scan workers (--jobs 2)', async () => {
    const orgFile = path.join(tmp, 'acme.jsonc');
    fs.writeFileSync(orgFile, ORG_TEXT);
    const policy = path.join(tmp, 'policy.json');
    fs.writeFileSync(policy, JSON.stringify({ orgRuleset: { source: orgFile, sha256: sha256Hex(ORG_TEXT) } }));
    for (let i = 0; i < 70; i++) {
      ws.write(`src/gen/f${i}.ts`, 'const v = eval(x);\n');
    }
    const r = await cli(ws.root, ['check', '--format', 'json', '--jobs', '2', '--verbose'], { CONDUCTOR_CACHE_DIR: path.join(tmp, 'cache'), CONDUCTOR_POLICY_FILE: policy });
    assert.equal(r.status, 1, show(r));
    const all = findings(r);
    assert.equal(all.filter((f) => f.endsWith('error security/no-eval')).length, 71, show(r));
    assert.match(r.stderr, /with 2 workers/);
    assert.match(r.stderr, /org ruleset acme-2026\.11 \(sha256 [0-9a-f]{12}…, verified by sha256\) from .* \(machine policy file /);
  });

  it('conductor org keygen / sign / verify round trip; check with --org-public-key', async () => {
    const orgFile = path.join(tmp, 'acme.jsonc');
    fs.writeFileSync(orgFile, ORG_TEXT);
    const keys = path.join(tmp, 'keys');
    const gen = await cli(tmp, ['org', 'keygen', '--out', keys]);
    assert.equal(gen.status, 0, show(gen));
    assert.match(gen.stdout, /-----BEGIN PUBLIC KEY-----/);
    assert.equal(fs.statSync(path.join(keys, 'org-ruleset.key')).mode & 0o077, 0, 'the private key is not readable by others');
    const again = await cli(tmp, ['org', 'keygen', '--out', keys]);
    assert.equal(again.status, 2, 'keygen does not overwrite a key pair');

    const signed = await cli(tmp, ['org', 'sign', orgFile, '--key', path.join(keys, 'org-ruleset.key')]);
    assert.equal(signed.status, 0, show(signed));
    assert.match(signed.stdout, new RegExp(`sha256 ${sha256Hex(ORG_TEXT)}`));
    const ok = await cli(tmp, ['org', 'verify', orgFile, '--key', path.join(keys, 'org-ruleset.pub')]);
    assert.equal(ok.status, 0, show(ok));
    assert.match(ok.stdout, /^OK: .* verified by signature; sha256 [0-9a-f]{64}/);
    const pin = await cli(tmp, ['org', 'verify', orgFile, '--sha256', sha256Hex(ORG_TEXT)]);
    assert.equal(pin.status, 0, show(pin));

    const check = await cli(ws.root, ['check', '--format', 'json', '--org-ruleset', orgFile, '--org-public-key', path.join(keys, 'org-ruleset.pub')], cacheEnv());
    assert.deepEqual(findings(check), EXPECTED, show(check));

    fs.appendFileSync(orgFile, '// quietly changed\n');
    const tampered = await cli(tmp, ['org', 'verify', orgFile, '--key', path.join(keys, 'org-ruleset.pub')]);
    assert.equal(tampered.status, 1, show(tampered));
    assert.match(tampered.stderr, /FAILED: .*signature does not match/);

    const invalid = path.join(tmp, 'invalid.jsonc');
    fs.writeFileSync(invalid, JSON.stringify({ name: 'x', extends: ['../team.jsonc'] }));
    const notSigned = await cli(tmp, ['org', 'sign', invalid, '--key', path.join(keys, 'org-ruleset.key')]);
    assert.equal(notSigned.status, 1, show(notSigned));
    assert.match(notSigned.stderr, /Not signed: [\s\S]*can extend only built-in rulesets/);
    assert.equal(fs.existsSync(`${invalid}.sig`), false);
  });

  it('usage errors: plain http, no trust anchor, trust flags without a source', async () => {
    const env = cacheEnv();
    const http = await cli(ws.root, ['check', '--org-ruleset', 'http://rules.example/acme.jsonc', '--org-sha256', sha256Hex(ORG_TEXT)], env);
    assert.equal(http.status, 2);
    assert.match(http.stderr, /plain http:\/\/ is not allowed/);
    const noTrust = await cli(ws.root, ['check', '--org-ruleset', server.url('/acme.jsonc')], env);
    assert.equal(noTrust.status, 2);
    assert.match(noTrust.stderr, /needs a trust anchor/);
    const noSource = await cli(ws.root, ['check', '--org-sha256', sha256Hex(ORG_TEXT)], env);
    assert.equal(noSource.status, 2);
    assert.match(noSource.stderr, /need --org-ruleset/);
  });
});
