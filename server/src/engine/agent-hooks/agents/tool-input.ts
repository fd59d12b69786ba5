// Tool calls → writes and reads. The agents' file tools differ in names and field spellings but not in
// meaning (Claude Code and Codex `Write`/`Edit`, Gemini `write_file`/`replace`, Copilot `create`/`edit`,
// VS Code `create_file`/`replace_string_in_file`); one table keeps them together.
import { PayloadError, type FileWrite } from '../types';
import { asObject, firstString, type Json } from './payload';
import { parseApplyPatch } from './apply-patch';

const PATH_KEYS = ['file_path', 'filePath', 'path', 'absolute_path', 'notebook_path'];
const CONTENT_KEYS = ['content', 'file_text', 'fileText'];
const OLD_KEYS = ['old_string', 'old_str', 'oldString'];
const NEW_KEYS = ['new_string', 'new_str', 'newString'];

type ToolKind = 'write' | 'edit' | 'multi-edit' | 'notebook' | 'read' | 'search' | 'patch';

const TOOLS: Record<string, ToolKind> = {
  Write: 'write',
  write_file: 'write',
  create: 'write',
  create_file: 'write',
  Edit: 'edit',
  edit: 'edit',
  str_replace: 'edit',
  replace: 'edit',
  replace_string_in_file: 'edit',
  MultiEdit: 'multi-edit',
  NotebookEdit: 'notebook',
  Read: 'read',
  read_file: 'read',
  view: 'read',
  Grep: 'search',
  Glob: 'search',
  apply_patch: 'patch',
};

export type ToolCall = { kind: 'write'; writes: FileWrite[] } | { kind: 'read'; paths: string[] } | { kind: 'other' };

export function classifyTool(toolName: string, rawInput: unknown): ToolCall {
  const kind = Object.prototype.hasOwnProperty.call(TOOLS, toolName) ? TOOLS[toolName] : undefined;
  if (kind === undefined) {
    return { kind: 'other' };
  }
  const input = kind === 'patch' && typeof rawInput === 'string' ? { command: rawInput } : asObject(rawInput, 'the tool input');
  switch (kind) {
    case 'write':
      return { kind: 'write', writes: [{ path: pathOf(input), change: { kind: 'content', content: need(firstString(input, CONTENT_KEYS), 'content') } }] };
    case 'edit':
      return { kind: 'write', writes: [{ path: pathOf(input), change: { kind: 'edits', edits: [editOf(input)] } }] };
    case 'multi-edit': {
      const edits = input.edits;
      if (!Array.isArray(edits) || edits.length === 0) {
        throw new PayloadError('"edits" is not a non-empty array');
      }
      return { kind: 'write', writes: [{ path: pathOf(input), change: { kind: 'edits', edits: edits.map((e) => editOf(asObject(e, 'an edit'))) } }] };
    }
    case 'notebook':
      return { kind: 'write', writes: [{ path: pathOf(input), change: { kind: 'fragment', text: firstString(input, ['new_source']) ?? '' } }] };
    case 'read':
      return { kind: 'read', paths: [pathOf(input)] };
    case 'search': {
      // A search reads under its path (default: the working directory, which holds no single excluded file).
      const p = firstString(input, PATH_KEYS);
      return p === undefined ? { kind: 'other' } : { kind: 'read', paths: [p] };
    }
    case 'patch':
      return { kind: 'write', writes: parseApplyPatch(need(firstString(input, ['command', 'patch', 'input']), 'patch text')) };
  }
}

function pathOf(input: Json): string {
  return need(firstString(input, PATH_KEYS), 'file path');
}

function editOf(input: Json): { oldString: string; newString: string; replaceAll: boolean } {
  const replacements = input.expected_replacements;
  return {
    oldString: need(firstString(input, OLD_KEYS), 'old_string'),
    newString: need(firstString(input, NEW_KEYS), 'new_string'),
    replaceAll: input.replace_all === true || (typeof replacements === 'number' && replacements > 1),
  };
}

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) {
    throw new PayloadError(`the tool input has no ${what}`);
  }
  return v;
}
