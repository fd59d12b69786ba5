// The sidecar store through the built CLI on real git repositories: conversion both ways, the ai/*
// rule table in both stores, re-anchoring across edits and history rewrites, tampered records.
import * as assert from 'node:assert/strict';
import { assertCliBuilt } from './run-cli';
import { TempRepo, type JsonReport } from './gate/helpers';

const AI_POLICY = {
  useCases: {
    tests: { paths: ['test/**'] },
    boilerplate: { paths: ['src/**'], maxLines: 3, requiresTest: true },
  },
  forbidden: [{ paths: ['src/auth/**'], reason: 'humans only' }],
  excluded: ['secrets/**'],
  review: { required: true, allowSelfReview: false },
  unclassified: 'forbid',
};

const rules = (store: 'markers' | 'sidecar'): string =>
  JSON.stringify(
    {
      patterns: [{ id: 'team/ai-todo', regex: 'TODO', message: 'Resolve the TODO in AI code.', severity: 'warning', in: 'any', aiOnly: true }],
      ai: AI_POLICY,
      provenance: { store },
      ignore: ['.conductor/**'],
    },
    null,
    2,
  );

// Markers in the order and form the writer emits them, so a round trip gives back the same bytes.
const FILES: Record<string, string> = {
  'src/auth/login.ts': ['export function login() {', '  // @ai-generated begin id=a001 tool=copilot use=boilerplate', '  return true;', '  // @ai-generated end id=a001', '}', ''].join('\n'),
  'secrets/key.ts': ['// @ai-generated begin id=a002 tool=claude use=boilerplate', 'export const k = 1;', '// @ai-generated end id=a002', ''].join('\n'),
  'src/util.ts': [
    '// TODO human',
    '// @ai-generated begin id=a003 tool=copilot use=boilerplate at=2026-11-24T10:31Z model=openai/gpt-4o',
    'export function one() {',
    '  return 1; // TODO ai',
    '}',
    'export const two = 2;',
    '// @ai-generated end id=a003',
    '',
  ].join('\n'),
  'src/other.py': [
    '# @ai-generated begin id=a004 tool=copilot use=nope',
    'x = 1',
    '# @ai-generated end id=a004',
    'y = 2',
    '# @ai-generated begin id=a005 tool=copilot',
    'z = 3',
    '# @ai-generated end id=a005',
    '',
  ].join('\n'),
  'src/self.ts': [
    '/* a header */',
    '// @ai-generated begin id=a006 tool=copilot use=boilerplate accepted-by=ana@example.com reviewed-by=ana@example.com reviewed-at=2026-11-25T09:00Z',
    'export const s = 1;',
    '// @ai-generated end id=a006',
    '',
  ].join('\n'),
  'src/reviewed.ts': [
    '// @ai-generated begin id=a007 tool=copilot use=boilerplate reviewed-by=bo@example.com',
    'export const r = 1;',
    '// @ai-generated end id=a007',
    'export const h = 2;',
    '',
  ].join('\n'),
  'test/a.test.ts': ['// @ai-generated begin id=a008 tool=copilot use=tests reviewed-by=bo@example.com reviewed-at=2026-11-25T09:00Z', 'test();', '// @ai-generated end id=a008', ''].join('\n'),
};

/**
 * The findings as `path ruleId severity message`, with line numbers left out (markers take lines,
 * records none). `model=` is a field the marker grammar does not know (a hint in markers mode only).
 */
function table(r: JsonReport): string[] {
  return r.results
    .flatMap((f) => f.findings.map((x) => `${f.path} ${x.ruleId} ${x.severity} ${x.message}`))
    .filter((l) => !l.includes('provenance/unknown-marker-key hint Unknown marker field "model"'))
    .sort();
}

/** Lines that are not markers: the code. */
const code = (text: string): string => text.split('\n').filter((l) => !l.includes('@ai-generated')).join('\n');

