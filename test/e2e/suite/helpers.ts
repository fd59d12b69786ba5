// Shared helpers for the e2e suite. Everything here runs in VS Code's extension host.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'conductor-dev.conductor';
export const SOURCE = 'conductor';

/** The pristine workspace the launcher copied (tests run on, and mutate, the copy). */
const FIXTURE = process.env.CONDUCTOR_E2E_FIXTURE ?? path.resolve(__dirname, '../../../../test/e2e/workspace');

/**
 * Polls `probe` every 50 ms until it returns something truthy, and returns that. Never a fixed sleep: a test waits
 * exactly as long as the extension needs. On timeout it fails with `what` and, if given, the state seen last.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20000,
  what = 'condition',
  state?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state ? `; last state: ${state()}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

export function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the e2e workspace folder is not open');
  return f;
}

export function wsUri(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
}

/** The file's content in test/e2e/workspace. */
export function original(rel: string): string {
  return fs.readFileSync(path.join(FIXTURE, rel), 'utf8');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), doc.lineAt(doc.lineCount - 1).range.end);
}

/**
 * Puts a workspace file back to its pristine content (`text` to use other content), both in the editor model and on
 * disk, so a test does not depend on what earlier tests did. Returns the (open, saved) document.
 */
export async function resetFile(rel: string, text = original(rel)): Promise<vscode.TextDocument> {
  const uri = wsUri(rel);
  if (!(await exists(uri))) {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, fullRange(doc), text);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not reset ${rel}`);
  }
  if (doc.isDirty) {
    assert.ok(await doc.save(), `could not save ${rel}`);
  }
  return doc;
}

/** Resets a file and shows it in an editor. */
export async function openFresh(rel: string): Promise<vscode.TextEditor> {
  const doc = await resetFile(rel);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

export function conductorDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const ds = vscode.languages.getDiagnostics(uri);
  return ds.length === 0
    ? '(no diagnostics)'
    : ds.map((d) => `${d.source}:${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} sev=${d.severity}`).join(', ');
}

/** Waits until Conductor's diagnostics for `uri` satisfy `ok`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const ds = conductorDiagnostics(uri);
      return ok(ds) ? ds : undefined;
    },
    timeoutMs,
    `${what} in ${vscode.workspace.asRelativePath(uri)}`,
    () => describeDiagnostics(uri),
  );
}

export const byCode = (ds: vscode.Diagnostic[], code: string): vscode.Diagnostic[] => ds.filter((d) => codeOf(d) === code);

/** The range of the `nth` occurrence of `needle` in the document (throws when absent). */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) not found in ${doc.uri.path}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export function fmt(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Closes every editor. Dirty documents are saved first, so VS Code never asks (a dialog would block the suite). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await doc.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The expected diagnostics of the pristine src/app.ts under the workspace's rule file. */
export const APP = 'src/app.ts';
export const RULES = '.conductor/rules.jsonc';
export const NO_CONSOLE = 'team/no-console-log';
export const NO_EVAL = 'security/no-eval';

export function appIsFlagged(ds: vscode.Diagnostic[]): boolean {
  return byCode(ds, NO_CONSOLE).length === 1 && byCode(ds, NO_EVAL).length === 1;
}

/**
 * The code actions VS Code collects from every provider (optionally of one kind). VS Code cancels such a request
 * when the set of providers changes while it runs (the TypeScript extension registering its providers a few seconds
 * after a file opens) and rejects with "Canceled"; its own light bulb simply asks again, and so does this helper.
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await waitFor(async () => {
    try {
      return (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    } catch (e) {
      if ((e as Error).name === 'Canceled' || (e as Error).message === 'Canceled') {
        return undefined;
      }
      throw e;
    }
  }, 20000, 'code actions that are not canceled');
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}
