import * as assert from 'node:assert/strict';
import { assertCliBuilt, runCli } from './run-cli';
import { sourceMapShaped } from '../helpers/hostile-files';
import { makeTempWorkspace, ruleFileText, type TempWorkspace } from '../helpers/temp-workspace';

interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
}

/** `conductor check --format json` of one file; a hang shows up as the child's timeout (status null). */
function checkJson(ws: TempWorkspace, file: string): { status: number | null; findings: JsonFinding[] } {
  const r = runCli(['check', '--format', 'json', file], ws.root, { timeoutMs: 20_000 });
  const findings = r.status === null ? [] : (JSON.parse(r.stdout) as { results: { findings: JsonFinding[] }[] }).results.flatMap((x) => x.findings);
  return { status: r.status, findings };
}

// Files a pull request can commit to a repository that Conductor gates in CI.
describe('cli: hostile files end with an outcome', function () {
  this.timeout(60_000);
  const workspaces: TempWorkspace[] = [];

  before(function () {
    this.timeout(120_000);
    assertCliBuilt();
  });

  after(() => {
    for (const ws of workspaces) {
      ws.remove();
    }
  });

  const cases = [
    { regex: '^(\\w+\\s?)+$', flags: 'm', text: ('a'.repeat(16) + '!\nok\n').repeat(15_000), lines: 15_000 },
    { regex: '(?:a|a|a)*x|y', text: 'aaaaaaaaaay\n'.repeat(40_000), lines: 40_000 },
  ];
  for (const c of cases) {
    it(`a team rule /${c.regex}/${c.flags ?? ''} on ${Math.round(c.text.length / 1000)} KB crafted against it: exit 1 with every finding`, () => {
      const rule = { id: 'team/hostile', regex: c.regex, message: 'Hostile.', severity: 'error', ...(c.flags ? { flags: c.flags } : {}) };
      const ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText({ patterns: [rule] }), 'hostile.txt': c.text });
      workspaces.push(ws);
      const r = checkJson(ws, 'hostile.txt');
      assert.equal(r.status, 1);
      const errors = r.findings.filter((f) => f.severity === 'error');
      assert.equal(errors.length, 501);
      assert.match(errors[500].message, new RegExp(`^${c.lines - 500} more match`));
    });
  }

  it('a rule quadratic on any engine (a*b|a) on a 300 KB line: exit 1, checking stopped, fails closed', () => {
    const rule = { id: 'team/quadratic', regex: 'a*b|a', message: 'Quadratic.', severity: 'warning' };
    const ws = makeTempWorkspace({ '.conductor/rules.jsonc': ruleFileText({ patterns: [rule] }), 'long.txt': 'a'.repeat(300_000) });
    workspaces.push(ws);
    const r = checkJson(ws, 'long.txt');
    assert.equal(r.status, 1);
    assert.ok(r.findings.some((f) => f.severity === 'error' && f.message.startsWith('Checking stopped')));
  });

  it('a 3.6 MB one-line source map with directives and markers: the default ruleset finishes and reports', () => {
    const ws = makeTempWorkspace({ 'dist/cli.js.map': sourceMapShaped(3_600_000) });
    workspaces.push(ws);
    const r = checkJson(ws, 'dist/cli.js.map');
    assert.equal(r.status, 0, 'warnings only');
    assert.ok(r.findings.some((f) => f.ruleId === 'security/no-eval'));
    assert.ok(r.findings.every((f) => f.message.length < 1_000), 'no message embeds the line');
  });
});
