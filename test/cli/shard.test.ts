// `check --shard K/N` and `merge` through the built dist/cli.js on a real git repository: N shards
// together report exactly the full run's findings, each once, and `merge` gives back the full report.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCliBuilt, runCli, type CliResult } from './run-cli';
import { ruleFileText } from '../helpers/temp-workspace';
import { sarifValidator } from '../helpers/sarif-schema';

interface JsonReport {
  results: { path: string; findings: { ruleId: string; severity: string; line: number; column: number; fingerprint?: string }[] }[];
  summary: Record<string, number>;
  baseline?: { known: number; stale: { path: string }[] };
  shard?: { index: number; count: number };
  policy?: { sha256: string };
}

interface SarifLog {
  runs: { automationDetails?: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
}

const RULES = {
  name: 'shard-team',
  patterns: [
    { id: 'team/no-fixme', regex: 'FIXME', message: 'Resolve the FIXME', severity: 'warning', in: 'comments' },
    { id: 'team/no-exec', regex: '\\bexec\\(', message: 'No exec()', severity: 'error', in: 'code' },
  ],
};
const OTHER_RULES = { ...RULES, patterns: RULES.patterns.slice(0, 1) };
const COUNTS = [1, 2, 3, 7];

function show(r: CliResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout.slice(0, 2000)}\n--- stderr\n${r.stderr}`;
}

/** Finding keys of a JSON report: path, rule, position. */
function jsonKeys(r: JsonReport): string[] {
  return r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column}:${x.ruleId}`)).sort();
}

function sarifKeys(s: SarifLog): string[] {
  return s.runs[0].results
    .map((x) => {
      const l = x.locations[0].physicalLocation;
      return `${l.artifactLocation.uri}:${l.region.startLine}:${l.region.startColumn}:${x.ruleId}`;
    })
    .sort();
}

