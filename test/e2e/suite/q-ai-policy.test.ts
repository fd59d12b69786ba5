// (q) AI policy (issue 5) in a real VS Code: an AI completion accepted through Conductor's accept command is wrapped
// in @ai-generated markers, and the language server judges the block by the workspace rule file's `ai` section:
// forbidden in src/auth/** (ai/forbidden-path, error); approved in src/features/** but unreviewed (ai/unreviewed,
// warning) until the "Mark AI block as reviewed" quick fix records the reviewer from conductor.review.identity.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { markerProvenance, type AiRegion } from '../../../server/src/engine/provenance';
import { activateExtension, byCode, codeActions, closeAllEditors, codeOf, describeDiagnostics, openFresh, resetFile, waitFor, waitForDiagnostics } from './helpers';

const AUTH = 'src/auth/session.ts';
const FEATURE = 'src/features/report.ts';
/** The empty line of both fixtures, where the ghost text goes. */
const EMPTY_LINE = 3;
const SNIPPET = ["  for (const v of values) {", '    sum += v;', '  }'];
const AUTH_SNIPPET = ["  const parts = trimmed.split('.');", '  void parts;'];
const FORBIDDEN = 'ai/forbidden-path';
const UNREVIEWED = 'ai/unreviewed';
const REVIEWER = 'e2e-reviewer@example.com';


function onlyRegion(doc: vscode.TextDocument): AiRegion {
  const parsed = markerProvenance.regionsFor(doc.uri.path, doc.getText(), doc.languageId);
  assert.deepStrictEqual(parsed.problems.map((p) => `${p.kind}: ${p.message}`), [], 'the markers parse without problems');
  assert.strictEqual(parsed.regions.length, 1, `one AI region expected:\n${doc.getText()}`);
  return parsed.regions[0];
}

/**
 * A test InlineCompletionItemProvider for every file that offers one snippet at one position (the same technique as
 * the provenance tests, kept here so this file stands alone).
 */
class GhostText implements vscode.Disposable {
  private readonly calls: string[] = [];
  private offer: { uri: string; at: vscode.Position; snippet: string } | undefined;
  private readonly registration = vscode.languages.registerInlineCompletionItemProvider(
    { pattern: '**' },
    {
      provideInlineCompletionItems: (doc, pos) => {
        this.calls.push(`${doc.uri.toString()}@${pos.line}:${pos.character}`);
        const o = this.offer;
        return o && o.uri === doc.uri.toString() && pos.isEqual(o.at) ? [new vscode.InlineCompletionItem(o.snippet, new vscode.Range(pos, pos))] : [];
      },
    },
  );

  /**
   * Asks VS Code for ghost text at `at`, waits until the provider was called there, then runs Conductor's accept
   * command until the document changes (an accept before the ghost text is shown does nothing, so it is the poll).
   */
  async accept(editor: vscode.TextEditor, at: vscode.Position, snippet: string): Promise<void> {
    const doc = editor.document;
    this.offer = { uri: doc.uri.toString(), at, snippet };
    const key = `${doc.uri.toString()}@${at.line}:${at.character}`;
    const seen = this.calls.length;
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.inlineSuggest.trigger');
    await waitFor(() => this.calls.slice(seen).includes(key), 20000, `the test provider to be asked at ${key}`, () => JSON.stringify(this.calls.slice(seen)));
    const before = doc.getText();
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('conductor.inlineSuggest.commit');
        return doc.getText() !== before;
      },
      20000,
      'conductor.inlineSuggest.commit to insert the ghost text',
    );
    this.offer = undefined;
  }

  dispose(): void {
    this.offer = undefined;
    this.registration.dispose();
  }
}

