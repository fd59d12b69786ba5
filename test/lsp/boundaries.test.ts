// Boundaries through the BUILT server over stdio: a layer violation on the import specifier, and
// "Add … to package.json" for an installed but undeclared package — an edit of the manifest, not of the document.
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyTextEdits } from '../helpers/edits';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';
import { LspClient, isCodeAction } from './lsp-client';

const RULES = {
  boundaries: {
    layers: { ui: { paths: ['src/ui/**'] }, db: { paths: ['src/db/**'] } },
    allow: { ui: [] },
    packages: { requireDeclared: true },
  },
};

describe('lsp: boundaries (layer violations, undeclared packages)', function () {
  let ws: TempWorkspace;
  let client: LspClient;
  beforeEach(async () => {
    ws = makeTempWorkspace({
      '.conductor/rules.jsonc': ruleFileText(RULES),
      'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "zod": "^4.0.0"\n  }\n}\n',
      'node_modules/left-pad/package.json': '{ "name": "left-pad", "version": "1.3.0" }\n',
      'node_modules/zod/package.json': '{ "name": "zod", "version": "4.0.0" }\n',
      'src/db/client.ts': 'export const query = (): number => 1;\n',
    });
    client = await LspClient.start({ folders: [ws.root], settings: () => ({}), transport: 'memory' });
  });
  afterEach(() => {
    client?.dispose();
    ws?.remove();
  });

  async function open(rel: string, text: string, ok: (d: Diagnostic[]) => boolean): Promise<{ uri: string; diags: Diagnostic[] }> {
    const uri = ws.uri(rel);
    await client.open(uri, text, 'typescript');
    return { uri, diags: await client.waitForCurrentDiagnostics(uri, ok) };
  }

  it('reports a forbidden layer import on the specifier, naming both layers', async () => {
    const text = "import { query } from '../db/client';\nexport const n = query();\n";
    const { diags } = await open('src/ui/view.ts', text, (d) => d.length > 0);
    const d = diags.find((x) => x.code === 'boundaries/layer-violation');
    assert.ok(d, JSON.stringify(diags));
    assert.deepEqual(d.range, { start: { line: 0, character: 22 }, end: { line: 0, character: 36 } });
    assert.match(String(d.message), /Layer 'ui' may not import 'db'/);
    const actions = (await client.codeActions(ws.uri('src/ui/view.ts'), d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[];
    const remove = actions.find((a) => a.title === "Remove the import of '../db/client'");
    assert.ok(remove, actions.map((a) => a.title).join(' | '));
    const edits = remove.edit?.changes?.[ws.uri('src/ui/view.ts')] ?? [];
    assert.equal(applyTextEdits(text, edits), 'export const n = query();\n', 'exactly the import line goes');
  });

  it('offers the allowed layer that re-exports the symbols, changing only the specifier', async () => {
    ws.write('src/domain/index.ts', "export { query } from '../db/client';\nexport const rule = 1;\n");
    client.dispose();
    ws.write('.conductor/rules.jsonc', ruleFileText({ boundaries: { ...RULES.boundaries, layers: { ...RULES.boundaries.layers, domain: { paths: ['src/domain/**'], public: ['src/domain/index.ts'] } }, allow: { ui: ['domain'], domain: ['db'] } } }));
    client = await LspClient.start({ folders: [ws.root], settings: () => ({}), transport: 'memory' });
    const text = "import { query } from '../db/client';\nexport const n = query();\n";
    const { uri, diags } = await open('src/ui/view.ts', text, (d) => d.some((x) => x.code === 'boundaries/layer-violation'));
    const d = diags.find((x) => x.code === 'boundaries/layer-violation') as Diagnostic;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[];
    const via = actions.find((a) => a.title.startsWith("Import from layer 'domain' instead"));
    assert.ok(via, actions.map((a) => a.title).join(' | '));
    assert.equal(applyTextEdits(text, via.edit?.changes?.[uri] ?? []), "import { query } from '../domain';\nexport const n = query();\n");

    // A symbol the allowed layer does not re-export: no such suggestion.
    const partial = "import { query, Row } from '../db/client';\nexport const m = query();\n";
    const second = await open('src/ui/list.ts', partial, (x) => x.some((y) => y.code === 'boundaries/layer-violation'));
    const d2 = second.diags.find((x) => x.code === 'boundaries/layer-violation') as Diagnostic;
    const titles = ((await client.codeActions(second.uri, d2.range, [d2], ['quickfix'])).filter(isCodeAction) as CodeAction[]).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Import from layer')), titles.join(' | '));
  });

  it('offers no removal for an import statement that spans lines', async () => {
    const text = "import {\n  query,\n} from '../db/client';\nexport const n = query();\n";
    const { uri, diags } = await open('src/ui/multi.ts', text, (d) => d.length > 0);
    const d = diags.find((x) => x.code === 'boundaries/layer-violation') as Diagnostic;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[];
    assert.ok(!actions.some((a) => a.title.startsWith('Remove the import')), actions.map((a) => a.title).join(' | '));
  });

  it('offers "add to package.json" for an installed, undeclared package, editing the manifest only', async () => {
    const text = "import pad from 'left-pad';\nexport const s = pad('x', 3);\n";
    const { uri, diags } = await open('src/util.ts', text, (d) => d.some((x) => x.code === 'boundaries/undeclared-package'));
    const d = diags.find((x) => x.code === 'boundaries/undeclared-package') as Diagnostic;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter(isCodeAction) as CodeAction[];
    const add = actions.find((a) => /package\.json/.test(a.title));
    assert.ok(add, actions.map((a) => a.title).join(' | '));
    const changes = add.edit?.changes ?? {};
    assert.deepEqual(Object.keys(changes), [ws.uri('package.json')], 'only the manifest changes');
    const after = JSON.parse(applyTextEdits(ws.read('package.json'), changes[ws.uri('package.json')]));
    assert.deepEqual(after.dependencies, { 'left-pad': '^1.3.0', zod: '^4.0.0' });
  });
});
