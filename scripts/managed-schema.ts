// The managed policy's schema as the build ships it (wxt.config.ts, `build:publicAssets`):
// public/schema.json with each registered data source's kind and settings added to the
// description of `dataSources`, so what an administrator reads there is what the extension checks
// a policy's source against (services/policy.ts), and a new source needs no line here or in docs.
import type { LiveSource } from '../sources/live-source';
import { LIVE_SOURCES } from '../sources/live-sources';

/** "hubspot: token [base]": what a policy must give first, then (in brackets) what it may leave out. */
function settingsOf(source: LiveSource): string {
  const name = (f: LiveSource['fields'][number]) => (f.fromSignIn ? `${f.key} (from a sign-in)` : f.key);
  const needed = source.fields.filter((f) => !f.optional && f.default === undefined).map(name);
  const mayOmit = source.fields.filter((f) => f.optional || f.default !== undefined).map(name);
  return `${source.kind}: ${needed.join(', ')}${mayOmit.length ? ` [${mayOmit.join(', ')}]` : ''}`;
}

/** Every registered kind and its settings, by kind. */
export function sourceSettings(sources: readonly LiveSource[] = LIVE_SOURCES): string {
  const byKind = [...sources].sort((a, b) => (a.kind < b.kind ? -1 : 1));
  return `The kinds and their settings (optional ones in brackets): ${byKind.map(settingsOf).join('; ')}.`;
}

/** public/schema.json's text -> the schema.json the extension ships. */
export function managedSchema(base: string, sources: readonly LiveSource[] = LIVE_SOURCES): string {
  const schema = JSON.parse(base) as { properties: { dataSources: { description: string } } };
  const entry = schema.properties.dataSources;
  entry.description = `${entry.description} ${sourceSettings(sources)}`;
  return `${JSON.stringify(schema, null, 2)}\n`;
}
