// Reading an agent's JSON payload defensively: bounded nesting, typed field access, clear errors.
import { jsonShape } from '../../text/json-shape';
import { PayloadError } from '../types';

/** Real payloads nest a few levels; deeper input is refused before JSON.parse recurses. */
const MAX_PAYLOAD_DEPTH = 32;

export type Json = Record<string, unknown>;

export function parsePayload(text: string): Json {
  if (jsonShape(text, MAX_PAYLOAD_DEPTH).tooDeepAt !== -1) {
    throw new PayloadError(`the payload nests deeper than ${MAX_PAYLOAD_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new PayloadError(`the payload is not JSON (${(e as Error).message})`);
  }
  return asObject(value, 'the payload');
}

export function asObject(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new PayloadError(`${what} is not a JSON object`);
  }
  return value as Json;
}

/** A string field, or undefined when absent; any other type is an error. */
export function optString(o: Json, key: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    return undefined;
  }
  if (typeof v !== 'string') {
    throw new PayloadError(`"${key}" is not a string`);
  }
  return v;
}

export function reqString(o: Json, key: string): string {
  const v = optString(o, key);
  if (v === undefined) {
    throw new PayloadError(`"${key}" is missing`);
  }
  return v;
}

/** The first of several field names that is present (agents spell the same field differently). */
export function firstString(o: Json, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = optString(o, k);
    if (v !== undefined) {
      return v;
    }
  }
  return undefined;
}
