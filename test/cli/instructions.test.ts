// `conductor instructions` and `--check` with the BUILT CLI in real git repositories: edit the rule file → stale →
// regenerate → clean; hand-written text (LF and CRLF) survives; obsolete scoped files go; errors exit 2.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import { assertCliBuilt } from './run-cli';
import { BEGIN_MARKER, END_MARKER } from '../../server/src/instructions';
import { RICH_RULES } from '../unit/instructions/helpers';
import { TempDir } from './instructions-temp-dir';

const ALL_FILES = [
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
];

/** `git status --porcelain` paths, sorted (untracked folders expanded). */
function changed(repo: TempDir): string[] {
  return repo
    .git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.slice(3))
    .sort();
}

describe('conductor instructions (CLI, real git repositories)', function () {
  this.timeout(120_000);
  before(() => assertCliBuilt());
  const dirs: TempDir[] = [];
  const repo = (files: Record<string, string>, git = true): TempDir => {
    const d = new TempDir(files, { git });
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => d.remove()));

  it('edit the rule file → --check exits 1 naming the stale files → regenerate → --check exits 0', () => {
    const AGENTS_BEFORE = '# Agents\r\n\r\nHand-written, CRLF.\r\n\r\n';
    const AGENTS_AFTER = '\r\n## Local setup\r\nRun `pnpm i` first.\r\n';
    const r = repo({
      '.conductor/rules.jsonc': RICH_RULES,
      'AGENTS.md': `${AGENTS_BEFORE}${BEGIN_MARKER}\r\nstale\r\n${END_MARKER}${AGENTS_AFTER}`,
      'CLAUDE.md': '# Claude\n\nOur own notes, no section yet.\n',
    });
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'start');

    let run = r.cli('instructions', '--check');
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^stale\s+AGENTS\.md$/m);
    assert.match(run.stdout, /^stale\s+CLAUDE\.md$/m);
    assert.match(run.stdout, /^missing\s+\.github\/copilot-instructions\.md$/m);
    assert.deepEqual(changed(r), [], '--check wrote something');

    run = r.cli('instructions');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^updated\s+AGENTS\.md$/m);
    assert.match(run.stdout, /^created\s+\.cursor\/rules\/conductor\.mdc$/m);
    assert.match(run.stdout, /10 written, 0 already up to date\./);
    assert.deepEqual(changed(r), ALL_FILES.filter((f) => f !== 'AGENTS.md' && f !== 'CLAUDE.md').concat(['AGENTS.md', 'CLAUDE.md']).sort());
    // Hand-written text kept byte for byte; the CRLF file stays CRLF.
    const agents = r.read('AGENTS.md');
    assert.ok(agents.startsWith(`${AGENTS_BEFORE}${BEGIN_MARKER}\r\n## Conductor policy for AI-written code\r\n`));
    assert.ok(agents.endsWith(`${END_MARKER}${AGENTS_AFTER}`));
    assert.doesNotMatch(agents.replace(/\r\n/g, ''), /\n/);
    assert.ok(r.read('CLAUDE.md').startsWith('# Claude\n\nOur own notes, no section yet.\n\n<!-- conductor:begin'));

    run = r.cli('instructions', '--check');
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /10 instruction files are up to date\./);
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'instructions');

    // Change the policy: a new forbidden path.
    r.write('.conductor/rules.jsonc', RICH_RULES.replace('"src/auth/**", "src/crypto/**"', '"src/auth/**", "src/crypto/**", "src/secrets-engine/**"'));
    run = r.cli('instructions', '--check');
    assert.equal(run.status, 1);
    const stale = run.stdout.split('\n').filter((l) => l.startsWith('stale')).map((l) => l.replace(/^stale\s+/, ''));
    assert.deepEqual(stale.sort(), ['.cursor/rules/conductor.mdc', '.github/copilot-instructions.md', '.github/instructions/conductor-restricted.instructions.md', 'AGENTS.md', 'CLAUDE.md']);
    assert.match(run.stdout, /5 instruction files are not up to date: run `conductor instructions`\./);
    assert.deepEqual(changed(r), ['.conductor/rules.jsonc']);

    run = r.cli('instructions');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /5 written, 5 already up to date\./);
    assert.equal(r.cli('instructions', '--check').status, 0);
    assert.deepEqual(changed(r), ['.conductor/rules.jsonc', ...stale].sort());
    // Only the section moved: the diff of AGENTS.md is inside the section.
    const diff = r.git('diff', '-U0', '--', 'AGENTS.md');
    assert.match(diff, /^\+- `src\/auth\/\*\*`, `src\/crypto\/\*\*`, `src\/secrets-engine\/\*\*`: security-critical/m);
    assert.doesNotMatch(diff, /Hand-written|Local setup/);
    // A second run changes nothing.
    const second = r.cli('instructions');
    assert.match(second.stdout, /^10 instruction files are up to date\.$/m);
  });

  it('--targets writes only those files; the check looks only at them', () => {
    const r = repo({ '.conductor/rules.jsonc': RICH_RULES });
    const run = r.cli('instructions', '--targets', 'agents,cursor');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(changed(r).filter((p) => !p.startsWith('.conductor/')), ['.cursor/rules/conductor.mdc', 'AGENTS.md']);
    assert.ok(r.read('.cursor/rules/conductor.mdc').startsWith('---\ndescription: Conductor policy'));
    assert.equal(r.cli('instructions', '--check', '--targets', 'agents').status, 0);
    assert.equal(r.cli('instructions', '--check', '--targets', 'claude').status, 1);
  });

  it('removes the scoped file of a layer that no longer exists, keeping a file that has other content', () => {
    const rules = (layers: string[]): string =>
      JSON.stringify({ boundaries: { layers: Object.fromEntries(layers.map((l) => [l, { paths: [`src/${l}/**`] }])), allow: Object.fromEntries(layers.map((l) => [l, []])) } }, null, 2);
    const r = repo({ '.conductor/rules.jsonc': rules(['app', 'infra', 'shared']) });
    assert.equal(r.cli('instructions', '--targets', 'copilot').status, 0);
    const shared = '.github/instructions/conductor-layer-shared.instructions.md';
    const infra = '.github/instructions/conductor-layer-infra.instructions.md';
    assert.ok(r.exists(shared) && r.exists(infra));
    r.write(infra, r.read(infra) + '\nOur own note about infra.\n');
    r.write('.conductor/rules.jsonc', rules(['app']));
    const check = r.cli('instructions', '--check', '--targets', 'copilot');
    assert.equal(check.status, 1, check.stderr);
    assert.match(check.stdout, /^obsolete\s+\.github\/instructions\/conductor-layer-shared\.instructions\.md$/m);
    const run = r.cli('instructions', '--targets', 'copilot');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^deleted\s+\.github\/instructions\/conductor-layer-shared\.instructions\.md$/m);
    assert.match(run.stdout, /^removed section from\s+\.github\/instructions\/conductor-layer-infra\.instructions\.md$/m);
    assert.ok(!r.exists(shared));
    assert.equal(r.read(infra).trim().split('\n').pop(), 'Our own note about infra.');
    assert.doesNotMatch(r.read(infra), /conductor:begin/);
    assert.equal(r.cli('instructions', '--check', '--targets', 'copilot').status, 0);
    // A hand-made file with Conductor's prefix but no section is not Conductor's: never touched.
    r.write('.github/instructions/conductor-notes.instructions.md', 'mine\n');
    assert.equal(r.cli('instructions', '--targets', 'copilot').status, 0);
    assert.equal(r.read('.github/instructions/conductor-notes.instructions.md'), 'mine\n');
  });

  it('refuses (exit 2) a begin marker without an end marker, a broken rule file and bad options, writing nothing', () => {
    const r = repo({ '.conductor/rules.jsonc': RICH_RULES, 'AGENTS.md': `mine\n${BEGIN_MARKER}\nno end\n` }, false);
    let run = r.cli('instructions');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /AGENTS\.md: the Conductor section has no end marker/);
    assert.equal(r.read('AGENTS.md'), `mine\n${BEGIN_MARKER}\nno end\n`);
    assert.ok(!r.exists('CLAUDE.md'));

    run = r.cli('instructions', '--targets', 'agents,windsurf');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--targets: unknown target windsurf/);

    const broken = repo({ '.conductor/rules.jsonc': '{ "ai": { "forbidden": [{ "paths": [] }] } }' }, false);
    run = broken.cli('instructions');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /The rule file has errors/);
    assert.ok(!broken.exists('AGENTS.md'));
  });

  it('without a rule file, renders the built-in default; CLAUDE.md as a symlink to AGENTS.md is written once', function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    const r = repo({}, false);
    r.write('AGENTS.md', '# Shared\n');
    fs.symlinkSync('AGENTS.md', r.path('CLAUDE.md'));
    const run = r.cli('instructions', '--targets', 'agents,claude');
    assert.equal(run.status, 0, run.stderr);
    const text = r.read('AGENTS.md');
    assert.equal(text.split(BEGIN_MARKER).length, 2, 'the section was written twice');
    assert.match(text, /the built-in default rules \(`conductor:recommended`\)/);
    assert.equal(r.cli('instructions', '--check', '--targets', 'agents,claude').status, 0);
  });
});
