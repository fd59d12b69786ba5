import * as assert from 'node:assert/strict';
import * as path from 'path';
import { DEFAULT_RULESET, findRuleFile, loadWorkspaceConfig } from '../../../server/src/engine';
import { codeRules } from '../../../server/src/engine/registry/registry';
import { MEM_ROOT, RULE_FILE, check, load, memoryHost } from '../../helpers/engine';
import { BUILTIN_DIR } from '../../helpers/paths';

describe('engine: loadWorkspaceConfig', () => {
  it('a workspace without a rule file uses conductor:recommended', () => {
    const loaded = load({ 'src/a.ts': 'eval(x)' });
    assert.equal(DEFAULT_RULESET, 'conductor:recommended');
    assert.equal(loaded.ruleFile, undefined);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.files, [path.join(BUILTIN_DIR, 'recommended.jsonc')]);
    assert.ok(loaded.policy);
    assert.equal(loaded.policy.name, 'conductor:recommended');
    const findings = check(loaded.policy, 'src/a.ts', 'const y = eval(x);\n');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.origin]), [['security/no-eval', 'warning', 'conductor:recommended']]);
  });

  it('finds .conductor/rules.jsonc, else .conductor/rules.json', () => {
    const json = path.join(MEM_ROOT, '.conductor', 'rules.json');
    assert.equal(findRuleFile(MEM_ROOT, memoryHost({ '.conductor/rules.json': '{}' })), json);
    assert.equal(findRuleFile(MEM_ROOT, memoryHost({ '.conductor/rules.json': '{}', '.conductor/rules.jsonc': '{}' })), RULE_FILE);
    assert.equal(findRuleFile(MEM_ROOT, memoryHost({})), undefined);
  });

  it('a rule file that extends nothing has only its own rules (plus code rules)', () => {
    const loaded = load({ '.conductor/rules.jsonc': { name: 'bare' } });
    assert.equal(loaded.ruleFile, RULE_FILE);
    assert.equal(loaded.policy?.name, 'bare');
    const enabledCodeRules = codeRules().filter((r) => r.defaultSeverity !== 'off').map((r) => r.id);
    const ids = [...(loaded.policy?.rulesFor('a.ts').keys() ?? [])];
    assert.deepEqual(ids.sort(), enabledCodeRules.sort());
    assert.ok(ids.includes('conductor/unused-suppression'));
    assert.equal(loaded.policy?.patternsFor('a.ts').length, 0);
  });

  it('an explicit rule file (conductor.configFile / --config) is used instead of the default one', () => {
    const loaded = load({ '.conductor/rules.jsonc': { name: 'default' }, 'cfg/strict.jsonc': { name: 'strict' } }, 'cfg/strict.jsonc');
    assert.equal(loaded.ruleFile, path.join(MEM_ROOT, 'cfg', 'strict.jsonc'));
    assert.equal(loaded.policy?.name, 'strict');
  });

  it('with any error the policy is undefined, and problems and files are still reported', () => {
    const loaded = load({ '.conductor/rules.jsonc': '{\n  "extends": ["conductor:recommended"],\n  "rules": { "security/no-eval": "loud" }\n}' });
    assert.equal(loaded.policy, undefined);
    assert.equal(loaded.ruleFile, RULE_FILE);
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].range.start.line, 2);
    assert.deepEqual(loaded.files, [RULE_FILE]);
  });

  it('an explicit rule file that does not exist is an error at the file', () => {
    const host = memoryHost({});
    const loaded = loadWorkspaceConfig(MEM_ROOT, host, 'nope.jsonc');
    assert.equal(loaded.policy, undefined);
    assert.equal(loaded.problems.length, 1);
    assert.equal(loaded.problems[0].file, path.join(MEM_ROOT, 'nope.jsonc'));
    assert.match(loaded.problems[0].message, /Cannot find ruleset/);
  });
});
