import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTicket } from '@/adapters';
import { matchTicket } from '@/core/match';
import { sampleAccounts, sampleMatchIndex } from '../sample-match-index';
import { fixtureFiles, readFixture } from '../helpdesk-fixtures';

/**
 * Every trick of tests/fixtures/hostile/tricks.html, placed before the real properties panel of
 * every help-desk fixture and generic ticket page: the page shows its own account or none.
 */

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const tricksDoc = parse(readFileSync('tests/fixtures/hostile/tricks.html', 'utf8'));
const tricks = [...tricksDoc.querySelectorAll('template')].map((t) => ({ id: t.id, html: t.innerHTML }));

const accounts = sampleAccounts;
const index = sampleMatchIndex;
const nameOf = (id: string | undefined) => accounts.find((a) => a.id === id)?.name;

const ACME = { company: 'Acme Dental Group', email: 'dana@acmedental.com' };
const RIVERSIDE = { company: 'Riverside Family Clinic', email: 'tom.becker@riversideclinic.org' };

interface Page {
  name: string;
  html: string;
  url: string;
  site?: string;
  account: string | null;
}
const pages: Page[] = [
  {
    name: 'generic-ticket-email.html',
    url: 'http://127.0.0.1/generic-ticket-email.html?ticket=1042',
    account: 'Acme Dental Group',
  },
  {
    name: 'generic-ticket-domain.html',
    url: 'http://127.0.0.1/generic-ticket-domain.html?ticket=1043',
    account: 'Acme Dental Group',
  },
  {
    name: 'generic-ticket-name.html',
    url: 'http://127.0.0.1/generic-ticket-name.html?ticket=1044',
    account: 'Baker & Price LLP',
  },
  {
    name: 'generic-ticket-hostile.html',
    url: 'http://127.0.0.1/generic-ticket-hostile.html?ticket=1046',
    account: 'Riverside Family Clinic',
  },
].map((p) => ({ ...p, html: readFileSync(`tests/fixtures/${p.name}`, 'utf8') }));
for (const file of fixtureFiles()) {
  const { html, expect: want } = readFixture(file);
  if (want.helpdesk === null || want.account === undefined) continue;
  pages.push({ name: `helpdesks/${file}`, html, url: want.url, site: want.site, account: want.account });
}

describe.each(pages.map((p) => [p.name, p] as const))('%s with a hostile variant before its panel', (_name, page) => {
  const forged = page.account === ACME.company ? RIVERSIDE : ACME;
  const clean = detectTicket(parse(page.html), new URL(page.url), page.site);

  it.each(tricks.map((t) => [t.id, t] as const))(
    '%s: its own account or none, never the forged one',
    async (_id, trick) => {
      const doc = parse(page.html);
      const holder = doc.createElement('div');
      holder.innerHTML = trick.html.replaceAll('{COMPANY}', forged.company).replaceAll('{EMAIL}', forged.email);
      doc.body.prepend(...holder.childNodes);
      const ref = detectTicket(doc, new URL(page.url), page.site);
      expect(ref, 'still a ticket').not.toBeNull();
      expect(ref!.ticketId).toBe(clean!.ticketId);
      const match = await matchTicket(ref!, index);
      const shown = match.status === 'matched' ? nameOf(match.account) : undefined;
      expect([page.account ?? undefined, undefined], `shows ${shown}`).toContain(shown);
      expect(shown).not.toBe(forged.company);
      expect(match.candidates.map((c) => c.name)).not.toContain(forged.company);
      // A reading that disagreed is said so, and never claimed with high confidence.
      if (ref!.conflict?.length) expect(match.confidence).not.toBe('high');
    },
  );
});
