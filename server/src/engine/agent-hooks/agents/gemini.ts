// Gemini CLI hooks (geminicli.com/docs/hooks/reference): BeforeTool / AfterTool with `tool_name`
// (`write_file`, `replace`, `read_file`, …) and `tool_input`; a block is `{"decision":"deny","reason":…}`
// on stdout with exit 0, the reason shown to the model. Only JSON may go to stdout.
import type { HookEvent } from '../types';
import { json, sessionFields, type AgentAdapter } from './adapter';
import { optString, reqString } from './payload';
import { classifyTool } from './tool-input';

export const gemini: AgentAdapter = {
  id: 'gemini',
  projectDirEnv: 'GEMINI_PROJECT_DIR',
  parse(p, installedFor): HookEvent {
    const eventName = optString(p, 'hook_event_name') ?? installedFor;
    const base = { agent: 'gemini' as const, tool: optString(p, 'tool_name') ?? '', ...sessionFields(p), ...(optString(p, 'cwd') && { cwd: optString(p, 'cwd') }) };
    if (eventName !== 'BeforeTool' && eventName !== 'AfterTool') {
      return { ...base, phase: 'ungoverned' };
    }
    const call = classifyTool(reqString(p, 'tool_name'), p.tool_input);
    if (call.kind === 'other' || (call.kind === 'read' && eventName === 'AfterTool')) {
      return { ...base, phase: 'ungoverned' };
    }
    if (call.kind === 'read') {
      return { ...base, phase: 'pre-read', paths: call.paths };
    }
    return { ...base, phase: eventName === 'BeforeTool' ? 'pre-write' : 'post-write', writes: call.writes };
  },
  // Gemini documents no model-facing context for BeforeTool: warnings are not returned.
  reply: (answer) => (answer.decision === 'deny' ? json({ decision: 'deny', reason: answer.reason ?? 'Conductor denied this tool call.' }) : json({})),
};
