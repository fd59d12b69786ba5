// (p) Provenance capture of inline completions: ghost text from a test provider, accepted through Conductor's
// accept commands, ends up in the file wrapped in @ai-generated markers; one undo removes both.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openFresh, original, resetFile } from './helpers';
import { contentLines, expectedWrapped, GhostText, lines, onlyRegion, parse, PY_TARGET, TS_TARGET, withProvenanceSetting } from './p-provenance-helpers';

const TS_SNIPPET = ['  for (const v of values) {', '    sum += v;', '  }'];
const PY_SNIPPET = ['    for v in values:', '        result += v'];
/** The first empty line of total() in both fixtures: where the ghost text goes. */
const EMPTY_LINE = 3;

/**
 * The conditions under which VS Code 1.139's own keybindings accept ghost text (from its workbench bundle): Conductor's
 * keybindings, which replace them, must not fire anywhere the built-in ones would not.
 */
const BUILTIN_WHEN: Record<string, string[]> = {
  'conductor.inlineSuggest.commit': [
    'inlineSuggestionVisible', '!editorTabMovesFocus', '!suggestWidgetVisible', '!editorHoverFocused', '!editor.hasSelection',
    'inlineSuggestionHasIndentationLessThanTabSize',
  ],
  'conductor.inlineSuggest.acceptNextWord': ['!editorReadonly', 'inlineSuggestionVisible', 'cursorBeforeGhostText', '!accessibilityModeEnabled'],
};

