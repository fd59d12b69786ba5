import * as fs from 'fs';
import * as path from 'path';
import { RULE_FILE_CANDIDATES } from '../engine';
import { findBuiltinDir } from '../host/builtin-dir';
import { UsageError } from './cli-config';
import { oneOf, parseCliArgs, workspaceRoot } from './cli-args';

/** Presets and the template in `rules/templates/` each one copies. */
export const PRESETS: Record<string, string> = {
  recommended: 'team.jsonc',
  strict: 'strict.jsonc',
  secrets: 'secrets.jsonc',
};

/** `conductor init [--preset p] [--force]`: scaffolds .conductor/rules.jsonc from a commented template. */
export function runInit(argv: string[]): number {
  const { values: v, positionals } = parseCliArgs(argv, { preset: { type: 'string' }, force: { type: 'boolean' }, cwd: { type: 'string' } });
  if (positionals.length > 0) {
    throw new UsageError(`init takes no paths (got "${positionals[0]}")`);
  }
  const preset = oneOf(v.preset ?? 'recommended', Object.keys(PRESETS) as (keyof typeof PRESETS)[], '--preset');
  const template = PRESETS[preset];
  const root = workspaceRoot(v.cwd);
  const existing = RULE_FILE_CANDIDATES.find((c) => fs.existsSync(path.join(root, c)));
  if (existing && !v.force) {
    throw new UsageError(`${existing} already exists; use --force to overwrite it`);
  }
  const text = fs.readFileSync(path.join(findBuiltinDir(__dirname), 'templates', template), 'utf8');
  const target = RULE_FILE_CANDIDATES[0];
  fs.mkdirSync(path.join(root, path.dirname(target)), { recursive: true });
  fs.writeFileSync(path.join(root, target), text);
  process.stderr.write(
    `Created ${target} (preset "${preset}").\n` +
      `Next: \`conductor check\` to see what it finds, \`conductor baseline\` to accept today's findings,\n` +
      `and docs/ci.md to run it in CI and as a pre-commit hook.\n`,
  );
  return 0;
}
