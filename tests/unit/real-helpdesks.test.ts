import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTicket } from '@/adapters';
import { valueBesideLabel, withoutCount } from '@/adapters/label-shapes';
import { matchTicket } from '@/core/match';
import { sampleAccounts, sampleMatchIndex } from '../sample-match-index';

/**
 * Agent ticket views captured from REAL self-hosted help desks that Backstory has no adapter for
 * (tests/fixtures/real/<product>-<version>/, each with a README saying how it was made), read by
 * the generic reader alone, as on a site the user added. Each ticket's customer wrote a signature
 * naming another sample customer ("Company: Riverside Family Clinic", tom.becker@…): a reader
 * that takes customer-written text as a field matches the wrong account or none.
 */

const REAL = 'tests/fixtures/real';
interface Expect {
  url: string;
  ticketId: string;
  urlTicketId: string;
  shownAs: string;
  company: string;
  contactEmail: string;
  account: string;
  customerText: string[];
}
const fixtures = readdirSync(REAL, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({
    name: d.name,
    // Stylesheets are not fetched in unit tests (happy-dom would warn for each): drop their links.
    html: readFileSync(`${REAL}/${d.name}/ticket.html`, 'utf8').replace(/<link\b[^>]*rel="stylesheet"[^>]*>/gi, ''),
    expect: JSON.parse(readFileSync(`${REAL}/${d.name}/expect.json`, 'utf8')) as Expect,
  }));

const accounts = sampleAccounts;
const index = sampleMatchIndex;
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('real help desks, read by the generic rules alone', () => {
  it('has at least two captured products', () => {
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(['osticket-1.18.1', 'redmine-5.0.4']));
  });

  describe.each(fixtures)('$name', ({ html, expect: want }) => {
    const url = new URL(want.url);

    it('is the page as captured: the ticket number shown, the customer-written text present', () => {
      expect(html).toContain(want.shownAs);
      for (const text of want.customerText) expect(html).toContain(text.replace(/&/g, '&amp;'));
      expect(html).not.toMatch(/csrf[-_]token" content="(?!REMOVED)/i);
    });

    it('reads the company, the requester and the ticket number as the page shows it', () => {
      const ref = detectTicket(parse(html), url, 'generic');
      expect(ref).toMatchObject({
        helpdesk: 'generic',
        ticketId: want.ticketId,
        company: want.company,
        contactEmail: want.contactEmail,
        missing: [],
      });
      // The URL's database id is kept apart where it differs (for matching and links).
      if (want.urlTicketId !== want.ticketId) expect(ref?.urlTicketId).toBe(want.urlTicketId);
      expect(ref?.conflict ?? []).toEqual([]);
      // "Detect automatically" on the site reads it the same way: no product adapter claims it.
      expect(detectTicket(parse(html), url, 'detect')).toMatchObject({ helpdesk: 'generic', ticketId: want.ticketId });
    });

    it('matches the account at high confidence by the requester email', async () => {
      const ref = detectTicket(parse(html), url, 'generic')!;
      const result = await matchTicket(ref, index);
      expect(result).toMatchObject({ status: 'matched', method: 'email', confidence: 'high' });
      expect(accounts.find((a) => a.id === result.account)?.name).toBe(want.account);
    });

    it('takes no customer-written text as a field', () => {
      const ref = detectTicket(parse(html), url, 'generic')!;
      const values = [ref.company, ref.contactName, ref.contactEmail, ref.ticketType, ...ref.emails].filter(
        (v): v is string => !!v,
      );
      for (const v of values) for (const text of want.customerText) expect(text).not.toContain(v);
      expect(values.join(' ')).not.toMatch(/riverside|666/i);
    });
  });
});

describe('the label shapes met on real help desks', () => {
  const el = (html: string, sel: string) => parse(`<body>${html}</body>`).querySelector(sel)!;

  it("finds the value beside a label wrapped with only its colon (Redmine's custom fields)", () => {
    const shape = '<div class="label"><span id="l">Company</span>:</div><div class="value" id="v">Acme</div>';
    expect(valueBesideLabel(el(shape, '#l'))?.id).toBe('v');
    expect(valueBesideLabel(el('<span id="l">Company</span><span id="v">Acme</span>', '#l'))?.id).toBe('v');
    // Not when the wrapper holds more than the label and its colon, or the label has siblings.
    expect(valueBesideLabel(el('<div><span id="l">Company</span>: Evil</div><div>Acme</div>', '#l'))).toBeNull();
    expect(valueBesideLabel(el('<div><b>x</b><span id="l">Company</span></div><div>Acme</div>', '#l'))).toBeNull();
  });

  it("drops a ticket count beside a company (osTicket's related tickets), not other brackets", () => {
    expect(withoutCount('Acme Dental Group ( 1 )')).toBe('Acme Dental Group');
    expect(withoutCount('Acme (UK)')).toBe('Acme (UK)');
    expect(withoutCount('Studio 54')).toBe('Studio 54');
  });
});
