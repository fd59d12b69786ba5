// Cursor hooks (cursor.com/docs/agent/hooks, .cursor/hooks.json version 1): camelCase events with
// `workspace_roots`. `preToolUse` carries `tool_name`/`tool_input`; `beforeReadFile` a `file_path`;
// `afterFileEdit` the `edits` made. Permission events answer `{"permission": "allow" | "deny",
// "user_message", "agent_message"}`; the agent message is what the model reads.
import type { HookEvent } from '../types';
import { json, sessionFields, type AgentAdapter } from './adapter';
import { optString, reqString, type Json } from './payload';
import { classifyTool } from './tool-input';

function projectRoot(p: Json): { projectRoot?: string } {
  const roots = p.workspace_roots;
  return Array.isArray(roots) && typeof roots[0] === 'string' ? { projectRoot: roots[0] } : {};
}

export const cursor: AgentAdapter = {
  id: 'cursor',
  parse(p, installedFor): HookEvent {
    const eventName = optString(p, 'hook_event_name') ?? installedFor;
    const base = { agent: 'cursor' as const, tool: optString(p, 'tool_name') ?? eventName ?? '', ...sessionFields(p), ...projectRoot(p) };
    switch (eventName) {
      case 'beforeReadFile':
        return { ...base, phase: 'pre-read', paths: [reqString(p, 'file_path')] };
      case 'afterFileEdit':
        return { ...base, phase: 'post-write', writes: [{ path: reqString(p, 'file_path'), change: { kind: 'edits', edits: editsOf(p) } }] };
      case 'preToolUse': {
        const call = classifyTool(reqString(p, 'tool_name'), p.tool_input);
        return call.kind === 'other' ? { ...base, phase: 'ungoverned' } : call.kind === 'read' ? { ...base, phase: 'pre-read', paths: call.paths } : { ...base, phase: 'pre-write', writes: call.writes };
      }
      default:
        return { ...base, phase: 'ungoverned' };
    }
  },
  reply(answer, eventName) {
    if (eventName === 'afterFileEdit') {
      return json({});
    }
    if (answer.decision === 'deny') {
      const reason = answer.reason ?? 'Conductor denied this action.';
      return json({ permission: 'deny', user_message: firstLine(reason), agent_message: reason });
    }
    return json({ permission: 'allow', ...(answer.context && eventName === 'preToolUse' && { agent_message: answer.context }) });
  },
};

function editsOf(p: Json) {
  const edits = Array.isArray(p.edits) ? p.edits : [];
  return edits
    .filter((e): e is Json => e !== null && typeof e === 'object')
    .map((e) => ({ oldString: typeof e.old_string === 'string' ? e.old_string : '', newString: typeof e.new_string === 'string' ? e.new_string : '', replaceAll: false }));
}

function firstLine(s: string): string {
  return s.split('\n', 1)[0];
}
