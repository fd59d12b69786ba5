// Rule files a pull request controls: a FIFO, 100k-deep nesting on disk or typed into the editor.
// The built server must answer `initialize`, report the problem on the rule file and keep checking.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { assertBuilt } from '../helpers/build';
import { SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient } from './lsp-client';

const RULES_REL = '.conductor/rules.jsonc';
const DEEP = `{\n  "ignore": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`;

function messages(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

describe('lsp: untrusted rule files (built dist/server.js)', function () {
  let ws: TempWorkspace | undefined;
  let client: LspClient | undefined;

  before(function () {
    this.timeout(120_000);
    assertBuilt([SERVER_JS]);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && client) {
      console.error(client.describe());
    }
    client?.dispose();
    ws?.remove();
  });

  it('a FIFO as the rule file: initialize answers, the rule file gets "not a regular file", documents are still checked', async () => {
    ws = makeTempWorkspace({ '.conductor/README.md': 'rules\n' }, 'conductor-lsp-fifo-');
    execFileSync('mkfifo', [ws.path(RULES_REL)]);
    client = await LspClient.start({ folders: [ws.root] });
    const problems = await client.waitForDiagnostics(ws.uri(RULES_REL), (d) => d.length > 0);
    assert.deepEqual(messages(problems), ['0: Cannot use ruleset .conductor/rules.jsonc: not a regular file']);
    const doc = ws.uri('src/a.ts');
    await client.open(doc, 'eval(1);\n', 'typescript');
    await client.waitForCurrentDiagnostics(doc);
  });

  it('100k-deep nesting on disk and typed into the open rule file: "too deeply nested" at its line, the server lives on', async () => {
    ws = makeTempWorkspace({ [RULES_REL]: DEEP }, 'conductor-lsp-deep-');
    client = await LspClient.start({ folders: [ws.root] });
    const rulesUri = ws.uri(RULES_REL);
    const onDisk = await client.waitForDiagnostics(rulesUri, (d) => d.length > 0);
    assert.deepEqual(messages(onDisk), ['1: The rule file is too deeply nested (more than 64 levels).']);

    ws.write(RULES_REL, '{}\n');
    await client.open(rulesUri, '{}\n', 'jsonc');
    const since = client.lastSeq;
    await client.setText(rulesUri, `// typed\n${DEEP}`);
    const typed = await client.waitForDiagnostics(rulesUri, (d) => d.length > 0, { since });
    assert.deepEqual(messages(typed), ['2: The rule file is too deeply nested (more than 64 levels).']);
    const doc = ws.uri('src/b.ts');
    await client.open(doc, 'const b = 1;\n', 'typescript');
    await client.waitForCurrentDiagnostics(doc);
  });
});
