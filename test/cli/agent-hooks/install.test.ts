// `conductor hooks install --agent …` through the built CLI: merges into existing settings files
// without touching other hooks or settings, is idempotent, and --check / --uninstall see only its own entries.
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertCliBuilt, runCli } from '../run-cli';

const EXISTING_CLAUDE = `{
  // the team's own settings
  "permissions": { "allow": ["Bash(npm test)"] },
  "hooks": {
    "PreToolUse": [{ "matcher": "Bash", "hooks": [{ "type": "command", "command": "./scripts/check-bash.sh" }] }],
    "Stop": [{ "hooks": [{ "type": "command", "command": "say done" }] }]
  }
}
`;

describe('conductor hooks install --agent (built CLI)', function () {
  this.timeout(120_000);
  let root: string;
  const install = (...args: string[]) => runCli(['hooks', 'install', '--cwd', root, ...args], root);
  const read = (rel: string): string => fs.readFileSync(path.join(root, rel), 'utf8');
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  before(assertCliBuilt);
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-agent-install-')));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('Claude Code: merges into an existing settings file, keeps its comments, hooks and settings; idempotent; --check; --uninstall', () => {
    write('.claude/settings.json', EXISTING_CLAUDE);
    assert.equal(install('--agent', 'claude-code', '--check').status, 1);
    const first = install('--agent', 'claude-code');
    assert.equal(first.status, 0, first.stderr);
    const merged = read('.claude/settings.json');
    assert.ok(merged.includes('// the team\'s own settings'), merged);
    assert.ok(merged.includes('./scripts/check-bash.sh') && merged.includes('say done') && merged.includes('Bash(npm test)'), merged);
    const groups = (JSON.parse(merged.replace(/^\s*\/\/.*$/m, '')) as { hooks: { PreToolUse: { matcher: string; hooks: { command: string }[] }[] } }).hooks.PreToolUse;
    assert.deepEqual(groups.map((g) => g.hooks[0].command), ['./scripts/check-bash.sh', 'conductor hook claude-code']);
    assert.equal(groups[1].matcher, 'Write|Edit|MultiEdit|NotebookEdit|Read|Grep|Glob');

    assert.match(install('--agent', 'claude-code').stderr, /Already installed/);
    assert.equal(read('.claude/settings.json'), merged);
    assert.equal(install('--agent', 'claude-code', '--check').status, 0);

    assert.equal(install('--agent', 'claude-code', '--uninstall').status, 0);
    const removed = read('.claude/settings.json');
    assert.ok(!removed.includes('conductor hook'), removed);
    assert.ok(removed.includes('./scripts/check-bash.sh') && removed.includes('say done') && removed.includes('// the team'), removed);
    assert.equal(install('--agent', 'claude-code', '--check').status, 1);
  });

  it('a stale Conductor entry (another matcher) is replaced, not duplicated', () => {
    write('.claude/settings.json', JSON.stringify({ hooks: { PreToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'conductor hook claude-code' }, { type: 'command', command: 'prettier-hook' }] }] } }));
    assert.match(install('--agent', 'claude-code', '--check').stderr, /out of date/);
    assert.equal(install('--agent', 'claude-code').status, 0);
    const hooks = (JSON.parse(read('.claude/settings.json')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } }).hooks.PreToolUse;
    assert.deepEqual(hooks.map((g) => g.hooks.map((h) => h.command)), [['prettier-hook'], ['conductor hook claude-code']]);
  });

  it('--agent all writes every agent\'s project file; detection without --agent uses the folders present', () => {
    fs.mkdirSync(path.join(root, '.gemini'));
    assert.equal(install().status, 0);
    assert.deepEqual(fs.readdirSync(root).sort(), ['.gemini']);
    assert.ok(read('.gemini/settings.json').includes('conductor hook gemini'));

    write('.cursor/hooks.json', JSON.stringify({ version: 1, hooks: { afterFileEdit: [{ command: './format.sh' }] } }));
    const r = install('--agent', 'all');
    assert.equal(r.status, 0, r.stderr);
    const cursor = JSON.parse(read('.cursor/hooks.json')) as { version: number; hooks: Record<string, { command: string }[]> };
    assert.deepEqual(cursor.hooks.afterFileEdit, [{ command: './format.sh' }, { command: 'conductor hook cursor' }]); // theirs kept, the recorder added
    assert.deepEqual(cursor.hooks.beforeReadFile, [{ command: 'conductor hook cursor' }]);
    const copilot = JSON.parse(read('.github/hooks/conductor.json')) as { version: number; hooks: { preToolUse: { bash: string }[] } };
    assert.equal(copilot.version, 1);
    assert.equal(copilot.hooks.preToolUse[0].bash, 'conductor hook copilot --event preToolUse');
    assert.ok(read('.codex/hooks.json').includes('"apply_patch|Edit|Write"'));
    assert.equal(install('--agent', 'all', '--check').status, 0);
    assert.equal(install('--agent', 'all', '--uninstall').status, 0);
    assert.ok(!fs.existsSync(path.join(root, '.github/hooks/conductor.json')));
    assert.deepEqual(JSON.parse(read('.cursor/hooks.json')), { version: 1, hooks: { afterFileEdit: [{ command: './format.sh' }] } });
  });

  it('never overwrites a file it cannot read as JSON, nor a Copilot hook file it did not write', () => {
    write('.claude/settings.json', '{ "hooks": ');
    const broken = install('--agent', 'claude-code');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /not a JSON object.*never overwrites/);
    assert.equal(read('.claude/settings.json'), '{ "hooks": ');

    write('.github/hooks/conductor.json', '{ "version": 1, "hooks": { "sessionStart": [] } }');
    const foreign = install('--agent', 'copilot');
    assert.equal(foreign.status, 2);
    assert.match(foreign.stderr, /was not written by Conductor/);
  });

  it('without an agent folder or --agent: a usage error naming the choices', () => {
    const r = install();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--agent claude-code\|cursor\|copilot\|gemini\|codex\|all/);
  });
});
