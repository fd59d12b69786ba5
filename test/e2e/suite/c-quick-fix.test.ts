// (c) The quick fix of a finding edits exactly its range, and the finding goes away.
// (d) source.fixAll.conductor applies every safe fix of a file at once.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, APP, appIsFlagged, byCode, codeActions, codeOf, fullRange, NO_CONSOLE, NO_EVAL, openFresh, original, waitForDiagnostics,
} from './helpers';

const FIX_ALL = 'source.fixAll.conductor';

describe('code actions', () => {
  before(activateExtension);

  it('quick fix replaces console.log( with logger.debug( in exactly that range', async () => {
    const { document: doc } = await openFresh(APP);
    const ds = await waitForDiagnostics(doc.uri, appIsFlagged, 'the findings to fix');
    const [diag] = byCode(ds, NO_CONSOLE);

    const actions = await codeActions(doc.uri, diag.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.title.startsWith('Fix: replace with'));
    assert.ok(fix, `no quick fix among: ${titles.join(' | ')}`);
    assert.strictEqual(fix.title, 'Fix: replace with "logger.debug("');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.strictEqual(fix.isPreferred, true);
    // (vscode.executeCodeActionProvider does not return an action's `diagnostics`, so they are not checked here.)
    const suppress = actions.find((a) => a.title === `Suppress ${NO_CONSOLE} on this line…`);
    assert.ok(suppress, `no suppress action among: ${titles.join(' | ')}`);
    assert.strictEqual(suppress.command?.command, 'conductor.suppress');
    assert.deepStrictEqual(suppress.command?.arguments, [doc.uri.toString(), diag.range.start.line, NO_CONSOLE]);
    assert.ok(fix.edit, 'the quick fix carries no edit');

    const before = doc.getText();
    const start = doc.offsetAt(diag.range.start);
    const end = doc.offsetAt(diag.range.end);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), before.slice(0, start) + 'logger.debug(' + before.slice(end));

    const after = await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_CONSOLE).length === 0, 'the fixed finding to disappear');
    assert.deepStrictEqual(after.map(codeOf), [NO_EVAL], 'the unrelated eval finding stays');
  });

  it('source.fixAll.conductor fixes every console.log of a file and nothing else', async () => {
    const { document: doc } = await openFresh('src/many.ts');
    await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_CONSOLE).length === 2 && byCode(d, NO_EVAL).length === 1, 'two console.log and one eval');

    const actions = await codeActions(doc.uri, fullRange(doc), FIX_ALL);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind?.value]), [['Fix all auto-fixable Conductor problems', FIX_ALL]]);
    // The kind filter is honoured: no quick fixes, and the parent kind finds it too.
    const viaParent = await codeActions(doc.uri, fullRange(doc), vscode.CodeActionKind.SourceFixAll.value);
    assert.ok(viaParent.some((a) => a.kind?.value === FIX_ALL), 'source.fixAll does not include source.fixAll.conductor');

    const edit = actions[0].edit;
    assert.ok(edit, 'fix-all carries no edit');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const expected = original('src/many.ts').replace(/^(\s*)console\.log\(/gm, '$1logger.debug(');
    assert.strictEqual(doc.getText(), expected);
    assert.match(doc.getText(), /\/\/ console\.log\( in a comment stays/);

    const after = await waitForDiagnostics(doc.uri, (d) => byCode(d, NO_CONSOLE).length === 0, 'the fixed findings to disappear');
    assert.deepStrictEqual(after.map(codeOf), [NO_EVAL]);
    assert.deepStrictEqual(await codeActions(doc.uri, fullRange(doc), FIX_ALL), [], 'nothing left to fix');
  });
});
