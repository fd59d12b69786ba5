import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { isTestFile, testFileCandidates } from '../../../server/src/engine/ai-policy';
import { aiBrief, check, fileWithBlock, loadRules, removeWorkspaces } from './helpers';

describe('ai-policy: inference and test lookup', () => {
  after(removeWorkspaces);

  const TEST_FILES: [string, boolean][] = [
    ['src/a.test.ts', true],
    ['src/a.spec.js', true],
    ['test/helpers/x.ts', true],
    ['pkg/tests/x.py', true],
    ['src/__tests__/a.tsx', true],
    ['test_models.py', true],
    ['app/models_test.py', true],
    ['cmd/server_test.go', true],
    ['src/a.ts', false],
    ['src/testing.ts', false],
    ['src/contest/a.ts', false],
    ['attest_x.py', false],
  ];
  for (const [p, expected] of TEST_FILES) {
    it(`isTestFile(${p}) = ${expected}`, () => {
      assert.equal(isTestFile(p), expected);
    });
  }

  it('test candidates for a TypeScript source', () => {
    const c = testFileCandidates('src/a/x.ts');
    assert.deepEqual(c.slice(0, 8), [
      'src/a/x.test.ts',
      'src/a/x.test.tsx',
      'src/a/x.spec.ts',
      'src/a/x.spec.tsx',
      'src/a/__tests__/x.ts',
      'src/a/__tests__/x.tsx',
      'src/a/__tests__/x.test.ts',
      'src/a/__tests__/x.test.tsx',
    ]);
    for (const p of ['test/a/x.test.ts', 'test/src/a/x.test.ts', 'test/x.test.ts', 'tests/a/x.spec.ts', 'tests/src/a/x.test.tsx']) {
      assert.ok(c.includes(p), p);
    }
    assert.equal(new Set(c).size, c.length, 'no duplicates');
    assert.ok(c.every((p) => isTestFile(p)), 'every candidate is a test file');
  });

  it('test candidates for a top-level file, JavaScript, Python and Go', () => {
    assert.deepEqual(testFileCandidates('x.mjs').slice(0, 3), ['x.test.mjs', 'x.test.js', 'x.test.jsx']);
    assert.ok(testFileCandidates('x.mjs').includes('test/x.test.js'));
    assert.deepEqual(testFileCandidates('app/models/user.py'), [
      'app/models/test_user.py',
      'app/models/user_test.py',
      'app/models/tests/test_user.py',
      'test/models/test_user.py',
      'test/app/models/test_user.py',
      'test/test_user.py',
      'tests/models/test_user.py',
      'tests/app/models/test_user.py',
      'tests/test_user.py',
    ]);
    assert.deepEqual(testFileCandidates('cmd/server.go'), ['cmd/server_test.go']);
    assert.deepEqual(testFileCandidates('Makefile').slice(0, 2), ['Makefile.test', 'Makefile.spec']);
  });

  it('requiresTest with the host looking at a real workspace', () => {
    const loaded = loadRules({ ai: { useCases: { boilerplate: { paths: ['src/**'], requiresTest: true } } } }, { 'src/util.ts': 'x', 'tests/util.test.ts': 'y', 'src/lone.ts': 'z' });
    assert.ok(loaded.policy);
    const fileExists = (rel: string): boolean => fs.existsSync(path.join(loaded.ws.root, ...rel.split('/')));
    const block = fileWithBlock({ use: 'boilerplate' });
    assert.deepEqual(aiBrief(check(loaded.policy, 'src/util.ts', block, { fileExists })), []);
    assert.deepEqual(aiBrief(check(loaded.policy, 'src/lone.ts', block, { fileExists })), [['ai/missing-test', 'warning']]);
  });

  it('the test lookup runs once per file, however many blocks', () => {
    const loaded = loadRules({ ai: { useCases: { boilerplate: { paths: ['src/**'], requiresTest: true } } } });
    assert.ok(loaded.policy);
    const asked: string[] = [];
    const text = [fileWithBlock({ id: 'aaaa', use: 'boilerplate' }), fileWithBlock({ id: 'bbbb', use: 'boilerplate' })].join('');
    const findings = check(loaded.policy, 'src/x.ts', text, { fileExists: (p) => (asked.push(p), false) });
    assert.deepEqual(aiBrief(findings), [['ai/missing-test', 'warning'], ['ai/missing-test', 'warning']]);
    assert.equal(asked.length, testFileCandidates('src/x.ts').length);
  });

  it('docs inference needs a comment: blank-only blocks and docstrings are code', () => {
    const loaded = loadRules({ ai: { useCases: { docs: { paths: ['**'] } }, unclassified: 'forbid' } });
    assert.ok(loaded.policy);
    const judge = (p: string, body: string[], comment = '//'): string[] => aiBrief(check(loaded.policy!, p, fileWithBlock({ body, comment }))).map(([id]) => id);
    assert.deepEqual(judge('a.ts', ['// one', '/* two */ /* three */', '   ', '/*', ' four', '*/']), []);
    assert.deepEqual(judge('a.ts', ['', '  ']), ['ai/use-case-not-approved']);
    assert.deepEqual(judge('a.ts', ['// doc', 'code();']), ['ai/use-case-not-approved']);
    assert.deepEqual(judge('a.ts', ['/* doc */ code();']), ['ai/use-case-not-approved']);
    assert.deepEqual(judge('a.py', ['# a comment'], '#'), [], 'python comment');
    assert.deepEqual(judge('a.py', ['"""A docstring."""'], '#'), ['ai/use-case-not-approved']);
  });

  it('documentation files infer docs', () => {
    const loaded = loadRules({ ai: { useCases: { docs: { paths: ['**'] } }, unclassified: 'forbid' } });
    assert.ok(loaded.policy);
    const text = ['# Title', '<!-- @ai-generated begin id=a1b2 tool=copilot -->', 'Some prose.', '<!-- @ai-generated end id=a1b2 -->', ''].join('\n');
    assert.deepEqual(aiBrief(check(loaded.policy, 'README.md', text)), []);
  });
});
