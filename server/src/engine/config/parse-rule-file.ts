import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { ConfigProblem, Range } from '../types';
import { LineIndex } from '../text/positions';
import { jsonShape } from '../text/json-shape';
import { ruleFile, type RuleFile } from './schema';

/** Real rule files nest a handful of levels; deeper text is refused before the recursive parsers see it. */
export const MAX_RULE_FILE_DEPTH = 64;
/** Problems listed per file; the last one says how many more there are. */
export const MAX_PROBLEMS_PER_FILE = 100;

export type JsonPath = (string | number)[];

/** A rule file parsed with positions, so every later check can point at the offending line. */
export interface ParsedRuleFile {
  file: string;
  value?: RuleFile;
  problems: ConfigProblem[];
  rangeOf(path: JsonPath, key?: boolean): Range;
}

export function parseRuleFile(file: string, rawText: string): ParsedRuleFile {
  // A byte order mark (Windows editors) becomes a space, so offsets still match the editor's text.
  const text = rawText.charCodeAt(0) === 0xfeff ? ' ' + rawText.slice(1) : rawText;
  const index = new LineIndex(text);
  const shape = jsonShape(text, MAX_RULE_FILE_DEPTH);
  if (!shape.hasContent || shape.tooDeepAt !== -1) {
    const at = Math.max(shape.tooDeepAt, 0);
    const rangeOf = (): Range => index.rangeOf(at, at);
    const message = shape.hasContent
      ? `The rule file is too deeply nested (more than ${MAX_RULE_FILE_DEPTH} levels).`
      : 'The rule file is empty: expected an object such as { "extends": ["conductor:recommended"] }.';
    return { file, problems: [{ file, range: index.rangeOf(at, at + (shape.hasContent ? 1 : 0)), message, severity: 'error' }], rangeOf };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = [];
  let unlisted = 0;
  // The range is computed only for listed problems: a lookup per unknown key would be quadratic.
  const problem = (range: () => Range, message: string): void => {
    if (problems.length < MAX_PROBLEMS_PER_FILE) {
      problems.push({ file, range: range(), message, severity: 'error' });
    } else {
      unlisted++;
    }
  };
  const rangeOf = (path: JsonPath, key = false): Range => {
    let node: Node | undefined = tree && findNodeAtLocation(tree, path);
    // Fall back to the nearest existing ancestor when the path points at something missing.
    for (let p = path.slice(0, -1); !node && tree; p = p.slice(0, -1)) {
      node = findNodeAtLocation(tree, p);
      if (p.length === 0) {
        break;
      }
    }
    if (!node) {
      return index.rangeOf(0, 0);
    }
    const target = key && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
    return index.rangeOf(target.offset, target.offset + target.length);
  };

  const withSummary = (): ConfigProblem[] => {
    if (unlisted > 0) {
      const last = problems[problems.length - 1];
      last.message += ` (${unlisted} more problem(s) in this file are not listed.)`;
    }
    return problems;
  };
  for (const e of errors) {
    problem(() => index.rangeOf(e.offset, e.offset + Math.max(e.length, 1)), `Invalid JSONC: ${describeParseError(e)}`);
  }
  if (!tree || errors.length > 0) {
    return { file, problems: withSummary(), rangeOf };
  }
  const result = ruleFile.safeParse(getNodeValue(tree));
  if (!result.success) {
    for (const issue of result.error.issues) {
      reportIssue(issue);
    }
    return { file, problems: withSummary(), rangeOf };
  }
  return { file, value: result.data, problems, rangeOf };

  function reportIssue(issue: z.core.$ZodIssue): void {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        problem(() => rangeOf([...path, k], true), `Unknown key "${k}"${where(path)}. ${suggestKeys(path)}`);
      }
      return;
    }
    problem(() => rangeOf(path), `${issue.message}${where(path)}.`);
  }
}

function where(path: JsonPath): string {
  return path.length ? ` at ${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').slice(1)}` : '';
}

function suggestKeys(path: JsonPath): string {
  const shape = path.length === 0 ? ruleFile.shape : undefined;
  return shape ? `Allowed keys: ${Object.keys(shape).join(', ')}.` : 'See the rule-file reference in the README.';
}

function describeParseError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
