import type { AgentId, HookAnswer, HookEvent, HookReply } from '../types';
import type { Json } from './payload';

/** One agent's hook dialect: its payload in, its documented answer out. */
export interface AgentAdapter {
  id: AgentId;
  /** An environment variable the agent sets to the project root for hook commands, if it documents one. */
  projectDirEnv?: string;
  /** `eventName`: the event the hook was installed for when the payload does not name it (`--event`). */
  parse(payload: Json, eventName: string | undefined): HookEvent;
  /** `eventName`: the payload's event when it could be read (answers echo it). */
  reply(answer: HookAnswer, eventName: string | undefined): HookReply;
}

export const SILENT: HookReply = { stdout: '', stderr: '', exitCode: 0 };

export function json(value: unknown): HookReply {
  return { stdout: `${JSON.stringify(value)}\n`, stderr: '', exitCode: 0 };
}

/** The fields every agent's events may carry about the session and model. */
export function sessionFields(p: Json): { sessionId?: string; model?: string } {
  const str = (k: string): string | undefined => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined);
  const sessionId = str('session_id') ?? str('sessionId') ?? str('conversation_id');
  const model = str('model');
  return { ...(sessionId && { sessionId }), ...(model && { model }) };
}
