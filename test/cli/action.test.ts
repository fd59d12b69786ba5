// The GitHub Action as the runner starts it: `node dist/action.js` with INPUT_* variables, GITHUB_WORKSPACE
// and GITHUB_OUTPUT, in real git repositories (no network).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { INPUT_FLAGS } from '../../server/src/action/run-action';
import { assertBuilt } from '../helpers/build';
import { CLI_JS, REPO_ROOT } from '../helpers/paths';
import { devModule } from '../helpers/dev-module';
import { sarifValidator } from '../helpers/sarif-schema';
import { GIT_ENV, RULES, ScriptedRepo } from '../unit/report/helpers';

const ACTION_JS = path.join(REPO_ROOT, 'dist', 'action.js');
const yaml = devModule<{ load(text: string): unknown }>('js-yaml');

interface ActionRun {
  status: number | null;
  stdout: string;
  outputs: Record<string, string>;
}

/** Runs the action's entry with the given inputs, the way the runner does, and reads its outputs back. */
function runAction(workspace: string, inputs: Record<string, string>): ActionRun {
  const outputFile = path.join(workspace, '..', `${path.basename(workspace)}-github-output`);
  fs.writeFileSync(outputFile, '');
  const env: NodeJS.ProcessEnv = { ...process.env, ...GIT_ENV, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  // The runner starts the action in the workspace; any folder must do.
  const run = spawnSync(process.execPath, [ACTION_JS], { cwd: REPO_ROOT, env, encoding: 'utf8' });
  const outputs: Record<string, string> = {};
  const text = fs.readFileSync(outputFile, 'utf8');
  for (const m of text.matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    outputs[m[1]] = m[3];
  }
  fs.rmSync(outputFile);
  return { status: run.status, stdout: run.stdout, outputs };
}

describe('GitHub Action', function () {
  this.timeout(60000);
  let repo: ScriptedRepo;

  before(() => assertBuilt([ACTION_JS, CLI_JS]));
  beforeEach(() => {
    repo = new ScriptedRepo();
    repo.write('app/.conductor/rules.jsonc', RULES);
    repo.write('app/src/run.js', ['export function run(code) {', '  return eval(code);', '}']);
    repo.commit('2026-11-02T10:00:00Z', 'base');
  });

  afterEach(() => repo.cleanup());

  it('declares exactly the inputs its entry script passes on, and runs the bundled entry', () => {
    const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; main: string } };
    assert.deepStrictEqual(Object.keys(action.inputs).sort(), [...Object.keys(INPUT_FLAGS), 'working-directory'].sort());
    assert.strictEqual(action.runs.main, 'dist/action.js');
    assert.ok(fs.existsSync(path.join(REPO_ROOT, action.runs.main)));
  });

  it('is used as documented by the any-language workflow example', () => {
    const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const wf = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'github-actions', 'conductor-action.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string; run?: string; if?: string; with?: Record<string, string> }[] }>;
    };
    const steps = Object.values(wf.jobs)[0].steps;
    assert.ok(steps.every((s) => s.run === undefined), 'no npm, no script: only actions');
    const ours = steps.filter((s) => s.uses?.startsWith('conductor-dev/conductor@'));
    assert.ok(ours.length >= 2);
    for (const s of ours) {
      assert.deepStrictEqual(Object.keys(s.with ?? {}).filter((k) => !(k in action.inputs)), [], 'only declared inputs');
    }
    const sarifStep = ours.find((s) => s.with?.format === 'sarif');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.strictEqual(upload?.with?.sarif_file, sarifStep?.with?.output);
    assert.match(upload?.if ?? '', /always\(\)/);
  });

  it('is used as documented by the sharded matrix example: N shards, one category each, one merge', () => {
    const action = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    type Step = { uses?: string; run?: string; with?: Record<string, string> };
    const wf = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'github-actions', 'conductor-shards.yml'), 'utf8')) as {
      jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps: Step[] }>;
    };
    const [shardJob, verdict] = Object.values(wf.jobs);
    const shards = shardJob.strategy?.matrix.shard ?? [];
    const n = shards.length;
    assert.deepStrictEqual(shards, Array.from({ length: n }, (_x, i) => i + 1), 'the matrix lists 1..N');
    const ours = shardJob.steps.find((s) => s.uses?.startsWith('conductor-dev/conductor@'));
    assert.deepStrictEqual(Object.keys(ours?.with ?? {}).filter((k) => !(k in action.inputs)), [], 'only declared inputs');
    assert.strictEqual(ours?.with?.shard, `\${{ matrix.shard }}/${n}`);
    const upload = shardJob.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.strictEqual(upload?.with?.sarif_file, ours?.with?.output);
    assert.strictEqual(upload?.with?.category, `conductor/shard-\${{ matrix.shard }}-of-${n}/`);
    assert.strictEqual(verdict.needs, Object.keys(wf.jobs)[0]);
    assert.match(verdict.steps.map((s) => s.run ?? '').join('\n'), /cli\.js merge --format sarif --fail-on error .*shards\/\*\.sarif/);
  });

  it('writes SARIF for upload and fails the step on an error finding', () => {
    const run = runAction(repo.dir, { format: 'sarif', output: 'conductor.sarif', 'fail-on': 'error', 'working-directory': 'app' });
    assert.strictEqual(run.status, 1);
    assert.strictEqual(run.outputs['exit-code'], '1');
    const sarifFile = path.join(repo.dir, 'app', 'conductor.sarif');
    assert.strictEqual(run.outputs.output, sarifFile);
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepStrictEqual(sarifValidator()(sarif), []);
    assert.deepStrictEqual(
      sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]),
      [['security/no-eval', 'app/src/run.js']],
    );
  });

  it('gates only the lines changed since a ref, passed as one argument whatever its characters', () => {
    const ref = 'base;echo>pwned';
    repo.git('branch', ref);
    repo.write('app/src/util.js', ['export const twice = (n) => n * 2;']);
    repo.commit('2026-11-03T10:00:00Z', 'clean change');
    const clean = runAction(repo.dir, { 'changed-since': ref, 'fail-on': 'error', 'working-directory': 'app' });
    assert.strictEqual(clean.status, 0, clean.stdout);
    assert.strictEqual(clean.outputs['exit-code'], '0');
    assert.ok(!fs.existsSync(path.join(repo.dir, 'app', 'pwned')) && !fs.existsSync(path.join(REPO_ROOT, 'pwned')), 'no shell ran the input');

    repo.write('app/src/util.js', ['export const twice = (n) => eval(`${n} * 2`);']);
    repo.commit('2026-11-04T10:00:00Z', 'adds eval');
    const failing = runAction(repo.dir, { 'changed-since': ref, 'fail-on': 'error', 'working-directory': 'app' });
    assert.strictEqual(failing.status, 1);
    assert.match(failing.stdout, /src\/util\.js/);
    assert.doesNotMatch(failing.stdout, /src\/run\.js/);
  });

  it('checks one shard per matrix job: each finding in exactly one shard, each SARIF under its own category', () => {
    const runs = [1, 2].map((k) => ({ k, run: runAction(repo.dir, { shard: `${k}/2`, format: 'sarif', output: `shard-${k}.sarif`, 'working-directory': 'app' }) }));
    const reported = runs.map(({ k, run }) => {
      const sarif = JSON.parse(fs.readFileSync(path.join(repo.dir, 'app', `shard-${k}.sarif`), 'utf8')) as { runs: { automationDetails?: { id: string }; results: { ruleId: string }[] }[] };
      assert.deepStrictEqual(sarifValidator()(sarif), []);
      assert.strictEqual(sarif.runs[0].automationDetails?.id, `conductor/shard-${k}-of-2/`);
      assert.strictEqual(run.status, sarif.runs[0].results.length > 0 ? 1 : 0, 'a shard fails on its own findings only');
      return sarif.runs[0].results.map((r) => r.ruleId);
    });
    assert.deepStrictEqual(reported.flat(), ['security/no-eval']);
  });

  it('refuses a shard input that is not K/N', () => {
    const run = runAction(repo.dir, { shard: '3/2', 'working-directory': 'app' });
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.outputs['exit-code'], '2');
  });

  it('fails closed when the org ruleset inputs are incomplete', () => {
    const run = runAction(repo.dir, { 'org-sha256': 'a'.repeat(64), 'working-directory': 'app' });
    assert.strictEqual(run.status, 2);
    assert.strictEqual(run.outputs['exit-code'], '2');
  });
});
