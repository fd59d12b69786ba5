import * as assert from 'node:assert/strict';
import type { TempWorkspace } from '../helpers/temp-workspace';
import { layerGraphWorkspace } from '../unit/boundaries/helpers';
import { assertCliBuilt, runCli, type CliResult } from './run-cli';

describe('boundaries: conductor graph (built dist/cli.js)', () => {
  let ws: TempWorkspace;
  before(() => {
    assertCliBuilt();
    ws = layerGraphWorkspace();
  });
  after(() => ws.remove());

  const graph = (format: string): CliResult => runCli(['graph', '--format', format, '--cwd', ws.root], ws.root);

  it('runs from the CLI: conductor graph --format json|dot', function () {
    this.timeout(120_000);
    const jsonRun = graph('json');
    assert.equal(jsonRun.status, 0, jsonRun.stderr);
    const json = JSON.parse(jsonRun.stdout) as { edges: unknown[]; violations: unknown[] };
    assert.equal(json.edges.length, 4);
    assert.equal(json.violations.length, 2);
    const dot = graph('dot');
    assert.equal(dot.status, 0, dot.stderr);
    assert.match(dot.stdout, /"ui" -> "db"/);
    const bad = graph('svg');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be text, json or dot/);
  });
});
