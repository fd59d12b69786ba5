import * as assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheDirFor, orgCacheRoot, readCache } from '../../../server/src/org-fetch/cache';
import { httpsGet } from '../../../server/src/org-fetch/fetch';
import { OrgRulesetManager } from '../../../server/src/lsp/org-manager';
import { diskConfigHost } from '../../../server/src/host/disk-config-host';
import { loadVerifiedCache, refreshOrgRuleset, type OrgContext } from '../../../server/src/org-fetch/org-ruleset';
import { envOrgSource, flagOrgSource, machinePolicyFile, parseOrgRuleset, readMachinePolicy, type OrgSourceConfig } from '../../../server/src/org-fetch/source';
import { decodeSignature, generateEd25519KeyPair, sha256Hex, signContent, verifyContent } from '../../../server/src/org-fetch/verify';
import { BUILTIN_DIR } from '../../helpers/paths';
import { makeTestCa, TestHttpsServer, type TestCa } from './https-fixture';

// Org ruleset distribution against a real HTTPS server (node:https) with a CA made by openssl in
// this test, trusted only through the CA option: fetch, cache, offline start, ETag refresh (304),
// tampered content and wrong signatures rejected with the last verified copy kept.

const RULESET_V1 = JSON.stringify({ name: 'acme-2026.11', extends: ['conductor:recommended'], rules: { 'security/no-eval': 'error' }, locked: { rules: ['security/no-eval'] } }, null, 2);
const RULESET_V2 = JSON.stringify({ name: 'acme-2026.12', extends: ['conductor:recommended'], rules: { 'security/no-eval': 'error' }, locked: { rules: ['security/*'] } }, null, 2);

