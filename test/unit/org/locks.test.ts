import * as assert from 'node:assert/strict';
import * as path from 'path';
import { loadWorkspaceConfig, type ConfigProblem, type LoadedConfig, type Policy } from '../../../server/src/engine';
import { compileBoundaries } from '../../../server/src/engine/boundaries/config';
import { checkOrgRuleset, effectiveRulesMarkdown, LOCKED_SUPPRESSION, OrgLocks, ruleGlobMatcher, type OrgLayer } from '../../../server/src/engine/org-policy';
import { fingerprints } from '../../../server/src/engine/baseline/fingerprint';
import { applyBaseline, createBaseline } from '../../../server/src/engine/baseline/baseline';
import { BUILTIN_DIR } from '../../helpers/paths';
import { MEM_ROOT, RULE_FILE, check, describeProblems, memoryHost } from '../../helpers/engine';

// Lock semantics of org rulesets (issue 8), table-driven: an org ruleset, a team rule file that
// tries something, the problems that must appear (at their line) and what must stay in force.

const ORG_FILE = path.resolve('/org-cache/acme/ruleset.jsonc');

const ORG = {
  name: 'acme-2026.11',
  extends: ['conductor:recommended'],
  patterns: [
    { id: 'acme/no-md5', regex: '\\bmd5\\(', message: 'No MD5', severity: 'error', in: 'code' },
    { id: 'secrets/acme-token', regex: 'ACME_[A-Z0-9]{16}', message: 'ACME token', severity: 'error' },
  ],
  rules: {
    'security/no-eval': 'error',
    'quality/no-debugger': 'error', // not locked: a team may change it
  },
  overrides: [{ files: ['src/payments/**'], rules: { 'security/no-new-function': 'error' } }],
  ignore: ['vendor/**'],
  ai: {
    forbidden: [{ paths: ['src/payments/**'], reason: 'PCI scope' }],
    review: { required: true, maxUnreviewedDays: 14 },
    useCases: { tests: { paths: ['test/**'], maxLines: 200 } },
    unclassified: 'forbid',
  },
  boundaries: {
    layers: { ui: { paths: ['src/ui/**'] }, domain: { paths: ['src/domain/**'] }, db: { paths: ['src/db/**'] } },
    allow: { ui: ['domain'], domain: [] },
    packages: { requireDeclared: true },
  },
  locked: {
    rules: ['security/no-eval', 'security/*', 'secrets/*', 'acme/no-md5'],
    sections: ['ai.forbidden', 'ai.review', 'ai.useCases', 'ai.unclassified', 'ignore', 'boundaries'],
    reason: 'SOC 2 control CC8.1',
  },
};

function orgLayer(org: object = ORG): OrgLayer {
  return { file: ORG_FILE, text: JSON.stringify(org, null, 2) };
}

function loadWith(team: object | undefined, org: object = ORG, extra: Record<string, string> = {}): { loaded: LoadedConfig; text: string } {
  const text = team === undefined ? '' : JSON.stringify(team, null, 2);
  const files: Record<string, string> = { ...extra };
  if (team !== undefined) {
    files['.conductor/rules.jsonc'] = text;
  }
  return { loaded: loadWorkspaceConfig(MEM_ROOT, memoryHost(files), undefined, orgLayer(org)), text };
}

/** 0-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `"${needle}" not in\n${text}`);
  return i;
}

function policyOf(loaded: LoadedConfig): Policy {
  assert.ok(loaded.policy, `no policy:\n${describeProblems(loaded.problems)}`);
  return loaded.policy;
}

const sev = (p: Policy, id: string, file = 'src/a.ts'): string => p.rulesFor(file).get(id)?.severity ?? 'off';

interface Case {
  name: string;
  team: object;
  /** Expected lock problems: [message fragment, text on the offending line]. */
  problems: [RegExp, string][];
  /** What must hold in the resulting policy. */
  holds: (p: Policy) => void;
}

