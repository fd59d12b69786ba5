import * as assert from 'node:assert/strict';
import { assertBuilt } from '../helpers/build';
import { SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient } from './lsp-client';

const RULES = {
  name: 'reliability',
  patterns: [{ id: 'team/no-exec', regex: '\\bexec\\(', message: 'No exec()', severity: 'error', in: 'code' }],
};
const BURST = 2000;

describe('lsp: bursts are coalesced and failures never end the server (built dist/server.js)', function () {
  let ws: TempWorkspace;
  let client: LspClient;
  before(function () {
    this.timeout(120_000);
    assertBuilt([SERVER_JS]);
  });
  beforeEach(async () => {
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(RULES) }, 'conductor-lsp-rel-');
    client = await LspClient.start({ folders: [ws.root] });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      console.error(client.describe());
    }
    client.dispose();
    ws.remove();
  });

  it(`a burst of ${BURST} changes ends in diagnostics for the final version from far fewer than ${BURST} checks`, async () => {
    const uri = ws.uri('src/a.ts');
    const lines = Array.from({ length: 200 }, (_, i) => `export const v${i} = ${i};`);
    await client.open(uri, lines.join('\n') + '\n', 'typescript');
    await client.waitForCurrentDiagnostics(uri);
    const checksBefore = await client.waitFor('a status with a check count', () => [...client.statuses].reverse().find((s) => s.checks !== undefined)?.checks);
    const publishesBefore = client.published.get(uri)?.length ?? 0;

    // Written back to back, like a paste or an agent streaming: every change appends to line 10,
    // and the last one completes an exec( call there.
    const sent: Promise<void>[] = [];
    for (let i = 0; i < BURST - 1; i++) {
      const character = client.text(uri).split('\n')[10].length;
      sent.push(client.change(uri, [{ range: { start: { line: 10, character }, end: { line: 10, character } }, text: i % 2 ? ' ' : '/' }]));
    }
    sent.push(client.change(uri, [{ range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, text: 'exec(x); ' }]));
    await Promise.all(sent);

    const final = await client.waitForCurrentDiagnostics(uri, (d) => d.length > 0, 60_000);
    assert.deepEqual(
      final.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['team/no-exec', 11, 0]],
    );
    const seen = client.statuses.length;
    const status = await client.waitFor('a status after the final check', () => client.statuses.slice(seen).find((s) => s.checks !== undefined));
    const checks = (status.checks ?? 0) - checksBefore;
    const publishes = (client.published.get(uri)?.length ?? 0) - publishesBefore;
    console.log(`      ${checks} checks, ${publishes} publishes for ${BURST} changes`);
    assert.ok(checks >= 1 && checks <= BURST / 20, `checks during the burst: ${checks}`);
    assert.ok(publishes <= checks, `publishes ${publishes} > checks ${checks}`);
    assert.equal(client.latestDiagnostics(uri)?.params.version, BURST + 1);
  });

  it('a rule file that crashes the parser does not end the server: other documents are still checked', async () => {
    const rules = ws.uri('.conductor/rules.jsonc');
    await client.open(rules, ruleFileText(RULES), 'jsonc');
    const seen = client.statuses.length;
    await client.setText(rules, '{"name": "deep", "rules": ' + '{"a": '.repeat(100_000) + '1' + '}'.repeat(100_000) + '}');
    // Processed: either the loader failed (reported as a failure) or, with a parser that bounds nesting, an error at its line.
    const failed = await client.waitForStatus((st) => client.statuses.indexOf(st) >= seen && (st.failure !== undefined || st.folders[0]?.configErrors > 0));
    assert.equal(failed.state, 'error');
    const doc = ws.uri('src/b.ts');
    await client.open(doc, 'const a = 1;\nexec(a);\n', 'typescript');
    const diagnostics = await client.waitForCurrentDiagnostics(doc, (d) => d.length > 0, 30_000);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['team/no-exec', 1]],
    );
    // And it keeps serving the rule file: valid content again is taken up.
    await client.setText(rules, ruleFileText({ ...RULES, patterns: [{ ...RULES.patterns[0], id: 'team/no-exec-2' }] }));
    await client.waitForStatus((s) => s.folders[0]?.configErrors === 0 && s.failure === undefined && s.folders[0].ruleCount > 0);
    await client.setText(doc, 'exec(b);\n');
    const after = await client.waitForCurrentDiagnostics(doc, (d) => d.length > 0);
    assert.deepEqual(
      after.map((d) => d.code),
      ['team/no-exec-2'],
    );
    assert.equal(client.exitCode, undefined);
  });
});
