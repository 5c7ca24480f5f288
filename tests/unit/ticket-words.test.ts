import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { FIRST_MESSAGE_MAX, readOpenedAt, readTicketWords, SUBJECT_MAX } from '@/adapters/ticket-words';
import { detectTicket } from '@/adapters';
import { parseMessage, TICKET_MESSAGE_MAX, TICKET_SUBJECT_MAX } from '@/core/messages';

function page(html: string, url = 'https://help.example.com/tickets/1042'): Document {
  const window = new Window({ url });
  window.document.write(html);
  return window.document as unknown as Document;
}
const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');

describe('the ticket words (customer text, for ordering the notes)', () => {
  it("reads a generic ticket's subject without its number, its first message, and when it was opened", () => {
    const doc = page(fixture('generic-ticket-email.html'), 'http://127.0.0.1/generic-ticket-email.html?ticket=1042');
    const words = readTicketWords(doc);
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
    expect(readTicketWords(doc).subject).toBe('7am outage at reception');
    expect(readOpenedAt(doc)).toBeUndefined();
  });

  it('caps what it reads, within what the message schema takes', () => {
    expect(SUBJECT_MAX).toBe(TICKET_SUBJECT_MAX);
    expect(FIRST_MESSAGE_MAX).toBe(TICKET_MESSAGE_MAX);
    const doc = page(`<h1>${'x'.repeat(500)}</h1><div class="message-body">${'y '.repeat(5000)}</div>`);
    const words = readTicketWords(doc);
    expect(words.subject!.length).toBe(SUBJECT_MAX);
    expect(words.firstMessage!.length).toBeLessThanOrEqual(FIRST_MESSAGE_MAX);
    const ref = { helpdesk: 'generic', url: 'https://help.example.com/tickets/1', emails: [], missing: [] };
    expect(parseMessage({ type: 'ticket:update', ref, words })).toBeDefined();
    expect(parseMessage({ type: 'ticket:update', ref, words: { subject: 'x'.repeat(301) } })).toBeUndefined();
    expect(parseMessage({ type: 'ticket:update', ref: { ...ref, openedAt: 'yesterday' } })).toBeUndefined();
    expect(
      parseMessage({ type: 'ticket:update', ref: { ...ref, openedAt: '2026-11-23T15:12:00.000Z' } }),
    ).toBeDefined();
  });
});
