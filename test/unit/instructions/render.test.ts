// Golden files of the generated instructions for a rule file that uses every section (test/fixtures/instructions/rich),
// plus what must never be in them: regexes, allow-lists, sample secrets, absolute paths, origins, dates.
// UPDATE_GOLDEN=1 rewrites the golden files (review the diff!).
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkspaceConfig, type Policy } from '../../../server/src/engine';
import { generatedFiles, INSTRUCTION_TARGETS, parseTargets, updatedText, findSection, type GeneratedFile, type InstructionTarget } from '../../../server/src/instructions';
import { memoryHost, policyOf } from '../../helpers/engine';
import { BUILTIN_DIR, REPO_ROOT } from '../../helpers/paths';
import { diskHost } from './helpers';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'instructions', 'rich');
const GOLDEN = path.join(REPO_ROOT, 'test', 'fixtures', 'instructions', 'rich.golden');

function richPolicy(root = FIXTURE): Policy {
  const loaded = loadWorkspaceConfig(root, diskHost());
  assert.ok(loaded.policy, `fixture rule file has problems: ${JSON.stringify(loaded.problems)}`);
  return loaded.policy;
}

function render(policy: Policy, targets: readonly InstructionTarget[] = INSTRUCTION_TARGETS): GeneratedFile[] {
  return generatedFiles(policy, targets, { ruleFile: '.conductor/rules.jsonc' });
}

/** The whole content of a freshly created file. */
const created = (f: GeneratedFile): string => updatedText(undefined, f);

