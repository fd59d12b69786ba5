// Each agent's project-level hook file and the entries Conductor puts there (docs/agents.md cites
// the documentation each shape comes from). Claude Code, Gemini CLI and Codex group hooks under a
// matcher; Cursor and Copilot list entries per event.
import type { AgentId } from '../engine/agent-hooks';

/** An entry Conductor owns in an agent's hook file: its command names `conductor … hook <agent>`. */
export const OWN_COMMAND = /\bconductor\b.*\bhook (claude-code|cursor|copilot|gemini|codex)\b/;

export interface AgentHookFile {
  agent: AgentId;
  /** Workspace-relative. */
  file: string;
  /** Whether the file is Conductor's alone (Copilot reads every `.github/hooks/*.json`). */
  ownFile: boolean;
  /** Top-level keys the file needs besides `hooks` (Cursor and Copilot: `version`). */
  header: Record<string, unknown>;
  /** Event name → the hook entry (or matcher group) Conductor adds to that event's array. */
  events: Record<string, Record<string, unknown>>;
  /** The key an entry's command sits under, inside a group's `hooks` array when `grouped`. */
  commandKey: 'command' | 'bash';
  grouped: boolean;
}

const command = (agent: AgentId, extra = ''): string => `conductor hook ${agent}${extra}`;

/** Claude Code tools that write a file or read one (Grep/Glob: a read under their path). */
const CLAUDE_TOOLS = 'Write|Edit|MultiEdit|NotebookEdit|Read|Grep|Glob';

export const AGENT_HOOK_FILES: Record<AgentId, AgentHookFile> = {
  'claude-code': {
    agent: 'claude-code',
    file: '.claude/settings.json',
    ownFile: false,
    header: {},
    events: {
      PreToolUse: { matcher: CLAUDE_TOOLS, hooks: [{ type: 'command', command: command('claude-code') }] },
      // After a write: records the agent's lines when the store is the sidecar (cli/hook-command.ts).
      PostToolUse: { matcher: 'Write|Edit|MultiEdit', hooks: [{ type: 'command', command: command('claude-code') }] },
    },
    commandKey: 'command',
    grouped: true,
  },
  cursor: {
    agent: 'cursor',
    file: '.cursor/hooks.json',
    ownFile: false,
    header: { version: 1 },
    events: { preToolUse: { command: command('cursor') }, beforeReadFile: { command: command('cursor') }, afterFileEdit: { command: command('cursor') } },
    commandKey: 'command',
    grouped: false,
  },
  copilot: {
    agent: 'copilot',
    file: '.github/hooks/conductor.json',
    ownFile: true,
    header: { version: 1 },
    events: { preToolUse: { type: 'command', bash: command('copilot', ' --event preToolUse'), timeoutSec: 30 } },
    commandKey: 'bash',
    grouped: false,
  },
  gemini: {
    agent: 'gemini',
    file: '.gemini/settings.json',
    ownFile: false,
    header: {},
    events: { BeforeTool: { matcher: 'write_file|replace|read_file|read_many_files', hooks: [{ type: 'command', name: 'conductor', command: command('gemini') }] } },
    commandKey: 'command',
    grouped: true,
  },
  codex: {
    agent: 'codex',
    file: '.codex/hooks.json',
    ownFile: false,
    header: {},
    events: { PreToolUse: { matcher: 'apply_patch|Edit|Write', hooks: [{ type: 'command', command: command('codex') }] } },
    commandKey: 'command',
    grouped: true,
  },
};