const CASES: Case[] = [
  {
    name: 'disabling a locked rule → problem at its line, the rule stays at the org severity',
    team: { rules: { 'security/no-eval': 'off' } },
    problems: [[/^locked by org ruleset acme-2026\.11: cannot disable security\/no-eval \(SOC 2 control CC8\.1\)\./, '"security/no-eval": "off"']],
    holds: (p) => assert.equal(sev(p, 'security/no-eval'), 'error'),
  },
  {
    name: 'lowering a locked rule → problem, org severity stays',
    team: { rules: { 'security/no-eval': 'warning' } },
    problems: [[/cannot lower security\/no-eval from error to warning/, '"security/no-eval": "warning"']],
    holds: (p) => assert.equal(sev(p, 'security/no-eval'), 'error'),
  },
  {
    name: 'raising a locked rule is allowed',
    team: { rules: { 'security/no-new-function': 'error' } },
    problems: [],
    holds: (p) => {
      assert.equal(sev(p, 'security/no-new-function'), 'error');
      assert.equal(p.rulesFor('src/a.ts').get('security/no-new-function')?.origin, '.conductor/rules.jsonc');
    },
  },
  {
    name: 'a rule locked by glob (secrets/*) cannot be disabled; the message names the glob',
    team: { rules: { 'secrets/acme-token': 'off' } },
    problems: [[/locked by org ruleset acme-2026\.11 through "secrets\/\*": cannot disable secrets\/acme-token/, '"secrets/acme-token": "off"']],
    holds: (p) => assert.equal(sev(p, 'secrets/acme-token'), 'error'),
  },
  {
    name: 'an override that disables a locked rule for some files → problem, still enforced in those files',
    team: { overrides: [{ files: ['src/legacy/**'], rules: { 'acme/no-md5': 'off' } }] },
    problems: [[/cannot disable acme\/no-md5/, '"acme/no-md5": "off"']],
    holds: (p) => assert.equal(sev(p, 'acme/no-md5', 'src/legacy/old.ts'), 'error'),
  },
  {
    name: "an override that keeps the file-wide severity but undercuts an org override is enforced per file",
    team: { overrides: [{ files: ['src/**'], rules: { 'security/no-new-function': 'warning' } }] },
    problems: [],
    holds: (p) => {
      assert.equal(sev(p, 'security/no-new-function', 'src/payments/pay.ts'), 'error');
      assert.equal(sev(p, 'security/no-new-function', 'src/ui/view.ts'), 'warning');
    },
  },
  {
    name: 'narrowing a locked rule to AI code or lowering its AI severity → problems',
    team: { rules: { 'security/no-eval': { severity: 'error', aiOnly: true }, 'security/no-new-function': { severity: 'warning', aiSeverity: 'hint' } } },
    problems: [
      [/cannot limit security\/no-eval to AI-generated code/, '"aiOnly": true'],
      [/cannot lower security\/no-new-function in AI-generated code from error to hint/, '"aiSeverity": "hint"'],
    ],
    holds: (p) => {
      const r = p.rulesFor('src/a.ts');
      assert.equal(r.get('security/no-eval')?.aiOnly, false);
      assert.equal(r.get('security/no-new-function')?.aiSeverity, 'error');
    },
  },
  {
    name: 'redefining a locked pattern → problem, the org pattern stays',
    team: { patterns: [{ id: 'acme/no-md5', regex: 'NEVER_MATCHES', message: 'x' }] },
    problems: [[/cannot redefine the pattern of acme\/no-md5/, '"id": "acme/no-md5"']],
    holds: (p) => assert.deepEqual(check(p, 'src/a.ts', 'md5(x)\n').map((f) => f.ruleId), ['acme/no-md5']),
  },
  {
    name: 'an unlocked org setting: the team wins (org < team)',
    team: { rules: { 'quality/no-debugger': 'off' } },
    problems: [],
    holds: (p) => assert.equal(sev(p, 'quality/no-debugger'), 'off'),
  },
  {
    name: 'built-in < org: a built-in ruleset the team extends does not override the org',
    team: { extends: ['conductor:recommended'] },
    problems: [],
    holds: (p) => {
      assert.equal(sev(p, 'quality/no-debugger'), 'error'); // recommended says warning, the org error
      assert.equal(sev(p, 'security/no-eval'), 'error');
    },
  },
  {
    name: 'adding ignore globs when ignore is locked → problem, the files are still checked',
    team: { ignore: ['src/**', 'vendor/**'] },
    problems: [[/cannot add the ignore glob "src\/\*\*" \(ignore is locked\)/, '"src/**"']],
    holds: (p) => {
      assert.equal(p.isIgnored('src/a.ts'), false);
      assert.equal(p.isIgnored('vendor/lib.js'), true);
    },
  },
  {
    name: 'ai.forbidden: a team may add forbidden paths, and cannot turn off ai/forbidden-path (locked with the section)',
    team: { ai: { forbidden: [{ paths: ['src/auth/**'], reason: 'auth' }] }, rules: { 'ai/forbidden-path': 'off' } },
    problems: [[/through section ai\.forbidden: cannot disable ai\/forbidden-path/, '"ai/forbidden-path": "off"']],
    holds: (p) => {
      assert.deepEqual(p.resolved.ai?.forbidden.map((f) => f.paths[0]), ['src/payments/**', 'src/auth/**']);
      assert.notEqual(sev(p, 'ai/forbidden-path'), 'off');
    },
  },
  {
    name: 'ai.review: turning review off, allowing self-review or waiting longer → problems; a shorter wait is allowed',
    team: { ai: { review: { required: false, allowSelfReview: true, maxUnreviewedDays: 30 } } },
    problems: [
      [/cannot require human review of AI code in fewer places/, '"required": false'],
      [/cannot allow self-review of AI code/, '"allowSelfReview": true'],
      [/cannot raise ai\.review\.maxUnreviewedDays above 14/, '"maxUnreviewedDays": 30'],
    ],
    holds: (p) => assert.deepEqual(p.resolved.ai?.review, { required: true, allowSelfReview: false, maxUnreviewedDays: 14 }),
  },
  {
    name: 'ai.review: a stricter review is taken',
    team: { ai: { review: { maxUnreviewedDays: 7 } } },
    problems: [],
    holds: (p) => assert.equal(p.resolved.ai?.review?.maxUnreviewedDays, 7),
  },
  {
    name: 'ai.useCases: adding a use case or widening one → problems; narrowing one is allowed',
    team: { ai: { useCases: { docs: { paths: ['**/*.md'] }, tests: { paths: ['**'] } } } },
    problems: [
      [/cannot add the AI use case "docs"/, '"docs": {'],
      [/cannot widen the AI use case "tests": allow it in "\*\*"/, '"tests": {'],
    ],
    holds: (p) => assert.deepEqual([...(p.resolved.ai?.useCases?.values() ?? [])].map((u) => [u.name, u.paths]), [['tests', ['test/**']]]),
  },
  {
    name: 'ai.useCases: narrowing a use case (fewer paths, fewer lines) is taken',
    team: { ai: { useCases: { tests: { paths: ['test/unit/**'], maxLines: 50 } } } },
    problems: [],
    holds: (p) => assert.deepEqual(p.resolved.ai?.useCases?.get('tests')?.paths, ['test/unit/**']),
  },
  {
    name: 'ai.unclassified: forbid cannot become allow',
    team: { ai: { unclassified: 'allow' } },
    problems: [[/cannot allow AI code without a use case/, '"unclassified": "allow"']],
    holds: (p) => assert.equal(p.resolved.ai?.unclassified, 'forbid'),
  },
  {
    name: 'boundaries: letting a layer import more, moving a layer, allowing packages, ignoring type imports → problems',
    team: {
      boundaries: {
        layers: { ui: { paths: ['src/**'] } },
        allow: { ui: ['domain', 'db'], domain: ['db'] },
        deny: [{ from: 'ui', to: 'db', reason: 'team rule' }],
        packages: { requireDeclared: false, allow: ['left-pad'] },
        typeOnlyImports: 'ignore',
      },
    },
    problems: [
      [/cannot redefine the layer "ui"/, '"ui": {'],
      [/cannot let layer "ui" import more layers/, '"ui": ['],
      [/cannot let layer "domain" import more layers/, '"domain": ['],
      [/cannot turn off boundaries\.packages\.requireDeclared/, '"requireDeclared": false'],
      [/cannot allow the undeclared package "left-pad"/, '"left-pad"'],
      [/cannot stop layer-checking type-only imports/, '"typeOnlyImports": "ignore"'],
    ],
    holds: (p) => {
      const b = p.resolved.boundaries;
      assert.ok(b);
      assert.deepEqual(b.layers.get('ui')?.paths, ['src/ui/**']);
      const c = compileBoundaries(b);
      assert.equal(c.decide('ui', 'domain').allowed, true);
      assert.equal(c.decide('ui', 'db').allowed, false);
      assert.equal(c.decide('domain', 'db').allowed, false);
      assert.equal(b.packages.requireDeclared, true);
      assert.deepEqual(b.packages.allow, []);
      assert.equal(b.typeOnlyImports, 'check');
      assert.equal(b.deny.length, 1); // adding a denial is stricter: taken
    },
  },
  {
    name: 'boundaries: a layer only the team declares may get its own allow entry',
    team: { boundaries: { layers: { tools: { paths: ['tools/**'] } }, allow: { tools: ['domain'], ui: [] } } },
    problems: [],
    holds: (p) => {
      const c = compileBoundaries(p.resolved.boundaries!);
      assert.equal(c.decide('tools', 'domain').allowed, true);
      assert.equal(c.decide('ui', 'domain').allowed, false); // narrowing ui's allow-list is taken
    },
  },
  {
    name: '"locked" in a team file is reported and ignored',
    team: { locked: { rules: ['quality/no-debugger'] }, rules: { 'quality/no-debugger': 'off' } },
    problems: [[/"locked" has an effect only in the org ruleset/, '"locked": {']],
    holds: (p) => {
      assert.equal(p.isLocked('quality/no-debugger'), false);
      assert.equal(sev(p, 'quality/no-debugger'), 'off');
    },
  },
];

