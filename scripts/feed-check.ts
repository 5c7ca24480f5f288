// `npm run feed:check -- feed.json [accounts.csv deals.csv ...]`: reads files exactly as a team
// feed is read in the browser (sources/team-feed.ts: all or nothing, the import's column mapping)
// and says what a technician's browser would import, or the first problem, before you publish.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFeed } from '../sources/team-feed';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (!files.length) {
  console.error('usage: npm run feed:check -- <feed.json | files.csv ...>');
  process.exit(2);
}
try {
  const set = parseFeed(files.map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) })));
  const n = (k: keyof typeof set) => `${set[k].length} ${k}`;
  console.log(`OK: ${[n('accounts'), n('contacts'), n('campaigns'), n('deals'), n('notes')].join(', ')}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
