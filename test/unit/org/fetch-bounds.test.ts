import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { httpsGet } from '../../../server/src/org-fetch/fetch';
import { HostileServer, type Behaviour } from '../host/hostile-http';
import { makeTestCa, type TestCa } from './https-fixture';

// The org ruleset fetch against real local HTTPS servers (test CA, TLS verified) that trickle or
// never stop: it fails with a clear error by its total deadline or body cap.

describe('org rulesets: fetch is bounded in total time and size (real local HTTPS servers)', function () {
  this.timeout(30_000);
  let ca: TestCa;

  before(() => {
    ca = makeTestCa();
  });
  after(() => fs.rmSync(ca.dir, { recursive: true, force: true }));

  async function withServer(b: Behaviour, run: (s: HostileServer) => Promise<void>): Promise<void> {
    const s = new HostileServer(b, { key: ca.key, cert: ca.cert });
    await s.start();
    try {
      await run(s);
    } finally {
      await s.stop();
    }
  }

  it('a server trickling one byte a second fails at the total deadline, not never', async () => {
    await withServer({ kind: 'trickle', status: 200 }, async (s) => {
      await assert.rejects(httpsGet(s.url('/r.jsonc'), { caFile: ca.caFile, timeoutMs: 1500 }), (e: Error) => {
        assert.match(e.message, /r\.jsonc did not complete within 1500 ms/);
        return true;
      });
    });
  });

  it('an endless ruleset fails at the size cap; an endless error body is not read', async () => {
    await withServer({ kind: 'endless', status: 200 }, async (s) => {
      await assert.rejects(httpsGet(s.url('/r.jsonc'), { caFile: ca.caFile, maxBytes: 256 * 1024 }), /sent more than 262144 bytes/);
    });
    await withServer({ kind: 'endless', status: 503 }, async (s) => {
      await assert.rejects(httpsGet(s.url('/r.jsonc'), { caFile: ca.caFile }), /^Error: HTTP 503 from https:\/\/127\.0\.0\.1:\d+\/r\.jsonc$/);
    });
  });

  it('URL credentials of the source are not echoed in fetch errors', async () => {
    await withServer({ kind: 'endless', status: 401 }, async (s) => {
      await assert.rejects(httpsGet(s.url('/r.jsonc', 'ci:Tk9pQ2xvdWQtc2VjcmV0@'), { caFile: ca.caFile }), (e: Error) => {
        assert.match(e.message, /^HTTP 401 from https:\/\/\*\*\*@127\.0\.0\.1/);
        assert.doesNotMatch(e.message, /Tk9pQ2xvdWQtc2VjcmV0/);
        return true;
      });
    });
  });
});
