import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Window } from 'happy-dom';
import {
  FIRST_MESSAGE_MAX,
  MESSAGE,
  readOpenedAt,
  readTicketWords,
  SUBJECT,
  SUBJECT_MAX,
} from '@/adapters/ticket-words';
import { readTicketWordsFromTab, type Execute } from '@/services/page-text';
import { detectTicket } from '@/adapters';
import { parseMessage } from '@/core/messages';

function page(html: string, url = 'https://help.example.com/tickets/1042'): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}
const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');
/** The words as the background reads them in the tab (services/page-text.ts runs readTicketWords there). */
const wordsOf = (doc: Document) => readTicketWords(SUBJECT, MESSAGE, SUBJECT_MAX, FIRST_MESSAGE_MAX, doc)[1];

describe('the ticket words (customer text, for ordering the notes)', () => {
  it("reads a generic ticket's subject without its number, its first message, and when it was opened", () => {
    const doc = page(fixture('generic-ticket-email.html'), 'http://127.0.0.1/generic-ticket-email.html?ticket=1042');
    const words = wordsOf(doc);
    expect(words.subject).toBe('Dentrix scheduler down since 7am, front desk cannot book patients');
    expect(words.firstMessage).toMatch(/^Hi, The Dentrix appointment book has been frozen/);
    expect(words.firstMessage).not.toContain('remoting into');
    expect(readOpenedAt(doc)).toBe('2026-11-23T15:12:00.000Z');
    // The opened time is part of the ticket reference; the words never are.
    const ref = detectTicket(doc, new URL('http://127.0.0.1/generic-ticket-email.html?ticket=1042'))!;
    expect(ref.openedAt).toBe('2026-11-23T15:12:00.000Z');
    expect(JSON.stringify(ref)).not.toContain('Dentrix');
  });

  it("reads Request Tracker's Created row", () => {
    const doc = page(
      fixture('helpdesks/request-tracker-ticket.html'),
      'https://rt.example.com/Ticket/Display.html?id=7',
    );
    expect(readOpenedAt(doc)).toBe(new Date(2026, 10, 23, 18, 46, 1).toISOString());
  });

  it('keeps a subject that starts with a number, and reads no relative or bare date as the opened time', () => {
    const doc = page(
      '<main><h1>7am outage at reception</h1><p>Created <time datetime="2026-11-23">Nov 23</time></p>' +
        '<dl><dt>Opened</dt><dd>2 hours ago</dd></dl></main>',
    );
    expect(wordsOf(doc).subject).toBe('7am outage at reception');
    expect(readOpenedAt(doc)).toBeUndefined();
  });

  it('caps what it reads; the ticket report carries none of it', () => {
    const doc = page(`<h1>${'x'.repeat(500)}</h1><div class="message-body">${'y '.repeat(5000)}</div>`);
    const words = wordsOf(doc);
    expect(words.subject!.length).toBe(SUBJECT_MAX);
    expect(words.firstMessage!.length).toBeLessThanOrEqual(FIRST_MESSAGE_MAX);
    const ref = { helpdesk: 'generic', url: 'https://help.example.com/tickets/1', emails: [], missing: [] };
    expect(parseMessage({ type: 'ticket:update', ref, words })).toEqual({ type: 'ticket:update', ref });
    expect(parseMessage({ type: 'ticket:update', ref: { ...ref, openedAt: 'yesterday' } })).toBeUndefined();
    expect(
      parseMessage({ type: 'ticket:update', ref: { ...ref, openedAt: '2026-11-23T15:12:00.000Z' } }),
    ).toBeDefined();
  });
});

describe('the background reads the ticket words from the tab', () => {
  const ref = {
    helpdesk: 'generic',
    url: 'http://127.0.0.1/generic-ticket-email.html?ticket=1042',
    emails: [],
    missing: [],
  };
  /** scripting.executeScript answering as the tab would: `readTicketWords` run on `doc`, or `answer`. */
  const tab = (doc: Document | undefined, answer?: unknown) =>
    vi.fn<Execute>(async (injection) => [
      { result: doc ? (injection.func as (...args: unknown[]) => unknown)(...injection.args, doc) : answer },
    ]);

  it('reads them from the frame that reported the ticket, while it still shows that ticket page', async () => {
    const doc = page(fixture('generic-ticket-email.html'), ref.url);
    const execute = tab(doc);
    const words = await readTicketWordsFromTab(5, 2, ref, execute);
    expect(words?.subject).toBe('Dentrix scheduler down since 7am, front desk cannot book patients');
    expect(words?.firstMessage).toMatch(/^Hi, The Dentrix appointment book/);
    expect(execute.mock.calls[0]![0].target).toEqual({ tabId: 5, frameIds: [2] });
    // The frame moved on to another page: nothing.
    const other = page(fixture('generic-ticket-email.html'), 'http://127.0.0.1/generic-ticket-email.html?ticket=7');
    expect(await readTicketWordsFromTab(5, 0, ref, tab(other))).toBeUndefined();
  });

  it('keeps strings only, capped, and reads nothing from a tab it cannot read', async () => {
    const odd = tab(undefined, [ref.url, { subject: 'x'.repeat(900), firstMessage: { evil: true } }]);
    expect(await readTicketWordsFromTab(5, 0, ref, odd)).toEqual({ subject: 'x'.repeat(SUBJECT_MAX) });
    expect(await readTicketWordsFromTab(5, 0, ref, tab(undefined, 'nonsense'))).toBeUndefined();
    const refused = vi.fn(async () => {
      throw new Error('Cannot access contents of the page.');
    });
    expect(await readTicketWordsFromTab(5, 0, ref, refused)).toBeUndefined();
  });
});
