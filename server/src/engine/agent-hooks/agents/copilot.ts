// GitHub Copilot CLI and coding agent hooks (docs.github.com/en/copilot/reference/hooks-configuration,
// `.github/hooks/*.json` version 1). camelCase events (`preToolUse`) carry `toolName` and `toolArgs`
// (a JSON string); the answer is `{"permissionDecision": "deny", "permissionDecisionReason": …}`. The
// VS Code-compatible PascalCase events carry `tool_name`/`tool_input` and read `hookSpecificOutput`:
// a deny answers in both shapes so either reader finds it.
import { PayloadError, type HookEvent } from '../types';
import { json, sessionFields, SILENT, type AgentAdapter } from './adapter';
import { optString, parsePayload, type Json } from './payload';
import { classifyTool } from './tool-input';

function toolArgs(p: Json): unknown {
  const args = p.toolArgs ?? p.tool_input;
  return typeof args === 'string' ? parsePayload(args) : args;
}

export const copilot: AgentAdapter = {
  id: 'copilot',
  parse(p, installedFor): HookEvent {
    const eventName = optString(p, 'hook_event_name') ?? installedFor ?? (p.toolName !== undefined ? 'preToolUse' : undefined);
    const toolName = optString(p, 'toolName') ?? optString(p, 'tool_name');
    const base = { agent: 'copilot' as const, tool: toolName ?? '', ...sessionFields(p), ...(optString(p, 'cwd') && { cwd: optString(p, 'cwd') }) };
    const pre = eventName === 'preToolUse' || eventName === 'PreToolUse';
    const post = eventName === 'postToolUse' || eventName === 'PostToolUse';
    if (!pre && !post) {
      return { ...base, phase: 'ungoverned' };
    }
    if (toolName === undefined) {
      throw new PayloadError('"toolName" is missing');
    }
    const call = classifyTool(toolName, toolArgs(p));
    if (call.kind === 'other' || (call.kind === 'read' && post)) {
      return { ...base, phase: 'ungoverned' };
    }
    if (call.kind === 'read') {
      return { ...base, phase: 'pre-read', paths: call.paths };
    }
    return { ...base, phase: pre ? 'pre-write' : 'post-write', writes: call.writes };
  },
  reply(answer, eventName) {
    if (answer.decision !== 'deny') {
      return SILENT;
    }
    const reason = answer.reason ?? 'Conductor denied this tool call.';
    return json({
      permissionDecision: 'deny',
      permissionDecisionReason: reason,
      hookSpecificOutput: { hookEventName: eventName === 'preToolUse' || eventName === undefined ? 'PreToolUse' : eventName, permissionDecision: 'deny', permissionDecisionReason: reason },
    });
  },
};
