// Where each AI assistant reads its instructions.

export const INSTRUCTION_TARGETS = ['copilot', 'agents', 'cursor', 'claude'] as const;
export type InstructionTarget = (typeof INSTRUCTION_TARGETS)[number];

/** The main file of each target (Copilot also gets path-scoped files under SCOPED_DIR). */
export const TARGET_FILES: Record<InstructionTarget, string> = {
  copilot: '.github/copilot-instructions.md',
  agents: 'AGENTS.md',
  cursor: '.cursor/rules/conductor.mdc',
  claude: 'CLAUDE.md',
};

/** Copilot's path-specific instructions (`applyTo:` front matter); Conductor's are named `conductor-*.instructions.md`. */
export const SCOPED_DIR = '.github/instructions';
export const SCOPED_PREFIX = 'conductor-';
export const SCOPED_SUFFIX = '.instructions.md';

/** Parses `copilot,agents` (or an array from the setting); throws RangeError naming what is wrong. */
export function parseTargets(value: string | readonly string[] | undefined): InstructionTarget[] {
  if (value === undefined) {
    return [...INSTRUCTION_TARGETS];
  }
  const names = (typeof value === 'string' ? value.split(',') : [...value]).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (names.length === 0) {
    throw new RangeError(`no targets given; choose from ${INSTRUCTION_TARGETS.join(', ')}`);
  }
  const unknown = names.filter((n) => !(INSTRUCTION_TARGETS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new RangeError(`unknown target${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; choose from ${INSTRUCTION_TARGETS.join(', ')}`);
  }
  // Canonical order, no duplicates: the output does not depend on how the list was written.
  return INSTRUCTION_TARGETS.filter((t) => names.includes(t));
}

/** Whether a workspace-relative path is a file Conductor may generate (any target, scoped files included). */
export function isInstructionPath(relPath: string): boolean {
  return (
    Object.values(TARGET_FILES).includes(relPath) ||
    (relPath.startsWith(`${SCOPED_DIR}/${SCOPED_PREFIX}`) && relPath.endsWith(SCOPED_SUFFIX) && !relPath.slice(SCOPED_DIR.length + 1).includes('/'))
  );
}
