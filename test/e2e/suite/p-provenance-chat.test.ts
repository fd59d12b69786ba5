// (p) Chat/agent edits: a large multi-line WorkspaceEdit to a document that is not the active editor is tagged
// (conductor.provenance.chatEdits = tag), or left alone (off).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, original, resetFile, waitFor } from './helpers';
import { AGENT, contentLines, lines, parse, TS_TARGET, withProvenanceSetting } from './p-provenance-helpers';

const PLAN = [
  'export function plan(goal: string): string[] {',
  '  const out = [goal];',
  "  out.push('analyse', 'edit', 'test');",
  '  steps.push(...out);',
  '  return out;',
  '}',
];
const REVIEW = ['export function review(): number {', '  let n = 0;', '  for (const s of steps) {', '    n += s.length;', '  }', '  return n;', '}'];

/** What an agent does: one WorkspaceEdit appending `block` to the end of the document. */
async function agentAppends(doc: vscode.TextDocument, block: string[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), block.map((l) => `${l}\n`).join(''));
  assert.ok(await vscode.workspace.applyEdit(edit), 'the agent edit was applied');
}

describe('provenance: chat and agent edits', () => {
  let restore: (() => Promise<void>) | undefined;
  before(activateExtension);
  beforeEach(closeAllEditors);
  afterEach(async () => {
    await restore?.();
    restore = undefined;
    await resetFile(AGENT);
    await resetFile(TS_TARGET);
  });

  it('chatEdits=tag: a large edit to a background document is wrapped in markers; the user\'s editor stays', async () => {
    restore = await withProvenanceSetting('chatEdits', 'tag');
    const user = await openFresh(TS_TARGET);
    const agent = await resetFile(AGENT);
    assert.notStrictEqual(vscode.window.activeTextEditor?.document, agent, 'the agent edits a document that is not the active editor');

    await agentAppends(agent, PLAN);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers around the agent edit', () => agent.getText());
    const parsed = parse(agent);
    assert.deepStrictEqual(parsed.problems, []);
    assert.strictEqual(parsed.regions.length, 1);
    assert.strictEqual(r.tool, 'unknown');
    assert.ok(r.at, 'at= is set');
    assert.deepStrictEqual(contentLines(agent, r), PLAN);
    const ls = original(AGENT).split('\n');
    assert.strictEqual(
      agent.getText(),
      [...ls.slice(0, -1), `// @ai-generated begin id=${r.id} tool=unknown at=${r.at}`, ...PLAN, `// @ai-generated end id=${r.id}`, ''].join('\n'),
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document, user.document, 'tagging did not take over the user\'s editor');
    assert.strictEqual(user.document.getText(), original(TS_TARGET));
  });

  it('chatEdits=off: the same edit gets no markers', async () => {
    restore = await withProvenanceSetting('chatEdits', 'off');
    await openFresh(TS_TARGET);
    const agent = await resetFile(AGENT);
    await agentAppends(agent, PLAN);
    assert.strictEqual(agent.getText(), original(AGENT) + PLAN.map((l) => `${l}\n`).join(''));

    // No fixed wait for "nothing happened": a second agent edit made with chatEdits=tag is a barrier. Conductor
    // reads the setting when the edit arrives and handles the edits in order, so once the second one is tagged,
    // the first one has been decided.
    await restore();
    restore = await withProvenanceSetting('chatEdits', 'tag');
    await agentAppends(agent, REVIEW);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers around the second agent edit', () => agent.getText());
    assert.strictEqual(parse(agent).regions.length, 1, 'only the edit made with chatEdits=tag is marked');
    assert.deepStrictEqual(contentLines(agent, r), REVIEW);
    assert.deepStrictEqual(lines(agent).slice(0, r.beginLine), [...original(AGENT).split('\n').slice(0, -1), ...PLAN], 'the first edit has no markers');
  });
});
