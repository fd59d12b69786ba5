// Reads one line of a diff as a provenance marker, without the rest of the file. The history replay
// (history.ts) sees single added lines, not whole files, so it cannot run the full parser; this
// accepts what the grammar accepts on a line of its own (docs/provenance.md) and does not
// know about strings spanning lines: a marker-looking line inside a multi-line string counts here.
import { syntaxFor, type LanguageSyntax } from '../engine';
import { DIRECTIVE, isMarkerId, tokenize } from '../engine/provenance/marker-grammar';

export interface MarkerLineInfo {
  kind: 'begin' | 'end';
  /** Lowercase, as the parser reports it. */
  id: string;
  /** A begin marker that carries `reviewed-by`. */
  reviewed: boolean;
}

const syntaxCache = new Map<string, LanguageSyntax>();

function syntaxOf(relPath: string): LanguageSyntax {
  const dot = relPath.lastIndexOf('.');
  const slash = relPath.lastIndexOf('/');
  // Extension (or basename, for Makefile, .env…) decides the syntax; cache by that key.
  const key = dot > slash ? relPath.slice(dot).toLowerCase() : relPath.slice(slash + 1);
  let s = syntaxCache.get(key);
  if (!s) {
    s = syntaxFor(undefined, relPath);
    syntaxCache.set(key, s);
  }
  return s;
}

/** The marker on `line` of a file at `relPath`, or undefined when the line is not one. */
export function readMarkerLine(line: string, relPath: string): MarkerLineInfo | undefined {
  const at = line.indexOf(DIRECTIVE);
  if (at === -1) {
    return undefined;
  }
  const syntax = syntaxOf(relPath);
  const text = line.trim();
  let body: string | undefined;
  if (syntax.lineComment && text.startsWith(syntax.lineComment)) {
    body = text.slice(syntax.lineComment.length);
  } else if (syntax.blockComment && text.startsWith(syntax.blockComment[0]) && text.endsWith(syntax.blockComment[1])) {
    body = text.slice(syntax.blockComment[0].length, text.length - syntax.blockComment[1].length);
  }
  if (body === undefined) {
    return undefined;
  }
  body = body.trimStart();
  if (!body.startsWith(DIRECTIVE) || (body.length > DIRECTIVE.length && !/\s/.test(body[DIRECTIVE.length]))) {
    return undefined;
  }
  const [kind, ...rest] = tokenize(body, DIRECTIVE.length, body.length);
  if (kind?.kind !== 'word' || (kind.text !== 'begin' && kind.text !== 'end')) {
    return undefined;
  }
  const id = rest.find((t) => t.kind === 'field' && t.key === 'id');
  if (id?.kind !== 'field' || !isMarkerId(id.value)) {
    return undefined;
  }
  return {
    kind: kind.text,
    id: id.value.toLowerCase(),
    reviewed: kind.text === 'begin' && rest.some((t) => t.kind === 'field' && t.key === 'reviewed-by'),
  };
}
