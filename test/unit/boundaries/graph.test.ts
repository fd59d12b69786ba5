import * as assert from 'node:assert/strict';
import { buildLayerGraph, formatGraphDot, formatGraphText } from '../../../server/src/cli/graph-command';
import type { TempWorkspace } from '../../helpers/temp-workspace';
import { boundaryPolicy, JS_LAYERS, layerGraphWorkspace } from './helpers';

describe('boundaries: conductor graph', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = layerGraphWorkspace();
  });
  after(() => ws.remove());

  it('counts imports between layers and the violations among them', () => {
    const g = buildLayerGraph(ws.root, [], boundaryPolicy(JS_LAYERS));
    assert.deepEqual(
      g.edges.map((e) => [e.from, e.to, e.imports, e.allowed, e.violations, e.privateImports]),
      [
        ['domain', 'db', 1, true, 0, 0],
        ['ui', 'billing', 2, true, 0, 1],
        ['ui', 'db', 1, false, 1, 0],
        ['ui', 'domain', 1, true, 0, 0],
      ],
    );
    assert.deepEqual(
      g.layers.map((l) => [l.name, l.files, l.internalImports]),
      [
        ['ui', 4, 1],
        ['domain', 2, 1],
        ['db', 4, 1],
        ['shared', 3, 0],
        ['billing', 2, 1],
      ],
    );
    assert.deepEqual(
      g.violations.map((v) => [v.ruleId, v.file, v.line, v.target]),
      [
        ['boundaries/layer-violation', 'src/ui/bad.ts', 1, 'src/db/client.ts'],
        ['boundaries/private-import', 'src/ui/bad.ts', 2, 'src/billing/internal/tax.ts'],
      ],
    );
    assert.match(formatGraphText(g), /→ db\s+1 import\s+✖ 1 violation \(denied: The UI goes through domain services\.\)/);
    const dot = formatGraphDot(g);
    assert.match(dot, /^digraph layers \{/);
    assert.match(dot, /"ui" -> "db" \[label="1 \(1 violation\)", color="red"/);
    assert.match(dot, /"ui" -> "billing" \[label="2 \(1 private\)", color="orange"/);
  });

});
