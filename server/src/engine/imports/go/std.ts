/** Go's standard library: no dot in the first path element (`fmt`, `net/http`, `golang.org/x/…` is not std). */
export function isGoStd(importPath: string): boolean {
  return !importPath.split('/')[0].includes('.');
}
