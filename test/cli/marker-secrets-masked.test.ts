// Tokens written into marker fields and a suppression's rule id are quoted by other rules' messages
// and by `conductor provenance`: through the BUILT CLI, no output format shows them raw, and the
// rules that quote them still report (so the test cannot pass by reporting nothing).
import * as assert from 'node:assert/strict';
import { assertCliBuilt, runCli } from './run-cli';
import { leakedTokens, PLANTED_PATH, PLANTED_RULE_IDS, PLANTED_RULES, plantedFile, plantedTokens } from '../helpers/planted-marker-secrets';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';

describe('secrets in marker fields and suppression ids are masked in every CLI output', function () {
  this.timeout(120_000);
  const tokens = plantedTokens();
  let ws: TempWorkspace;

  before(() => {
    assertCliBuilt();
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': PLANTED_RULES, [PLANTED_PATH]: plantedFile(tokens) });
  });
  after(() => ws.remove());

  const cli = (...args: string[]): { status: number | null; out: string } => {
    const r = runCli([...args, '--cwd', ws.root], ws.root);
    return { status: r.status, out: r.stdout + r.stderr };
  };

  for (const format of ['text', 'json', 'sarif', 'junit']) {
    it(`conductor check --format ${format}`, () => {
      const r = cli('check', '--format', format, '--verbose');
      assert.equal(r.status, 1, r.out);
      for (const id of PLANTED_RULE_IDS) {
        assert.ok(r.out.includes(id), `${id} reported`);
      }
      assert.deepEqual(leakedTokens(r.out, tokens), []);
    });
  }

  it('the messages keep their meaning: masked prefix and length, URL without its credentials', () => {
    const r = cli('check', '--format', 'text');
    assert.ok(r.out.includes(`Suppression names unknown rule "ghp_…(40 chars)"`), r.out);
    assert.ok(r.out.includes('was reviewed by https://***@git.example.com/reviewers, who also accepted it'), r.out);
    assert.ok(r.out.includes(`reviewed-at="${tokens.random2.slice(0, 4)}…(24 chars)" is not a valid`), r.out);
    assert.ok(r.out.includes(`reviewed-by=${tokens.random.slice(0, 4)}…(26 chars) has no reviewed-at`), r.out);
  });

  for (const format of ['text', 'json', 'agent-trace']) {
    it(`conductor provenance --format ${format}`, () => {
      const r = cli('provenance', '--format', format);
      assert.equal(r.status, 0, r.out);
      assert.ok(r.out.includes('a4a4'), r.out);
      assert.deepEqual(leakedTokens(r.out, tokens), []);
    });
  }
});
