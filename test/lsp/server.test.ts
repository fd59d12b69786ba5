import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { assertBuilt } from '../helpers/build';
import { SERVER_JS } from '../helpers/paths';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient, isCodeAction } from './lsp-client';

const TEAM_RULES = {
  name: 'lsp-team',
  patterns: [
    { id: 'team/no-exec', regex: '\\bexec\\(', message: 'No exec(): use run()', severity: 'error', in: 'code', fix: 'run(' },
    { id: 'team/no-var', regex: '\\bvar\\b', message: 'Use let', severity: 'warning', in: 'code', fix: 'let' },
    { id: 'team/no-fixme', regex: 'FIXME', message: 'Resolve the FIXME', severity: 'info', in: 'comments' },
  ],
};

/** A compact, assertable view of diagnostics: `code@line:char-char/severity`. */
function view(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}/${d.severity}`);
}

function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function only<T>(items: T[], what: string): T {
  assert.equal(items.length, 1, `expected exactly one ${what}, got ${items.length}`);
  return items[0];
}

// Behaviour runs in memory (startServer); robustness and exit codes are about the process: stdio, built dist/server.js.
describe('lsp: conductor language server', function () {
  before(function () {
    this.timeout(120_000);
    assertBuilt([SERVER_JS]);
  });

  describe('documents, code actions and suppressions', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    beforeEach(async () => {
      ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES) }, 'conductor-lsp-');
      client = await LspClient.start({ folders: [ws.root], transport: 'memory' });
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed') {
        console.error(client.describe());
      }
      client.dispose();
      ws.remove();
    });

    it('initialize advertises incremental sync, quick fixes, fix-all and the suppress command, and registers file watchers', async () => {
      const caps = client.initializeResult?.capabilities;
      assert.deepEqual(caps?.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      const kinds = (caps?.codeActionProvider as { codeActionKinds?: string[] } | undefined)?.codeActionKinds ?? [];
      assert.ok(kinds.includes('quickfix') && kinds.includes('source.fixAll.conductor'), kinds.join(', '));
      assert.ok(caps?.executeCommandProvider?.commands.includes('conductor.suppress'));
      const reg = await client.waitFor('a didChangeWatchedFiles registration', () =>
        client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
      );
      const globs = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
      assert.ok(globs.includes('**/.conductor/**'), globs.join(', '));
      const status = await client.waitForStatus((s) => s.folders.length === 1);
      assert.equal(status.state, 'ok');
      assert.equal(status.folders[0].rulesetName, 'lsp-team');
      assert.equal(status.folders[0].usingDefault, false);
      assert.equal(status.folders[0].ruleFile, ws.path('.conductor/rules.jsonc'));
    });

    it('open a document → diagnostics with range, severity, code, source and docs data', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'const a = 1;\n  exec(cmd); // FIXME\n', 'typescript');
      const diags = await client.waitForCurrentDiagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(view(diags), ['team/no-exec@1:2-7/1', 'team/no-fixme@1:16-21/3']);
      assert.equal(diags[0].message, 'No exec(): use run()');
      assert.equal(diags[0].source, 'conductor');
      assert.deepEqual({ index: (diags[0].data as { index: number }).index, version: (diags[0].data as { version: number }).version }, { index: 0, version: 1 });
      // The server asked for this document's settings.
      assert.ok(client.configurationRequests.includes(uri));
    });

    it('incremental didChange (ranged) → diagnostics follow the edited text', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'line0();\nexec(a);\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-exec@1:0-5/1']);

      // Insert two lines at the top: the finding moves down.
      await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n\n' }]);
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-exec@3:0-5/1']);

      // Two ranged changes in one notification: add `var` on line 2, then rename exec → execute (no longer matches).
      await client.change(uri, [
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'var x = 1; ' },
        { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, text: 'ute' },
      ]);
      assert.equal(client.text(uri), '// header\n\nvar x = 1; line0();\nexecute(a);\n');
      const diags = await client.waitForCurrentDiagnostics(uri);
      assert.deepEqual(view(diags), ['team/no-var@2:0-3/2']);
      assert.equal(client.latestDiagnostics(uri)?.params.version, 3);
    });

    it('code action: the quick fix edit fixes exactly the finding', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'function f() {\n  return exec(x) + exec(y);\n}\n', 'typescript');
      const diags = await client.waitForCurrentDiagnostics(uri, (d) => d.length === 2);
      const second = diags[1];
      const actions = (await client.codeActions(uri, second.range, [second])).filter(isCodeAction);
      const summary = actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]);
      // The finding's fix comes first and is preferred; the suppress action follows; without `only`, fix-all is offered too.
      assert.deepEqual(summary.slice(0, 2), [
        ['Fix: replace with "run("', 'quickfix', true],
        ['Suppress team/no-exec on this line…', 'quickfix', false],
      ]);
      assert.deepEqual(summary.filter((a) => a[1] === 'source.fixAll.conductor'), [['Fix all auto-fixable Conductor problems', 'source.fixAll.conductor', false]]);
      assert.equal(summary.filter((a) => a[2] === true).length, 1, 'exactly one preferred action');
      const fix = actions[0];
      assert.deepEqual(fix.diagnostics, [second]);
      await client.applyEdits(uri, fix.edit?.changes?.[uri] ?? []);
      assert.equal(client.text(uri), 'function f() {\n  return exec(x) + run(y);\n}\n');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-exec@1:9-14/1']);
      // The suppress action carries the command and its arguments.
      assert.deepEqual(actions[1].command, { title: 'Suppress team/no-exec on this line…', command: 'conductor.suppress', arguments: [uri, 1, 'team/no-exec'] });
    });

    it('code action for a diagnostic of an older version offers no quick fix', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'exec(1);\n', 'typescript');
      const [old] = await client.waitForCurrentDiagnostics(uri, (d) => d.length === 1);
      await client.setText(uri, '\nexec(1);\n');
      await client.waitForCurrentDiagnostics(uri, (d) => d.length === 1);
      const actions = await client.codeActions(uri, old.range, [old], ['quickfix']);
      assert.deepEqual(actions, []);
    });

    it('source.fixAll.conductor applies every safe fix at once', async () => {
      const uri = ws.uri('src/a.js');
      await client.open(uri, 'var a = exec(1);\nvar b = 2; // FIXME\nexec(a, b);\n', 'javascript');
      await client.waitForCurrentDiagnostics(uri, (d) => d.length === 5);
      const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.conductor'])).filter(isCodeAction);
      const fixAll = only(actions, 'fix-all action') as CodeAction;
      assert.equal(fixAll.kind, 'source.fixAll.conductor');
      assert.equal(fixAll.title, 'Fix all auto-fixable Conductor problems');
      assert.equal(fixAll.edit?.changes?.[uri]?.length, 4);
      await client.applyEdits(uri, fixAll.edit?.changes?.[uri] ?? []);
      assert.equal(client.text(uri), 'let a = run(1);\nlet b = 2; // FIXME\nrun(a, b);\n');
      // Only the unfixable finding is left.
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-fixme@1:14-19/3']);
      // Asking for quick fixes only does not return fix-all.
      const quick = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['quickfix']);
      assert.deepEqual(quick, []);
    });

    it('conductor.suppress with a reason → workspace/applyEdit inserts the comment → the finding disappears', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'function f() {\n    exec(cmd);\n    exec(other);\n}\n', 'typescript');
      await client.waitForCurrentDiagnostics(uri, (d) => d.length === 2);
      const result = await client.executeCommand('conductor.suppress', [uri, 1, 'team/no-exec', 'reviewed by security (SEC-42)']);
      assert.equal(result, null);
      const request = only(client.applyEditRequests, 'applyEdit request');
      assert.equal(request.label, 'Suppress team/no-exec');
      // The harness applied the edit to its copy (engine applyEdits); the editor now sends the change.
      assert.equal(
        client.text(uri),
        'function f() {\n    // conductor-disable-next-line team/no-exec -- reviewed by security (SEC-42)\n    exec(cmd);\n    exec(other);\n}\n',
      );
      await client.flushAppliedEdits(uri);
      const diags = await client.waitForCurrentDiagnostics(uri);
      assert.deepEqual(view(diags), ['team/no-exec@3:4-9/1'], 'the suppressed line is clean, the other one is not, no unused-suppression');
    });

    it('conductor.suppress for a line without that finding does nothing', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'exec(1);\n', 'typescript');
      await client.waitForCurrentDiagnostics(uri, (d) => d.length === 1);
      await client.executeCommand('conductor.suppress', [uri, 5, 'team/no-exec', 'x']);
      await client.executeCommand('conductor.suppress', [uri, 0, 'team/no-var', 'x']);
      assert.equal(client.applyEditRequests.length, 0);
    });

    it('closing a document clears its diagnostics', async () => {
      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'exec(1);\n', 'typescript');
      await client.waitForCurrentDiagnostics(uri, (d) => d.length === 1);
      const since = client.lastSeq;
      await client.close(uri);
      await client.waitForDiagnostics(uri, (d) => d.length === 0, { since });
    });
  });

  describe('editing the rule file', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    const rulesRel = '.conductor/rules.jsonc';
    const rulesWith = (severity: string, extra = ''): string =>
      [
        '{',
        '  "name": "editable",',
        '  "patterns": [',
        '    {',
        '      "id": "team/mark",',
        '      "regex": "MARK",',
        `      "severity": "${severity}",${extra}`,
        '      "message": "marked"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n');
    let rulesUri: string;
    let docUri: string;

    before(async () => {
      ws = makeTempWorkspace({ [rulesRel]: rulesWith('warning') }, 'conductor-lsp-rules-');
      rulesUri = ws.uri(rulesRel);
      docUri = ws.uri('src/a.ts');
      client = await LspClient.start({ folders: [ws.root], transport: 'memory' });
      await client.open(docUri, 'const MARK = 1;\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(docUri)), ['team/mark@0:6-10/2']);
      await client.open(rulesUri, rulesWith('warning'), 'jsonc');
    });
    after(async () => {
      client.dispose();
      ws.remove();
    });
    afterEach(function () {
      if (this.currentTest?.state === 'failed') {
        console.error(client.describe());
      }
    });

    it('a broken rule file (didChange) → diagnostics on the rule file at the offending line; the document keeps the last good config', async () => {
      const since = client.lastSeq;
      // Line 6 gets an unknown key; the severity change to error must NOT take effect while the file is broken.
      await client.setText(rulesUri, rulesWith('error', ' "severty": "x",'));
      const problems = await client.waitForDiagnostics(rulesUri, (d) => d.length > 0, { since });
      const p = only(problems, 'rule-file diagnostic');
      assert.equal(p.code, 'conductor/rule-file');
      assert.equal(p.severity, 1);
      assert.deepEqual(p.range, { start: { line: 6, character: 27 }, end: { line: 6, character: 36 } });
      assert.match(messageOf(p), /Unknown key "severty" at patterns\[0\]/);
      // After publishing rule-file problems the reload re-checks open documents: with the last good policy (warning, not error).
      const doc = await client.waitForDiagnostics(docUri, () => true, { since: client.latestDiagnostics(rulesUri)?.seq });
      assert.deepEqual(view(doc), ['team/mark@0:6-10/2']);
      const status = await client.waitForStatus((s) => s.state === 'error');
      assert.equal(status.folders[0].configErrors, 1);
      assert.match(status.folders[0].message, /last valid rules \(editable\) stay in force/);
    });

    it('a regex that cannot run in linear time is reported at its line too', async () => {
      const since = client.lastSeq;
      await client.setText(rulesUri, rulesWith('warning').replace('"regex": "MARK"', '"regex": "(M+)+(?=x)"'));
      const [p] = await client.waitForDiagnostics(rulesUri, (d) => d.length === 1 && /no linear-time execution/.test(messageOf(d[0])), { since });
      assert.equal(p.range.start.line, 5);
    });

    it('fixing the rule file (severity error) clears its diagnostics and applies the new severity', async () => {
      // Start from a broken rule file (independent of the previous test).
      await client.setText(rulesUri, rulesWith('warning', ' "bogus": 1,'));
      await client.waitForDiagnostics(rulesUri, (d) => d.length === 1 && /Unknown key "bogus"/.test(messageOf(d[0])));
      const since = client.lastSeq;
      await client.setText(rulesUri, rulesWith('error'));
      await client.waitForDiagnostics(rulesUri, (d) => d.length === 0, { since });
      const doc = await client.waitForDiagnostics(docUri, (d) => d.length === 1 && d[0].severity === 1, { since });
      assert.deepEqual(view(doc), ['team/mark@0:6-10/1']);
      await client.waitForStatus((s) => s.state === 'ok' && s === client.statuses[client.statuses.length - 1]);
    });

    it('changing a severity via didChange (ranged) changes the document diagnostics', async () => {
      const since = client.lastSeq;
      const line = client.text(rulesUri).split('\n').findIndex((l) => l.includes('"severity"'));
      const col = client.text(rulesUri).split('\n')[line].indexOf('"error"');
      await client.change(rulesUri, [{ range: { start: { line, character: col }, end: { line, character: col + 7 } }, text: '"hint"' }]);
      assert.equal(client.text(rulesUri), rulesWith('hint'));
      const doc = await client.waitForDiagnostics(docUri, (d) => d.length === 1 && d[0].severity === 4, { since });
      assert.deepEqual(view(doc), ['team/mark@0:6-10/4']);
      // No rule-file diagnostics were published as problems.
      assert.deepEqual(client.latestDiagnostics(rulesUri)?.params.diagnostics, []);
    });

    it('turning the rule off removes the document diagnostics', async () => {
      const since = client.lastSeq;
      await client.setText(rulesUri, rulesWith('off'));
      await client.waitForDiagnostics(docUri, (d) => d.length === 0, { since });
    });

    it('after closing the rule file, the file on disk is in force; a disk change + didChangeWatchedFiles reloads it', async () => {
      let since = client.lastSeq;
      await client.close(rulesUri);
      // Closing drops the unsaved editor text: back to the disk version (warning).
      await client.waitForDiagnostics(docUri, (d) => d.length === 1 && d[0].severity === 2, { since });

      since = client.lastSeq;
      ws.write(rulesRel, rulesWith('info'));
      await client.filesChanged([{ uri: rulesUri, type: 2 }]);
      const doc = await client.waitForDiagnostics(docUri, (d) => d.length === 1 && d[0].severity === 3, { since });
      assert.deepEqual(view(doc), ['team/mark@0:6-10/3']);
    });

    it('a broken rule file on disk is reported on its uri after didChangeWatchedFiles', async () => {
      const since = client.lastSeq;
      ws.write(rulesRel, '{\n  "patterns": [\n');
      await client.filesChanged([{ uri: rulesUri, type: 2 }]);
      const problems = await client.waitForDiagnostics(rulesUri, (d) => d.length > 0, { since });
      assert.ok(problems.every((d) => d.range.start.line === 2), JSON.stringify(problems));
      const doc = await client.waitForDiagnostics(docUri, () => true, { since: client.latestDiagnostics(rulesUri)?.seq });
      assert.deepEqual(view(doc), ['team/mark@0:6-10/3'], 'still the last good config');
    });
  });

  describe('a workspace without a rule file', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    before(async () => {
      ws = makeTempWorkspace({ 'src/a.ts': '' }, 'conductor-lsp-default-');
      client = await LspClient.start({ folders: [ws.root], transport: 'memory' });
    });
    after(() => {
      client.dispose();
      ws.remove();
    });

    it('conductor:recommended applies and conductor/status says usingDefault', async () => {
      const status = await client.waitForStatus((s) => s.folders.length === 1);
      assert.equal(status.state, 'warning');
      assert.equal(status.folders[0].usingDefault, true);
      assert.equal(status.folders[0].ruleFile, undefined);
      assert.equal(status.folders[0].rulesetName, 'conductor:recommended');
      assert.match(status.folders[0].message, /No \.conductor\/rules\.jsonc: using conductor:recommended/);

      const uri = ws.uri('src/a.ts');
      await client.open(uri, 'const v = eval(input);\n// eval(not code)\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['security/no-eval@0:10-15/2']);
    });

    it('creating a rule file on disk + didChangeWatchedFiles switches to it', async () => {
      const uri = ws.uri('src/a.ts');
      const since = client.lastSeq;
      const rules = ws.write('.conductor/rules.jsonc', ruleFileText({ extends: ['conductor:recommended'], rules: { 'security/no-eval': 'error' } }));
      await client.filesChanged([{ uri: ws.uri('.conductor/rules.jsonc'), type: 1 }]);
      await client.waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === 1, { since });
      const status = await client.waitForStatus((s) => s.folders[0]?.usingDefault === false);
      assert.equal(status.folders[0].ruleFile, rules);
    });
  });

  describe('settings', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    before(async () => {
      ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES) }, 'conductor-lsp-settings-');
      client = await LspClient.start({
        folders: [ws.root],
        settings: (scopeUri) => (scopeUri?.endsWith('/off.ts') ? { enable: false } : { maxFileSizeMB: 0.001 }),
        transport: 'memory',
      });
    });
    after(() => {
      client.dispose();
      ws.remove();
    });

    it('a document over conductor.maxFileSizeMB gets one conductor/skipped info diagnostic and no findings', async () => {
      const uri = ws.uri('src/big.ts');
      await client.open(uri, 'exec(1);\n'.repeat(500), 'typescript');
      const diags = await client.waitForCurrentDiagnostics(uri);
      const d = only(diags, 'diagnostic');
      assert.equal(d.code, 'conductor/skipped');
      assert.equal(d.severity, 3);
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(messageOf(d), /Conductor skipped this file: file is larger than .* \(conductor\.maxFileSizeMB\)/);
    });

    it('a small document with the same settings is checked', async () => {
      const uri = ws.uri('src/small.ts');
      await client.open(uri, 'exec(1);\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-exec@0:0-5/1']);
    });

    it('conductor.enable: false for a document publishes no diagnostics for it', async () => {
      const uri = ws.uri('src/off.ts');
      await client.open(uri, 'exec(1);\n', 'typescript');
      await client.waitForDiagnostics(uri, (d) => d.length === 0);
    });
  });

  describe('robustness', () => {
    let ws: TempWorkspace;
    let client: LspClient;
    before(async () => {
      ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES) }, 'conductor-lsp-garbage-');
      client = await LspClient.start({ folders: [ws.root] });
    });
    after(() => {
      client.dispose();
      ws.remove();
    });

    it('survives garbage from the client and keeps working', async () => {
      const unknown = ws.uri('src/never-opened.ts');
      const known = ws.uri('src/known.ts');
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      await client.open(known, 'exec(0);\n', 'typescript');
      await client.waitForCurrentDiagnostics(known, (d) => d.length === 1);
      // A code action request for a document it never saw.
      assert.deepEqual(await client.codeActions(unknown, range, []), []);
      // A code action with a fabricated diagnostic.
      const fake: Diagnostic = { range, message: 'x', source: 'conductor', code: 'team/no-exec', data: { index: 99, version: 1 } };
      assert.deepEqual(await client.codeActions(unknown, range, [fake]), []);
      assert.deepEqual(await client.codeActions(known, range, [fake], ['quickfix']), []);
      // Commands with missing, wrong-typed or unknown arguments.
      assert.equal(await client.executeCommand('conductor.suppress', []), null);
      assert.equal(await client.executeCommand('conductor.suppress', [42, 'x', null]), null);
      assert.equal(await client.executeCommand('conductor.nope', []), null);
      // A request with malformed params (no context) is answered (an error or nothing), not a crash.
      await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: known } }).then(
        (r) => assert.deepEqual(r ?? [], []),
        (e: Error) => assert.ok(e instanceof Error),
      );
      // A frame that is not JSON at all (written raw between two well-formed messages).
      client.child.stdin?.write('Content-Length: 7\r\n\r\n{{{{{{{');
      // A method the server does not know.
      await assert.rejects(client.connection.sendRequest('conductor/noSuchRequest', {}), /Unhandled method/);
      // Changes and closes for documents that were never opened.
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: unknown, version: 2 }, contentChanges: [{ text: 'x' }] });
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: unknown } });
      // A watched-files event for a path outside every folder.
      await client.filesChanged([{ uri: 'file:///definitely/not/here/.conductor/rules.jsonc', type: 3 }]);
      // A document outside every folder (untitled) is checked with the built-in default.
      const untitled = 'untitled:Untitled-1';
      await client.open(untitled, 'eval(1);\nexec(1);\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(untitled)), ['security/no-eval@0:0-5/2']);

      // Still alive and checking.
      const uri = ws.uri('src/after.ts');
      await client.open(uri, 'exec(2);\n', 'typescript');
      assert.deepEqual(view(await client.waitForCurrentDiagnostics(uri)), ['team/no-exec@0:0-5/1']);
      assert.equal(client.exitCode, undefined);
    });

    it('shutdown then exit ends the process with code 0', async () => {
      assert.equal(await client.shutdown(), 0);
    });
  });

  it('exit without shutdown ends the process with code 1 (LSP spec)', async () => {
    const ws = makeTempWorkspace({}, 'conductor-lsp-exit-');
    const client = await LspClient.start({ folders: [ws.root] });
    try {
      await client.waitForStatus(() => true);
      await client.connection.sendNotification('exit');
      assert.equal(await client.waitForExit(), 1);
    } finally {
      client.dispose();
      ws.remove();
    }
  });
});
