// Merging Conductor's entries into an agent's hook file without touching anything else: other hooks,
// other settings, comments and formatting stay (jsonc-parser edits), and running it twice changes nothing.
import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { OWN_COMMAND, type AgentHookFile } from './agent-hook-files';

export class HookFileError extends Error {}

type Json = Record<string, unknown>;

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The file's text with Conductor's entries as `spec` says (installed), or without them (uninstalled). */
export function mergeHookFile(text: string | undefined, spec: AgentHookFile, install: boolean): string {
  const source = text ?? '{}\n';
  const value = parseObject(source, spec.file);
  const hooks = value.hooks === undefined ? {} : value.hooks;
  if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks)) {
    throw new HookFileError(`${spec.file}: "hooks" is not an object; fix it by hand, then run this again`);
  }
  let out = source;
  const edit = (jsonPath: (string | number)[], v: unknown): void => {
    out = applyEdits(out, modify(out, jsonPath, v, FORMAT));
  };
  if (install) {
    for (const [k, v] of Object.entries(spec.header)) {
      if (value[k] === undefined) {
        edit([k], v);
      }
    }
  }
  const events = new Set([...Object.keys(hooks as Json), ...Object.keys(spec.events)]);
  for (const event of events) {
    const current = (hooks as Json)[event];
    if (current !== undefined && !Array.isArray(current)) {
      if (spec.events[event]) {
        throw new HookFileError(`${spec.file}: "hooks.${event}" is not an array; fix it by hand, then run this again`);
      }
      continue;
    }
    const kept = withoutOwn(current ?? [], spec);
    const next = install && spec.events[event] ? [...kept, spec.events[event]] : kept;
    if (JSON.stringify(next) !== JSON.stringify(current ?? [])) {
      edit(['hooks', event], next.length > 0 ? next : undefined);
    }
  }
  return out;
}

/** Whether the file already holds exactly what an install would write. */
export function isCurrent(text: string | undefined, spec: AgentHookFile): boolean {
  return text !== undefined && mergeHookFile(text, spec, true) === text && hasOwn(text, spec);
}

export function hasOwn(text: string, spec: AgentHookFile): boolean {
  const hooks = parseObject(text, spec.file).hooks;
  return hooks !== null && typeof hooks === 'object' && Object.values(hooks as Json).some((v) => Array.isArray(v) && v.some((e) => isOwn(e, spec) || (spec.grouped && isGroup(e) && (e.hooks as unknown[]).some((h) => isOwn(h, spec)))));
}

function isOwn(e: unknown, spec: AgentHookFile): boolean {
  return e !== null && typeof e === 'object' && typeof (e as Json)[spec.commandKey] === 'string' && OWN_COMMAND.test((e as Json)[spec.commandKey] as string);
}

function isGroup(g: unknown): g is Json {
  return g !== null && typeof g === 'object' && Array.isArray((g as Json).hooks);
}

/** The event's entries without Conductor's; a group left with no hook goes too. */
function withoutOwn(entries: unknown[], spec: AgentHookFile): unknown[] {
  const own = (e: unknown): boolean => isOwn(e, spec);
  if (!spec.grouped) {
    return entries.filter((e) => !own(e));
  }
  const out: unknown[] = [];
  for (const g of entries) {
    if (!isGroup(g) || !(g.hooks as unknown[]).some(own)) {
      out.push(g);
      continue;
    }
    const rest = (g.hooks as unknown[]).filter((h) => !own(h));
    if (rest.length > 0) {
      out.push({ ...g, hooks: rest });
    }
  }
  return out;
}

function parseObject(text: string, file: string): Json {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HookFileError(`${file} is not a JSON object; fix it by hand, then run this again (Conductor never overwrites it)`);
  }
  return value as Json;
}
