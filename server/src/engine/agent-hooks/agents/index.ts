import type { AgentId } from '../types';
import type { AgentAdapter } from './adapter';
import { claudeCode, codex } from './claude-code';
import { copilot } from './copilot';
import { cursor } from './cursor';
import { gemini } from './gemini';

export const ADAPTERS: Record<AgentId, AgentAdapter> = {
  'claude-code': claudeCode,
  cursor,
  copilot,
  gemini,
  codex,
};

export type { AgentAdapter } from './adapter';
export { parsePayload } from './payload';