describe('AI policy: accepted completions in forbidden and approved paths, mark reviewed', () => {
  let ghost: GhostText;
  let restore: (() => Promise<void>) | undefined;
  before(activateExtension);
  beforeEach(async () => {
    await closeAllEditors();
    ghost = new GhostText();
  });
  afterEach(async () => {
    ghost.dispose();
    await restore?.();
    restore = undefined;
    await resetFile(AUTH);
    await resetFile(FEATURE);
  });

  it('a completion accepted in src/auth/** (forbidden) → an ai/forbidden-path error on the begin marker, nothing else', async () => {
    const editor = await openFresh(AUTH);
    const doc = editor.document;
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), AUTH_SNIPPET.join('\n'));
    const r = onlyRegion(doc);
    assert.strictEqual(r.beginLine, EMPTY_LINE);
    assert.deepStrictEqual(doc.getText().split('\n').slice(r.beginLine + 1, r.endLine), AUTH_SNIPPET);

    const ds = await waitForDiagnostics(doc.uri, (d) => byCode(d, FORBIDDEN).length === 1, 'ai/forbidden-path');
    assert.deepStrictEqual(ds.map(codeOf), [FORBIDDEN], `forbidden ends the check: ${describeDiagnostics(doc.uri)}`);
    const [d] = ds;
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(d.range.start.line, r.beginLine, 'on the begin marker');
    assert.strictEqual(d.range.end.line, r.beginLine);
    assert.match(d.message, /authentication code needs a human author/);
  });

  it('a completion accepted in src/features/** (approved) → only ai/unreviewed; "Mark AI block as reviewed" records conductor.review.identity and clears it', async () => {
    const editor = await openFresh(FEATURE);
    const doc = editor.document;
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), SNIPPET.join('\n'));
    const r = onlyRegion(doc);
    assert.deepStrictEqual(doc.getText().split('\n').slice(r.beginLine + 1, r.endLine), SNIPPET);

    const ds = await waitForDiagnostics(doc.uri, (d) => byCode(d, UNREVIEWED).length === 1, 'ai/unreviewed');
    assert.deepStrictEqual(ds.map(codeOf), [UNREVIEWED], `only ai/unreviewed: ${describeDiagnostics(doc.uri)}`);
    const [unreviewed] = ds;
    assert.strictEqual(unreviewed.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(unreviewed.range.start.line, r.beginLine);

    // The reviewer, set after the document was checked (the server must read the setting when the command runs).
    const config = vscode.workspace.getConfiguration('conductor');
    const previous = config.inspect<string>('review.identity')?.workspaceValue;
    await config.update('review.identity', REVIEWER, vscode.ConfigurationTarget.Workspace);
    restore = async () => {
      await vscode.workspace.getConfiguration('conductor').update('review.identity', previous, vscode.ConfigurationTarget.Workspace);
    };
    await waitFor(() => vscode.workspace.getConfiguration('conductor').get('review.identity') === REVIEWER, 20000, `conductor.review.identity = ${REVIEWER}`);

    const actions = await codeActions(doc.uri, unreviewed.range);
    const titles = actions.map((a) => a.title).join(' | ');
    const mark = actions.find((a) => a.title === 'Mark AI block as reviewed');
    assert.ok(mark?.command, `no "Mark AI block as reviewed" among: ${titles}`);
    assert.strictEqual(mark.command.command, 'conductor.markReviewed');
    assert.deepStrictEqual(mark.command.arguments, [doc.uri.toString(), r.id]);
    assert.ok(actions.some((a) => a.title === 'Explain the policy'), `no "Explain the policy" among: ${titles}`);

    await vscode.commands.executeCommand(mark.command.command, ...(mark.command.arguments ?? []));
    const beginLine = await waitFor(
      () => {
        const line = doc.lineAt(r.beginLine).text;
        return line.includes('reviewed-by=') ? line : undefined;
      },
      20000,
      'the review to be recorded in the begin marker',
      () => doc.lineAt(r.beginLine).text,
    );
    const reviewedAt = / reviewed-at=(\S+)$/.exec(beginLine)?.[1];
    assert.ok(reviewedAt && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/.test(reviewedAt), `reviewed-at in: ${beginLine}`);
    assert.strictEqual(beginLine, `  // @ai-generated begin id=${r.id} tool=${r.tool} at=${r.at} reviewed-by=${REVIEWER} reviewed-at=${reviewedAt}`);
    const reviewed = onlyRegion(doc);
    assert.strictEqual(reviewed.reviewedBy, REVIEWER);
    assert.deepStrictEqual(doc.getText().split('\n').slice(reviewed.beginLine + 1, reviewed.endLine), SNIPPET, 'the code is untouched');

    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'ai/unreviewed to disappear once the block is reviewed');
  });
});
