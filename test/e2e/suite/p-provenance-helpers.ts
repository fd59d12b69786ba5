// Shared by the p-provenance-*.test.ts files: a test inline-completion provider and marker assertions.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { markerProvenance, type AiRegion, type ParsedProvenance } from '../../../server/src/engine/provenance';
import { original, resetFile, waitFor, wsUri } from './helpers';

export const TS_TARGET = 'src/ai/target.ts';
export const PY_TARGET = 'tools/target.py';
export const AGENT = 'src/ai/agent.ts';

/** `at=` as Conductor writes it: ISO-8601 UTC, minute (or second) precision, ending in Z. */
const MARKER_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;

export function parse(doc: vscode.TextDocument): ParsedProvenance {
  return markerProvenance.regionsFor(doc.uri.path, doc.getText(), doc.languageId);
}

export function lines(doc: vscode.TextDocument): string[] {
  return doc.getText().split(/\r?\n/);
}

/** The code lines a region covers (strictly between its markers). */
export function contentLines(doc: vscode.TextDocument, r: AiRegion): string[] {
  return lines(doc).slice(r.beginLine + 1, r.endLine);
}

/** The one region of the document, checked to be well formed: known tool, valid id and `at=` (within ±2 min of now). */
export function onlyRegion(doc: vscode.TextDocument, expect: { tool: string; useCase?: string }): AiRegion {
  const parsed = parse(doc);
  assert.deepStrictEqual(parsed.problems.map((p) => `${p.kind}: ${p.message}`), [], 'the markers parse without problems');
  assert.strictEqual(parsed.regions.length, 1, `one AI region expected, got ${parsed.regions.length}:\n${doc.getText()}`);
  const [r] = parsed.regions;
  assert.strictEqual(r.tool, expect.tool);
  assert.strictEqual(r.useCase, expect.useCase);
  assert.match(r.id, /^[0-9a-f]{6}$/);
  assert.ok(r.at && MARKER_TIME.test(r.at), `at=${r.at} is not a marker time`);
  const skew = Math.abs(Date.parse(r.at) - Date.now());
  assert.ok(skew < 120_000, `at=${r.at} is not now`);
  return r;
}

/**
 * `text` with `inserted` put in place of line `at` (an empty line, as the ghost text replaces it) and wrapped in the
 * region's marker lines exactly as Conductor writes them, in the given comment syntax.
 */
export function expectedWrapped(original: string, at: number, inserted: string[], r: AiRegion, comment: '//' | '#', indent: string): string {
  const ls = original.split('\n');
  assert.strictEqual(ls[at], '', `line ${at} of the fixture is the empty line the ghost text goes into`);
  const use = r.useCase ? ` use=${r.useCase}` : '';
  const begin = `${indent}${comment} @ai-generated begin id=${r.id} tool=${r.tool}${use} at=${r.at}`;
  const end = `${indent}${comment} @ai-generated end id=${r.id}`;
  return [...ls.slice(0, at), begin, ...inserted, end, ...ls.slice(at + 1)].join('\n');
}

/**
 * An InlineCompletionItemProvider for every file (`{ pattern: '**' }`) that offers `snippet` at exactly one position
 * and records every call, so a test can wait for VS Code to have asked it.
 */
export class GhostText implements vscode.Disposable {
  readonly calls: { uri: string; line: number; character: number; kind: vscode.InlineCompletionTriggerKind }[] = [];
  private readonly registration: vscode.Disposable;
  private offer: { uri: string; at: vscode.Position; snippet: string } | undefined;

  constructor() {
    this.registration = vscode.languages.registerInlineCompletionItemProvider(
      { pattern: '**' },
      {
        provideInlineCompletionItems: (doc, pos, ctx) => {
          this.calls.push({ uri: doc.uri.toString(), line: pos.line, character: pos.character, kind: ctx.triggerKind });
          const o = this.offer;
          if (!o || o.uri !== doc.uri.toString() || !pos.isEqual(o.at)) {
            return [];
          }
          return [new vscode.InlineCompletionItem(o.snippet, new vscode.Range(pos, pos))];
        },
      },
    );
  }

