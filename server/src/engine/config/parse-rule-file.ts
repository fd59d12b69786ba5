import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { ConfigProblem, Range } from '../types';
import { LineIndex } from '../text/positions';
import { ruleFile, type RuleFile } from './schema';

export type JsonPath = (string | number)[];

/** A rule file parsed with positions, so every later check can point at the offending line. */
export interface ParsedRuleFile {
  file: string;
  value?: RuleFile;
  problems: ConfigProblem[];
  rangeOf(path: JsonPath, key?: boolean): Range;
}

export function parseRuleFile(file: string, text: string): ParsedRuleFile {
  const index = new LineIndex(text);
  if (text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '').trim() === '') {
    const rangeOf = (): Range => index.rangeOf(0, 0);
    const message = 'The rule file is empty: expected an object such as { "extends": ["conductor:recommended"] }.';
    return { file, problems: [{ file, range: rangeOf(), message, severity: 'error' }], rangeOf };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = [];
  const problem = (range: Range, message: string): void => {
    problems.push({ file, range, message, severity: 'error' });
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

  for (const e of errors) {
    problem(index.rangeOf(e.offset, e.offset + Math.max(e.length, 1)), `Invalid JSONC: ${describeParseError(e)}`);
  }
  if (!tree || errors.length > 0) {
    return { file, problems, rangeOf };
  }
  const result = ruleFile.safeParse(getNodeValue(tree));
  if (!result.success) {
    for (const issue of result.error.issues) {
      reportIssue(issue);
    }
    return { file, problems, rangeOf };
  }
  return { file, value: result.data, problems, rangeOf };

  function reportIssue(issue: z.core.$ZodIssue): void {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        problem(rangeOf([...path, k], true), `Unknown key "${k}"${where(path)}. ${suggestKeys(path)}`);
      }
      return;
    }
    problem(rangeOf(path), `${issue.message}${where(path)}.`);
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
