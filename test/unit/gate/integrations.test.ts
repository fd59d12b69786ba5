import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { devModule } from '../../helpers/dev-module';
import { REPO_ROOT } from '../../helpers/paths';

interface Yaml {
  load(text: string): unknown;
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  env?: Record<string, string>;
}

describe('gate: CI integrations', () => {
  const yaml = devModule<Yaml>('js-yaml');

  it('examples/github-actions/conductor.yml parses and uploads the SARIF it writes', function () {
    const wf = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'github-actions', 'conductor.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
    };
    assert.ok(wf.on.pull_request !== undefined && wf.on.push !== undefined);
    const job = Object.values(wf.jobs)[0];
    assert.equal(job.permissions?.['security-events'], 'write');
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkout?.with?.['fetch-depth'], 0, 'full history, so --changed-since finds the merge base');
    const sarifStep = job.steps.find((s) => s.run?.includes('--format sarif'));
    const out = /--output\s+(\S+)/.exec(sarifStep?.run ?? '')?.[1];
    assert.ok(out, 'the SARIF step writes a file');
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, out);
    assert.match(upload?.if ?? '', /always\(\)/, 'upload even when a later step fails');
    const gate = job.steps.find((s) => s.run?.includes('--changed-since'));
    assert.ok(gate, 'a gate step on the changed lines');
    assert.doesNotMatch(gate.run ?? '', /\$\{\{/, 'no expression interpolation inside run: (script injection)');
  });

  it('.pre-commit-hooks.yaml declares the conductor hook', function () {
    const text = fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    const hooks = yaml.load(text) as { id: string; entry: string; language: string; pass_filenames?: boolean }[];
    const hook = hooks.find((h) => h.id === 'conductor');
    assert.equal(hook?.entry, 'conductor check --staged');
    assert.equal(hook?.language, 'node');
    assert.equal(hook?.pass_filenames, false, '--staged finds the files itself');
  });

  it('examples/git-hooks/pre-commit is an executable POSIX shell script', () => {
    const file = path.join(REPO_ROOT, 'examples', 'git-hooks', 'pre-commit');
    assert.match(fs.readFileSync(file, 'utf8'), /^#!\/bin\/sh\n/);
    assert.ok((fs.statSync(file).mode & 0o111) !== 0, 'executable bit set');
  });
});
