import * as assert from 'node:assert/strict';
import { assertCliBuilt, runCliAsync } from '../run-cli';
import { withServer } from '../../unit/host/hostile-http';
import { ScriptedRepo } from '../../unit/report/helpers';
import { writeGovernanceHistory } from '../../unit/report/history-fixture';

// `conductor report --otlp-endpoint` (built CLI) against real local collectors that trickle or
// answer an endless error body: the export fails with exit code 2 and a clear, credential-free
// message instead of running forever or buffering the body.

describe('conductor report --otlp-endpoint: total deadline, error body cap, no URL credentials', function () {
  this.timeout(120_000);
  let repo: ScriptedRepo;

  before(() => {
    assertCliBuilt();
    repo = new ScriptedRepo();
    writeGovernanceHistory(repo);
  });
  after(() => repo.cleanup());


  it('a collector that trickles a byte a second fails at CONDUCTOR_HTTP_DEADLINE_MS', async () => {
    await withServer({ kind: 'trickle', status: 200 }, async (s) => {
      const out = await runCliAsync(['report', '--format', 'json', '--otlp-endpoint', s.url('')], repo.dir, { env: { CONDUCTOR_HTTP_DEADLINE_MS: '1500' } });
      assert.equal(out.status, 2, out.stderr);
      assert.match(out.stderr, /OTLP export failed: http:\/\/127\.0\.0\.1:\d+\/v1\/metrics did not complete within 1500 ms/);
    });
  });

  it('an endless error body is cut to its first 200 bytes, and URL credentials are not printed', async () => {
    await withServer({ kind: 'endless', status: 500 }, async (s) => {
      const out = await runCliAsync(['report', '--format', 'json', '--otlp-endpoint', s.url('/c', 'otel:pZ7vQ2mK9xR4tL8w@')], repo.dir);
      assert.equal(out.status, 2, out.stderr);
      assert.equal(out.stderr, `conductor: OTLP export failed: http://***@127.0.0.1:${s.port}/c/v1/metrics answered 500: ${'e'.repeat(200)}\n`);
    });
  });
});
