// go.mod, parsed once per file and cached until invalidated: the module path and its requirements.
import * as path from 'path';
import { memo, nearestDirWith, readText } from '../fs-cache';

export interface GoMod {
  file: string;
  dir: string;
  module?: string;
  requires: string[];
}

export function nearestGoMod(dir: string, root: string): GoMod | undefined {
  const d = nearestDirWith(dir, root, ['go.mod']);
  if (d === undefined) {
    return undefined;
  }
  const file = path.join(d, 'go.mod');
  return memo(`gomod\0${file}`, () => {
    const text = readText(file) ?? '';
    const requires: string[] = [];
    let module: string | undefined;
    let block: string | undefined;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) {
        continue;
      }
      if (block) {
        if (line === ')') {
          block = undefined;
        } else if (block === 'require') {
          requires.push(unquote(line.split(/\s+/)[0]));
        }
        continue;
      }
      const m = /^(module|require|replace|exclude|retract|tool|godebug)\s*(\(?)\s*(.*)$/.exec(line);
      if (!m) {
        continue;
      }
      if (m[2] === '(') {
        block = m[1];
      } else if (m[1] === 'module') {
        module = unquote(m[3].split(/\s+/)[0]);
      } else if (m[1] === 'require') {
        requires.push(unquote(m[3].split(/\s+/)[0]));
      }
    }
    return { file, dir: d, module, requires };
  });
}

function unquote(s: string): string {
  return s.replace(/^["`](.*)["`]$/, '$1');
}
