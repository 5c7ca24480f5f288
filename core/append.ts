/**
 * Add every item of `items` to the end of `target`. Not `target.push(...items)`: a spread passes
 * each item as an argument, and an engine's argument limit (about 100k in V8) then throws
 * "Maximum call stack size exceeded", as restoring a backup of a 50k-account database did.
 */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
