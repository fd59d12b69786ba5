// `conductor hook <agent>` through the built CLI, on each agent's documented payloads
// (test/fixtures/agents), in a real git repository copied from test/fixtures/agents/workspace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../../helpers/paths';
import { leakedTokens, plantedTokens } from '../../helpers/planted-marker-secrets';
import { assertCliBuilt, runCli } from '../run-cli';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'agents');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout as JSON (undefined when empty). */
  json?: Record<string, unknown> & { hookSpecificOutput?: Record<string, string> };
}

describe('conductor hook <agent> (built CLI, documented payloads)', function () {
  this.timeout(120_000);
  let root: string;

  before(assertCliBuilt);
  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-agent-')));
    fs.cpSync(path.join(FIXTURES, 'workspace'), root, { recursive: true });
    const git = (...args: string[]): void => {
      const r = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: os.devNull } });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    git('add', '.');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'workspace');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const payload = (agent: string, name: string): string => fs.readFileSync(path.join(FIXTURES, agent, `${name}.json`), 'utf8').split('${WORKSPACE}').join(root);
  const hook = (agent: string, input: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Run => {
    const r = runCli(['hook', agent, ...args], root, { input, env: { CLAUDE_PROJECT_DIR: '', GEMINI_PROJECT_DIR: '', ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, json: r.stdout.trim() ? (JSON.parse(r.stdout) as Run['json']) : undefined };
  };
  const claudeDeny = (r: Run): string => {
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json?.hookSpecificOutput?.hookEventName, 'PreToolUse', r.stdout);
    assert.equal(r.json?.hookSpecificOutput?.permissionDecision, 'deny', r.stdout);
    return r.json.hookSpecificOutput.permissionDecisionReason;
  };
  const silent = (r: Run): void => {
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '', r.stdout);
    assert.equal(r.stderr, '');
  };

  describe('Claude Code', () => {
    it('denies a write into a forbidden path with the policy reason', () => {
      const reason = claudeDeny(hook('claude-code', payload('claude-code', 'pre-write-forbidden'), [], { CLAUDE_PROJECT_DIR: root }));
      assert.match(reason, /\[ai\/forbidden-path\] AI-written code is forbidden in src\/payments\/refund\.ts: PCI scope/);
      assert.match(reason, /No AI-written code is allowed in src\/payments\/refund\.ts at all/);
    });

    it('denies an Edit that adds a denied layer edge, naming what is allowed', () => {
      const reason = claudeDeny(hook('claude-code', payload('claude-code', 'pre-edit-layer')));
      assert.match(reason, /src\/ui\/view\.ts:1 \[boundaries\/layer-violation\] Layer 'ui' may not import 'db'/);
      assert.match(reason, /'ui' may import: domain\./);
    });

    it('allows an approved Edit silently', () => {
      silent(hook('claude-code', payload('claude-code', 'pre-edit-approved')));
    });

    it('judges only the lines the agent writes: an existing violation elsewhere in the file does not block', () => {
      const input = JSON.parse(payload('claude-code', 'pre-edit-approved')) as { tool_input: Record<string, string> };
      input.tool_input = { file_path: path.join(root, 'src/ui/legacy.ts'), old_string: "return String(db.query('select 1'));", new_string: "return String(db.query('select 2'));" };
      silent(hook('claude-code', JSON.stringify(input)));
      // A Write over the file: only the lines that differ are the agent's.
      const legacy = fs.readFileSync(path.join(root, 'src/ui/legacy.ts'), 'utf8');
      const write = (content: string): string => JSON.stringify({ ...input, tool_name: 'Write', tool_input: { file_path: input.tool_input.file_path, content } });
      silent(hook('claude-code', write(`// kept as is\n${legacy}`)));
      const reason = claudeDeny(hook('claude-code', write(legacy.replace("import { db } from '../db/client';", "import { db as database } from '../db/client';").replace('db.query', 'database.query'))));
      assert.match(reason, /src\/ui\/legacy\.ts:1 \[boundaries\/layer-violation\]/);
      assert.doesNotMatch(reason, /team\/no-console-log/);
    });

    it("applies the team's aiOnly rule to the agent's lines at error", () => {
      const input = JSON.parse(payload('claude-code', 'pre-edit-approved')) as { tool_input: Record<string, string> };
      input.tool_input.new_string = "export function render(name: string): string {\n  console.log(name);";
      assert.match(claudeDeny(hook('claude-code', JSON.stringify(input))), /src\/ui\/view\.ts:2 \[team\/no-console-log\] Use the team logger/);
    });

    it('MultiEdit: applies the edits in order and denies the one that breaks a layer', () => {
      const reason = claudeDeny(hook('claude-code', payload('claude-code', 'pre-multiedit')));
      assert.match(reason, /src\/domain\/order\.ts:1 \[boundaries\/layer-violation\] Layer 'domain' may not import 'ui'/);
      assert.doesNotMatch(reason, /order\.ts:[2-9]/);
      const input = JSON.parse(payload('claude-code', 'pre-multiedit')) as { tool_input: { edits: unknown[] } };
      input.tool_input.edits = input.tool_input.edits.slice(0, 1);
      silent(hook('claude-code', JSON.stringify(input)));
    });

    it('denies a read of an excluded path and allows other reads', () => {
      assert.match(claudeDeny(hook('claude-code', payload('claude-code', 'pre-read-excluded'))), /secrets\/prod\.env is excluded from AI assistants .*ai\.excluded "secrets\/\*\*"/);
      silent(hook('claude-code', payload('claude-code', 'pre-read-excluded').replace('secrets/prod.env', 'src/ui/view.ts')));
    });

    it('denies paths outside the workspace, also through a symlink', () => {
      assert.match(claudeDeny(hook('claude-code', payload('claude-code', 'pre-write-outside'))), /outside the workspace/);
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-elsewhere-'));
      try {
        fs.symlinkSync(elsewhere, path.join(root, 'src', 'link'));
        const viaLink = payload('claude-code', 'pre-write-outside').replace(`${root}/../outside.ts`, `${root}/src/link/x.ts`);
        assert.match(claudeDeny(hook('claude-code', viaLink)), /leads outside the workspace through a symlink/);
      } finally {
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('denies a secret in the new content and never prints it', () => {
      const tokens = plantedTokens();
      const input = JSON.parse(payload('claude-code', 'pre-write-forbidden')) as { tool_input: Record<string, string> };
      input.tool_input = { file_path: path.join(root, 'src/domain/keys.ts'), content: `export const KEY = '${tokens.aws}';\n` };
      const r = hook('claude-code', JSON.stringify(input));
      assert.match(claudeDeny(r), /\[secrets\/aws-access-key-id\]/);
      assert.deepEqual(leakedTokens(r.stdout + r.stderr, tokens), []);
    });

    it('answers a malformed payload in its own format: deny by default, allow when agents.onError says so', () => {
      for (const bad of ['not json', '{"hook_event_name": "PreToolUse", "tool_name": "Write", "tool_input": {"file_path": 3}}', '[1, 2]', '']) {
        assert.match(claudeDeny(hook('claude-code', bad)), /Conductor could not evaluate the team's AI policy/);
      }
      const rules = path.join(root, '.conductor', 'rules.jsonc');
      fs.writeFileSync(rules, fs.readFileSync(rules, 'utf8').replace('"extends"', '"agents": { "onError": "allow" },\n  "extends"'));
      const r = hook('claude-code', 'not json');
      assert.equal(r.status, 0);
      assert.equal(r.json?.hookSpecificOutput?.permissionDecision, undefined, r.stdout);
      assert.match(r.json?.hookSpecificOutput?.additionalContext ?? '', /could not evaluate .*agents\.onError: allow/);
    });

    it('denies when the rule file cannot be read, with the reason', () => {
      fs.writeFileSync(path.join(root, '.conductor', 'rules.jsonc'), '{ "ai": { "forbidden": 3 } }');
      assert.match(claudeDeny(hook('claude-code', payload('claude-code', 'pre-edit-approved'))), /could not evaluate .*the rule file has errors \(\.conductor\/rules\.jsonc:1/);
    });

    it('lets PostToolUse and ungoverned tools through silently', () => {
      silent(hook('claude-code', payload('claude-code', 'post-write')));
      silent(hook('claude-code', JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } })));
    });

    describe('after a write, with the sidecar store', () => {
      const useSidecar = (): void => {
        const rules = path.join(root, '.conductor', 'rules.jsonc');
        const text = fs.readFileSync(rules, 'utf8');
        fs.writeFileSync(rules, text.replace(/\{\s*"extends"/, '{ "provenance": { "store": "sidecar" }, "ignore": [".conductor/**"], "extends"').replace('"ai": {', '"ai": { "review": { "required": true },'));
      };
      /**
       * The unreviewed AI blocks of `rel` as 1-based inclusive [first, last]: `conductor check` reports
       * `ai/unreviewed` at a block's first line; `conductor provenance` gives its extent.
       */
      const unreviewed = (rel: string): [number, number][] => {
        const cli = (...args: string[]): unknown => {
          const r = runCli([...args, '--format', 'json'], root);
          assert.ok(r.stdout.trim().startsWith('{'), r.stderr || r.stdout);
          return JSON.parse(r.stdout);
        };
        const report = cli('check') as { results: { path: string; findings: { ruleId: string; line: number; properties?: { ai?: { blockId: string } } }[] }[] };
        const regions = (cli('provenance', rel) as { regions: { id: string; startLine: number; endLine: number; tool: string }[] }).regions;
        return report.results
          .filter((f) => f.path === rel)
          .flatMap((f) => f.findings.filter((x) => x.ruleId === 'ai/unreviewed'))
          .map((x): [number, number] => {
            const region = regions.find((g) => g.id === x.properties?.ai?.blockId);
            assert.equal(region?.tool, 'claude-code');
            assert.equal(region.startLine, x.line);
            return [region.startLine, region.endLine];
          });
      };
      const post = (toolName: string, toolInput: Record<string, unknown>): Run =>
        hook('claude-code', JSON.stringify({ ...(JSON.parse(payload('claude-code', 'post-write')) as object), tool_name: toolName, tool_input: toolInput }));

      it('records the lines an Edit wrote as an AI block; check reports exactly them, and a human edit above keeps them', () => {
        useSidecar();
        const rel = 'src/domain/calc.ts';
        const file = path.join(root, rel);
        const human = ['export function add(a: number, b: number): number {', '  return a + b;', '}', ''].join('\n');
        fs.writeFileSync(file, human);
        assert.deepEqual(unreviewed(rel), []);
        // The agent's Edit, as its tool applies it, then the PostToolUse payload.
        const newString = ['export function add(a: number, b: number): number {', '  return a + b;', '}', '', 'export function sub(a: number, b: number): number {', '  return a - b;', '}'].join('\n');
        fs.writeFileSync(file, human.replace(['export function add(a: number, b: number): number {', '  return a + b;', '}'].join('\n'), newString));
        silent(post('Edit', { file_path: file, old_string: ['export function add(a: number, b: number): number {', '  return a + b;', '}'].join('\n'), new_string: newString }));
        assert.ok(fs.existsSync(path.join(root, '.conductor', 'provenance', `${rel}.json`)));
        const recorded = JSON.parse(fs.readFileSync(path.join(root, '.conductor', 'provenance', `${rel}.json`), 'utf8')) as Record<string, unknown>;
        assert.match(JSON.stringify(recorded), /"claude-code"/);
        assert.deepEqual(unreviewed(rel), [[5, 7]]); // the Edit's new_string repeats the old function: not the agent's
        // A human adds two lines above: the attribution moves with the code.
        fs.writeFileSync(file, `// header\n// more\n${fs.readFileSync(file, 'utf8')}`);
        assert.deepEqual(unreviewed(rel), [[7, 9]]);
      });

      it('records a new file written whole, and keeps earlier blocks when a later Edit changes other lines', () => {
        useSidecar();
        const rel = 'src/domain/new.ts';
        const file = path.join(root, rel);
        fs.writeFileSync(file, 'export const n = 1;\n');
        silent(hook('claude-code', payload('claude-code', 'post-write')));
        assert.deepEqual(unreviewed(rel), [[1, 1]]);
        fs.writeFileSync(file, '// human\n\nexport const n = 1;\n'); // a human edit, then the agent's Edit
        fs.writeFileSync(file, '// human\n\nexport const n = 1;\nexport const m = 2;\n');
        silent(post('Edit', { file_path: file, old_string: 'export const n = 1;\n', new_string: 'export const n = 1;\nexport const m = 2;\n' }));
        // The first block moved with its line; the Edit's new block is the one line it added.
        assert.deepEqual(unreviewed(rel).sort((a, b) => a[0] - b[0]), [[3, 3], [4, 4]]);
      });

      it('reports, without denying, a write it cannot place; records nothing with the markers store', () => {
        useSidecar();
        const file = path.join(root, 'src/domain/gone.ts');
        fs.writeFileSync(file, 'export const x = 1;\n');
        const r = post('Edit', { file_path: file, old_string: 'a', new_string: 'not in the file' });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.json?.hookSpecificOutput?.additionalContext ?? '', /could not record .*src\/domain\/gone\.ts: the written lines cannot be placed/);
        assert.equal(r.json?.hookSpecificOutput?.permissionDecision, undefined);
        fs.writeFileSync(path.join(root, '.conductor', 'rules.jsonc'), fs.readFileSync(path.join(FIXTURES, 'workspace', '.conductor', 'rules.jsonc')));
        silent(post('Write', { file_path: file, content: 'export const x = 1;\n' }));
        assert.equal(fs.existsSync(path.join(root, '.conductor', 'provenance')), false);
      });
    });

    it('refuses an unknown agent as a usage error (exit 2, which Claude Code treats as a block)', () => {
      const r = hook('vim', '{}');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /usage: conductor hook/);
    });
  });

  describe('Cursor', () => {
    it('beforeReadFile of an excluded path: permission deny with the reason for the agent', () => {
      const r = hook('cursor', payload('cursor', 'before-read-file'));
      assert.equal(r.json?.permission, 'deny', r.stdout);
      assert.match(String(r.json?.agent_message), /secrets\/prod\.env is excluded from AI assistants/);
    });

    it('preToolUse Write into a forbidden path: denied; the root comes from workspace_roots', () => {
      const r = runCli(['hook', 'cursor'], os.tmpdir(), { input: payload('cursor', 'pre-tool-use-write') });
      const out = JSON.parse(r.stdout) as Record<string, string>;
      assert.equal(out.permission, 'deny', r.stdout);
      assert.match(out.agent_message, /forbidden in src\/payments\/refund\.ts/);
    });

    it('afterFileEdit: answered with an empty object (the markers store records nothing)', () => {
      assert.deepEqual(hook('cursor', payload('cursor', 'after-file-edit')).json, {});
    });
  });

  describe('GitHub Copilot', () => {
    it('preToolUse create (toolArgs as a JSON string) in a forbidden path: permissionDecision deny', () => {
      const r = hook('copilot', payload('copilot', 'pre-tool-use-create'), ['--event', 'preToolUse']);
      assert.equal(r.json?.permissionDecision, 'deny', r.stdout);
      assert.match(String(r.json?.permissionDecisionReason), /forbidden in src\/payments\/refund\.ts/);
    });

    it('preToolUse view of an excluded path: denied', () => {
      const r = hook('copilot', payload('copilot', 'pre-tool-use-view'), ['--event', 'preToolUse']);
      assert.equal(r.json?.permissionDecision, 'deny', r.stdout);
    });
  });

  describe('Gemini CLI', () => {
    it('BeforeTool replace adding a denied layer edge: decision deny with the reason', () => {
      const r = hook('gemini', payload('gemini', 'before-tool-replace'));
      assert.equal(r.status, 0);
      assert.equal(r.json?.decision, 'deny', r.stdout);
      assert.match(String(r.json?.reason), /Layer 'ui' may not import 'db'.*'ui' may import: domain/s);
    });

    it('BeforeTool write_file of an approved file: an empty JSON answer (stdout holds JSON only)', () => {
      assert.deepEqual(hook('gemini', payload('gemini', 'before-tool-write-file')).json, {});
    });
  });

  describe('Codex', () => {
    it('PreToolUse apply_patch: every file of the patch is checked; the one breaking a layer denies it', () => {
      const reason = claudeDeny(hook('codex', payload('codex', 'pre-tool-use-apply-patch')));
      assert.match(reason, /src\/ui\/view\.ts:1 \[boundaries\/layer-violation\]/);
      assert.doesNotMatch(reason, /tax\.ts/);
    });
  });
});
