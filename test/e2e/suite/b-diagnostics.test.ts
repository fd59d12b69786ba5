// (b) Opening a file shows Conductor's findings at the right ranges, with the rule file's severities.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, APP, appIsFlagged, byCode, codeOf, fmt, NO_CONSOLE, NO_EVAL, openFresh, rangeOf, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  before(activateExtension);

  it('reports team/no-console-log (warning) and security/no-eval (error) in src/app.ts', async () => {
    const { document: doc } = await openFresh(APP);
    const ds = await waitForDiagnostics(doc.uri, appIsFlagged, 'no-console-log and no-eval');
    assert.strictEqual(ds.length, 2, `only the two findings expected, got ${ds.map(codeOf).join(', ')}`);

    const [log] = byCode(ds, NO_CONSOLE);
    assert.strictEqual(fmt(log.range), fmt(rangeOf(doc, 'console.log(')));
    assert.strictEqual(log.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(log.message, 'Use the team logger instead of console.log.');

    // Only the real call: not `eval(` in the comment, nor in the string.
    const [ev] = byCode(ds, NO_EVAL);
    const call = rangeOf(doc, 'return eval(');
    assert.strictEqual(fmt(ev.range), fmt(new vscode.Range(call.start.translate(0, 'return '.length), call.end)));
    assert.strictEqual(ev.severity, vscode.DiagnosticSeverity.Error);
    assert.match(ev.message, /eval\(\)/);
  });
});
