import * as assert from 'node:assert/strict';
import { assertBuilt } from '../helpers/build';
import { CLI_JS, SERVER_JS } from '../helpers/paths';
import { runFuzz } from './fuzz-driver';

// The full run (≥ 10,000 operations, any seed) is scripts/fuzz-lsp.mjs; this is its small, fixed-seed part.
describe('lsp: seeded fuzz of edits and rule-file changes (built dist/server.js)', function () {
  before(function () {
    this.timeout(120_000);
    assertBuilt([SERVER_JS, CLI_JS]);
  });

  for (const seed of [1, 2]) {
    it(`seed ${seed}, 250 operations: no crash, a quiet stderr, and the final diagnostics equal conductor check`, async function () {
      this.timeout(120_000);
      const r = await runFuzz(seed, 250);
      assert.equal(r.exitCode, undefined, 'the server exited');
      assert.equal(r.stderr, '');
      assert.ok(r.ruleEdits > 0 && r.invalidRuleEdits > 0, `rule edits ${r.ruleEdits}, invalid ${r.invalidRuleEdits}`);
      assert.ok(r.server.length > 0, 'the final text has findings to compare');
      assert.deepEqual(r.server, r.cli);
    });
  }
});
