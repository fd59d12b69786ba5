// Shared by the gate tests: the BUILT CLI (dist/cli.js) run against real git repositories in temp dirs.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, type CliResult } from '../run-cli';

/** Fixed identity and dates: every commit (and so every hash) is the same on every run. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_AUTHOR_NAME: 'Gate Test',
  GIT_AUTHOR_EMAIL: 'gate@example.invalid',
  GIT_COMMITTER_NAME: 'Gate Test',
  GIT_COMMITTER_EMAIL: 'gate@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
};

/** A small rule file of our own, so the tests do not depend on the built-in rulesets' evolution. */
export const RULES = `// gate test rules
{
  "patterns": [
    { "id": "security/no-eval", "regex": "\\\\beval\\\\(", "message": "No eval. Parse instead.", "severity": "error", "in": "any" },
    { "id": "secrets/fake-key", "regex": "FAKEKEY[0-9]{4}", "message": "A fake key in source.", "severity": "error", "in": "any" },
    { "id": "team/todo", "regex": "TODO", "message": "Resolve the TODO.", "severity": "warning", "in": "any" },
    { "id": "team/no-var", "regex": "\\\\bvar\\\\b", "message": "Use let.", "severity": "warning", "in": "any", "fix": "let" },
    { "id": "team/note", "regex": "NOTE:", "message": "A note.", "severity": "info", "in": "any" }
  ],
  "ignore": [".conductor/**"]
}
`;

export class TempRepo {
  readonly dir: string;

  constructor(files: Record<string, string> = {}, o: { rules?: string | false; init?: boolean } = {}) {
    this.dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'conductor-gate-')));
    if (o.init !== false) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'core.autocrlf', 'false');
      this.git('config', 'commit.gpgsign', 'false');
    }
    if (o.rules !== false) {
      this.write('.conductor/rules.jsonc', o.rules ?? RULES);
    }
    for (const [p, text] of Object.entries(files)) {
      this.write(p, text);
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  write(rel: string, text: string): void {
    const abs = path.join(this.dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  exists(rel: string): boolean {
    return fs.existsSync(path.join(this.dir, rel));
  }

  commitAll(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
  }

  run(...args: string[]): CliResult {
    return runCli(args, this.dir, { env: GIT_ENV });
  }

  json(...args: string[]): JsonReport & { status: number | null; stderr: string } {
    const r = this.run(...args, '--format', 'json');
    if (r.status === 2) {
      throw new Error(`conductor exited 2: ${r.stderr}`);
    }
    return { ...(JSON.parse(r.stdout) as JsonReport), status: r.status, stderr: r.stderr };
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
  fingerprint?: string;
  properties?: Record<string, unknown>;
}

export interface JsonReport {
  version: number;
  results: { path: string; findings: JsonFinding[] }[];
  skipped: { path: string; reason: string }[];
  summary: { errors: number; warnings: number; infos: number; hints: number; known?: number; stale?: number };
  changes?: { mode: string; ref?: string; files: number };
  baseline?: { file: string; known: number; stale: { path: string; ruleId: string; fingerprint: string }[] };
}

/** `path:line ruleId` for each finding: compact and order-preserving, for assertions. */
export function summarize(r: JsonReport): string[] {
  return r.results.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.ruleId}`));
}
