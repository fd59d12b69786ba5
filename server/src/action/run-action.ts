// Entry point of the GitHub Action (action.yml, bundled as dist/action.js next to dist/cli.js): maps the
// action's inputs to `conductor check` flags, runs the bundled CLI in the workspace and passes its exit
// code on. No shell: inputs (a PR's branch name, say) reach the CLI as single arguments, never as script.
import { spawnSync } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Action input → `conductor check` flag. Every input of action.yml except `working-directory` is here. */
export const INPUT_FLAGS = {
  format: '--format',
  output: '--output',
  'fail-on': '--fail-on',
  'changed-since': '--changed-since',
  baseline: '--baseline',
  config: '--config',
  'org-ruleset': '--org-ruleset',
  'org-sha256': '--org-sha256',
  'org-public-key': '--org-public-key',
  'org-signature': '--org-signature',
  'org-ca-file': '--org-ca-file',
  shard: '--shard',
} as const;

/** How the runner passes input NAME: `INPUT_` + the name upper-cased, spaces as `_` (hyphens stay). */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The `conductor check` arguments for the inputs that are set (empty inputs use the CLI's defaults). */
export function checkArgs(env: NodeJS.ProcessEnv): string[] {
  const args = ['check'];
  for (const [input, flag] of Object.entries(INPUT_FLAGS)) {
    const value = readInput(env, input);
    if (value !== '') {
      args.push(`${flag}=${value}`);
    }
  }
  return args;
}

/** Appends `name=value` to the step's outputs file, in the delimiter form that survives any value. */
function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) {
    return;
  }
  const delimiter = `conductor_${randomBytes(8).toString('hex')}`;
  fs.appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

export function runAction(env: NodeJS.ProcessEnv): number {
  const workspace = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const cwd = path.resolve(workspace, readInput(env, 'working-directory') || '.');
  const cli = path.join(__dirname, 'cli.js');
  if (!fs.existsSync(cli)) {
    process.stderr.write(`conductor action: the bundled CLI is missing (${cli}); use a release tag of the action, whose dist/ is built.\n`);
    return 2;
  }
  const run = spawnSync(process.execPath, [cli, ...checkArgs(env)], { cwd, stdio: 'inherit', env: { ...env, CI: 'true' } });
  // A CLI killed by a signal (or that could not start) is an error, never a pass.
  const code = run.status ?? 2;
  setOutput(env, 'exit-code', String(code));
  const output = readInput(env, 'output');
  if (output !== '') {
    setOutput(env, 'output', path.resolve(cwd, output));
  }
  return code;
}

if (require.main === module) {
  process.exitCode = runAction(process.env);
}
