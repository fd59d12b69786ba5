// Tokens in marker fields and a suppression's rule id, through the BUILT language server over stdio:
// the AI-policy and suppression diagnostics that quote them, their code actions and the server log
// never show them raw.
import * as assert from 'node:assert/strict';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { assertBuilt } from '../helpers/build';
import { SERVER_JS } from '../helpers/paths';
import { leakedTokens, PLANTED_PATH, PLANTED_RULE_IDS, PLANTED_RULES, plantedFile, plantedTokens } from '../helpers/planted-marker-secrets';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient, isCodeAction } from './lsp-client';

describe('LSP: secrets in marker fields and suppression ids are masked', function () {
  this.timeout(120_000);
  let ws: TempWorkspace;
  let client: LspClient | undefined;
  before(() => assertBuilt([SERVER_JS]));
  after(() => {
    client?.dispose();
    ws?.remove();
  });

  it('diagnostics, code actions and the log never contain a planted token', async () => {
    const tokens = plantedTokens();
    const text = plantedFile(tokens);
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': PLANTED_RULES, [PLANTED_PATH]: text });
    client = await LspClient.start({ folders: [ws.root], settings: () => ({}) });
    const uri = ws.uri(PLANTED_PATH);
    await client.open(uri, text, 'typescript');
    const diags = await client.waitForCurrentDiagnostics(uri, (d) => PLANTED_RULE_IDS.every((id) => d.some((x) => x.code === id)));
    const actions: CodeAction[] = [];
    for (const d of diags) {
      actions.push(...((await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[]));
    }
    const shown = JSON.stringify({ diags, actions, logs: client.logs });
    assert.deepEqual(leakedTokens(shown, tokens), []);
    assert.ok(diags.some((d) => d.message === 'Suppression names unknown rule "ghp_…(40 chars)".'));
  });
});