  /**
   * Puts the cursor at `at`, asks VS Code for ghost text there, waits until this provider answered with `snippet`,
   * then runs `accept` (Conductor's accept command by default) until the document changes: the ghost text is not
   * readable from an extension, and an accept command before it is shown does nothing, so the accept is the poll.
   */
  async accept(editor: vscode.TextEditor, at: vscode.Position, snippet: string, accept = 'conductor.inlineSuggest.commit'): Promise<void> {
    const doc = editor.document;
    this.offer = { uri: doc.uri.toString(), at, snippet };
    const seen = this.calls.length;
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    const asked = (): boolean => this.calls.slice(seen).some((c) => c.uri === doc.uri.toString() && c.line === at.line && c.character === at.character);
    await waitFor(asked, 20000, `the test provider to be asked for ghost text at ${at.line}:${at.character}`, () => JSON.stringify(this.calls.slice(seen)));
    await this.acceptMore(editor, accept);
  }

  /** Runs `accept` until the document changes (the ghost text of the last `accept` call is still offered). */
  async acceptMore(editor: vscode.TextEditor, accept: string): Promise<void> {
    const doc = editor.document;
    const before = doc.getText();
    await waitFor(
      async () => {
        await vscode.commands.executeCommand(accept);
        return doc.getText() !== before;
      },
      20000,
      `${accept} to insert the ghost text`,
      () => `cursor ${editor.selection.active.line}:${editor.selection.active.character}, provider calls ${JSON.stringify(this.calls)}`,
    );
  }

  /** Stops offering ghost text. */
  withdraw(): void {
    this.offer = undefined;
  }

  dispose(): void {
    this.offer = undefined;
    this.registration.dispose();
  }
}

/** Sets a `conductor.provenance.*` setting in the workspace and returns a function that restores it. */
export async function withProvenanceSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('conductor.provenance');
  const before = config.inspect(key)?.workspaceValue;
  await config.update(key, value, vscode.ConfigurationTarget.Workspace);
  await waitFor(() => vscode.workspace.getConfiguration('conductor.provenance').get(key) === value, 20000, `conductor.provenance.${key} = ${JSON.stringify(value)}`);
  return async () => {
    await vscode.workspace.getConfiguration('conductor.provenance').update(key, before, vscode.ConfigurationTarget.Workspace);
  };
}

/** What the stand-in sessions serve as each file's baseline, by file path; one provider for the whole suite. */
const baselines = new Map<string, string>();
const baselineChanged = new vscode.EventEmitter<vscode.Uri>();
let baselineProvider: vscode.Disposable | undefined;

/**
 * Stands in for a chat editing session that holds `rel`. VS Code 1.139 gives an extension no way to start a real one
 * (it needs a chat model and a language model), so the test provides the one trace of a session Conductor reads: the
 * session's baseline of the file, a document `chat-editing-text-model:<file path>?{…}` as VS Code names it, served by
 * a content provider of the test with `content` (the pristine file unless given). The chat's edit itself is then an
 * ordinary change of the file, which is also what reaches extensions when a real session edits a file.
 */
export async function chatSessionOn(rel: string, content = original(rel)): Promise<vscode.TextDocument> {
  const file = wsUri(rel);
  baselines.set(file.path, content);
  baselineProvider ??= vscode.workspace.registerTextDocumentContentProvider('chat-editing-text-model', {
    onDidChange: baselineChanged.event,
    provideTextDocumentContent: (uri) => baselines.get(uri.path) ?? '',
  });
  const query = JSON.stringify({ kind: 'doc', documentId: 'e2e-entry', chatSessionResource: 'vscode-chat-session://local/e2e' });
  const uri = vscode.Uri.from({ scheme: 'chat-editing-text-model', path: file.path, query });
  const baseline = await vscode.workspace.openTextDocument(uri);
  baselineChanged.fire(uri); // an earlier test may have left other content in it
  await waitFor(() => baseline.getText() === content, 20000, `the stand-in session's baseline of ${rel}`, () => baseline.getText());
  return baseline;
}

export const CHAT_BLOCK = ['export function barrier(): number {', '  const a = 1;', '  const b = 2;', '  const c = a + b;', '  return c;', '}'];

/** What a chat editing session does to a file it holds: one edit appending `block` at the end. */
export async function chatAppends(doc: vscode.TextDocument, block: string[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), block.map((l) => `${l}\n`).join(''));
  assert.ok(await vscode.workspace.applyEdit(edit), 'the chat edit was applied');
}

/**
 * Waits until Conductor has handled every insertion made before this call: it classifies insertions in order, so
 * once a chat edit made now (chatEdits=tag) is tagged, the earlier ones are decided, questions and markers included.
 */
export async function barrier(): Promise<void> {
  await chatSessionOn(AGENT);
  const agent = await resetFile(AGENT);
  await chatAppends(agent, CHAT_BLOCK);
  await waitFor(() => parse(agent).regions.length === 1, 20000, 'the barrier chat edit to be tagged', () => agent.getText());
  await resetFile(AGENT);
}
