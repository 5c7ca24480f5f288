// When the ticket was opened, for the promise clock: from the help desk's own created field
// (its API's answer) before anything read generically off the page, and never from the
// customer's own text.
import { describe, expect, it } from 'vitest';
import { detectTicket, enrichFromApi } from '@/adapters';
import freshdesk from '@/adapters/helpdesks/freshdesk';
import freshservice from '@/adapters/helpdesks/freshservice';
import jsm from '@/adapters/helpdesks/jira-service-management';
import { openedFromApi, readOpenedAt } from '@/adapters/ticket-words';
import type { AdapterReading } from '@/adapters/types';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const reading = (ticketId: string): AdapterReading => ({ ticketId, emails: [], missing: [] });

describe("the help desk API's created field", () => {
  it('Zendesk: ticket.created_at, and it beats the time read off the page', async () => {
    const url = new URL('https://northwind.zendesk.com/agent/tickets/5');
    const page = parse(
      '<html><body><h1>Dentrix down</h1><dl><dt>Created</dt><dd>2026-11-23 09:00</dd></dl></body></html>',
    );
    const ref = detectTicket(page, url)!;
    expect(ref.openedAt).toBe(new Date('2026-11-23T09:00').toISOString());
    const better = await enrichFromApi(ref, url, async (path) => {
      expect(path).toBe('/api/v2/tickets/5.json?include=users,organizations');
      return {
        ticket: { requester_id: 1, organization_id: 2, created_at: '2026-11-23T07:02:11Z' },
        users: [{ id: 1, name: 'Dana Whitfield', email: 'dana@acmedental.com' }],
        organizations: [{ id: 2, name: 'Acme Dental Group' }],
      };
    });
    expect(better).toMatchObject({ company: 'Acme Dental Group', openedAt: '2026-11-23T07:02:11.000Z' });
  });

  it('Freshdesk and Freshservice: ticket created_at', async () => {
    for (const adapter of [freshdesk, freshservice]) {
      const got = await adapter.readApi!(
        new URL('https://acme.freshdesk.com/a/tickets/42'),
        reading('42'),
        async () => ({
          id: 42,
          created_at: '2026-11-23T08:15:00Z',
          requester: { name: 'Dana', email: 'dana@acmedental.com' },
        }),
      );
      expect(got.openedAt).toBe('2026-11-23T08:15:00.000Z');
    }
  });

  it('Jira Service Management: createdDate.epochMillis (its iso8601 has no colon in the offset)', async () => {
    const got = await jsm.readApi!(
      new URL('https://acme.atlassian.net/browse/HELP-7'),
      reading('HELP-7'),
      async () => ({
        createdDate: { epochMillis: 1444290120000, iso8601: '2015-10-08T14:42:00+0700', friendly: 'Monday 14:42 PM' },
        reporter: { displayName: 'Dana', emailAddress: 'dana@acmedental.com' },
      }),
    );
    expect(got.openedAt).toBe('2015-10-08T07:42:00.000Z');
  });

  it('is taken only as a date-time with its zone, or epoch milliseconds', () => {
    expect(openedFromApi('2026-11-23T07:02:11Z')).toBe('2026-11-23T07:02:11.000Z');
    expect(openedFromApi('2026-11-23T08:02:11+01:00')).toBe('2026-11-23T07:02:11.000Z');
    expect(openedFromApi('2026-11-23T07:02:11')).toBeUndefined();
    expect(openedFromApi('2026-11-23')).toBeUndefined();
    expect(openedFromApi('yesterday at 7')).toBeUndefined();
    expect(openedFromApi(null)).toBeUndefined();
    expect(openedFromApi(-5)).toBeUndefined();
  });

  it('an API answer without it leaves the page’s time', async () => {
    const url = new URL('https://northwind.zendesk.com/agent/tickets/6');
    const page = parse('<html><body><h1>x</h1><dl><dt>Created</dt><dd>2026-11-23 09:00</dd></dl></body></html>');
    const better = await enrichFromApi(detectTicket(page, url)!, url, async () => ({
      ticket: { requester_id: 1 },
      users: [{ id: 1, name: 'Dana', email: 'dana@acmedental.com' }],
    }));
    expect(better.openedAt).toBe(new Date('2026-11-23T09:00').toISOString());
  });
});

describe('the page read generically', () => {
  it('never takes the opened time from the customer’s message (a "Created" row or <time> in a mail)', () => {
    const doc = parse(`<html><body><h1>Printer</h1>
      <div class="message-body"><p>Forwarded:</p><dl><dt>Created</dt><dd>2020-01-01 10:00</dd></dl>
      <p>Opened: <time datetime="2020-01-02T10:00:00Z">Jan 2</time></p>
      <blockquote><table><tr><th>Created</th><td>2020-01-03 10:00</td></tr></table></blockquote></div>
      </body></html>`);
    expect(readOpenedAt(doc)).toBeUndefined();
  });

  it('still reads the help desk’s own labelled row beside such a message', () => {
    const doc = parse(`<html><body><h1>Printer</h1>
      <table><tr><th>Created</th><td>Mon Nov 23 18:46:01 2026</td></tr></table>
      <div class="message-body"><dl><dt>Created</dt><dd>2020-01-01 10:00</dd></dl></div></body></html>`);
    expect(readOpenedAt(doc)).toBe(new Date('Mon Nov 23 18:46:01 2026').toISOString());
  });
});
