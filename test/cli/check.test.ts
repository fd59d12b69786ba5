import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { pathToFileURL } from 'url';
import { assertCliBuilt, runCli, type CliResult } from './run-cli';
import { makeTempWorkspace, ruleFileText, type TempWorkspace, type WorkspaceFiles } from '../helpers/temp-workspace';

const cli = (cwd: string, ...args: string[]): CliResult => runCli(args, cwd);

function show(r: CliResult): string {
  return `exit ${r.status}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

const TEAM_RULES = {
  name: 'test-team',
  patterns: [
    { id: 'team/no-fixme', regex: 'FIXME', message: 'Resolve the FIXME', severity: 'warning', in: 'comments' },
    { id: 'team/no-exec', regex: '\\bexec\\(', message: 'No exec()', severity: 'error', in: 'code', fix: 'run(' },
  ],
};

interface JsonReport {
  version: number;
  results: { path: string; findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }[] }[];
  skipped: { path: string; reason: string }[];
}

describe('cli: conductor check (built dist/cli.js)', function () {
  const workspaces: TempWorkspace[] = [];
  const workspace = (files: WorkspaceFiles): TempWorkspace => {
    const ws = makeTempWorkspace(files, 'conductor-cli-');
    workspaces.push(ws);
    return ws;
  };

  before(function () {
    this.timeout(120_000);
    assertCliBuilt();
  });

  after(() => {
    for (const ws of workspaces) {
      ws.remove();
    }
  });

  describe('exit codes', () => {
    it('0 and "No problems" for a clean workspace', () => {
      const ws = workspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES), 'src/a.ts': 'export const ok = 1;\n' });
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 0, show(r));
      assert.match(r.stdout, /✔ No problems found\./);
      assert.equal(r.stderr, '');
    });

    it('1 when a finding is at or above --fail-on (default error), with file:line:col in the text report', () => {
      const ws = workspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES), 'src/a.ts': 'const x = 1;\n  exec(cmd);\n' });
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 1, show(r));
      assert.match(r.stdout, /^src\/a\.ts$/m);
      assert.match(r.stdout, /^ {2}2:3 +error +No exec\(\) +team\/no-exec$/m);
      assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 info\)/);
    });

    const warningOnly = { '.conductor/rules.jsonc': ruleFileText(TEAM_RULES), 'a.ts': '// FIXME later\n' };
    const table: [string[], number][] = [
      [[], 0],
      [['--fail-on', 'error'], 0],
      [['--fail-on', 'warning'], 1],
      [['--fail-on', 'never'], 0],
    ];
    for (const [args, expected] of table) {
      it(`a warning with ${args.join(' ') || 'no --fail-on'} → exit ${expected}`, () => {
        const ws = workspace(warningOnly);
        const r = cli(ws.root, 'check', ...args);
        assert.equal(r.status, expected, show(r));
        assert.match(r.stdout, /1:4 +warning +Resolve the FIXME/);
      });
    }

    it('--fail-on never still exits 0 with errors', () => {
      const ws = workspace({ '.conductor/rules.jsonc': ruleFileText(TEAM_RULES), 'a.ts': 'exec(1)\n' });
      assert.equal(cli(ws.root, 'check', '--fail-on', 'never').status, 0);
      assert.equal(cli(ws.root, 'check').status, 1);
    });

    const usage: [string, string[], RegExp][] = [
      ['an unknown flag', ['check', '--frobnicate'], /Unknown option '--frobnicate'/],
      ['a bad --format', ['check', '--format', 'xml'], /--format must be .*\(got "xml"\)/],
      ['a bad --fail-on', ['check', '--fail-on', 'info'], /--fail-on must be error, warning or never/],
      ['a bad --max-file-size', ['check', '--max-file-size', 'big'], /--max-file-size must be a positive number/],
      ['an unknown command', ['lint'], /Unknown command "lint"/],
      ['no command', [], /Usage: conductor/],
      ['a path that does not exist', ['check', 'no/such/file.ts'], /No such file or directory: no\/such\/file\.ts/],
      ['a --cwd that does not exist', ['check', '--cwd', 'missing-dir'], /--cwd must be an existing directory/],
      ['a --config that does not exist', ['check', '--config', 'nope.jsonc'], /Rule file not found: nope\.jsonc/],
      ['an --output that cannot be written', ['check', '--output', 'no-dir/report.txt'], /Cannot write --output no-dir\/report\.txt: ENOENT/],
    ];
    for (const [name, args, message] of usage) {
      it(`2 for a usage error: ${name}`, () => {
        const ws = workspace({ 'a.ts': 'const a = 1;\n' });
        const r = cli(ws.root, ...args);
        assert.equal(r.status, 2, show(r));
        assert.match(r.stdout + r.stderr, message);
        assert.doesNotMatch(r.stderr, /internal error/);
      });
    }

    it('--help and --version exit 0', () => {
      const ws = workspace({});
      const help = cli(ws.root, '--help');
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Exit codes/);
      const version = cli(ws.root, '--version');
      assert.equal(version.status, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    });

    it('2 for a broken rule file, naming file:line:col of each problem', () => {
      const ws = workspace({
        '.conductor/rules.jsonc': '{\n  "extends": ["conductor:recommended"],\n  "rulez": {},\n  "rules": { "security/no-evl": "error" }\n}\n',
        'a.ts': 'eval(x)\n',
      });
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 2, show(r));
      assert.match(r.stderr, /The rule file has errors:/);
      assert.match(r.stderr, /^\.conductor\/rules\.jsonc:3:3: Unknown key "rulez"/m);
      assert.equal(r.stdout, '');
    });

    it('2 for a rule file with invalid JSONC, at the parse error', () => {
      const ws = workspace({ '.conductor/rules.jsonc': '{\n  "name": "x"\n  "extends": []\n}\n' });
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 2, show(r));
      assert.match(r.stderr, /^\.conductor\/rules\.jsonc:3:3: Invalid JSONC: comma expected/m);
    });

    it('2 for a regex in the rule file that cannot run in linear time, at its line', () => {
      const ws = workspace({ '.conductor/rules.jsonc': ruleFileText({ patterns: [{ id: 'team/redos', regex: '(a+)+(?=b)', message: 'm' }] }) });
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 2, show(r));
      assert.match(r.stderr, /\.conductor\/rules\.jsonc:5:16: Lookahead is not allowed in rule-file regexes \(no linear-time execution\)/);
    });
  });

  describe('report formats', () => {
    const files = {
      '.conductor/rules.jsonc': ruleFileText(TEAM_RULES),
      'src/a.ts': '// FIXME one\nexec(a);\n',
      'src/b.ts': 'const b = 1;\n',
      'lib/c.py': 'x = 1  # FIXME two\n',
    };

    it('--format json: version, results per file with 1-based positions, skipped', () => {
      const ws = workspace(files);
      const r = cli(ws.root, 'check', '--format', 'json');
      assert.equal(r.status, 1, show(r));
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.equal(report.version, 1);
      assert.deepEqual(report.skipped, []);
      assert.deepEqual(
        report.results.map((x) => x.path),
        ['lib/c.py', 'src/a.ts'],
        'files in walk order, files without findings left out',
      );
      const a = report.results[1].findings;
      assert.deepEqual(a.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endLine, f.endColumn, f.fixable]), [
        ['team/no-fixme', 'warning', 1, 4, 1, 9, false],
        ['team/no-exec', 'error', 2, 1, 2, 6, true],
      ]);
      assert.equal(a[1].message, 'No exec()');
    });

    it('--format sarif: 2.1.0, one run, rules, %SRCROOT%-relative locations and partialFingerprints', () => {
      const ws = workspace(files);
      const r = cli(ws.root, 'check', '--format', 'sarif');
      assert.equal(r.status, 1, show(r));
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.match(sarif.$schema, /sarif-2\.1\.0/);
      assert.equal(sarif.runs.length, 1);
      const [run] = sarif.runs;
      assert.equal(run.tool.driver.name, 'Conductor');
      assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), ['team/no-exec', 'team/no-fixme']);
      assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(ws.root + '/').href);
      assert.equal(run.results.length, 3);
      for (const res of run.results) {
        assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
        assert.ok(!loc.artifactLocation.uri.startsWith('/'), 'relative uri');
        assert.match(res.partialFingerprints['conductorFingerprint/v1'], /^[0-9a-f]{32}$/);
      }
      const exec = run.results.find((x: { ruleId: string }) => x.ruleId === 'team/no-exec');
      assert.equal(exec.level, 'error');
      assert.deepEqual(exec.locations[0].physicalLocation.artifactLocation.uri, 'src/a.ts');
      assert.deepEqual(exec.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 6 });
      const fixme = run.results.filter((x: { ruleId: string }) => x.ruleId === 'team/no-fixme');
      assert.deepEqual(fixme.map((x: { level: string }) => x.level), ['warning', 'warning']);
    });

    it('--format sarif fingerprints survive lines inserted above', () => {
      const ws = workspace(files);
      const before = JSON.parse(cli(ws.root, 'check', '--format', 'sarif').stdout).runs[0].results;
      ws.write('src/a.ts', '\n\nimport x from "y";\n' + files['src/a.ts']);
      const after = JSON.parse(cli(ws.root, 'check', '--format', 'sarif').stdout).runs[0].results;
      const prints = (rs: { partialFingerprints: Record<string, string> }[]): string[] => rs.map((x) => x.partialFingerprints['conductorFingerprint/v1']).sort();
      assert.deepEqual(prints(after), prints(before));
      assert.notDeepEqual(
        after.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0].physicalLocation.region.startLine),
        before.map((x: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => x.locations[0].physicalLocation.region.startLine),
      );
    });

    it('--output writes the report to a file instead of stdout', () => {
      const ws = workspace(files);
      const r = cli(ws.root, 'check', '--format', 'json', '--output', 'report.json');
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.equal((JSON.parse(ws.read('report.json')) as JsonReport).results.length, 2);
    });
  });

  describe('inputs', () => {
    it('an empty workspace: exit 0, "No problems"', () => {
      const ws = workspace({});
      const r = cli(ws.root, 'check');
      assert.equal(r.status, 0, show(r));
      assert.match(r.stdout, /No problems found/);
      assert.doesNotMatch(r.stdout, /Skipped/);
    });

    it('a workspace without a rule file: conductor:recommended applies', () => {
      const ws = workspace({ 'src/a.ts': 'const v = eval(input);\n', 'src/tls.js': 'https.get(u, { rejectUnauthorized: false });\n' });
      const r = cli(ws.root, 'check', '--format', 'json');
      assert.equal(r.status, 1, show(r));
      const report = JSON.parse(r.stdout) as JsonReport;
      assert.deepEqual(
        report.results.map((x) => [x.path, x.findings.map((f) => `${f.ruleId}:${f.severity}`)]),
        [
          ['src/a.ts', ['security/no-eval:warning']],
          ['src/tls.js', ['security/tls-verification-disabled:error']],
        ],
      );
    });

    it('too large (a sparse 50 MB file), binary and non-UTF-8 files are skipped and summarised; the rest is checked', () => {
      const ws = workspace({
        '.conductor/rules.jsonc': ruleFileText(TEAM_RULES),
        'bin/blob.dat': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x46, 0x49, 0x58, 0x4d, 0x45]),
        'src/latin1.ts': Buffer.from('// caf\xe9 FIXME\n', 'latin1'),
        'src/ok.ts': '// FIXME checked\n',
        'src/bom.ts': '\ufeff// FIXME with BOM\n',
      });
      const big = ws.path('big.log');
      const fd = fs.openSync(big, 'w');
      fs.ftruncateSync(fd, 50 * 1024 * 1024);
      fs.closeSync(fd);

      const text = cli(ws.root, 'check');
      assert.equal(text.status, 0, show(text));
      assert.match(text.stdout, /^Skipped 3 file\(s\): 1 too large, 1 binary, 1 not valid UTF-8 \(--verbose lists them\)$/m);
      assert.match(text.stdout, /src\/ok\.ts\n {2}1:4 /);
      assert.match(text.stdout, /src\/bom\.ts\n {2}1:4 /, 'a BOM is not part of the text');

      const json = JSON.parse(cli(ws.root, 'check', '--format', 'json').stdout) as JsonReport;
      assert.deepEqual(json.skipped, [
        { path: 'big.log', reason: 'too large (50.0 MB > 5.0 MB)' },
        { path: 'bin/blob.dat', reason: 'binary' },
        { path: 'src/latin1.ts', reason: 'not valid UTF-8' },
      ]);

      const verbose = cli(ws.root, 'check', '--verbose');
      assert.match(verbose.stderr, /^skipped big\.log: too large \(50\.0 MB > 5\.0 MB\)$/m);
      assert.match(verbose.stderr, /^checked 6 files /m);
    });

    it('--max-file-size raises the limit (the 50 MB file of NULs is then read and found binary)', () => {
      const ws = workspace({});
      const fd = fs.openSync(ws.path('big.log'), 'w');
      fs.ftruncateSync(fd, 50 * 1024 * 1024);
      fs.closeSync(fd);
      const json = JSON.parse(cli(ws.root, 'check', '--format', 'json', '--max-file-size', '60').stdout) as JsonReport;
      assert.deepEqual(json.skipped, [{ path: 'big.log', reason: 'binary' }]);
    });

    it('.gitignore (also nested) and the rule file\'s ignore are respected; --no-gitignore checks git-ignored files', () => {
      const ws = workspace({
        '.conductor/rules.jsonc': ruleFileText({ ...TEAM_RULES, ignore: ['vendor/**'] }),
        '.gitignore': 'build/\n*.log\n',
        'src/.gitignore': 'generated.ts\n',
        'src/a.ts': '// FIXME a\n',
        'src/generated.ts': '// FIXME generated\n',
        'build/out.ts': '// FIXME build\n',
        'debug.log': '# FIXME log\n',
        'vendor/lib.ts': '// FIXME vendor\n',
      });
      const paths = (args: string[]): string[] => (JSON.parse(cli(ws.root, 'check', '--format', 'json', ...args).stdout) as JsonReport).results.map((x) => x.path);
      assert.deepEqual(paths([]), ['src/a.ts']);
      assert.deepEqual(paths(['--no-gitignore']), ['build/out.ts', 'debug.log', 'src/a.ts', 'src/generated.ts']);
    });

    it('path arguments limit the check; a file named explicitly is checked even when git-ignored', () => {
      const ws = workspace({
        '.conductor/rules.jsonc': ruleFileText(TEAM_RULES),
        '.gitignore': 'ignored.ts\n',
        'src/a.ts': '// FIXME a\n',
        'lib/b.ts': '// FIXME b\n',
        'lib/ignored.ts': '// FIXME c\n',
      });
      const paths = (...args: string[]): string[] => (JSON.parse(cli(ws.root, 'check', '--format', 'json', ...args).stdout) as JsonReport).results.map((x) => x.path);
      assert.deepEqual(paths('lib'), ['lib/b.ts']);
      assert.deepEqual(paths('src/a.ts', 'lib/ignored.ts'), ['src/a.ts', 'lib/ignored.ts']);
    });

    it('--cwd and --config select the workspace and the rule file', () => {
      const ws = workspace({
        'proj/cfg/strict.jsonc': ruleFileText({ patterns: [{ id: 'team/no-todo', regex: 'TODO', message: 'todo', severity: 'error' }] }),
        'proj/a.ts': '// TODO\n',
      });
      const r = cli(ws.root, 'check', '--cwd', 'proj', '--config', 'cfg/strict.jsonc');
      assert.equal(r.status, 1, show(r));
      assert.match(r.stdout, /^a\.ts$/m);
      assert.match(r.stdout, /team\/no-todo/);
    });
  });
});
