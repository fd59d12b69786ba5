// AI-assistant instructions (issue 11): the effective policy rendered into the files assistants read
// (.github/copilot-instructions.md and scoped .github/instructions/*.instructions.md, AGENTS.md,
// .cursor/rules/conductor.mdc, CLAUDE.md), inside a delimited generated section.
export { generatedFiles, type RenderOptions } from './render';
export {
  BEGIN_MARKER,
  END_MARKER,
  applyOffsetEdits,
  eolOf,
  findSection,
  frontMatterRange,
  generatedEdits,
  updatedText,
  withoutSection,
  SectionError,
  type GeneratedFile,
  type OffsetEdit,
  type SectionLocation,
} from './section';
export { INSTRUCTION_TARGETS, TARGET_FILES, isInstructionPath, parseTargets, type InstructionTarget } from './targets';
export { planInstructions, writePlan, isStale, type InstructionsPlan, type PlanEntry, type PlanStatus } from './files';
