// The marker grammar, spec v1 (docs/provenance.md): `@ai-generated begin|end key=value …`.
// Shared by the parser and the writers so both read a marker's fields the same way.
import type { MarkerFields } from './types';

export const MARKER_GRAMMAR_VERSION = 1;
export const DIRECTIVE = '@ai-generated';

/** Marker keys and the `MarkerFields` properties they fill, in the order writers emit them. */
export const KEY_PROPERTY = {
  id: 'id',
  tool: 'tool',
  use: 'useCase',
  at: 'at',
  'accepted-by': 'acceptedBy',
  'reviewed-by': 'reviewedBy',
  'reviewed-at': 'reviewedAt',
} as const satisfies Record<string, keyof MarkerFields>;

export type KnownKey = keyof typeof KEY_PROPERTY;
export const TIME_KEYS: ReadonlySet<string> = new Set(['at', 'reviewed-at']);

const KEY = /^[a-z][a-z0-9-]*$/;
const FIELD = /^([a-z][a-z0-9-]*)=(?:"((?:[^"\\]|\\.)+)"|([^\s"]+))$/s;
const ID = /^[0-9a-f]{4,12}$/i;
const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;
// Values may not end any comment style we write, so one value is valid in every language.
const COMMENT_CLOSERS = ['*/', '-->', '-}', ']]'];

/** A whitespace-separated piece of a marker body, as offsets into the text. */
export type Token =
  | { kind: 'field'; start: number; end: number; key: string; value: string; valueStart: number }
  | { kind: 'word'; start: number; end: number; text: string };

export function isKnownKey(key: string): key is KnownKey {
  return Object.hasOwn(KEY_PROPERTY, key);
}

export function isMarkerId(value: string): boolean {
  return ID.test(value);
}

/** ISO-8601 UTC at minute or second precision, and a real calendar time. */
export function isMarkerTime(value: string): boolean {
  const m = TIME.exec(value);
  if (!m) {
    return false;
  }
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d &&
    t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s
  );
}

/** The `at=` form of a time, at minute precision like the examples in the spec. */
export function formatMarkerTime(date: Date): string {
  return `${date.toISOString().slice(0, 16)}Z`;
}

/**
 * Splits `text[from, to)` at whitespace; a `"…"` keeps its spaces. Tokens that are `key=value`
 * become fields, anything else a word (the `begin`/`end` keyword, or junk).
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && !isSpace(text.charCodeAt(i))) {
      i = text.charCodeAt(i) === 34 /* " */ ? closingQuote(text, i + 1, to) : i + 1;
    }
    tokens.push(readToken(text, start, i));
  }
  return tokens;
}

function readToken(text: string, start: number, end: number): Token {
  const raw = text.slice(start, end);
  const m = FIELD.exec(raw);
  if (!m) {
    return { kind: 'word', start, end, text: raw };
  }
  const quoted = m[2] !== undefined;
  const value = quoted ? m[2].replace(/\\(.)/gs, '$1') : m[3];
  return { kind: 'field', start, end, key: m[1], value, valueStart: start + m[1].length + 1 };
}

/** Offset just after the quote that closes a value, or `to` when it is unterminated. */
function closingQuote(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
    } else if (c === 34) {
      return i + 1;
    }
  }
  return to;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/** `key=value`, quoting the value when it has spaces or quotes. Throws on values the grammar cannot hold. */
export function formatField(key: string, value: string): string {
  if (!KEY.test(key)) {
    throw new RangeError(`Invalid marker key "${key}": use lowercase letters, digits and "-".`);
  }
  if (value === '' || /[\u0000-\u001f\u007f]/.test(value) || COMMENT_CLOSERS.some((c) => value.includes(c))) {
    throw new RangeError(`Invalid value for marker key "${key}": it must be non-empty, on one line, without a comment closer.`);
  }
  if (key === 'id' && !isMarkerId(value)) {
    throw new RangeError(`Invalid marker id "${value}": use 4–12 hex digits.`);
  }
  if (TIME_KEYS.has(key) && !isMarkerTime(value)) {
    throw new RangeError(`Invalid time for "${key}": use ISO-8601 UTC such as 2026-11-24T10:31Z.`);
  }
  return /^[^\s"]+$/.test(value) ? `${key}=${value}` : `${key}="${value.replace(/[\\"]/g, '\\$&')}"`;
}
