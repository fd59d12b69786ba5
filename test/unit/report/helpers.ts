// Real git repositories with a scripted, dated history for the report tests.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** No user or system git config leaks in; the identity is fixed. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Report Test',
  GIT_AUTHOR_EMAIL: 'report@example.invalid',
  GIT_COMMITTER_NAME: 'Report Test',
  GIT_COMMITTER_EMAIL: 'report@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  TZ: 'UTC',
};

/** A rule file of our own, so figures do not follow the built-in rulesets' evolution. */
export const RULES = `// report test rules
{
  "patterns": [
    { "id": "security/no-eval", "regex": "\\\\beval\\\\(", "message": "No eval.", "severity": "error", "in": "any" },
    { "id": "secrets/fake-key", "regex": "FAKEKEY[0-9]{4}", "message": "A fake key in source.", "severity": "error", "in": "any" },
    { "id": "team/todo", "regex": "TODO", "message": "Resolve the TODO.", "severity": "warning", "in": "any" }
  ],
  "ignore": [".conductor/**"]
}
`;

export class ScriptedRepo {
  readonly dir: string;

  constructor(o: { init?: boolean } = {}) {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-report-')));
    if (o.init !== false) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.name', 'Report Test');
      this.git('config', 'user.email', 'report@example.invalid');
      this.git('config', 'core.autocrlf', 'false');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  write(rel: string, lines: string[] | string): void {
    const abs = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, Array.isArray(lines) ? lines.map((l) => `${l}\n`).join('') : lines);
  }

  remove(rel: string): void {
    fs.rmSync(path.join(this.dir, rel), { force: true });
  }

  /** Commits everything with author and committer date `iso`. */
  commit(iso: string, message = `commit at ${iso}`): void {
    execFileSync('git', ['add', '-A'], { cwd: this.dir, env: { ...process.env, ...GIT_ENV } });
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
      cwd: this.dir,
      env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso },
    });
  }

  /** A git command run with author and committer date `iso` (merges). */
  gitAt(iso: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_DATE: iso }, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  }

  /** Writes a history with `git fast-import` (fast for many commits); each commit replaces the files it names. */
  fastImport(commits: { iso: string; files: Record<string, string | null> }[]): void {
    const parts: string[] = [];
    commits.forEach((c, i) => {
      const t = Math.floor(Date.parse(c.iso) / 1000);
      const msg = `commit ${i}\n`;
      parts.push(`commit refs/heads/main\ncommitter Report Test <report@example.invalid> ${t} +0000\ndata ${Buffer.byteLength(msg)}\n${msg}`);
      for (const [p, content] of Object.entries(c.files)) {
        if (content === null) {
          parts.push(`D ${p}\n`);
        } else {
          parts.push(`M 100644 inline ${p}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
        }
      }
      parts.push('\n');
    });
    execFileSync('git', ['fast-import', '--quiet'], { cwd: this.dir, input: parts.join(''), env: { ...process.env, ...GIT_ENV } });
    this.git('checkout', '-q', '-f', 'main');
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
