import { readFileSync } from 'node:fs';
import { fixtureFiles, readFixture } from './helpdesk-fixtures';

/**
 * The hostile corpus (tests/fixtures/hostile/): each trick of tricks.html, to be planted before
 * the real properties panel of every help-desk fixture and generic ticket page.
 */
export const parseHtml = (html: string) => new DOMParser().parseFromString(html, 'text/html');

export const hostileTricks = [
  ...parseHtml(readFileSync('tests/fixtures/hostile/tricks.html', 'utf8')).querySelectorAll('template'),
].map((t) => ({ id: t.id, html: t.innerHTML }));

export const ACME = { company: 'Acme Dental Group', email: 'dana@acmedental.com' };
export const RIVERSIDE = { company: 'Riverside Family Clinic', email: 'tom.becker@riversideclinic.org' };

export interface HostilePage {
  name: string;
  html: string;
  url: string;
  site?: string;
  /** The account the page's own panel names (null: none). */
  account: string | null;
  /** Whether the page itself shows a company or email for it (else only the help desk's API does). */
  namedOnPage: boolean;
}

/** The generic ticket pages and every help-desk fixture that declares its account. */
export function hostilePages(): HostilePage[] {
  const pages: HostilePage[] = [
    {
      name: 'generic-ticket-email.html',
      url: 'http://127.0.0.1/generic-ticket-email.html?ticket=1042',
      account: ACME.company,
    },
    {
      name: 'generic-ticket-domain.html',
      url: 'http://127.0.0.1/generic-ticket-domain.html?ticket=1043',
      account: ACME.company,
    },
    {
      name: 'generic-ticket-name.html',
      url: 'http://127.0.0.1/generic-ticket-name.html?ticket=1044',
      account: 'Baker & Price LLP',
    },
    {
      name: 'generic-ticket-hostile.html',
      url: 'http://127.0.0.1/generic-ticket-hostile.html?ticket=1046',
      account: RIVERSIDE.company,
    },
  ].map((p) => ({ ...p, html: readFileSync(`tests/fixtures/${p.name}`, 'utf8'), namedOnPage: true }));
  for (const file of fixtureFiles()) {
    const { html, expect: want } = readFixture(file);
    if (want.helpdesk === null || want.account === undefined) continue;
    pages.push({
      name: `helpdesks/${file}`,
      html,
      url: want.url,
      site: want.site,
      account: want.account,
      namedOnPage: !!(want.company || want.contactEmail),
    });
  }
  return pages;
}

/** The account a trick on this page forges: a known one other than the page's own. */
export const forgedFor = (page: HostilePage) => (page.account === ACME.company ? RIVERSIDE : ACME);

/** The page with the trick placed at the start of its body, naming the forged account. */
export function withTrick(page: HostilePage, trick: { html: string }): Document {
  const doc = parseHtml(page.html);
  const forged = forgedFor(page);
  const holder = doc.createElement('div');
  holder.innerHTML = trick.html.replaceAll('{COMPANY}', forged.company).replaceAll('{EMAIL}', forged.email);
  doc.body.prepend(...holder.childNodes);
  return doc;
}
