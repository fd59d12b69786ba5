// JSONC manifests (package.json, tsconfig.json) read through the fs cache, depth-checked before parsing.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { jsonShape } from '../../text/json-shape';
import { readText } from '../fs-cache';

const MAX_MANIFEST_DEPTH = 256;

export function readJsonc(file: string): unknown {
  const text = readText(file);
  if (text === undefined || jsonShape(text, MAX_MANIFEST_DEPTH).tooDeepAt !== -1) {
    return undefined; // deeper nesting would overflow the recursive parser
  }
  const errors: ParseError[] = [];
  const v: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  return v;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
