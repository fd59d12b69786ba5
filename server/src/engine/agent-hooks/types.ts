// Agent hooks as plain data: what an agent is about to do (parsed from its payload) and what Conductor answers.

export const AGENTS = ['claude-code', 'cursor', 'copilot', 'gemini', 'codex'] as const;
export type AgentId = (typeof AGENTS)[number];

export interface TextEdit {
  oldString: string;
  newString: string;
  replaceAll: boolean;
}

/** How the agent describes the new content of one file. */
export type ProposedChange =
  /** The whole new file (Write, create). */
  | { kind: 'content'; content: string }
  /** String replacements applied in order to the current file (Edit, MultiEdit, apply_patch hunks). */
  | { kind: 'edits'; edits: TextEdit[] }
  /** Only a piece of the new content is known (a notebook cell): it is checked on its own at that path. */
  | { kind: 'fragment'; text: string };

export interface FileWrite {
  /** As the agent gave it: absolute, or relative to `cwd`. */
  path: string;
  change: ProposedChange;
}

/** Who is writing, for reasons and for the record after the write. */
export interface AgentContext {
  agent: AgentId;
  /** The agent's tool name (`Write`, `apply_patch`, …). */
  tool: string;
  sessionId?: string;
  /** `provider/model` or the model name when the payload gives one. */
  model?: string;
  /** The directory relative paths in the payload are relative to. */
  cwd?: string;
  /** The project root the payload names (Cursor's first `workspace_roots` entry). */
  projectRoot?: string;
}

/** One hook call, normalized across agents. */
export type HookEvent = AgentContext &
  (
    | { phase: 'pre-write'; writes: FileWrite[] }
    | { phase: 'pre-read'; paths: string[] }
    | { phase: 'post-write'; writes: FileWrite[] }
    /** An event or tool Conductor does not govern (a shell command, a session start): allowed. */
    | { phase: 'ungoverned' }
  );

/** What the agent's hook event needs answered; `hookEventName` is echoed where the agent wants it. */
export interface HookAnswer {
  decision: 'allow' | 'deny';
  /** For the model: the rule, why, and what is allowed instead. Secrets already masked. */
  reason?: string;
  /** Warnings that do not block, returned as context where the agent takes it. */
  context?: string;
}

/** How an agent's hook process must end: what to print where, and the exit code. */
export interface HookReply {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class PayloadError extends Error {}
