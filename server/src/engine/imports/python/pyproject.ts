import { pushAll } from '../../text/push-all';
import { requirementName } from './requirements';
import { stripTomlComment, tomlStrings, unbalanced } from './toml';

/**
 * The dependency names of a pyproject.toml: [project].dependencies and optional-dependencies,
 * [dependency-groups], [tool.poetry.dependencies] (and dev-dependencies, group.*.dependencies),
 * [tool.pdm.dev-dependencies]. Read line by line (toml.ts): tables, keys, strings and arrays.
 */
export function parsePyproject(text: string): { name?: string; dependencies: string[] } {
  const deps: string[] = [];
  let name: string | undefined;
  let table = '';
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = stripTomlComment(lines[i]).trim();
    if (!line) {
      continue;
    }
    const header = /^\[\[?\s*([^\]]+?)\s*\]\]?$/.exec(line);
    if (header) {
      table = header[1].replace(/\s*\.\s*/g, '.').replace(/"([^"]*)"/g, '$1');
      continue;
    }
    const kv = /^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=\s*(.*)$/.exec(line);
    if (!kv) {
      continue;
    }
    const key = kv[1].replace(/^["']|["']$/g, '');
    let value = kv[2];
    // Multi-line arrays and inline tables: read until brackets balance.
    while (unbalanced(value) && i + 1 < lines.length) {
      value += '\n' + stripTomlComment(lines[++i]);
    }
    line = value;
    const isPoetryDeps = table === 'tool.poetry.dependencies' || table === 'tool.poetry.dev-dependencies' || /^tool\.poetry\.group\.[^.]+\.dependencies$/.test(table);
    if (table === 'project' && key === 'name') {
      name = tomlStrings(value)[0];
    } else if (table === 'project' && key === 'dependencies') {
      pushAll(deps, tomlStrings(value).map(requirementName));
    } else if (table === 'project.optional-dependencies' || table === 'dependency-groups' || table === 'tool.pdm.dev-dependencies') {
      pushAll(deps, tomlStrings(value).map(requirementName));
    } else if (isPoetryDeps && key !== 'python') {
      deps.push(key);
    } else if (table === 'tool.poetry' && key === 'name') {
      name ??= tomlStrings(value)[0];
    }
  }
  return { name, dependencies: deps.filter(Boolean) };
}
