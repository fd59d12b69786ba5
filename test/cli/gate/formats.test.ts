import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { assertCliBuilt } from '../run-cli';
import { devModule } from '../../helpers/dev-module';
import { sarifValidator } from '../../helpers/sarif-schema';
import { REPO_ROOT } from '../../helpers/paths';
import { TempRepo } from './helpers';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown?: string };
  defaultConfiguration: { level: string };
  properties?: { tags?: string[]; 'security-severity'?: string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
      baselineState?: string;
      properties?: { ai?: { blockId: string; tool: string } };
    }[];
    properties?: { conductor?: { baseline?: { known: number; stale: number } } };
  }[];
}

interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (t: string) => void;
  write(s: string): SaxParser;
  close(): void;
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Strict XML parse with sax (a transitive dev dependency): throws on anything not well-formed. */
function parseXml(xml: string): XmlNode {
  const sax = devModule<{ parser(strict: boolean): SaxParser }>('sax');
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const p = sax.parser(true);
  p.onerror = (e) => {
    throw e;
  };
  p.onopentag = (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  p.onclosetag = () => void stack.pop();
  p.ontext = (t) => {
    stack[stack.length - 1].text += t;
  };
  p.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0];
}

describe('gate: report formats and exit codes', function () {
  this.timeout(60_000);
  let repo: TempRepo;

  before(assertCliBuilt);
  beforeEach(() => {
    repo = new TempRepo({
      'src/app.js': 'const key = "FAKEKEY1234";\neval(key);\nvar n = 1; // TODO & <later>\n',
      'src/notes.md': 'NOTE: read me\n',
      'src/dir with space/x.js': 'eval("\u0001");\n',
      'src/clean.js': 'ok();\n',
    });
    repo.commitAll('base');
  });
  afterEach(() => repo.remove());

  it('exit codes follow --fail-on: 1 at or above it, 0 below, 0 with never', () => {
    assert.equal(repo.run('check').status, 1);
    assert.equal(repo.run('check', 'src/notes.md').status, 0);
    assert.equal(repo.run('check', 'src/notes.md', '--fail-on', 'warning').status, 0);
    repo.write('src/w.js', '// TODO\n');
    assert.equal(repo.run('check', 'src/w.js').status, 0);
    assert.equal(repo.run('check', 'src/w.js', '--fail-on', 'warning').status, 1);
    assert.equal(repo.run('check', '--fail-on', 'never').status, 0);
    assert.equal(repo.run('check', '--fail-on', 'sometimes').status, 2);
    assert.equal(repo.run('check', '--format', 'xml').status, 2);
    assert.equal(repo.run('check', '--jobs', '0').status, 2);
    assert.equal(repo.run('check', '--config', 'nope.jsonc').status, 2);
    repo.write('.conductor/rules.jsonc', '{ "patterns": [ { "id": "Bad Id", "regex": "x", "message": "m" } ] }');
    assert.equal(repo.run('check').status, 2);
  });

  it('text: stylish blocks that the $conductor problem matcher reads', () => {
    const r = repo.run('check');
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a TTY');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { problemMatchers: { name: string; pattern: { regexp: string; loop?: boolean }[] }[] };
    };
    const matcher = pkg.contributes.problemMatchers.find((m) => m.name === 'conductor');
    assert.ok(matcher, 'package.json contributes the $conductor problem matcher');
    const [fileRe, findingRe] = matcher.pattern.map((p) => new RegExp(p.regexp));
    assert.equal(matcher.pattern[1].loop, true);
    // Walk the output as VS Code does: a file line, then looping finding lines.
    const found: string[] = [];
    let file: string | undefined;
    for (const line of r.stdout.split('\n')) {
      const f = findingRe.exec(line);
      if (f && file) {
        found.push(`${file}:${f[1]}:${f[2]} ${f[3]} ${f[5]} | ${f[4]}`);
        continue;
      }
      const m = fileRe.exec(line);
      file = m ? m[1] : undefined;
    }
    assert.deepEqual(found, [
      'src/app.js:1:14 error secrets/fake-key | A fake key in source.',
      'src/app.js:2:1 error security/no-eval | No eval. Parse instead.',
      'src/app.js:3:1 warning team/no-var | Use let.',
      'src/app.js:3:15 warning team/todo | Resolve the TODO.',
      'src/dir with space/x.js:1:1 error security/no-eval | No eval. Parse instead.',
      'src/notes.md:1:1 info team/note | A note.',
    ]);
    assert.match(r.stdout, /✖ 6 problems \(3 errors, 2 warnings, 1 info\)/);
  });

  it('json: findings with 1-based positions, fingerprints and a summary', () => {
    const r = repo.json('check');
    assert.equal(r.version, 1);
    assert.deepEqual(
      r.results.map((f) => f.path),
      ['src/app.js', 'src/dir with space/x.js', 'src/notes.md'],
    );
    const evalFinding = r.results[0].findings[1];
    assert.deepEqual(
      { line: evalFinding.line, column: evalFinding.column, endLine: evalFinding.endLine, endColumn: evalFinding.endColumn },
      { line: 2, column: 1, endLine: 2, endColumn: 6 },
    );
    assert.match(evalFinding.fingerprint ?? '', /^[0-9a-f]{32}$/);
    assert.equal(r.results[0].findings[2].fixable, true);
    assert.deepEqual(r.summary, { errors: 3, warnings: 2, infos: 1, hints: 0 });
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with what GitHub code scanning needs', () => {
    const r = repo.run('check', '--format', 'sarif');
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const rules = run.tool.driver.rules;
    assert.deepEqual(
      rules.map((x) => x.id),
      ['secrets/fake-key', 'security/no-eval', 'team/no-var', 'team/note', 'team/todo'],
    );
    for (const res of run.results) {
      assert.equal(rules[res.ruleIndex].id, res.ruleId);
      const loc = res.locations[0].physicalLocation.artifactLocation;
      assert.equal(loc.uriBaseId, '%SRCROOT%');
      assert.doesNotMatch(loc.uri, /^(\/|file:)/, 'relative paths');
      assert.match(res.partialFingerprints['conductorFingerprint/v1'], /^[0-9a-f]{32}$/);
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, new URL(`file://${repo.dir}/`).href);
    assert.ok(run.results.some((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'src/dir%20with%20space/x.js'));
    const byId = new Map(rules.map((x) => [x.id, x]));
    const secret = byId.get('secrets/fake-key');
    const sec = byId.get('security/no-eval');
    const team = byId.get('team/todo');
    assert.deepEqual(secret?.properties?.tags, ['security']);
    assert.equal(secret?.properties?.['security-severity'], '9.0');
    assert.deepEqual(sec?.properties?.tags, ['security']);
    assert.equal(sec?.properties?.['security-severity'], '8.0');
    assert.equal(team?.properties, undefined);
    assert.equal(sec?.shortDescription.text, 'No eval.');
    assert.equal(sec?.fullDescription.text, 'No eval. Parse instead.');
    assert.ok(sec?.help.text);
    assert.deepEqual(
      run.results.map((x) => x.level),
      ['error', 'error', 'warning', 'warning', 'error', 'note'],
    );
  });

  it('sarif: built-in rules link their docs page (helpUri)', () => {
    repo.write('.conductor/rules.jsonc', '{ "extends": ["conductor:recommended"] }');
    const log = JSON.parse(repo.run('check', '--format', 'sarif').stdout) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    const rule = log.runs[0].tool.driver.rules.find((x) => x.id === 'security/no-eval');
    assert.match(rule?.helpUri ?? '', /^https:\/\/.*\/rules\/docs\/security\/no-eval\.md$/);
  });

  it('sarif: paths are relative to the repository root when --cwd is a subdirectory', () => {
    repo.write('src/.conductor/rules.jsonc', repo.read('.conductor/rules.jsonc'));
    const log = JSON.parse(repo.run('check', '--cwd', 'src', '--format', 'sarif').stdout) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'src/app.js');
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, new URL(`file://${repo.dir}/`).href);
  });

  it('sarif with a baseline: baselineState and the stale count in run properties', () => {
    repo.run('baseline');
    repo.write('src/clean.js', 'eval(1);\n');
    repo.write('src/notes.md', 'nothing\n');
    const log = JSON.parse(repo.run('check', '--format', 'sarif').stdout) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    assert.deepEqual(
      log.runs[0].results.map((x) => [x.ruleId, x.baselineState]),
      [['security/no-eval', 'new']],
    );
    assert.deepEqual(log.runs[0].properties?.conductor?.baseline, { known: 5, stale: 1 });
  });

  it('sarif: a finding inside an AI-written region carries properties.ai', () => {
    repo.write('src/gen.js', 'ok();\n// @ai-generated begin id=7f3a tool=copilot use=tests\neval(generated);\n// @ai-generated end id=7f3a\n');
    const log = JSON.parse(repo.run('check', 'src/gen.js', '--format', 'sarif').stdout) as SarifLog;
    assert.deepEqual(sarifValidator()(log), []);
    const result = log.runs[0].results.find((x) => x.ruleId === 'security/no-eval');
    assert.equal(result?.properties?.ai?.tool, 'copilot');
    assert.equal(result?.properties?.ai?.blockId, '7f3a');
  });

  it('junit: well-formed XML with testsuites, testcases and failures at or above --fail-on', () => {
    const r = repo.run('check', '--format', 'junit');
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    const root = parseXml(r.stdout);
    assert.equal(root.name, 'testsuites');
    assert.equal(root.attributes.tests, '6');
    assert.equal(root.attributes.failures, '3');
    const suites = root.children.filter((c) => c.name === 'testsuite');
    assert.deepEqual(
      suites.map((s) => s.attributes.name),
      ['src/app.js', 'src/dir with space/x.js', 'src/notes.md'],
    );
    const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
    assert.equal(cases.length, 6);
    const failures = cases.flatMap((c) => c.children.filter((x) => x.name === 'failure'));
    assert.deepEqual(
      failures.map((f) => f.attributes.type),
      ['error', 'error', 'error'],
    );
    const todo = cases.find((c) => c.attributes.name.startsWith('team/todo'));
    assert.equal(todo?.children[0].name, 'system-out');
    assert.match(todo?.children[0].text ?? '', /Resolve the TODO\./);
    const warnRoot = parseXml(repo.run('check', '--format', 'junit', '--fail-on', 'warning').stdout);
    assert.equal(warnRoot?.attributes.failures, '5');
    const clean = parseXml(repo.run('check', 'src/clean.js', '--format', 'junit').stdout);
    assert.equal(clean?.attributes.tests, '1');
    assert.equal(clean?.attributes.failures, '0');
  });

  it('junit escapes markup and control characters from messages', () => {
    repo.write('.conductor/rules.jsonc', '{ "patterns": [ { "id": "team/markup", "regex": "<(\\\\w+)>", "message": "Tag <$1> & \\"quotes\\" \\u0001 here", "severity": "error" } ] }');
    repo.write('src/t.html', '<div>\n');
    const r = repo.run('check', 'src/t.html', '--format', 'junit');
    assert.match(r.stdout, /Tag &lt;div&gt; &amp; &quot;quotes&quot; \uFFFD here/);
    parseXml(r.stdout);
  });
});
