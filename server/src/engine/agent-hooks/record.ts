// After a write: what the sidecar provenance store (issue 16) will be asked to record. The hook answers
// post-write events today without recording (cli/hook-command.ts, the `post-write` branch); the store
// implements this interface and that branch calls it.
import type { LineSpan } from './proposed-content';
import type { AgentId } from './types';

export interface AgentWriteRecord {
  /** Workspace-relative posix path. */
  relPath: string;
  /** The lines the agent wrote or changed, in the file as written (proposedContent(before, change).changed). */
  lines: LineSpan[];
  /** `claude-code`, `cursor`, `copilot-agent`, … */
  tool: AgentId | string;
  /** `provider/model` when the payload or environment gives it. */
  model?: string;
  sessionId?: string;
  /** ISO-8601 UTC. */
  at: string;
  useCase?: string;
}

export interface AgentWriteRecorder {
  /** Records one write; throws with the reason when the store cannot take it (the hook then reports it). */
  record(entry: AgentWriteRecord): void;
}
