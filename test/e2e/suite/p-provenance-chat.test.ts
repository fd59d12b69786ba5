// (p) Chat edits: an insertion into a file a chat editing session holds is tagged (conductor.provenance.chatEdits =
// tag), or left alone (off); the session is the stand-in of `chatSessionOn` (see there why).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openFresh, original, resetFile, waitFor } from './helpers';
import { AGENT, chatAppends, chatSessionOn, contentLines, lines, parse, TS_TARGET, withProvenanceSetting } from './p-provenance-helpers';

const PLAN = [
  'export function plan(goal: string): string[] {',
  '  const out = [goal];',
  "  out.push('analyse', 'edit', 'test');",
  '  steps.push(...out);',
  '  return out;',
  '}',
];
const REVIEW = ['export function review(): number {', '  let n = 0;', '  for (const s of steps) {', '    n += s.length;', '  }', '  return n;', '}'];

describe('provenance: chat edits', () => {
  let restore: (() => Promise<void>) | undefined;
  before(activateExtension);
  beforeEach(closeAllEditors);
  afterEach(async () => {
    await restore?.();
    restore = undefined;
    await resetFile(AGENT);
    await resetFile(TS_TARGET);
  });

  it('chatEdits=tag: a chat edit to a background document is wrapped in markers; the user\'s editor stays', async () => {
    restore = await withProvenanceSetting('chatEdits', 'tag');
    const user = await openFresh(TS_TARGET);
    await chatSessionOn(AGENT);
    const agent = await resetFile(AGENT);
    assert.notStrictEqual(vscode.window.activeTextEditor?.document, agent, 'the chat edits a document that is not the active editor');

    await chatAppends(agent, PLAN);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers around the chat edit', () => agent.getText());
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
    await chatSessionOn(AGENT);
    const agent = await resetFile(AGENT);
    await chatAppends(agent, PLAN);
    assert.strictEqual(agent.getText(), original(AGENT) + PLAN.map((l) => `${l}\n`).join(''));

    // No fixed wait for "nothing happened": a second chat edit made with chatEdits=tag is a barrier. Conductor
    // reads the setting when the edit arrives and handles the edits in order, so once the second one is tagged,
    // the first one has been decided.
    await restore();
    restore = await withProvenanceSetting('chatEdits', 'tag');
    await chatAppends(agent, REVIEW);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers around the second chat edit', () => agent.getText());
    assert.strictEqual(parse(agent).regions.length, 1, 'only the edit made with chatEdits=tag is marked');
    assert.deepStrictEqual(contentLines(agent, r), REVIEW);
    assert.deepStrictEqual(lines(agent).slice(0, r.beginLine), [...original(AGENT).split('\n').slice(0, -1), ...PLAN], 'the first edit has no markers');
  });

  it("the user's own edit in a file the session holds, which VS Code copies into the baseline, gets no markers", async () => {
    restore = await withProvenanceSetting('chatEdits', 'tag');
    await openFresh(TS_TARGET);
    const agent = await resetFile(AGENT);
    // VS Code copies a user edit into the baseline as it happens; the stand-in holds it there from the start.
    const userLines = REVIEW.map((l) => `${l}\n`).join('');
    await chatSessionOn(AGENT, original(AGENT) + userLines);
    await chatAppends(agent, REVIEW);
    // The barrier: a chat edit of the same file, which the session has not copied, is tagged after the user's edit.
    await chatAppends(agent, PLAN);
    const r = await waitFor(() => parse(agent).regions[0], 20000, 'markers around the chat edit after the user edit', () => agent.getText());
    assert.strictEqual(parse(agent).regions.length, 1, 'only the chat edit is marked');
    assert.deepStrictEqual(contentLines(agent, r), PLAN);
    assert.deepStrictEqual(lines(agent).slice(0, r.beginLine), [...original(AGENT).split('\n').slice(0, -1), ...REVIEW], 'the user edit has no markers');
  });
});
