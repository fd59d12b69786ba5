// The instructions CLI tests' temp directories: optionally real git repositories with a fixed identity.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from './run-cli';

/** Fixed identity and dates, no user or system git config. */
const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Instructions Test',
  GIT_AUTHOR_EMAIL: 'instructions@example.invalid',
  GIT_COMMITTER_NAME: 'Instructions Test',
  GIT_COMMITTER_EMAIL: 'instructions@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

/** A temp directory, optionally a git repository (`core.autocrlf false`: bytes stay as written). */
export class TempDir {
  readonly dir: string;

  constructor(files: Record<string, string> = {}, o: { git?: boolean } = {}) {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-instr-')));
    if (o.git) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'core.autocrlf', 'false');
      this.git('config', 'commit.gpgsign', 'false');
    }
    for (const [rel, text] of Object.entries(files)) {
      this.write(rel, text);
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  path(rel: string): string {
    return path.join(this.dir, ...rel.split('/'));
  }

  write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(this.path(rel)), { recursive: true });
    fs.writeFileSync(this.path(rel), text);
  }

  read(rel: string): string {
    return fs.readFileSync(this.path(rel), 'utf8');
  }

  exists(rel: string): boolean {
    return fs.existsSync(this.path(rel));
  }

  cli(...args: string[]): CliResult {
    return runCli([...args, '--cwd', this.dir], this.dir, { env: GIT_ENV });
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
