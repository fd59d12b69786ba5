// Two promises of the secrets and security rulesets, checked through the BUILT server and CLI:
// no output ever shows a planted secret (diagnostics, code actions, the server log; CLI text, JSON,
// SARIF, JUnit), and a catastrophic rule-file regex cannot stop other diagnostics from arriving.
import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { assertBuilt } from '../helpers/build';
import { CLI_JS, SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { secretCases, type SecretCase } from '../unit/rulesets/secret-cases';
import { LspClient, isCodeAction } from './lsp-client';
import { runCli } from '../cli/run-cli';

/** Every planted secret and the fragments that must not leak either (its last 10 characters included). */
function leaks(text: string, cases: SecretCase[]): string[] {
  return cases.flatMap((c) => [c.secret, c.secret.slice(-10), ...(c.fragments ?? [])].filter((s) => s.length >= 8 && text.includes(s)).map(() => c.id));
}

describe('secrets are masked in every output; hostile regexes cannot hang the server', function () {
  this.timeout(120_000);
  before(() => assertBuilt([SERVER_JS, CLI_JS]));

  const cases = secretCases(23).filter((c) => c.path.endsWith('.ts'));
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  afterEach(() => {
    client?.dispose();
    client = undefined;
    ws?.remove();
  });

  it('the language server: diagnostics, code actions and log never contain a planted secret', async () => {
    const text = cases.map((c) => c.text).join('\n');
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText({ extends: ['conductor:secrets'] }), 'src/config.ts': text });
    client = await LspClient.start({ folders: [ws.root], settings: () => ({}) });
    const uri = ws.uri('src/config.ts');
    await client.open(uri, text, 'typescript');
    const diags = await client.waitForCurrentDiagnostics(uri, (d) => d.filter((x) => String(x.code).startsWith('secrets/')).length >= cases.length / 2);
    const actions: CodeAction[] = [];
    for (const d of diags) {
      actions.push(...((await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[]));
    }
    const everything = JSON.stringify({ diags, actions, logs: client.logs });
    assert.deepEqual(leaks(everything, cases), []);
    assert.ok(diags.some((d) => /…\(\d+ chars\)/.test(String(d.message))), 'messages show a masked prefix and the length');
  });

  for (const format of ['text', 'json', 'sarif', 'junit']) {
    it(`conductor check --format ${format} never prints a planted secret`, () => {
      ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText({ extends: ['conductor:secrets'] }), 'src/config.ts': cases.map((c) => c.text).join('\n') });
      const r = runCli(['check', '--cwd', ws.root, '--format', format, '--verbose'], ws.root);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(r.stdout.includes('secrets/'), 'findings were reported');
      assert.deepEqual(leaks(r.stdout + r.stderr, cases), []);
    });
  }

  it('(a+)+$ on a 50,000-character line: the other findings of the file still arrive', async () => {
    ws = makeTempWorkspace({
      '.conductor/rules.jsonc': ruleFileText({
        patterns: [
          { id: 'hostile/nested', regex: '(a+)+$', message: 'hostile' },
          { id: 'team/todo', regex: 'TODO', message: 'todo' },
        ],
      }),
    });
    client = await LspClient.start({ folders: [ws.root], settings: () => ({}) });
    const uri = ws.uri('big.txt');
    await client.open(uri, `${'a'.repeat(50_000)}b\nTODO: after the hostile line\n`);
    const diags = await client.waitForCurrentDiagnostics(uri, (d) => d.some((x) => x.code === 'team/todo'));
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['team/todo', 1]]);
  });
});
