// Claude Code hooks (code.claude.com/docs/en/hooks): PreToolUse / PostToolUse with `tool_name` and
// `tool_input` (absolute paths). A PreToolUse answers with `hookSpecificOutput.permissionDecision`;
// a deny reason is shown to the model. Codex uses the same wire format (developers.openai.com/codex/hooks).
import type { AgentId, HookEvent } from '../types';
import { json, sessionFields, SILENT, type AgentAdapter } from './adapter';
import { optString, reqString, type Json } from './payload';
import { classifyTool } from './tool-input';

export function claudeStyleParse(agent: AgentId, p: Json, installedFor: string | undefined): HookEvent {
  const eventName = optString(p, 'hook_event_name') ?? installedFor;
  const base = { agent, tool: optString(p, 'tool_name') ?? '', ...sessionFields(p), ...(optString(p, 'cwd') && { cwd: optString(p, 'cwd') }) };
  if (eventName !== 'PreToolUse' && eventName !== 'PostToolUse') {
    return { ...base, phase: 'ungoverned' };
  }
  const call = classifyTool(reqString(p, 'tool_name'), p.tool_input);
  if (call.kind === 'other') {
    return { ...base, phase: 'ungoverned' };
  }
  if (call.kind === 'read') {
    return eventName === 'PreToolUse' ? { ...base, phase: 'pre-read', paths: call.paths } : { ...base, phase: 'ungoverned' };
  }
  return { ...base, phase: eventName === 'PreToolUse' ? 'pre-write' : 'post-write', writes: call.writes };
}

export function claudeStyleReply(answer: { decision: 'allow' | 'deny'; reason?: string; context?: string }, eventName: string | undefined) {
  const hookEventName = eventName === 'PostToolUse' ? 'PostToolUse' : 'PreToolUse';
  if (answer.decision === 'deny') {
    return json({ hookSpecificOutput: { hookEventName, permissionDecision: 'deny', permissionDecisionReason: answer.reason ?? 'Conductor denied this tool call.' } });
  }
  return answer.context ? json({ hookSpecificOutput: { hookEventName, additionalContext: answer.context } }) : SILENT;
}

export const claudeCode: AgentAdapter = {
  id: 'claude-code',
  projectDirEnv: 'CLAUDE_PROJECT_DIR',
  parse: (p, installedFor) => claudeStyleParse('claude-code', p, installedFor),
  reply: claudeStyleReply,
};

export const codex: AgentAdapter = {
  id: 'codex',
  parse: (p, installedFor) => claudeStyleParse('codex', p, installedFor),
  reply: claudeStyleReply,
};