describe('instructions: rendering (golden files)', () => {
  const files = render(richPolicy());

  it('writes the four main files and Copilot scoped files, in a stable order', () => {
    assert.deepEqual(
      files.map((f) => f.path),
      [
        '.github/copilot-instructions.md',
        'AGENTS.md',
        '.cursor/rules/conductor.mdc',
        'CLAUDE.md',
        '.github/instructions/conductor-layer-billing.instructions.md',
        '.github/instructions/conductor-layer-domain.instructions.md',
        '.github/instructions/conductor-layer-infra.instructions.md',
        '.github/instructions/conductor-layer-shared.instructions.md',
        '.github/instructions/conductor-layer-ui.instructions.md',
        '.github/instructions/conductor-restricted.instructions.md',
      ],
    );
  });

  for (const rel of [
    '.github/copilot-instructions.md',
    'AGENTS.md',
    '.cursor/rules/conductor.mdc',
    'CLAUDE.md',
    '.github/instructions/conductor-layer-ui.instructions.md',
    '.github/instructions/conductor-layer-billing.instructions.md',
    '.github/instructions/conductor-layer-domain.instructions.md',
    '.github/instructions/conductor-layer-infra.instructions.md',
    '.github/instructions/conductor-layer-shared.instructions.md',
    '.github/instructions/conductor-restricted.instructions.md',
  ]) {
    it(`matches the golden ${rel}`, () => {
      const file = files.find((f) => f.path === rel);
      assert.ok(file, `${rel} not generated`);
      // Flat names (`.github__copilot-instructions.md.golden`): real AGENTS.md or .cursor/rules files in the
      // repository would be picked up by assistants working on it.
      const golden = path.join(GOLDEN, `${rel.replace(/\//g, '__')}.golden`);
      if (process.env.UPDATE_GOLDEN === '1') {
        fs.mkdirSync(path.dirname(golden), { recursive: true });
        fs.writeFileSync(golden, created(file));
      }
      assert.equal(created(file), fs.readFileSync(golden, 'utf8'), `${rel} differs from ${path.relative(REPO_ROOT, golden)} (UPDATE_GOLDEN=1 to accept)`);
    });
  }

  it('has every section in the main files', () => {
    const agents = created(files.find((f) => f.path === 'AGENTS.md')!);
    const headings = agents.split('\n').filter((l) => l.startsWith('#'));
    assert.deepEqual(headings, [
      '## Conductor policy for AI-written code',
      '### Marking AI-written code',
      '### Approved AI use cases',
      '### Forbidden paths',
      '### Excluded (sensitive) paths',
      '### Architecture: layers and allowed imports',
      '### Packages',
      '### Banned APIs and constructs',
      '### Secrets and credentials',
      '### Personal data and data handling',
      '### Human review',
      '### Checking your work',
    ]);
    // AGENTS.md and CLAUDE.md carry the same section (CLAUDE.md is often a symlink to AGENTS.md).
    assert.equal(files.find((f) => f.path === 'CLAUDE.md')!.section, files.find((f) => f.path === 'AGENTS.md')!.section);
  });

  it('renders the effective rules: rules turned off are left out, severities and AI-only rules as configured', () => {
    const agents = files.find((f) => f.path === 'AGENTS.md')!.section;
    assert.doesNotMatch(agents, /security\/insecure-http-url/, 'a rule set to off in `rules` is not in force');
    assert.match(agents, /- `quality\/no-debugger` \(warning; error in AI code\)/);
    assert.match(agents, /- `team\/no-raw-sql-in-ui` \(error, AI code only\)/);
    assert.match(agents, /- `src\/billing\/\{payments,refunds\}\/\*\*`: PCI scope/);
  });

  it('never prints a regex, an allow-list, a sample secret, an absolute path or a date', () => {
    const policy = richPolicy();
    const all = files.map(created).join('\n');
    for (const p of policy.resolved.patterns.values()) {
      if (p.regex.length >= 12) {
        assert.ok(!all.includes(p.regex), `the regex of ${p.id} leaked`);
      }
      for (const a of p.allow ?? []) {
        if (a.length >= 8) {
          assert.ok(!all.includes(a), `an allow entry of ${p.id} leaked: ${a}`);
        }
      }
    }
    // Secret detectors appear by category only: no rule id of conductor:secrets, no example credentials.
    assert.doesNotMatch(all, /secrets\/[a-z]/);
    assert.doesNotMatch(all, /AKIA|ghp_|xox[bp]-|sk_live|BEGIN [A-Z ]*PRIVATE KEY/);
    assert.ok(!all.includes(REPO_ROOT), 'an absolute path leaked');
    assert.ok(!all.includes(os.homedir()), 'a home directory leaked');
    assert.doesNotMatch(all, /\b20\d\d-\d\d-\d\d\b/, 'a date leaked');
    assert.doesNotMatch(all, /conductor:secrets|conductor:security|rules\.jsonc:\d/, 'origins are not printed');
  });

  it('is byte-identical from another checkout path and across runs', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-instr-'));
    try {
      fs.cpSync(FIXTURE, tmp, { recursive: true });
      const again = render(richPolicy(tmp));
      assert.deepEqual(again.map(created), files.map(created));
      assert.deepEqual(render(richPolicy()).map(created), files.map(created));
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('honours the targets: only Copilot gets scoped files, in canonical order whatever the input order', () => {
    const policy = richPolicy();
    assert.deepEqual(render(policy, parseTargets('claude,agents')).map((f) => f.path), ['AGENTS.md', 'CLAUDE.md']);
    assert.deepEqual(parseTargets(['Cursor', ' copilot ']), ['copilot', 'cursor']);
    assert.throws(() => parseTargets('agents,windsurf'), /unknown target windsurf/);
    assert.throws(() => parseTargets(''), /no targets/);
    // Without scoped files, the Copilot main file does not point at them.
    const noScoped = generatedFiles(policyOf({ rules: {} }), ['copilot'], {});
    assert.deepEqual(noScoped.map((f) => f.path), ['.github/copilot-instructions.md']);
    assert.doesNotMatch(noScoped[0].section, /Path-specific rules/);
  });

  it('names the ruleset only when the rule file has a name', () => {
    const named = generatedFiles(policyOf({ name: 'team-x' }), ['agents'], { ruleFile: '.conductor/rules.jsonc' })[0];
    assert.match(named.section, /against `\.conductor\/rules\.jsonc` \(ruleset `team-x`\) in the editor/);
    const unnamed = generatedFiles(policyOf({}), ['agents'], { ruleFile: '.conductor/rules.jsonc' })[0];
    assert.match(unnamed.section, /against `\.conductor\/rules\.jsonc` in the editor/);
  });

  it('renders the built-in default (no rule file) without an `ai` or `boundaries` section', () => {
    const f = generatedFiles(policyOf({ extends: ['conductor:recommended'] }), ['agents'], {})[0];
    assert.match(f.section, /against the built-in default rules \(`conductor:recommended`\) in the editor/);
    assert.doesNotMatch(f.section, /### (Marking|Approved|Forbidden|Excluded|Architecture|Packages|Human review)/);
    assert.match(f.section, /### Banned APIs and constructs/);
  });

  it('text from the rule file cannot end the generated section or break a line', () => {
    const policy = policyOf({
      ai: { forbidden: [{ paths: ['src/x/**'], reason: 'evil <!-- conductor:end --> reason\n## Heading' }], excluded: ['a<!--b/**'] },
      boundaries: { layers: { ui: { paths: ['src/ui/**'], description: 'ends --> here' } }, packages: { deny: [{ name: 'bad-->pkg', reason: 'x' }] } },
    });
    for (const f of generatedFiles(policy, INSTRUCTION_TARGETS, {})) {
      const text = created(f);
      const found = findSection(text);
      assert.ok('found' in found && found.found.end === text.trimEnd().length, `${f.path}: the section ends early`);
      assert.doesNotMatch(text, /\n## Heading/);
    }
  });

  it('describes layers without an allow list, denials with reasons, and type-only imports', () => {
    const policy = policyOf({
      boundaries: {
        layers: { a: { paths: ['src/a/**'] }, b: { paths: ['src/b/**'], public: ['src/b/index.ts'] }, c: { paths: ['src/c/**'] } },
        deny: [{ from: 'a', to: 'c', reason: 'a stays pure.' }],
        typeOnlyImports: 'ignore',
      },
    });
    const files = generatedFiles(policy, ['copilot'], {});
    const main = files[0].section;
    assert.match(main, /- `a` \(`src\/a\/\*\*`\): may import `b`; never `c` \(a stays pure\.\)/);
    assert.match(main, /- `b`: `src\/b\/index\.ts`/);
    assert.match(main, /Type-only imports are not layer-checked\./);
    const a = files.find((f) => f.path.endsWith('conductor-layer-a.instructions.md'))!;
    assert.equal(a.frontMatter, '---\napplyTo: "src/a/**"\n---\n');
    assert.match(a.section, /- Must not import `c` \(`src\/c\/\*\*`\): a stays pure\.\n/);
    assert.match(a.section, /- Import `b` only through its public entry points: `src\/b\/index\.ts`\./);
  });

  it('groups pattern rules by their ruleset category, never by their id', () => {
    const policy = policyOf({
      patterns: [
        { id: 'team/acme-key', regex: 'acme_[a-z]{8}', message: 'Acme key $masked.', severity: 'error', secret: true, category: 'secrets/api-key/acme' },
        { id: 'team/signing-key', regex: 'sk_[a-z]{8}', message: 'Signing key.', severity: 'error', secret: true, category: 'secrets/private-key' },
        { id: 'team/vault-token', regex: 'hvs_[a-z]{8}', message: 'Vault token $masked.', severity: 'error', secret: true },
        { id: 'secrets/not-a-secret', regex: 'foo\\((\\w+)\\)', message: 'No foo($1) or $&.', severity: 'warning', category: 'security' },
        { id: 'team/customer-email', regex: 'customerEmail', message: 'Personal data in $<where>.', severity: 'warning', category: 'data' },
      ],
    });
    const section = generatedFiles(policy, ['agents'], {})[0].section;
    assert.match(section, /Conductor detects:\n\n- API keys and tokens of acme\n- private keys\n- also: `team\/vault-token`\n/);
    assert.doesNotMatch(section, /team\/acme-key|team\/signing-key/);
    assert.match(section, /\(rule id, severity\):\n\n- `secrets\/not-a-secret` \(warning\): No foo\(…\) or …\.\n/);
    assert.match(section, /### Personal data and data handling\n\n- `team\/customer-email` \(warning\): Personal data in …\.\n/);
  });

  it('leaves out sections whose rules are off', () => {
    const policy = policyOf({
      rules: { 'ai/forbidden-path': 'off', 'boundaries/banned-package': 'off', 'ai/unreviewed': 'off' },
      ai: { forbidden: [{ paths: ['src/auth/**'], reason: 'r' }], review: { required: true } },
      boundaries: { packages: { deny: [{ name: 'moment', reason: 'no' }] } },
    });
    const section = generatedFiles(policy, ['agents'], {})[0].section;
    assert.doesNotMatch(section, /### Forbidden paths|moment|### Human review/);
  });

  it('uses a memory host the same way as the disk (no file system reads outside the rule files)', () => {
    const host = memoryHost({ '.conductor/rules.jsonc': fs.readFileSync(path.join(FIXTURE, '.conductor', 'rules.jsonc'), 'utf8') }, BUILTIN_DIR);
    const loaded = loadWorkspaceConfig(path.resolve('/mem-ws'), host);
    assert.ok(loaded.policy);
    assert.deepEqual(render(loaded.policy).map(created), files.map(created));
    assert.ok(host.reads.every((f) => f.endsWith('.jsonc') || f.endsWith('.json')), `read ${host.reads.filter((f) => !f.endsWith('.jsonc'))}`);
  });
});
