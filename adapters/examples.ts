import type { TicketExample } from './types';
import { examples as genericExamples, nonExamples as genericNonExamples } from './generic';

/**
 * Tests only: each adapter's example URLs by adapter id. Never imported by the extension, so the
 * example URLs stay out of its bundles (tests/e2e/bundles.e2e.ts checks the content script).
 */
interface ExampleModule {
  default: { id: string };
  examples: TicketExample[];
  nonExamples?: string[];
}
const modules = import.meta.glob<ExampleModule>('./helpdesks/*.ts', { eager: true });

export interface AdapterExamples {
  examples: TicketExample[];
  nonExamples: string[];
}

const byId = new Map<string, AdapterExamples>([
  ['generic', { examples: genericExamples, nonExamples: genericNonExamples }],
  ...Object.values(modules).map(
    (m) => [m.default.id, { examples: m.examples, nonExamples: m.nonExamples ?? [] }] as const,
  ),
]);

export function examplesOf(id: string): AdapterExamples {
  const found = byId.get(id);
  if (!found) throw new Error(`no examples for adapter ${id}`);
  return found;
}
