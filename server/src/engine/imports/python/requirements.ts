// Requirement names (PEP 508) normalised as distributions (PEP 503), and requirements*.txt files with
// their -r includes.
import * as path from 'path';
import { readText } from '../fs-cache';

/** PEP 503 normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
export function normalizeDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT_NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

/** The distribution a PEP 508 requirement names: `requests[socks]>=2` → `requests`. */
export function requirementName(req: string): string {
  return REQUIREMENT_NAME.exec(req)?.[1] ?? '';
}

/** Adds the distributions of a requirements file to `out`, following -r includes (at most 50 files). */
export function readRequirements(file: string, out: Set<string>, files: string[]): void {
  if (files.includes(file) || files.length > 50) {
    return;
  }
  files.push(file);
  for (const raw of (readText(file) ?? '').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) {
      continue;
    }
    const include = /^(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line);
    if (include) {
      if (line.startsWith('-r') || line.startsWith('--requirement')) {
        readRequirements(path.resolve(path.dirname(file), include[1]), out, files);
      }
      continue;
    }
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(raw);
    if (egg) {
      out.add(normalizeDist(egg[1]));
      continue;
    }
    if (line.startsWith('-')) {
      continue;
    }
    const m = REQUIREMENT_NAME.exec(line);
    if (m) {
      out.add(normalizeDist(m[1]));
    }
  }
}
