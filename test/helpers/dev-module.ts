import { createRequire } from 'module';
import * as path from 'path';
import { REPO_ROOT } from './paths';

/** A devDependency loaded by name (typed by the caller: these packages ship no types we install). */
export function devModule<T>(name: string): T {
  return createRequire(path.join(REPO_ROOT, 'package.json'))(name) as T;
}