describe('provenance: inline completions', () => {
  let ghost: GhostText;
  before(activateExtension);
  beforeEach(async () => {
    await closeAllEditors();
    ghost = new GhostText();
  });
  afterEach(async () => {
    ghost.dispose();
    await resetFile(TS_TARGET);
    await resetFile(PY_TARGET);
  });

  it('TypeScript: an accepted multi-line completion is wrapped in // markers with tool= and at=', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'));

    const r = onlyRegion(doc, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(doc, r), TS_SNIPPET, 'the region covers exactly the snippet lines');
    assert.strictEqual(r.beginLine, EMPTY_LINE);
    assert.strictEqual(doc.getText(), expectedWrapped(original(TS_TARGET), EMPTY_LINE, TS_SNIPPET, r, '//', '  '));
  });

  it('Python: an accepted multi-line completion is wrapped in # markers with tool= and at=', async () => {
    const editor = await openFresh(PY_TARGET);
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'python');
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), PY_SNIPPET.join('\n'));

    const r = onlyRegion(doc, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(doc, r), PY_SNIPPET, 'the region covers exactly the snippet lines');
    assert.strictEqual(doc.getText(), expectedWrapped(original(PY_TARGET), EMPTY_LINE, PY_SNIPPET, r, '#', '    '));
  });

  it('one undo removes the completion and its markers, restoring the original text exactly', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    const pristine = doc.getText();
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'));
    assert.strictEqual(parse(doc).regions.length, 1);

    const version = doc.version;
    await vscode.commands.executeCommand('undo');
    assert.ok(doc.version > version, 'undo changed the document');
    assert.strictEqual(doc.getText(), pristine);
    await vscode.commands.executeCommand('redo');
    assert.strictEqual(parse(doc).regions.length, 1, 'redo brings completion and markers back together');
    assert.deepStrictEqual(contentLines(doc, parse(doc).regions[0]), TS_SNIPPET);
  });

  it('partial accept (next line) records exactly the accepted line', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'), 'conductor.inlineSuggest.acceptNextLine');

    const r = onlyRegion(doc, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(doc, r), [TS_SNIPPET[0]]);
    assert.ok(!doc.getText().includes(TS_SNIPPET[1]), 'the rest of the suggestion was not inserted');
    // The accepted line (with its line break) went in before the empty line, which stays below the end marker.
    const ls = original(TS_TARGET).split('\n');
    const begin = `  // @ai-generated begin id=${r.id} tool=unknown at=${r.at}`;
    const end = `  // @ai-generated end id=${r.id}`;
    assert.strictEqual(doc.getText(), [...ls.slice(0, EMPTY_LINE), begin, TS_SNIPPET[0], end, ...ls.slice(EMPTY_LINE)].join('\n'));
  });

  it('partial accept (next word): indentation alone is not marked; the first word is, and nothing more', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    const word = 'conductor.inlineSuggest.acceptNextWord';
    // VS Code's first "accept word" on indented ghost text takes only the indentation.
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'), word);
    assert.strictEqual(lines(doc)[EMPTY_LINE], '  ');
    assert.deepStrictEqual(parse(doc).regions, [], 'whitespace alone is not AI code');
    // The next one takes the first word: that line is marked.
    await ghost.acceptMore(editor, word);
    const r = onlyRegion(doc, { tool: 'unknown' });
    assert.deepStrictEqual(contentLines(doc, r), ['  for']);
    assert.strictEqual(doc.getText(), expectedWrapped(original(TS_TARGET), EMPTY_LINE, ['  for'], r, '//', '  '));
  });

  it('with conductor.provenance.enable off, the accept commands insert the completion without markers', async () => {
    const restore = await withProvenanceSetting('enable', false);
    try {
      const editor = await openFresh(TS_TARGET);
      await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'));
      const ls = original(TS_TARGET).split('\n');
      assert.strictEqual(editor.document.getText(), [...ls.slice(0, EMPTY_LINE), ...TS_SNIPPET, ...ls.slice(EMPTY_LINE + 1)].join('\n'));
    } finally {
      await restore();
    }
  });

  // Pressing Tab itself cannot be done from the extension host (no API dispatches a key through the keybinding
  // service; it needs the runner's browser), so the keybinding route is checked on the manifest VS Code loaded.
  it('the Tab and Ctrl+Right keybindings take over only where VS Code\'s own would accept', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings: { key: string; command: string; when: string }[] } };
    for (const [key, command] of [['tab', 'conductor.inlineSuggest.commit'], ['ctrl+right', 'conductor.inlineSuggest.acceptNextWord']]) {
      const kb = manifest.contributes.keybindings.find((k) => k.command === command && k.key === key);
      assert.ok(kb, `no ${key} keybinding for ${command}`);
      const terms = kb.when.split('&&').map((t) => t.trim());
      const missing = BUILTIN_WHEN[command].filter((t) => !terms.includes(t));
      assert.deepStrictEqual(missing, [], `${key} → ${command} lacks conditions of VS Code's own keybinding`);
      assert.ok(terms.includes('config.conductor.provenance.enable'), 'off when provenance is off: the built-in keybinding applies');
    }
  });

  it('a completion accepted right below an unreviewed block of the same tool grows that block', async () => {
    const editor = await openFresh(TS_TARGET);
    const doc = editor.document;
    await ghost.accept(editor, new vscode.Position(EMPTY_LINE, 0), TS_SNIPPET.join('\n'));
    const first = onlyRegion(doc, { tool: 'unknown' });
    // The second empty line of the fixture is now right below the end marker.
    const below = first.endLine + 1;
    assert.strictEqual(lines(doc)[below], '');
    const second = '  sum *= 2;';
    await ghost.accept(editor, new vscode.Position(below, 0), second);

    const merged = onlyRegion(doc, { tool: 'unknown' });
    assert.strictEqual(merged.id, first.id, 'the existing block grew; no second block');
    assert.strictEqual(merged.beginLine, first.beginLine);
    assert.deepStrictEqual(contentLines(doc, merged), [...TS_SNIPPET, second]);
    const ls = original(TS_TARGET).split('\n');
    const begin = `  // @ai-generated begin id=${first.id} tool=unknown at=${first.at}`;
    const end = `  // @ai-generated end id=${first.id}`;
    assert.strictEqual(doc.getText(), [...ls.slice(0, EMPTY_LINE), begin, ...TS_SNIPPET, second, end, ...ls.slice(EMPTY_LINE + 2)].join('\n'));

    // And one undo takes back only the second accept (its line and the moved end marker).
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(onlyRegion(doc, { tool: 'unknown' }).id, first.id);
    assert.deepStrictEqual(contentLines(doc, parse(doc).regions[0]), TS_SNIPPET);
    assert.strictEqual(lines(doc)[below], '');
  });
});