interface JsonRegion {
  file: string;
  id: string;
  startLine: number;
  endLine: number;
  tool: string;
  useCase: string | null;
  reviewed: boolean;
}
const regions = (repo: TempRepo): JsonRegion[] => {
  const r = repo.run('provenance', '--format', 'json');
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { regions: JsonRegion[] }).regions;
};
const spans = (repo: TempRepo): string[] => regions(repo).map((r) => `${r.file}:${r.startLine}-${r.endLine} ${r.id}`);

describe('sidecar store (built CLI, real git repositories)', function () {
  this.timeout(120_000);
  before(assertCliBuilt);

  describe('conversion and the ai/* rule table', () => {
    let repo: TempRepo;
    before(() => {
      repo = new TempRepo(FILES, { rules: rules('markers') });
      repo.commitAll('markers');
    });
    after(() => repo.remove());

    it('fires the same ai/* findings from markers and from sidecar records, and converts back to the same bytes', () => {
      const withMarkers = repo.json('check');
      const expected = table(withMarkers);
      for (const id of ['ai/forbidden-path', 'ai/excluded-path', 'ai/block-too-large', 'ai/missing-test', 'ai/unreviewed', 'ai/unknown-use-case', 'ai/use-case-not-approved', 'ai/self-review', 'ai/malformed-review', 'team/ai-todo']) {
        assert.ok(expected.some((l) => l.split(' ')[1] === id), `${id} fires in markers mode:\n${expected.join('\n')}`);
      }
      assert.equal(expected.filter((l) => l.includes('team/ai-todo')).length, 1, 'the TODO outside the block is not reported');
      const before = regions(repo);

      repo.write('.conductor/rules.jsonc', rules('sidecar'));
      const conv = repo.run('provenance', '--convert', 'markers-to-sidecar');
      assert.equal(conv.status, 0, conv.stderr);
      assert.match(conv.stdout, /Converted 8 AI block\(s\) in 7 file\(s\)\./);
      for (const [p, text] of Object.entries(FILES)) {
        assert.equal(repo.read(p), code(text), `${p}: only the marker lines are gone`);
        assert.ok(repo.exists(`.conductor/provenance/${p}.json`), `${p} has a record`);
      }
      const withSidecar = repo.json('check');
      assert.deepEqual(table(withSidecar), expected);
      assert.equal(withSidecar.status, withMarkers.status);
      // Same blocks, each now on its code lines without the markers around them.
      assert.deepEqual(
        regions(repo).map((r) => `${r.file} ${r.id} ${r.tool} ${r.useCase} ${r.reviewed} ${r.endLine - r.startLine}`),
        before.map((r) => `${r.file} ${r.id} ${r.tool} ${r.useCase} ${r.reviewed} ${r.endLine - r.startLine}`),
      );

      repo.write('.conductor/rules.jsonc', rules('markers'));
      const back = repo.run('provenance', '--convert', 'sidecar-to-markers');
      assert.equal(back.status, 0, back.stderr);
      for (const [p, text] of Object.entries(FILES)) {
        assert.equal(repo.read(p), text, `${p} is byte for byte what it was`);
        assert.ok(!repo.exists(`.conductor/provenance/${p}.json`), `${p}'s record is gone`);
      }
      assert.deepEqual(table(repo.json('check')), expected);
    });
  });

  describe('re-anchoring through edits and git history', () => {
    let repo: TempRepo;
    const base = ['import { x } from "./x";', '', 'export function human() {', '  return x;', '}', ''].join('\n');
    const ai = ['// @ai-generated begin id=b001 tool=claude use=boilerplate', 'export function sum(a: number[]): number {', '  return a.reduce((s, v) => s + v, 0);', '}', '// @ai-generated end id=b001'].join('\n');

    beforeEach(() => {
      repo = new TempRepo({ 'src/a.ts': base }, { rules: rules('sidecar') });
      repo.commitAll('base');
    });
    afterEach(() => repo.remove());

    /** On a branch `feature`: the AI block appended to src/a.ts, recorded in the sidecar. */
    const featureWithAiBlock = (): void => {
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('src/a.ts', base + ai + '\n');
      assert.equal(repo.run('provenance', '--convert', 'markers-to-sidecar').status, 0);
      repo.commitAll('AI sum');
    };
    /** On main: three human lines at the top of src/a.ts. */
    const mainWithLinesAbove = (): void => {
      repo.git('checkout', '-q', 'main');
      repo.write('src/a.ts', '// one\n// two\n// three\n' + base);
      repo.commitAll('header');
    };

    it('follows inserts above and a move within the file', () => {
      featureWithAiBlock();
      assert.deepEqual(spans(repo), ['src/a.ts:6-8 b001']);
      repo.write('src/a.ts', '// new 1\n// new 2\n' + repo.read('src/a.ts'));
      assert.deepEqual(spans(repo), ['src/a.ts:8-10 b001']);
      const lines = repo.read('src/a.ts').split('\n');
      const moved = [...lines.slice(7, 10), ...lines.slice(0, 7), ...lines.slice(10)];
      repo.write('src/a.ts', moved.join('\n'));
      assert.deepEqual(spans(repo), ['src/a.ts:1-3 b001']);
    });

    it('shrinks a block around a line a human changed and drops one whose lines are gone', () => {
      featureWithAiBlock();
      repo.write('src/a.ts', repo.read('src/a.ts').replace('  return a.reduce((s, v) => s + v, 0);', '  let t = 0; for (const v of a) t += v; return t;'));
      assert.deepEqual(spans(repo), ['src/a.ts:6-6 b001', 'src/a.ts:8-8 b001']);
      repo.write('src/a.ts', base);
      assert.deepEqual(spans(repo), []);
      assert.match(repo.run('provenance').stdout, /1 recorded block\(s\) dropped: their lines are gone\./);
    });

    it('survives git rebase', () => {
      featureWithAiBlock();
      mainWithLinesAbove();
      repo.git('checkout', '-q', 'feature');
      repo.git('rebase', '-q', 'main');
      assert.deepEqual(spans(repo), ['src/a.ts:9-11 b001']);
    });

    it('survives git cherry-pick', () => {
      featureWithAiBlock();
      mainWithLinesAbove();
      repo.git('cherry-pick', 'feature');
      assert.deepEqual(spans(repo), ['src/a.ts:9-11 b001']);
    });

    it('a git merge conflict in a record fails closed: the whole file counts as unreviewed AI code', () => {
      featureWithAiBlock();
      repo.git('checkout', '-q', 'main');
      repo.write('src/a.ts', '// @ai-generated begin id=c001 tool=copilot use=boilerplate\nexport const top = 1;\n// @ai-generated end id=c001\n' + base);
      assert.equal(repo.run('provenance', '--convert', 'markers-to-sidecar').status, 0);
      repo.commitAll('AI top');
      assert.throws(() => repo.git('merge', '-q', 'feature'));
      assert.match(repo.read('.conductor/provenance/src/a.ts.json'), /^<<<<<<< /m);
      const r = repo.json('check');
      const out = r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));
      assert.ok(out.includes('src/a.ts:1 provenance/invalid-marker'), out.join('\n'));
      assert.ok(out.includes('src/a.ts:1 ai/unreviewed'), out.join('\n'));
      assert.equal(r.status, 1);
    });

    it('survives git merge --squash', () => {
      featureWithAiBlock();
      mainWithLinesAbove();
      repo.git('merge', '--squash', 'feature');
      repo.commitAll('squashed');
      assert.deepEqual(spans(repo), ['src/a.ts:9-11 b001']);
      assert.equal(repo.json('check').results.flatMap((f) => f.findings).filter((f) => f.ruleId === 'ai/unreviewed').length, 1);
    });
  });

  describe('fail closed', () => {
    let repo: TempRepo;
    const record = '.conductor/provenance/src/auth/login.ts.json';
    beforeEach(() => {
      repo = new TempRepo({ 'src/auth/login.ts': FILES['src/auth/login.ts'], 'src/auth/other.ts': 'export const human = 1;\n' }, { rules: rules('sidecar') });
      assert.equal(repo.run('provenance', '--convert', 'markers-to-sidecar').status, 0);
      repo.commitAll('sidecar');
    });
    afterEach(() => repo.remove());

    const findings = (): string[] => repo.json('check').results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.severity}`));

    it('reports a record moved by hand onto other lines, and still counts its lines as AI', () => {
      assert.deepEqual(findings(), ['src/auth/login.ts:2 ai/forbidden-path error']);
      const json = JSON.parse(repo.read(record));
      json.files[0].conversations[0].ranges[0].start_line = 1;
      json.files[0].conversations[0].ranges[0].end_line = 1;
      repo.write(record, JSON.stringify(json, null, 2));
      const r = repo.json('check', '--fail-on', 'error');
      assert.equal(r.status, 1);
      const out = r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.severity}`));
      assert.ok(out.includes('src/auth/login.ts:1 provenance/invalid-marker error'), out.join('\n'));
      assert.ok(out.includes('src/auth/login.ts:1 ai/forbidden-path error'), out.join('\n'));
      assert.match(r.results[0].findings.find((f) => f.ruleId === 'provenance/invalid-marker')!.message, /does not match lines 1–1 of the unchanged file/);
    });

    it('reports a line hash edited by hand (content_hash no longer matches)', () => {
      const json = JSON.parse(repo.read(record));
      json.metadata['dev.conductor'].blocks[0].lines[0] = '00000000000000';
      repo.write(record, JSON.stringify(json, null, 2));
      const out = findings();
      assert.ok(out.includes('src/auth/login.ts:2 provenance/invalid-marker error'), out.join('\n'));
      assert.ok(out.includes('src/auth/login.ts:2 ai/forbidden-path error'), out.join('\n'));
    });

    it('counts the whole file as AI when its record is not valid JSON, and fails the gate', () => {
      repo.write(record, '{ "version": "0.1.0", ');
      const r = repo.json('check', '--fail-on', 'error');
      assert.equal(r.status, 1);
      const out = r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId} ${x.severity}`));
      assert.deepEqual(out.filter((l) => l.startsWith('src/auth/login.ts:1 ')).sort(), ['src/auth/login.ts:1 ai/forbidden-path error', 'src/auth/login.ts:1 provenance/invalid-marker error']);
    });

    it('reports AI lines whose record a change deleted (ai/attribution-removed), but not a reviewed block\'s', () => {
      repo.write('src/util.ts', FILES['src/util.ts']);
      repo.write('src/reviewed.ts', FILES['src/reviewed.ts']);
      assert.equal(repo.run('provenance', '--convert', 'markers-to-sidecar').status, 0);
      repo.commitAll('two AI blocks');
      assert.deepEqual(repo.json('check', '--changed-since', 'HEAD').results.flatMap((f) => f.findings).filter((f) => f.ruleId === 'ai/attribution-removed'), []);
      repo.git('rm', '-q', '.conductor/provenance/src/util.ts.json', '.conductor/provenance/src/reviewed.ts.json');
      repo.commitAll('strip the records');
      const r = repo.json('check', '--changed-since', 'HEAD~1');
      const removed = r.results.flatMap((f) => f.findings.filter((x) => x.ruleId === 'ai/attribution-removed').map((x) => `${f.path}:${x.line} ${x.severity}`));
      assert.deepEqual(removed, ['src/util.ts:2 error']);
      assert.equal(r.status, 1);
    });

    it('refuses a record that names another file', () => {
      repo.write('.conductor/provenance/src/auth/other.ts.json', repo.read(record));
      const out = findings();
      assert.ok(out.includes('src/auth/other.ts:1 provenance/invalid-marker error'), out.join('\n'));
    });
  });
});
