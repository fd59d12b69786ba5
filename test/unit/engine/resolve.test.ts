import * as assert from 'node:assert/strict';
import * as path from 'path';
import { loadConfig } from '../../../server/src/engine/config/resolve';
import { MEM_ROOT, RULE_FILE, describeProblems, load, memoryHost, policyOf, problemsOf } from '../../helpers/engine';
import { BUILTIN_DIR } from '../../helpers/paths';

const base = (file: string): string => path.join(MEM_ROOT, '.conductor', file);
const pattern = (id: string, severity = 'warning', extra: object = {}): object => ({ id, regex: id.split('/')[1], message: id, severity, ...extra });

describe('engine: extends and merging', () => {
  it('conductor:NAME resolves to rules/NAME.jsonc in the built-in folder', () => {
    const loaded = load({ '.conductor/rules.jsonc': { extends: ['conductor:recommended'] } });
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, [RULE_FILE, path.join(BUILTIN_DIR, 'recommended.jsonc')]);
    const rules = loaded.policy?.rulesFor('src/a.ts');
    assert.equal(rules?.get('security/no-eval')?.severity, 'warning');
    assert.equal(rules?.get('security/no-eval')?.origin, 'conductor:recommended');
  });

  it('an unknown built-in is a missing target, reported at its extends entry', () => {
    const problems = problemsOf('{\n  "extends": [\n    "conductor:recommended",\n    "conductor:nope"\n  ]\n}');
    assert.equal(problems.length, 1, describeProblems(problems));
    assert.equal(problems[0].file, RULE_FILE);
    assert.deepEqual(problems[0].range, { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } });
    assert.match(problems[0].message, /Cannot find ruleset conductor:nope/);
  });

  it('a missing relative target is reported at its extends entry', () => {
    const problems = problemsOf('{\n  "extends": ["./missing.jsonc"]\n}');
    assert.equal(problems.length, 1);
    assert.deepEqual([problems[0].range.start.line, problems[0].range.start.character], [1, 14]);
    assert.match(problems[0].message, /Cannot find ruleset .*missing\.jsonc/);
  });

  it('relative extends resolve against the referring file, also from nested files', () => {
    const loaded = load({
      '.conductor/rules.jsonc': { extends: ['./team.jsonc'] },
      '.conductor/team.jsonc': { extends: ['../shared/org.jsonc'], patterns: [pattern('team/a')] },
      'shared/org.jsonc': { patterns: [pattern('org/b')] },
    });
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, [RULE_FILE, base('team.jsonc'), path.join(MEM_ROOT, 'shared', 'org.jsonc')]);
    const rules = loaded.policy?.rulesFor('x.ts');
    assert.equal(rules?.get('team/a')?.origin, '.conductor/team.jsonc');
    assert.equal(rules?.get('org/b')?.origin, path.join(MEM_ROOT, 'shared', 'org.jsonc'));
  });

  it('a cycle A → B → A is reported at the extends entry that closes it', () => {
    const files = {
      '.conductor/rules.jsonc': '{\n  "extends": ["./b.jsonc"]\n}',
      '.conductor/b.jsonc': '{\n  "name": "b",\n  "extends": ["./rules.jsonc"]\n}',
    };
    const loaded = load(files);
    assert.equal(loaded.policy, undefined);
    assert.equal(loaded.problems.length, 1, describeProblems(loaded.problems));
    const [p] = loaded.problems;
    assert.equal(p.file, base('b.jsonc'));
    assert.deepEqual(p.range, { start: { line: 2, character: 14 }, end: { line: 2, character: 29 } });
    assert.match(p.message, /Circular "extends": .*rules\.jsonc → .*b\.jsonc → .*rules\.jsonc/);
  });

  it('a file extending itself is a cycle', () => {
    const problems = problemsOf({ extends: ['./rules.jsonc'] });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /Circular/);
  });

  it('a diamond (two files extending the same base) is not a cycle and merges the base once', () => {
    const host = memoryHost({
      '.conductor/rules.jsonc': JSON.stringify({ extends: ['./a.jsonc', './b.jsonc'] }),
      '.conductor/a.jsonc': JSON.stringify({ extends: ['./base.jsonc'] }),
      '.conductor/b.jsonc': JSON.stringify({ extends: ['./base.jsonc'] }),
      '.conductor/base.jsonc': JSON.stringify({ patterns: [pattern('base/x')] }),
    });
    const { config, problems } = loadConfig(RULE_FILE, host);
    assert.deepEqual(problems, []);
    assert.equal(config.files.filter((f) => f === base('base.jsonc')).length, 1);
    assert.ok(config.patterns.has('base/x'));
  });

  it('errors inside an extended file are reported there and at the extends entry', () => {
    const loaded = load({
      '.conductor/rules.jsonc': '{\n  "extends": ["./bad.jsonc"]\n}',
      '.conductor/bad.jsonc': '{\n  "nmae": "typo"\n}',
    });
    assert.equal(loaded.policy, undefined);
    const byFile = loaded.problems.map((p) => [p.file, p.range.start.line, p.range.start.character]);
    assert.deepEqual(byFile, [
      [base('bad.jsonc'), 1, 2],
      [RULE_FILE, 1, 14],
    ]);
    assert.match(loaded.problems[1].message, /has 1 error\(s\)/);
  });

  describe('merge precedence: later files win, the entry file last', () => {
    const files = {
      '.conductor/a.jsonc': { patterns: [pattern('p/one', 'hint')], rules: { 'p/one': 'info' } },
      '.conductor/b.jsonc': { rules: { 'p/one': 'warning' } },
    };
    it('the later of two extends wins', () => {
      const policy = policyOf({ extends: ['./a.jsonc', './b.jsonc'] }, files);
      assert.equal(policy.rulesFor('x.ts').get('p/one')?.severity, 'warning');
      assert.equal(policy.rulesFor('x.ts').get('p/one')?.origin, '.conductor/b.jsonc');
    });
    it('order of extends matters', () => {
      const policy = policyOf({ extends: ['./b.jsonc', './a.jsonc'] }, files);
      assert.equal(policy.rulesFor('x.ts').get('p/one')?.severity, 'info');
    });
    it('the entry file wins over everything it extends', () => {
      const policy = policyOf({ extends: ['./a.jsonc', './b.jsonc'], rules: { 'p/one': 'error' } }, files);
      assert.equal(policy.rulesFor('x.ts').get('p/one')?.severity, 'error');
      assert.equal(policy.rulesFor('x.ts').get('p/one')?.origin, '.conductor/rules.jsonc');
    });
    it('a pattern redefined later replaces the earlier definition', () => {
      const policy = policyOf({ extends: ['./a.jsonc'], patterns: [pattern('p/one', 'error', { regex: 'two' })] }, files);
      const [p] = policy.patternsFor('x.ts');
      assert.equal(p.regex, 'two');
      assert.equal(p.origin, '.conductor/rules.jsonc');
    });
    it('the entry file can turn an inherited rule off', () => {
      const policy = policyOf({ extends: ['conductor:recommended'], rules: { 'security/no-eval': 'off' } });
      const rules = policy.rulesFor('x.ts');
      assert.equal(rules.has('security/no-eval'), false);
      assert.equal(rules.has('security/no-new-function'), true);
    });
    it('the entry name wins; without one the entry path is the name', () => {
      assert.equal(policyOf({ name: 'team', extends: ['conductor:recommended'] }).name, 'team');
      assert.equal(policyOf({ extends: ['conductor:recommended'] }).name, '.conductor/rules.jsonc');
    });
    it('ignore globs accumulate across files', () => {
      const policy = policyOf({ extends: ['./i.jsonc'], ignore: ['gen/**'] }, { '.conductor/i.jsonc': { ignore: ['vendor/**'] } });
      assert.deepEqual(policy.resolved.ignore, ['vendor/**', 'gen/**']);
      assert.equal(policy.isIgnored('vendor/x.js'), true);
      assert.equal(policy.isIgnored('gen/y.ts'), true);
      assert.equal(policy.isIgnored('src/y.ts'), false);
    });
  });

  describe('unknown rule ids', () => {
    it('in "rules": reported at the key', () => {
      const problems = problemsOf('{\n  "extends": ["conductor:recommended"],\n  "rules": {\n    "security/no-evil": "error"\n  }\n}');
      assert.equal(problems.length, 1, describeProblems(problems));
      assert.deepEqual(problems[0].range, { start: { line: 3, character: 4 }, end: { line: 3, character: 22 } });
      assert.match(problems[0].message, /Unknown rule id "security\/no-evil"\. Known ids in "security\/": .*security\/no-eval/);
    });

    it('in an override: reported at the key inside that override', () => {
      const text = [
        '{',
        '  "extends": ["conductor:recommended"],',
        '  "overrides": [',
        '    { "files": ["a/**"], "rules": { "security/no-eval": "off" } },',
        '    { "files": ["b/**"], "rules": { "team/nope": "off" } }',
        '  ]',
        '}',
      ].join('\n');
      const problems = problemsOf(text);
      assert.equal(problems.length, 1, describeProblems(problems));
      assert.deepEqual(problems[0].range, { start: { line: 4, character: 36 }, end: { line: 4, character: 47 } });
      assert.match(problems[0].message, /Unknown rule id "team\/nope"\. Is the ruleset that defines it in "extends"\?/);
    });

    it('ids defined by patterns of any file in the chain and code rules are known', () => {
      const problems = problemsOf(
        { extends: ['./p.jsonc'], rules: { 'p/defined': 'error', 'conductor/unused-suppression': 'off' } },
        { '.conductor/p.jsonc': { patterns: [pattern('p/defined')] } },
      );
      assert.deepEqual(problems, []);
    });

    it('a pattern may not take a built-in rule id', () => {
      const problems = problemsOf({ patterns: [pattern('conductor/unused-suppression')] });
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /built-in rule id/);
    });
  });
});
