// The stale-instructions diagnostic and its "Regenerate Conductor section" quick fix, black-box against the BUILT
// language server over stdio (test/lsp/lsp-client.ts).
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { LineIndex, loadWorkspaceConfig } from '../../server/src/engine';
import { BEGIN_MARKER, END_MARKER, findSection, generatedFiles, INSTRUCTION_TARGETS, updatedText } from '../../server/src/instructions';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient, isCodeAction } from './lsp-client';
import { diskHost } from '../unit/instructions/helpers';

const STALE = 'conductor/stale-instructions';
const RULES = {
  name: 'lsp-instructions',
  ai: {
    useCases: { tests: { paths: ['**/*.test.ts'] } },
    forbidden: [{ paths: ['src/auth/**'], reason: 'security-critical code needs a human author' }],
    excluded: ['secrets/**'],
  },
  boundaries: { layers: { ui: { paths: ['src/ui/**'] }, core: { paths: ['src/core/**'] } }, allow: { ui: ['core'], core: [] } },
};
const BEFORE = '# Agents\r\n\r\nHand-written intro.\r\n\r\n';
const AFTER = '\r\n\r\n## Our own rules\r\nKeep this.\r\n';

/** What `conductor instructions` writes for a path, given the workspace's rule file on disk. */
function expectedText(ws: TempWorkspace, rel: string, existing: string | undefined): string {
  const policy = loadWorkspaceConfig(ws.root, diskHost()).policy;
  assert.ok(policy);
  const file = generatedFiles(policy, INSTRUCTION_TARGETS, { ruleFile: '.conductor/rules.jsonc' }).find((f) => f.path === rel);
  assert.ok(file, `${rel} is not generated`);
  return updatedText(existing, file);
}

const stale = (d: Diagnostic[]): Diagnostic[] => d.filter((x) => x.code === STALE);

describe('instructions: stale-section diagnostic and quick fix (language server in memory)', function () {
  this.timeout(60_000);
  let ws: TempWorkspace;
  let client: LspClient;

  beforeEach(async () => {
    ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText(RULES) }, 'conductor-instr-lsp-');
    client = await LspClient.start({ folders: [ws.root], transport: 'memory' });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      console.error(client.describe());
    }
    client.dispose();
    ws.remove();
  });

  it('flags exactly the stale section; the quick fix replaces exactly that range and the warning goes', async () => {
    const text = `${BEFORE}${BEGIN_MARKER}\r\n## Old policy\r\n- old\r\n${END_MARKER}${AFTER}`;
    const uri = ws.uri('AGENTS.md');
    ws.write('AGENTS.md', text);
    await client.open(uri, text, 'markdown');
    const [d] = stale(await client.waitForCurrentDiagnostics(uri, (ds) => stale(ds).length === 1));
    const found = findSection(text);
    assert.ok('found' in found);
    const lines = new LineIndex(text);
    assert.deepEqual(d.range, lines.rangeOf(found.found.start, found.found.end));
    assert.equal(d.severity, 2);
    assert.equal(d.source, 'conductor');
    assert.match(String(d.message), /out of date with \.conductor\/rules\.jsonc/);

    const actions = (await client.codeActions(uri, d.range, [d])).filter(isCodeAction);
    const regenerate = actions.filter((a) => a.title === 'Regenerate Conductor section');
    assert.equal(regenerate.length, 1, actions.map((a) => a.title).join(', '));
    const action = regenerate[0] as CodeAction;
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    const edits = action.edit?.changes?.[uri] ?? [];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, d.range, 'the edit does not replace exactly the section');
    assert.ok(edits[0].newText.startsWith(`${BEGIN_MARKER}\r\n## Conductor policy for AI-written code\r\n`), 'the section keeps the file CRLF');
    assert.ok(edits[0].newText.endsWith(END_MARKER));

    await client.applyEdits(uri, edits);
    assert.equal(client.text(uri), expectedText(ws, 'AGENTS.md', text), 'the quick fix and `conductor instructions` disagree');
    assert.ok(client.text(uri).startsWith(BEFORE) && client.text(uri).endsWith(AFTER), 'hand-written text changed');
    assert.deepEqual(stale(await client.waitForCurrentDiagnostics(uri)), []);
  });

  it('an up-to-date section gets no diagnostic until the rule file changes', async () => {
    const rel = '.github/copilot-instructions.md';
    const uri = ws.uri(rel);
    const text = expectedText(ws, rel, undefined);
    ws.write(rel, text);
    await client.open(uri, text, 'markdown');
    assert.deepEqual(stale(await client.waitForCurrentDiagnostics(uri)), []);

    const since = client.lastSeq;
    ws.write('.conductor/rules.jsonc', ruleFileText({ ...RULES, ai: { ...RULES.ai, excluded: ['secrets/**', 'data/customers/**'] } }));
    await client.filesChanged([{ uri: ws.uri('.conductor/rules.jsonc'), type: 2 }]);
    const [d] = stale(await client.waitForDiagnostics(uri, (ds) => stale(ds).length === 1, { since, what: 'the stale warning after the rule file changed' }));
    const [action] = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction).filter((a) => a.title === 'Regenerate Conductor section');
    assert.ok(action);
    await client.applyEdits(uri, action.edit?.changes?.[uri] ?? []);
    assert.match(client.text(uri), /- `data\/customers\/\*\*`/);
    assert.equal(client.text(uri), expectedText(ws, rel, text));
    assert.deepEqual(stale(await client.waitForCurrentDiagnostics(uri)), []);
  });

  it('front matter Conductor owns is regenerated with the section (Cursor rule file)', async () => {
    const rel = '.cursor/rules/conductor.mdc';
    const uri = ws.uri(rel);
    const text = `---\ndescription: hand-edited\n---\n${BEGIN_MARKER}\nold\n${END_MARKER}\n`;
    await client.open(uri, text, 'markdown');
    const [d] = stale(await client.waitForCurrentDiagnostics(uri, (ds) => stale(ds).length === 1));
    const [action] = (await client.codeActions(uri, d.range, [d])).filter(isCodeAction).filter((a) => a.title === 'Regenerate Conductor section');
    await client.applyEdits(uri, action.edit?.changes?.[uri] ?? []);
    assert.equal(client.text(uri), expectedText(ws, rel, text));
    assert.ok(client.text(uri).startsWith('---\ndescription: Conductor policy'));
  });

  it('leaves other documents alone: a section outside an instruction path, an instruction file without a section', async () => {
    const notes = ws.uri('docs/notes.md');
    await client.open(notes, `${BEGIN_MARKER}\nold\n${END_MARKER}\n`, 'markdown');
    const claude = ws.uri('CLAUDE.md');
    await client.open(claude, '# Only hand-written text\n', 'markdown');
    assert.deepEqual(stale(await client.waitForCurrentDiagnostics(notes)), []);
    assert.deepEqual(stale(await client.waitForCurrentDiagnostics(claude)), []);
  });

  it('reports a begin marker without an end marker as an error, with no quick fix', async () => {
    const uri = ws.uri('AGENTS.md');
    await client.open(uri, `intro\n${BEGIN_MARKER}\nno end\n`, 'markdown');
    const [d] = stale(await client.waitForCurrentDiagnostics(uri, (ds) => stale(ds).length === 1));
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 1);
    assert.match(String(d.message), /no end marker/);
    const actions = (await client.codeActions(uri, d.range, [d])).filter(isCodeAction);
    assert.deepEqual(actions.filter((a) => a.title === 'Regenerate Conductor section'), []);
  });
});