describe('org rulesets: lock semantics (engine, table-driven)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { loaded, text } = loadWith(c.team);
      const lockProblems = loaded.problems.filter((p) => p.file === RULE_FILE && /^locked by|^"locked" has/.test(p.message));
      assert.deepEqual(
        lockProblems.map((p) => p.severity),
        c.problems.map(() => 'warning'),
        `problems:\n${describeProblems(loaded.problems)}`,
      );
      c.problems.forEach(([message, onLine], i) => {
        const p = lockProblems.find((x) => message.test(x.message));
        assert.ok(p, `no problem matching ${message}:\n${describeProblems(loaded.problems)}`);
        assert.equal(p.range.start.line, lineOf(text, onLine), `line of problem #${i} ${message}`);
      });
      c.holds(policyOf(loaded));
    });
  }
});

describe('org rulesets: layering, isLocked, suppressions', () => {
  it('isLocked: by id, by glob and through a locked section; not for other rules', () => {
    const p = policyOf(loadWith({}).loaded);
    const table: [string, boolean][] = [
      ['security/no-eval', true],
      ['security/tls-verification-disabled', true],
      ['secrets/anything-at-all', true],
      ['acme/no-md5', true],
      ['ai/forbidden-path', true],
      ['ai/unreviewed', true],
      ['ai/attribution-removed', true], // with the ai.review section: deleting markers is no way around a review
      ['boundaries/layer-violation', true],
      ['ai/excluded-path', false], // ai.excluded is not locked in this org ruleset
      ['quality/no-debugger', false],
      ['conductor/unused-suppression', false],
    ];
    assert.deepEqual(table.map(([id]) => [id, p.isLocked(id)]), table);
  });

  it('without an org layer nothing is locked', () => {
    const loaded = loadWorkspaceConfig(MEM_ROOT, memoryHost({ '.conductor/rules.jsonc': '{}' }));
    assert.equal(policyOf(loaded).isLocked('security/no-eval'), false);
  });

  it('an inline suppression of a locked rule has no effect and is reported; other suppressions still work', () => {
    const p = policyOf(loadWith({}).loaded);
    const text = [
      '// conductor-disable-next-line security/no-eval -- we trust this input',
      'eval(input);',
      '// conductor-disable-next-line quality/no-debugger -- debugging session',
      'debugger;',
      '',
    ].join('\n');
    const findings = check(p, 'src/a.ts', text);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line, f.severity]),
      [
        [LOCKED_SUPPRESSION, 0, 'warning'],
        ['security/no-eval', 1, 'error'],
      ],
    );
    assert.match(findings[0].message, /has no effect: "security\/no-eval" is locked by org ruleset acme-2026\.11/);
  });

  it('a workspace without a rule file gets the org ruleset over conductor:recommended', () => {
    const { loaded } = loadWith(undefined);
    const p = policyOf(loaded);
    assert.equal(loaded.ruleFile, undefined);
    assert.equal(p.name, 'conductor:recommended');
    assert.equal(sev(p, 'security/no-eval'), 'error');
    assert.equal(sev(p, 'quality/no-debugger'), 'error');
    assert.ok(loaded.files.includes(ORG_FILE));
  });

  it('the team file name and entry stay the team’s; files list the org copy and the built-ins, not the merge helper', () => {
    const { loaded } = loadWith({ name: 'team-a', extends: ['conductor:data'] });
    const p = policyOf(loaded);
    assert.equal(p.name, 'team-a');
    assert.equal(p.resolved.entry, RULE_FILE);
    assert.ok(loaded.files.includes(RULE_FILE) && loaded.files.includes(ORG_FILE));
    assert.ok(loaded.files.every((f) => !f.includes('.conductor-layers')));
    assert.equal(p.org?.name, 'acme-2026.11');
  });

  it('the org text is used, never what is on disk (or in an editor) at the org file path', () => {
    const loaded = loadWorkspaceConfig(MEM_ROOT, memoryHost({ [ORG_FILE]: '{ "name": "tampered" }' }), undefined, orgLayer());
    assert.equal(policyOf(loaded).org?.name, 'acme-2026.11');
  });

  it('a team rule file with its own error: no policy (the caller keeps the last good one), problems at their place', () => {
    const { loaded } = loadWith({ rules: { 'security/no-eval': 'loud' } });
    assert.equal(loaded.policy, undefined);
    assert.ok(loaded.problems.some((p) => p.file === RULE_FILE && p.severity === 'error'));
    assert.ok(loaded.problems.every((p) => !p.file.includes('.conductor-layers')), describeProblems(loaded.problems));
  });

  describe('a team `ignore` silences only the team\'s rules when `ignore` itself is not locked', () => {
    const ORG_NO_IGNORE_LOCK = { ...ORG, locked: { ...ORG.locked, sections: ORG.locked.sections.filter((s) => s !== 'ignore') } };
    const TEXT = 'const a = eval(input);\nconst h = md5(a);\ndebugger;\n';
    for (const glob of ['src/**', '**/*.ts']) {
      it(`ignore ["${glob}"]: locked rules still report, the team's own rules do not, the glob is reported at its line`, () => {
        const { loaded, text } = loadWith({ ignore: [glob], rules: { 'quality/no-debugger': 'error' } }, ORG_NO_IGNORE_LOCK);
        const p = policyOf(loaded);
        const problem = loaded.problems.find((x) => x.file === RULE_FILE && x.message.includes(`cannot ignore "${glob}" for locked rules`));
        assert.ok(problem, describeProblems(loaded.problems));
        assert.equal(problem.severity, 'warning');
        assert.match(problem.message, /^locked by org ruleset acme-2026\.11: .*applies to this file's own rules only; locked rules still run there\./);
        assert.equal(problem.range.start.line, lineOf(text, `"${glob}"`));
        assert.equal(p.isIgnored('src/a.ts'), false, 'the file is still read for its locked rules');
        assert.deepEqual(
          check(p, 'src/a.ts', TEXT).map((f) => [f.ruleId, f.range.start.line, f.severity]),
          [
            ['security/no-eval', 0, 'error'],
            ['acme/no-md5', 1, 'error'],
          ],
        );
      });
    }

    it("the org's own ignore still applies to locked rules; a file outside the team's globs gets every rule; the listing says so", () => {
      const p = policyOf(loadWith({ ignore: ['src/**'] }, ORG_NO_IGNORE_LOCK).loaded);
      assert.equal(p.isIgnored('vendor/lib.js'), true);
      const md = effectiveRulesMarkdown({ policy: p, root: MEM_ROOT, ruleFile: RULE_FILE, relPath: 'src/a.ts', problems: [], builtinDir: BUILTIN_DIR });
      assert.match(md, /## Never checked \(ignore\)\n\n`vendor\/\*\*`\n/);
      assert.match(md, /## Only locked rules checked \(team ignore\)\n\n`src\/\*\*`\n/);
      assert.deepEqual(
        check(p, 'lib/b.ts', 'debugger;\n').map((f) => f.ruleId),
        ['quality/no-debugger'],
      );
    });

    it('without an org layer (or with no locked rule) the team ignore silences everything, unreported', () => {
      const plain = loadWorkspaceConfig(MEM_ROOT, memoryHost({ '.conductor/rules.jsonc': JSON.stringify({ ignore: ['src/**'] }) }));
      assert.equal(policyOf(plain).isIgnored('src/a.ts'), true);
      const { loaded } = loadWith({ ignore: ['src/**'] }, { name: 'acme', locked: { sections: [] } });
      assert.equal(policyOf(loaded).isIgnored('src/a.ts'), true);
      assert.deepEqual(loaded.problems, []);
    });
  });

  it('a team file may configure rules the org ruleset defines', () => {
    const { loaded } = loadWith({ rules: { 'acme/no-md5': 'error' } });
    assert.deepEqual(loaded.problems, []);
  });
});

describe('org rulesets: checkOrgRuleset and lock matching', () => {
  it('an org ruleset may extend only built-in rulesets', () => {
    const r = checkOrgRuleset({ file: ORG_FILE, text: JSON.stringify({ name: 'x', extends: ['conductor:secrets', './more.jsonc'] }, null, 2) }, memoryHost({}));
    assert.equal(r.config, undefined);
    assert.deepEqual(
      r.problems.map((p: ConfigProblem) => [p.range.start.line, p.severity]),
      [[4, 'error']],
    );
    assert.match(r.problems[0].message, /can extend only built-in rulesets/);
  });

  it('a valid org ruleset: name, locks and its merged config', () => {
    const r = checkOrgRuleset(orgLayer(), memoryHost({}));
    assert.deepEqual(r.problems, []);
    assert.equal(r.name, 'acme-2026.11');
    assert.ok(r.config?.patterns.has('acme/no-md5'));
    assert.equal(r.locks.isSectionLocked('boundaries.packages'), true); // through "boundaries"
    assert.equal(r.locks.isSectionLocked('ai.excluded'), false);
  });

  it('a named team rule file that is missing fails the load under an org layer too (fail closed)', () => {
    const loaded = loadWorkspaceConfig(MEM_ROOT, memoryHost({}), '.conductor/missing.jsonc', orgLayer());
    assert.equal(loaded.policy, undefined);
    assert.deepEqual(
      loaded.problems.map((p) => [p.file, p.message]),
      [[path.join(MEM_ROOT, '.conductor', 'missing.jsonc'), 'Cannot find ruleset .conductor/missing.jsonc']],
    );
  });

  it('the team rule file is read once under an org layer (no second parse of the layers)', () => {
    const host = memoryHost({ '.conductor/rules.jsonc': JSON.stringify({ rules: { 'acme/no-md5': 'error' } }) });
    assert.ok(loadWorkspaceConfig(MEM_ROOT, host, undefined, orgLayer()).policy);
    assert.equal(host.reads.filter((f) => f === RULE_FILE).length, 2); // findRuleFile, then the load
  });

  it('a bad lock entry is a schema problem at its line', () => {
    const text = JSON.stringify({ name: 'x', locked: { rules: ['Security/No Eval'], sections: ['ai.everything'] } }, null, 2);
    const r = checkOrgRuleset({ file: ORG_FILE, text }, memoryHost({}));
    assert.deepEqual(r.problems.map((p) => p.range.start.line).sort(), [lineOf(text, 'Security/No Eval'), lineOf(text, 'ai.everything')].sort());
  });

  const globs: [string, string, boolean][] = [
    ['secrets/*', 'secrets/aws-key', true],
    ['secrets/*', 'secrets/cloud/gcp', true],
    ['secrets/*', 'secretsx/a', false],
    ['*', 'any/rule', true],
    ['security/no-eval', 'security/no-eval', true],
    ['security/no-eval', 'security/no-eval-x', false],
    ['ai/*-path', 'ai/forbidden-path', true],
  ];
  for (const [glob, id, expected] of globs) {
    it(`rule glob ${glob} ${expected ? 'matches' : 'does not match'} ${id}`, () => {
      assert.equal(ruleGlobMatcher(glob)(id), expected);
    });
  }

  it('locking a parent section locks its children and the rules that enforce them', () => {
    const l = new OrgLocks({ sections: ['ai'] });
    assert.equal(l.isSectionLocked('ai.excluded'), true);
    assert.equal(l.isRuleLocked('ai/excluded-path'), true);
    assert.equal(l.isRuleLocked('boundaries/layer-violation'), false);
    assert.equal(l.lockedBy('ai/excluded-path'), 'section ai.excluded');
  });
});

describe('org rulesets: baselines and the effective-rules listing', () => {
  it('Policy.isLocked is the predicate baselines take: locked findings are never written to or hidden by a baseline', () => {
    const p = policyOf(loadWith({}).loaded);
    const text = 'eval(x);\ndebugger;\n';
    const found = check(p, 'src/a.ts', text);
    assert.deepEqual(found.map((f) => f.ruleId), ['security/no-eval', 'quality/no-debugger']);
    const files = [{ relPath: 'src/a.ts', findings: found, fingerprints: fingerprints('src/a.ts', text, found) }];
    const isLocked = (id: string): boolean => p.isLocked(id);
    const created = createBaseline(files, isLocked);
    assert.equal(created.locked, 1);
    assert.deepEqual(created.baseline.files['src/a.ts'].map((e) => e.ruleId), ['quality/no-debugger']);
    // A baseline edited by hand to include the locked finding still does not hide it.
    const forged = { version: 1 as const, files: { 'src/a.ts': files[0].findings.map((f, i) => ({ ruleId: f.ruleId, fingerprint: files[0].fingerprints[i] })) } };
    const applied = applyBaseline(forged, files, { inScope: () => true, isLocked });
    assert.deepEqual(applied.files[0].findings.map((f) => f.ruleId), ['security/no-eval']);
  });

  it('the listing names the layers, the locks, where each setting comes from, and the lock problems', () => {
    const { loaded } = loadWith({ name: 'team-a', rules: { 'security/no-eval': 'off', 'quality/no-debugger': 'warning' } });
    const md = effectiveRulesMarkdown({ policy: policyOf(loaded), root: MEM_ROOT, ruleFile: RULE_FILE, relPath: 'src/a.ts', problems: loaded.problems, builtinDir: BUILTIN_DIR });
    assert.match(md, /1\. \*\*Built-in rulesets:\*\* `conductor:recommended`/);
    assert.match(md, /2\. \*\*Org ruleset:\*\* `acme-2026\.11`/);
    assert.match(md, /3\. \*\*Team:\*\* `\.conductor\/rules\.jsonc`/);
    assert.match(md, /4\. \*\*User settings:\*\* none/);
    assert.match(md, /\| `security\/no-eval` \| error \| error \| 🔒 yes \| org ruleset acme-2026\.11 \|/);
    assert.match(md, /\| `quality\/no-debugger` \| warning \|  \|  \| \.conductor\/rules\.jsonc \|/);
    assert.match(md, /\*\*Sections:\*\* `ai\.forbidden`, `ai\.review`/);
    assert.match(md, /- \*\*Forbidden:\*\* `src\/payments\/\*\*` — PCI scope _\(from org ruleset acme-2026\.11\)_/);
    assert.match(md, /- warning: `\.conductor\/rules\.jsonc:4` locked by org ruleset acme-2026\.11: cannot disable security\/no-eval/);
  });
});
