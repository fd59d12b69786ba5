// Node's built-in modules and npm package names.
import { builtinModules } from 'module';

const NODE_BUILTINS = new Set(builtinModules);

/** `fs`, `fs/promises`, `node:test`… (the `node:` prefix makes anything a built-in request). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/** The package an npm specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function npmPackageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** `@types/` package that carries a package's types: `@scope/name` → `@types/scope__name`. */
export function typesPackageFor(name: string): string {
  return `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`;
}
