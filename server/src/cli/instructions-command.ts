import * as path from 'path';
import { isStale, parseTargets, planInstructions, writePlan, type PlanStatus } from '../instructions';
import { parseCliArgs, workspaceRoot } from './cli-args';
import { UsageError } from './cli-config';
import { diskHost } from '../host/disk-config-host';
import { loadPolicyOrFail } from '../host/load-policy';

// conductor instructions: writes the effective policy into the files AI assistants read, inside a generated section.

export const INSTRUCTIONS_HELP = `Usage: conductor instructions [--check] [--targets copilot,agents,cursor,claude] [--cwd DIR] [--config FILE]

Writes the rules in force (approved AI use cases, forbidden and excluded paths, layers and allowed
imports, banned packages and APIs, secret and personal-data rules, review) into the files AI assistants
read, between <!-- conductor:begin … --> and <!-- conductor:end -->; text around the section is kept.

  copilot  .github/copilot-instructions.md and .github/instructions/conductor-*.instructions.md (applyTo:)
  agents   AGENTS.md
  cursor   .cursor/rules/conductor.mdc
  claude   CLAUDE.md

  --check          Write nothing; exit 1 when a file is missing or out of date (for CI)
  --targets <list> Comma-separated (default: all four)
  --config <file>  Rule file (default: .conductor/rules.jsonc or .json, else conductor:recommended)
  --cwd <dir>      Workspace root (default: the current directory)

Only the workspace's rule files are read (no org ruleset), so the output is the same on every machine.
`;

const VERB: Record<PlanStatus, string> = {
  create: 'created',
  update: 'updated',
  unchanged: 'up to date',
  'remove-section': 'removed section from',
  delete: 'deleted',
};
const STALE: Record<PlanStatus, string> = {
  create: 'missing',
  update: 'stale',
  unchanged: 'up to date',
  'remove-section': 'obsolete',
  delete: 'obsolete',
};

export function runInstructions(argv: string[]): number {
  const { values: v, positionals } = parseCliArgs(argv, {
    check: { type: 'boolean' },
    targets: { type: 'string' },
    cwd: { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help) {
    process.stdout.write(INSTRUCTIONS_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`conductor instructions takes no paths (got "${positionals[0]}")\n\n${INSTRUCTIONS_HELP}`);
  }
  let targets;
  try {
    targets = parseTargets(v.targets);
  } catch (e) {
    throw new UsageError(`--targets: ${(e as Error).message}`);
  }
  const root = workspaceRoot(v.cwd);
  const { policy, ruleFile } = loadPolicyOrFail(root, v.config, diskHost(root));
  const rel = ruleFile && path.relative(root, ruleFile).split(path.sep).join('/');
  const plan = planInstructions({ root, policy, targets, ruleFile: rel });
  if (plan.errors.length > 0) {
    throw new UsageError(`cannot update the instructions:\n${plan.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
  const changed = plan.entries.filter((e) => e.status !== 'unchanged');
  const width = Math.max(0, ...changed.map((e) => (v.check ? STALE : VERB)[e.status].length));
  const upToDate = plan.entries.length - changed.length;
  if (v.check) {
    for (const e of changed) {
      process.stdout.write(`${STALE[e.status].padEnd(width)}  ${e.path}\n`);
    }
    if (isStale(plan)) {
      process.stdout.write(`${changed.length} instruction file${changed.length === 1 ? ' is' : 's are'} not up to date: run \`conductor instructions\`.\n`);
      return 1;
    }
    process.stdout.write(`${files(upToDate)} up to date.\n`);
    return 0;
  }
  writePlan(root, plan);
  for (const e of changed) {
    process.stdout.write(`${VERB[e.status].padEnd(width)}  ${e.path}\n`);
  }
  process.stdout.write(changed.length === 0 ? `${files(upToDate)} up to date.\n` : `${changed.length} written, ${upToDate} already up to date.\n`);
  return 0;
}

const files = (n: number): string => `${n} instruction file${n === 1 ? ' is' : 's are'}`;
