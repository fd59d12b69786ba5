// (p) Human operations are never tagged as AI: reloads from disk (a tool rewriting the file, a git branch switch), a
// formatter, another extension's WorkspaceEdit, a snippet, multi-cursor typing, undo/redo. Each test checks that the
// buffer has no markers, that a reloaded buffer stays clean, and that Conductor wrote nothing to disk.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, original, resetFile, waitFor, wsUri } from './helpers';
import { barrier, PY_TARGET, TS_TARGET } from './p-provenance-helpers';

/** 30 lines of plain code, as a generator, a pull or a formatter would add them. */
function block(prefix: string): string[] {
  return Array.from({ length: 30 }, (_, i) => `${prefix}${i + 1} = ${i + 1}`);
}
const TS_BLOCK = block('export const generated');
const PY_BLOCK = block('formatted');

function onDisk(rel: string): string {
  return fs.readFileSync(wsUri(rel).fsPath, 'utf8');
}

/** After the barrier (every earlier insertion decided): no marker in the buffer, and the disk holds `disk`. */
async function assertUntagged(doc: vscode.TextDocument, rel: string, disk: string): Promise<void> {
  await barrier();
  assert.ok(!doc.getText().includes('@ai-generated'), `markers were added:\n${doc.getText()}`);
  assert.strictEqual(onDisk(rel), disk, 'the file on disk is as the operation left it');
}

/** Whole file `text` with `lines` put in before line `at`. */
function insertedAt(text: string, at: number, lines: string[]): string {
  const ls = text.split('\n');
  return [...ls.slice(0, at), ...lines, ...ls.slice(at)].join('\n');
}

describe('provenance: human operations are not tagged', () => {
  const disposables: vscode.Disposable[] = [];
  let repo: string | undefined;

  before(activateExtension);
  beforeEach(closeAllEditors);
  afterEach(async () => {
    disposables.splice(0).forEach((d) => d.dispose());
    if (repo) {
      fs.rmSync(repo, { recursive: true, force: true });
      repo = undefined;
    }
    await resetFile(TS_TARGET);
    await resetFile(PY_TARGET);
  });

  it('a file rewritten on disk while open in a background tab (30 new lines) reloads clean, without markers', async () => {
    const doc = (await openFresh(TS_TARGET)).document;
    await openFresh(PY_TARGET);
    assert.notStrictEqual(vscode.window.activeTextEditor?.document, doc, 'the file is in a background tab');
    const changed = insertedAt(original(TS_TARGET), 7, TS_BLOCK);
    fs.writeFileSync(wsUri(TS_TARGET).fsPath, changed);

    await waitFor(() => doc.getText() === changed, 20000, 'VS Code to reload the file from disk', () => doc.getText());
    await assertUntagged(doc, TS_TARGET, changed);
    assert.ok(!doc.isDirty, 'the reloaded buffer is not dirty');
  });

  it('a git branch switch with the file open in a tab reloads clean, without markers', async () => {
    repo = wsUri('scm-e2e').fsPath;
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd: repo, encoding: 'utf8' });
    fs.mkdirSync(repo, { recursive: true });
    const file = path.join(repo, 'feature.ts');
    const base = original(TS_TARGET);
    const feature = insertedAt(base, 7, TS_BLOCK);
    git('init', '-q', '-b', 'main');
    fs.writeFileSync(file, base);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    fs.writeFileSync(file, feature);
    git('commit', '-q', '-am', 'thirty lines');
    git('checkout', '-q', 'main');

    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), { preview: false });
    const doc = editor.document;
    assert.strictEqual(doc.getText(), base);
    git('checkout', '-q', 'feature');

    await waitFor(() => doc.getText() === feature, 20000, 'VS Code to reload the file after the checkout', () => doc.getText());
    await assertUntagged(doc, 'scm-e2e/feature.ts', feature);
    assert.ok(!doc.isDirty, 'the reloaded buffer is not dirty');
  });

  it('a formatter that adds 30 lines adds no markers', async () => {
    const editor = await openFresh(PY_TARGET);
    const doc = editor.document;
    disposables.push(
      vscode.languages.registerDocumentFormattingEditProvider({ language: 'python' }, {
        provideDocumentFormattingEdits: (d) => (d === doc ? [vscode.TextEdit.insert(new vscode.Position(1, 0), PY_BLOCK.map((l) => `${l}\n`).join(''))] : []),
      }),
    );
    await vscode.commands.executeCommand('editor.action.formatDocument');

    await waitFor(() => doc.getText() === insertedAt(original(PY_TARGET), 1, PY_BLOCK), 20000, 'the formatter edit', () => doc.getText());
    await assertUntagged(doc, PY_TARGET, original(PY_TARGET));
  });

  it("another extension's WorkspaceEdit of 30 lines to a background file (a code action, a refactoring) adds no markers", async () => {
    const doc = await resetFile(TS_TARGET);
    await openFresh(PY_TARGET);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(7, 0), TS_BLOCK.map((l) => `${l}\n`).join(''));
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');

    assert.strictEqual(doc.getText(), insertedAt(original(TS_TARGET), 7, TS_BLOCK));
    await assertUntagged(doc, TS_TARGET, original(TS_TARGET));
  });

  it('a snippet of 30 lines adds no markers', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(TS_BLOCK.map((l) => `${l}\n`).join('')), new vscode.Position(7, 0)), 'the snippet was inserted');

    assert.strictEqual(doc.getText(), insertedAt(original(TS_TARGET), 7, TS_BLOCK));
    await assertUntagged(doc, TS_TARGET, original(TS_TARGET));
  });

  it('typing with 30 cursors adds no markers', async () => {
    const many = insertedAt(original(TS_TARGET), 7, TS_BLOCK);
    const editor = await vscode.window.showTextDocument(await resetFile(TS_TARGET, many), { preview: false });
    const doc = editor.document;
    editor.selections = TS_BLOCK.map((_, i) => new vscode.Selection(7 + i, 0, 7 + i, 0));
    await vscode.commands.executeCommand('type', { text: 'typed;\n' });

    const typed = insertedAt(original(TS_TARGET), 7, TS_BLOCK.map((l) => `typed;\n${l}`));
    await waitFor(() => doc.getText() === typed, 20000, 'the typed text at every cursor', () => doc.getText());
    await assertUntagged(doc, TS_TARGET, many);
  });

  it('undo and redo of a 30-line deletion add no markers', async () => {
    const many = insertedAt(original(TS_TARGET), 7, TS_BLOCK);
    const editor = await vscode.window.showTextDocument(await resetFile(TS_TARGET, many), { preview: false });
    const doc = editor.document;
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(7, 0, 7 + TS_BLOCK.length, 0))), 'the lines were deleted');
    assert.strictEqual(doc.getText(), original(TS_TARGET));

    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === many, 20000, 'undo to bring the 30 lines back', () => doc.getText());
    await vscode.commands.executeCommand('redo');
    await waitFor(() => doc.getText() === original(TS_TARGET), 20000, 'redo to delete them again', () => doc.getText());
    await vscode.commands.executeCommand('undo');
    await waitFor(() => doc.getText() === many, 20000, 'undo to bring them back again', () => doc.getText());
    await assertUntagged(doc, TS_TARGET, many);
  });
});
