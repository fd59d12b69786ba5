/** `target.push(...items)` without spreading: a spread of ~125k elements overflows the call stack. */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) {
    target.push(item);
  }
}