describe('cli: check --shard K/N and merge (built dist/cli.js)', function () {
  this.timeout(120_000);
  let root: string;
  let out: string;

  const cli = (...args: string[]): CliResult => runCli(args, root);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  /** `check` into a file under `out`; returns the parsed report and the exit code. */
  const check = <T>(name: string, ...args: string[]): { report: T; status: number | null } => {
    const file = path.join(out, name);
    const r = cli('check', '--output', file, ...args);
    assert.ok(r.status === 0 || r.status === 1, show(r));
    return { report: JSON.parse(fs.readFileSync(file, 'utf8')) as T, status: r.status };
  };
  const shardFiles = (prefix: string, n: number, ext: string, ...args: string[]): string[] =>
    Array.from({ length: n }, (_x, i) => {
      const name = `${prefix}-${i + 1}-of-${n}.${ext}`;
      check(name, '--shard', `${i + 1}/${n}`, ...args);
      return path.join(out, name);
    });

  before(function () {
    this.timeout(180_000);
    assertCliBuilt();
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-shard-')));
    out = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-shard-out-')));
    git('init', '-q', '-b', 'main');
    git('config', 'user.name', 'Shard Test');
    git('config', 'user.email', 'shard@example.invalid');
    git('config', 'commit.gpgsign', 'false');
    write('.conductor/rules.jsonc', ruleFileText(RULES));
    write('.conductor/other-rules.jsonc', ruleFileText(OTHER_RULES));
    // 60 files in 6 folders: most with findings (an error, a warning or both), a few clean.
    for (let i = 0; i < 60; i++) {
      const body = i % 5 === 0 ? 'export const ok = 1;\n' : `// FIXME ${i}\nexport function f${i}(x: string) {\n${i % 2 === 0 ? '  exec(x);\n' : ''}}\n`;
      write(`src/m${i % 6}/file-${i}.ts`, body);
    }
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('JSON: for N = 1, 2, 3, 7 the shards are disjoint, their union is the full run, and merge gives the full report', () => {
    const full = check<JsonReport>('full.json', '--format', 'json');
    assert.ok(jsonKeys(full.report).length > 50, 'many findings');
    for (const n of COUNTS) {
      const files = shardFiles('json', n, 'json', '--format', 'json');
      const shards = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as JsonReport);
      const paths = shards.map((s) => new Set(s.results.map((x) => x.path)));
      for (let a = 0; a < n; a++) {
        assert.deepEqual(shards[a].shard, { index: a + 1, count: n });
        for (let b = a + 1; b < n; b++) {
          assert.deepEqual([...paths[a]].filter((p) => paths[b].has(p)), [], `shards ${a + 1} and ${b + 1} of ${n} overlap`);
        }
      }
      assert.deepEqual(shards.flatMap(jsonKeys).sort(), jsonKeys(full.report), `union of ${n} shards`);
      const merged = cli('merge', ...files);
      assert.equal(merged.status, full.status, show(merged));
      assert.deepEqual(JSON.parse(merged.stdout), full.report, `merge of ${n} shards`);
    }
  });

  it('a shard exits 1 only for its own findings at or above --fail-on', () => {
    for (let k = 1; k <= 7; k++) {
      const { report, status } = check<JsonReport>(`exit-${k}.json`, '--format', 'json', '--shard', `${k}/7`);
      assert.equal(status, report.results.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0, `shard ${k}/7`);
      const never = cli('check', '--shard', `${k}/7`, '--fail-on', 'never');
      assert.equal(never.status, 0, show(never));
    }
  });

  it('SARIF: each shard under its own category; the merged log validates and equals the full run', () => {
    const full = check<SarifLog>('full.sarif', '--format', 'sarif');
    assert.equal(full.report.runs[0].automationDetails, undefined);
    const validate = sarifValidator();
    for (const n of COUNTS) {
      const files = shardFiles('sarif', n, 'sarif', '--format', 'sarif');
      const shards = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as SarifLog);
      shards.forEach((s, i) => {
        assert.equal(s.runs[0].automationDetails?.id, `conductor/shard-${i + 1}-of-${n}/`);
        assert.deepEqual(validate(s), []);
      });
      const keys = shards.flatMap(sarifKeys);
      assert.equal(new Set(keys).size, keys.length, `no finding twice among ${n} shards`);
      assert.deepEqual(keys.sort(), sarifKeys(full.report));
      const merged = cli('merge', '--format', 'sarif', ...files);
      assert.equal(merged.status, full.status, show(merged));
      const log = JSON.parse(merged.stdout) as SarifLog;
      assert.deepEqual(validate(log), []);
      assert.deepEqual(sarifKeys(log), sarifKeys(full.report));
      assert.deepEqual(log, full.report, `merge of ${n} SARIF shards`);
    }
  });

  it('merge refuses mixed rule sets, a shard twice, missing shards, other formats and a FIFO (exit 2)', () => {
    const [a, b, c] = shardFiles('refuse', 3, 'json', '--format', 'json');
    const other = path.join(out, 'other-2-of-3.json');
    check(path.basename(other), '--format', 'json', '--shard', '2/3', '--config', '.conductor/other-rules.jsonc');
    const sarif = shardFiles('refuse', 3, 'sarif', '--format', 'sarif');
    check('refuse-full.json', '--format', 'json');
    const unsharded = path.join(out, 'refuse-full.json');
    const cases: [string[], RegExp][] = [
      [[a, other, c], /different rule set/],
      [[a, b, b, c], /shard 2\/3 appears twice/],
      [[a, c], /shard 2\/3 missing/],
      [['--format', 'sarif', ...sarif.slice(0, 2), c], /not a Conductor SARIF/],
      [[...sarif], /not a Conductor JSON report/],
      [[a, b, unsharded], /shard report but/],
      [[unsharded, unsharded], /both report src\//],
      [[], /merge needs the report files/],
    ];
    if (process.platform !== 'win32') {
      const fifo = path.join(out, 'fifo.json');
      execFileSync('mkfifo', [fifo]);
      cases.push([[a, b, fifo], /not a regular file/]);
    }
    for (const [args, reason] of cases) {
      const r = cli('merge', ...args);
      assert.equal(r.status, 2, show(r));
      assert.match(r.stderr, reason);
      assert.equal(r.stdout, '');
    }
  });

  it('adding a file moves no other file between shards', () => {
    const owner = (): Map<string, number> => {
      const m = new Map<string, number>();
      for (let k = 1; k <= 7; k++) {
        for (const f of check<JsonReport>(`own-${k}.json`, '--format', 'json', '--shard', `${k}/7`).report.results) {
          m.set(f.path, k);
        }
      }
      return m;
    };
    const before = owner();
    write('src/m9/added.ts', '// FIXME new\n');
    try {
      const after = owner();
      assert.ok(after.has('src/m9/added.ts'));
      assert.equal(after.size, before.size + 1);
      for (const [p, k] of before) {
        assert.equal(after.get(p), k, p);
      }
    } finally {
      fs.rmSync(path.join(root, 'src/m9'), { recursive: true });
    }
  });

  it('--changed-since and stale baseline entries: each finding and entry in exactly one shard', () => {
    const baseline = cli('baseline');
    assert.equal(baseline.status, 0, show(baseline));
    git('add', '-A');
    git('commit', '-q', '-m', 'baseline');
    // Fix some baselined findings (stale entries), add new ones on changed lines.
    for (let i = 1; i < 60; i += 4) {
      write(`src/m${i % 6}/file-${i}.ts`, `export const fixed${i} = 1;\n`);
    }
    for (let i = 2; i < 60; i += 6) {
      fs.appendFileSync(path.join(root, `src/m${i % 6}/file-${i}.ts`), `exec(more${i}); // FIXME again\n`);
    }
    try {
      const args = ['--format', 'json', '--changed-since', 'HEAD'];
      const full = check<JsonReport>('since-full.json', ...args).report;
      assert.ok((full.baseline?.stale.length ?? 0) > 5 && jsonKeys(full).length > 5);
      const files = shardFiles('since', 3, 'json', ...args);
      const shards = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as JsonReport);
      assert.deepEqual(shards.flatMap(jsonKeys).sort(), jsonKeys(full));
      const stale = shards.flatMap((s) => (s.baseline?.stale ?? []).map((e) => JSON.stringify(e)));
      assert.deepEqual(stale.sort(), (full.baseline?.stale ?? []).map((e) => JSON.stringify(e)).sort());
      const merged = cli('merge', ...files);
      assert.deepEqual(JSON.parse(merged.stdout), full);
    } finally {
      git('reset', '-q', '--hard', 'HEAD');
    }
  });

  it('explicit paths and --staged: the shards of N = 3 add up to the full run', () => {
    const paths = ['--no-baseline', 'src/m1', 'src/m2/file-8.ts', 'src/m4']; // an earlier test commits a baseline
    const full = check<JsonReport>('paths-full.json', '--format', 'json', ...paths).report;
    assert.ok(jsonKeys(full).length > 5);
    const shards = shardFiles('paths', 3, 'json', '--format', 'json', ...paths).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as JsonReport);
    assert.deepEqual(shards.flatMap(jsonKeys).sort(), jsonKeys(full));

    for (let i = 3; i < 60; i += 5) {
      fs.appendFileSync(path.join(root, `src/m${i % 6}/file-${i}.ts`), `exec(staged${i}); // FIXME staged\n`);
    }
    git('add', '-A');
    try {
      const staged = check<JsonReport>('staged-full.json', '--format', 'json', '--staged').report;
      assert.ok(jsonKeys(staged).length > 5);
      const files = shardFiles('staged', 3, 'json', '--format', 'json', '--staged');
      assert.deepEqual(files.flatMap((f) => jsonKeys(JSON.parse(fs.readFileSync(f, 'utf8')) as JsonReport)).sort(), jsonKeys(staged));
      assert.deepEqual(JSON.parse(cli('merge', ...files).stdout), staged);
    } finally {
      git('reset', '-q', '--hard', 'HEAD');
    }
  });

  it('validates --shard K/N (exit 2 with the reason)', () => {
    for (const bad of ['0/3', '4/3', '1/1001', 'a/b', '1/0', '2']) {
      const r = cli('check', '--shard', bad);
      assert.equal(r.status, 2, show(r));
      assert.match(r.stderr, /--shard must be K\/N with 1 ≤ K ≤ N ≤ 1000/);
    }
    assert.equal(cli('check', '--shard', '1000/1000', '--fail-on', 'never').status, 0);
  });

  it('a rule-file error is repository-level: every shard fails with it, so a matrix cannot pass on it', () => {
    write('.conductor/broken.jsonc', '{ "patterns": [ { "id": "team/x", "regex": "(", "message": "m" } ] }\n');
    try {
      for (const k of [1, 2]) {
        const r = cli('check', '--shard', `${k}/2`, '--config', '.conductor/broken.jsonc');
        assert.equal(r.status, 2, show(r));
        assert.match(r.stderr, /rule file has errors/);
      }
    } finally {
      fs.rmSync(path.join(root, '.conductor/broken.jsonc'));
    }
  });
});
