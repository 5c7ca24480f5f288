import { readdirSync, readFileSync } from 'node:fs';

/** The help-desk page fixtures and the expectations each declares (see tests/fixtures/helpdesks/README.md). */
export const HELPDESK_FIXTURES = 'tests/fixtures/helpdesks';

export interface FixtureExpect {
  url: string;
  helpdesk: string | null;
  site?: string;
  ticketId?: string | null;
  company?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  account?: string | null;
  /** Fields the adapter must report it could not read (a changed layout). */
  missing?: string[];
  api?: Record<string, unknown>;
}

export function readFixture(file: string): { html: string; expect: FixtureExpect } {
  const html = readFileSync(`${HELPDESK_FIXTURES}/${file}`, 'utf8');
  const m = /<script type="application\/json" id="backstory-fixture">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error(`${file}: no <script type="application/json" id="backstory-fixture"> block`);
  return { html, expect: JSON.parse(m[1]!) as FixtureExpect };
}

export function fixtureFiles(): string[] {
  return readdirSync(HELPDESK_FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .sort();
}
