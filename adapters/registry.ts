import type { HelpdeskAdapter } from './types';

/**
 * Every help-desk adapter: each file in adapters/helpdesks/ default-exports one. Adding a help
 * desk is adding a file there (plus its fixture): its hosted domains come from the file too (hosts.ts).
 * Only the default export is imported, so each file's test examples stay out of the bundles.
 */
const modules = import.meta.glob<HelpdeskAdapter>('./helpdesks/*.ts', { eager: true, import: 'default' });

export const SPECIFIC_ADAPTERS: readonly HelpdeskAdapter[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path]!);

export function adapterById(id: string): HelpdeskAdapter | undefined {
  return SPECIFIC_ADAPTERS.find((a) => a.id === id);
}
