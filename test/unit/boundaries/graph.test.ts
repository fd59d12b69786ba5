import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'child_process';
import { buildLayerGraph, formatGraphDot, formatGraphText } from '../../../server/src/cli/graph-command';
import { ensureBuilt } from '../../helpers/build';
import { CLI_JS } from '../../helpers/paths';
import { ruleFileText, type TempWorkspace } from '../../helpers/temp-workspace';
import { boundaryPolicy, fixtureWorkspace, JS_LAYERS } from './helpers';

describe('boundaries: conductor graph', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = fixtureWorkspace('js-app', {
      'src/ui/bad.ts': `import { query } from '../db/client';\nimport { tax } from '../billing/internal/tax';\nimport { tax as t } from '../billing';\n`,
      '.conductor/rules.jsonc': ruleFileText({ boundaries: JS_LAYERS }),
    });
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

  it('runs from the CLI: conductor graph --format json|dot', function () {
    this.timeout(120_000);
    ensureBuilt([CLI_JS]);
    const json = JSON.parse(execFileSync(process.execPath, [CLI_JS, 'graph', '--format', 'json', '--cwd', ws.root], { encoding: 'utf8' })) as { edges: unknown[]; violations: unknown[] };
    assert.equal(json.edges.length, 4);
    assert.equal(json.violations.length, 2);
    const dot = execFileSync(process.execPath, [CLI_JS, 'graph', '--format', 'dot', '--cwd', ws.root], { encoding: 'utf8' });
    assert.match(dot, /"ui" -> "db"/);
    const bad = spawnSync(process.execPath, [CLI_JS, 'graph', '--format', 'svg', '--cwd', ws.root], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be text, json or dot/);
  });
});