describe('org rulesets: fetch over HTTPS, cache, verification (real local HTTPS server)', function () {
  this.timeout(30_000);
  let ca: TestCa;
  let server: TestHttpsServer;
  let tmp: string;
  let ctx: OrgContext;

  before(async () => {
    ca = makeTestCa();
    server = new TestHttpsServer(ca);
    await server.start();
  });
  after(async () => {
    await server.stop();
    fs.rmSync(ca.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-org-'));
    ctx = { cacheRoot: path.join(tmp, 'cache', 'org'), host: diskConfigHost(BUILTIN_DIR) };
    server.files.clear();
    server.requests.length = 0;
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const pinned = (sourcePath: string, content: string, extra: Partial<OrgSourceConfig> = {}): OrgSourceConfig => ({
    source: server.url(sourcePath),
    sha256: sha256Hex(content),
    caFile: ca.caFile,
    origin: 'command-line',
    configuredBy: 'test',
    ...extra,
  });

  it('TLS is verified: without the test CA the self-signed server is refused; with it the fetch works', async () => {
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    await assert.rejects(httpsGet(server.url('/r.jsonc')), /certificate|self.signed|unable to verify/i);
    const ok = await httpsGet(server.url('/r.jsonc'), { caFile: ca.caFile });
    assert.equal(ok.status, 'ok');
  });

  it('fetch → verified by sha256, cached with its ETag; a second refresh sends If-None-Match and gets 304', async () => {
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    const cfg = pinned('/r.jsonc', RULESET_V1);
    const first = await refreshOrgRuleset(cfg, ctx);
    assert.equal(first.kind, 'updated');
    assert.ok(first.kind === 'updated');
    assert.equal(first.ruleset.name, 'acme-2026.11');
    assert.deepEqual(first.ruleset.verifiedBy, ['sha256']);
    const cached = readCache(cfg.source, ctx.cacheRoot);
    assert.equal(cached?.content.toString('utf8'), RULESET_V1);
    assert.equal(cached?.meta?.etag, first.ruleset.etag);
    assert.ok(first.ruleset.etag);

    const second = await refreshOrgRuleset(cfg, ctx, first.ruleset);
    assert.equal(second.kind, 'not-modified');
    assert.deepEqual(
      server.requests.map((r) => [r.path, r.ifNoneMatch, r.status]),
      [
        ['/r.jsonc', undefined, 200],
        ['/r.jsonc', first.ruleset.etag, 304],
      ],
    );
  });

  it('offline start: with the server stopped the verified cache is used at once; the refresh fails and the copy stays', async () => {
    const offline = new TestHttpsServer(ca);
    await offline.start();
    offline.files.set('/r.jsonc', { body: RULESET_V1 });
    const cfg = { ...pinned('/r.jsonc', RULESET_V1), source: offline.url('/r.jsonc') };
    assert.equal((await refreshOrgRuleset(cfg, ctx)).kind, 'updated');
    await offline.stop();

    const cached = loadVerifiedCache(cfg, ctx);
    assert.equal(cached.ruleset?.name, 'acme-2026.11');
    const refreshed = await refreshOrgRuleset(cfg, ctx, cached.ruleset);
    assert.equal(refreshed.kind, 'failed');

    // The manager starts from the cache synchronously (before any network), then keeps it.
    const events: string[] = [];
    const m = new OrgRulesetManager({ ...ctx, onChange: (c) => events.push(`change:${c}`), onError: (e) => events.push(`error:${e}`), log: () => undefined });
    m.configure({ config: cfg });
    assert.equal(m.current()?.name, 'acme-2026.11', 'in force before the refresh finished');
    await m.refresh();
    assert.equal(m.current()?.name, 'acme-2026.11');
    const status = m.status();
    assert.equal(status?.state, 'ok'); // offline is not an error while a verified copy is in force
    assert.match(status?.error ?? '', /cannot refresh the org ruleset/);
    assert.deepEqual(events, ['change:false']);
    m.dispose();
  });

  it('tampered content (pin mismatch) is REJECTED loudly and the last verified copy stays in force, on disk too', async () => {
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    const cfg = pinned('/r.jsonc', RULESET_V1);
    const errors: string[] = [];
    const m = new OrgRulesetManager({ ...ctx, onChange: () => undefined, onError: (e) => errors.push(e), log: () => undefined });
    m.configure({ config: cfg });
    await m.refresh();
    assert.equal(m.current()?.name, 'acme-2026.11');

    server.files.set('/r.jsonc', { body: RULESET_V1.replace('"error"', '"off"') }); // new body, new ETag
    await m.refresh();
    assert.equal(m.current()?.text, RULESET_V1);
    assert.equal(m.layer()?.text, RULESET_V1);
    const status = m.status();
    assert.equal(status?.state, 'error');
    assert.match(status?.error ?? '', /REJECTED the org ruleset from https:\/\/127\.0\.0\.1:\d+\/r\.jsonc: sha256 mismatch/);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /REJECTED .* sha256 mismatch.*The last verified copy \(acme-2026\.11, verified .*\) stays in force/);
    assert.equal(readCache(cfg.source, ctx.cacheRoot)?.content.toString('utf8'), RULESET_V1);
    // The same rejection again is not shown twice.
    await m.refresh();
    assert.equal(errors.length, 1);
    m.dispose();
  });

  it('a source URL with credentials is masked in the status, its message, errors and the log', async () => {
    const token = 'glpat-Zq7vX2mK9pL4rT8wY3nB';
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    const plain = pinned('/r.jsonc', RULESET_V1);
    const cfg = { ...plain, source: plain.source.replace('https://', `https://ci:${token}@`) };
    const shown: string[] = [];
    const m = new OrgRulesetManager({ ...ctx, onChange: () => undefined, onError: (e) => shown.push(e), log: (l) => shown.push(l) });
    m.configure({ config: cfg });
    shown.push(JSON.stringify(m.status()));
    await m.refresh();
    shown.push(JSON.stringify(m.status()));
    server.files.set('/r.jsonc', { body: RULESET_V1.replace('"error"', '"off"') });
    await m.refresh();
    shown.push(JSON.stringify(m.status()));
    m.dispose();
    assert.match(shown.join('\n'), /REJECTED the org ruleset from https:\/\/\*\*\*@127\.0\.0\.1/);
    assert.ok(!shown.join('\n').includes(token), shown.join('\n'));
  });

  it('ed25519: a good detached signature verifies; a wrong one is rejected and the old copy kept', async () => {
    const org = generateEd25519KeyPair();
    const other = generateEd25519KeyPair();
    server.files.set('/signed.jsonc', { body: RULESET_V1 });
    server.files.set('/signed.jsonc.sig', { body: signContent(Buffer.from(RULESET_V1), org.privateKey) });
    const cfg: OrgSourceConfig = { source: server.url('/signed.jsonc'), publicKey: org.publicKey, signature: server.url('/signed.jsonc.sig'), caFile: ca.caFile, origin: 'setting', configuredBy: 'test' };
    const ok = await refreshOrgRuleset(cfg, ctx);
    assert.equal(ok.kind, 'updated');
    assert.ok(ok.kind === 'updated');
    assert.deepEqual(ok.ruleset.verifiedBy, ['signature']);
    assert.ok(fs.existsSync(path.join(cacheDirFor(cfg.source, ctx.cacheRoot), 'ruleset.sig')));

    // A new version signed with the wrong key.
    server.files.set('/signed.jsonc', { body: RULESET_V2 });
    server.files.set('/signed.jsonc.sig', { body: signContent(Buffer.from(RULESET_V2), other.privateKey) });
    const bad = await refreshOrgRuleset(cfg, ctx, ok.ruleset);
    assert.equal(bad.kind, 'rejected');
    assert.ok(bad.kind === 'rejected');
    assert.match(bad.error, /ed25519 signature does not match/);
    const kept = loadVerifiedCache(cfg, ctx);
    assert.equal(kept.ruleset?.name, 'acme-2026.11');

    // Properly signed: accepted.
    server.files.set('/signed.jsonc.sig', { body: signContent(Buffer.from(RULESET_V2), org.privateKey) });
    const good = await refreshOrgRuleset(cfg, ctx, kept.ruleset);
    assert.equal(good.kind, 'updated');
    assert.ok(good.kind === 'updated');
    assert.equal(good.ruleset.name, 'acme-2026.12');
  });

  it('a cached copy edited on disk no longer verifies and is not used', async () => {
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    const cfg = pinned('/r.jsonc', RULESET_V1);
    await refreshOrgRuleset(cfg, ctx);
    const file = path.join(cacheDirFor(cfg.source, ctx.cacheRoot), 'ruleset.jsonc');
    fs.writeFileSync(file, RULESET_V1.replace('"error"', '"off"'));
    const cached = loadVerifiedCache(cfg, ctx);
    assert.equal(cached.ruleset, undefined);
    assert.match(cached.error ?? '', /does not verify: sha256 mismatch/);
  });

  it('verified but invalid content (extends a file) is rejected', async () => {
    const bad = JSON.stringify({ name: 'x', extends: ['./more.jsonc'] });
    server.files.set('/bad.jsonc', { body: bad });
    const r = await refreshOrgRuleset(pinned('/bad.jsonc', bad), ctx);
    assert.equal(r.kind, 'rejected');
    assert.ok(r.kind === 'rejected');
    assert.match(r.error, /verified but invalid .*can extend only built-in rulesets/);
  });

  it('redirects are followed only to https; HTTP errors are failures, not rejections', async () => {
    server.files.set('/r.jsonc', { body: RULESET_V1 });
    server.files.set('/moved', { body: '', location: '/r.jsonc', status: 301 });
    server.files.set('/to-http', { body: '', location: 'http://127.0.0.1:1/r.jsonc' });
    assert.equal((await refreshOrgRuleset(pinned('/moved', RULESET_V1), ctx)).kind, 'updated');
    const insecure = await refreshOrgRuleset(pinned('/to-http', RULESET_V1), ctx);
    assert.deepEqual(insecure.kind === 'failed' && /only https:\/\/ URLs are allowed/.test(insecure.error), true);
    const missing = await refreshOrgRuleset(pinned('/missing', RULESET_V1), ctx);
    assert.deepEqual(missing.kind === 'failed' && /HTTP 404/.test(missing.error), true);
  });

  it('a new trust anchor (rotated pin) drops the copy verified under the old one until the new one verifies', async () => {
    const file = path.join(tmp, 'org.jsonc');
    fs.writeFileSync(file, RULESET_V1);
    const m = new OrgRulesetManager({ ...ctx, onChange: () => undefined, onError: () => undefined, log: () => undefined });
    m.configure({ config: { source: file, sha256: sha256Hex(RULESET_V1), origin: 'policy-file', configuredBy: 'test' } });
    await m.refresh();
    assert.equal(m.current()?.name, 'acme-2026.11');
    fs.writeFileSync(file, RULESET_V2);
    m.configure({ config: { source: file, sha256: sha256Hex(RULESET_V2), origin: 'policy-file', configuredBy: 'test' } });
    assert.equal(m.layer(), undefined, 'the cached v1 does not verify under the v2 pin');
    await m.refresh();
    assert.equal(m.current()?.name, 'acme-2026.12');
    assert.equal(m.status()?.state, 'ok');
    m.configure(undefined);
    assert.equal(m.status(), undefined);
    m.dispose();
  });

  it('a file source works the same way (pin, cache, rejection)', async () => {
    const file = path.join(tmp, 'org.jsonc');
    fs.writeFileSync(file, RULESET_V1);
    const cfg: OrgSourceConfig = { source: file, sha256: sha256Hex(RULESET_V1), origin: 'environment', configuredBy: 'test' };
    const first = await refreshOrgRuleset(cfg, ctx);
    assert.equal(first.kind, 'updated');
    fs.writeFileSync(file, RULESET_V2);
    const second = await refreshOrgRuleset(cfg, ctx, first.kind === 'updated' ? first.ruleset : undefined);
    assert.equal(second.kind, 'rejected');
    assert.equal(loadVerifiedCache(cfg, ctx).ruleset?.text, RULESET_V1);
  });
});

describe('org rulesets: sources and trust configuration', () => {
  const sha = 'a'.repeat(64);

  it('the machine policy file path per platform, overridable only through CONDUCTOR_POLICY_FILE', () => {
    assert.equal(machinePolicyFile({}, 'linux'), '/etc/conductor/policy.json');
    assert.equal(machinePolicyFile({}, 'darwin'), '/Library/Application Support/Conductor/policy.json');
    assert.equal(machinePolicyFile({ ProgramData: 'D:\\PD' }, 'win32'), 'D:\\PD\\Conductor\\policy.json');
    assert.equal(machinePolicyFile({ CONDUCTOR_POLICY_FILE: '/tmp/p.json' }, 'linux'), path.resolve('/tmp/p.json'));
  });

  it('reads the policy file: relative paths against its folder; a missing file means no org ruleset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-policy-'));
    try {
      const file = path.join(dir, 'policy.json');
      assert.equal(readMachinePolicy({ CONDUCTOR_POLICY_FILE: file }), undefined);
      fs.writeFileSync(file, JSON.stringify({ orgRuleset: { source: 'org.jsonc', sha256: sha.toUpperCase() } }));
      const r = readMachinePolicy({ CONDUCTOR_POLICY_FILE: file });
      assert.ok(r && 'config' in r);
      assert.equal(r.config.source, path.join(dir, 'org.jsonc'));
      assert.equal(r.config.sha256, sha);
      assert.equal(r.config.origin, 'policy-file');
      assert.equal(r.config.signature, path.join(dir, 'org.jsonc.sig'));
      fs.writeFileSync(file, '{ not json');
      const broken = readMachinePolicy({ CONDUCTOR_POLICY_FILE: file });
      assert.ok(broken && 'error' in broken);
      assert.match(broken.error, /machine policy file .*not valid JSON/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const table: [string, unknown, RegExp | { source: string; sha256?: string }][] = [
    ['string with a pin', `https://rules.example.com/acme.jsonc#sha256=${sha}`, { source: 'https://rules.example.com/acme.jsonc', sha256: sha }],
    ['object with a pin', { source: 'https://rules.example.com/a.jsonc', sha256: sha }, { source: 'https://rules.example.com/a.jsonc', sha256: sha }],
    ['plain http', { source: 'http://rules.example.com/a.jsonc', sha256: sha }, /plain http:\/\/ is not allowed/],
    ['no trust anchor', 'https://rules.example.com/a.jsonc', /needs a trust anchor/],
    ['a relative path in a setting', { source: 'org.jsonc', sha256: sha }, /must be absolute/],
    ['a bad pin', { source: 'https://x.example/a', sha256: 'abc' }, /64 hex digits/],
    ['an unknown key', { source: 'https://x.example/a', sha256: sha, verify: false }, /invalid orgRuleset/],
    ['another scheme', { source: 'ftp://x.example/a', sha256: sha }, /unsupported org ruleset source/],
  ];
  for (const [name, raw, expected] of table) {
    it(`setting: ${name}`, () => {
      const r = parseOrgRuleset(raw, 'setting', 'setting conductor.orgRuleset', undefined, {});
      if (expected instanceof RegExp) {
        assert.ok('error' in r, JSON.stringify(r));
        assert.match(r.error, expected);
      } else {
        assert.ok('config' in r, JSON.stringify(r));
        assert.equal(r.config.source, expected.source);
        assert.equal(r.config.sha256, expected.sha256);
      }
    });
  }

  it('environment and flags: flags win, trust falls back to the environment', () => {
    const env = { CONDUCTOR_ORG_RULESET: 'https://env.example/r.jsonc', CONDUCTOR_ORG_SHA256: sha, CONDUCTOR_ORG_CA_FILE: '/etc/ca.pem' };
    const fromEnv = envOrgSource(env, '/work');
    assert.ok(fromEnv && 'config' in fromEnv);
    assert.deepEqual([fromEnv.config.source, fromEnv.config.sha256, fromEnv.config.caFile, fromEnv.config.origin], ['https://env.example/r.jsonc', sha, path.resolve('/etc/ca.pem'), 'environment']);
    const fromFlags = flagOrgSource({ ruleset: 'org/r.jsonc' }, env, '/work');
    assert.ok(fromFlags && 'config' in fromFlags);
    assert.deepEqual([fromFlags.config.source, fromFlags.config.sha256, fromFlags.config.origin], [path.resolve('/work/org/r.jsonc'), sha, 'command-line']);
  });

  it('the cache lives in CONDUCTOR_CACHE_DIR, else the platform cache folder', () => {
    assert.equal(orgCacheRoot({ CONDUCTOR_CACHE_DIR: '/c' }), path.resolve('/c/org'));
    assert.equal(orgCacheRoot({ XDG_CACHE_HOME: '/xdg' }, 'linux'), path.join('/xdg', 'conductor', 'org'));
  });

  it('verifyContent: sha256 pin and ed25519 signature (raw or base64); both required when both are configured', () => {
    const content = Buffer.from(RULESET_V1);
    const keys = generateEd25519KeyPair();
    const sig = signContent(content, keys.privateKey);
    assert.deepEqual(verifyContent(content, { sha256: sha256Hex(content) }), ['sha256']);
    assert.deepEqual(verifyContent(content, { publicKey: keys.publicKey }, Buffer.from(sig)), ['signature']);
    assert.deepEqual(verifyContent(content, { publicKey: keys.publicKey }, decodeSignature(Buffer.from(sig))), ['signature']);
    assert.deepEqual(verifyContent(content, { sha256: sha256Hex(content), publicKey: keys.publicKey }, Buffer.from(sig)), ['sha256', 'signature']);
    assert.throws(() => verifyContent(content, { sha256: sha, publicKey: keys.publicKey }, Buffer.from(sig)), /sha256 mismatch/);
    assert.throws(() => verifyContent(content, {}), /no trust anchor/);
    assert.throws(() => verifyContent(content, { publicKey: keys.publicKey }), /no signature/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    assert.throws(() => verifyContent(content, { publicKey: rsa }, Buffer.from(sig)), /not ed25519/);
  });
});
