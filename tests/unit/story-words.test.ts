import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TicketRef } from '@/core/model';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { saveTabTicket } from '@/storage/tab-tickets';
import { forgetTab, rememberTicketWords, storyForTab } from '@/services/sidebar-requests';
import { makeSampleData } from '@/sources/sample-data';

/** The ticket's subject and first message (customer text) only order the matched account's notes. */
const ref: TicketRef = {
  helpdesk: 'generic',
  ticketId: '1042',
  url: 'https://help.example.com/tickets/1042',
  company: 'Acme Dental Group',
  contactEmail: 'dana@acmedental.com',
  emails: [],
  missing: [],
};

async function sampleDb() {
  const db = openDb('story-words-' + Math.random());
  await loadRecordSet(db, makeSampleData(), 'sample');
  return db;
}

describe("the story's notes relevant to the ticket", () => {
  it("puts the account's notes and promises about this ticket's problem first, from its subject and first message", async () => {
    const db = await sampleDb();
    await saveTabTicket(9, ref, undefined);
    const words = {
      subject: 'Dentrix scheduler down since 7am, front desk cannot book patients',
      firstMessage: 'The Dentrix appointment book has been frozen since we opened at 7.',
    };
    await rememberTicketWords(9, ref, async () => words);
    const story = await storyForTab(9, ref.url, db);
    const relevant = story?.story?.relevant ?? [];
    expect(relevant.length).toBeGreaterThan(0);
    expect(relevant.length).toBeLessThanOrEqual(3);
    expect(relevant.some((r) => r.kind === 'promise' && /1-hour response/.test(r.promise ?? ''))).toBe(true);
    for (const r of relevant) {
      expect(r.terms).toContain('Dentrix');
      // Each highlight is a word of the ticket's (to its stem).
      for (const [start, end] of r.spans)
        expect(`${words.subject} ${words.firstMessage}`.toLowerCase()).toContain(
          r.text.slice(start, end).toLowerCase().slice(0, 5),
        );
    }
    // The customer's own words are not handed on: only the notes' words are.
    expect(JSON.stringify(story)).not.toContain('appointment book');
    forgetTab(9);
  });

  it('shows no relevant section without the ticket words, or for another ticket than they came with', async () => {
    const db = await sampleDb();
    await saveTabTicket(10, ref, undefined);
    expect((await storyForTab(10, ref.url, db))?.story?.relevant).toBeUndefined();
    forgetTab(10);
    await rememberTicketWords(10, { ...ref, ticketId: '999' }, async () => ({ subject: 'Dentrix scheduler down' }));
    expect((await storyForTab(10, ref.url, db))?.story?.relevant).toBeUndefined();
    forgetTab(10);
  });

  it('reads the words from the tab once per ticket page, again for another page, and forgets them with no ticket', async () => {
    const read = vi.fn(async () => ({ subject: 'Dentrix scheduler down' }));
    await rememberTicketWords(11, ref, read);
    // The same ticket page reported again (the help desk's API filled in a field): not read again.
    await rememberTicketWords(11, { ...ref, company: 'Acme Dental Group' }, read);
    expect(read).toHaveBeenCalledTimes(1);
    await rememberTicketWords(11, { ...ref, ticketId: '1043', url: `${ref.url.slice(0, -4)}1043` }, read);
    expect(read).toHaveBeenCalledTimes(2);
    await rememberTicketWords(11, null, read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(await fakeBrowser.storage.session.get('ticketWords:11')).toEqual({});
    forgetTab(11);
  });

  it('lets a worker started since the last report tell the story with the words read before it', async () => {
    const db = await sampleDb();
    await saveTabTicket(12, ref, undefined);
    await rememberTicketWords(12, ref, async () => ({ subject: 'Dentrix scheduler down since 7am' }));
    // A new worker: the module's memory is empty, storage.session (the copy) is not.
    vi.resetModules();
    const restarted = await import('@/services/sidebar-requests');
    const story = await restarted.storyForTab(12, ref.url, db);
    expect(story?.story?.relevant?.length).toBeGreaterThan(0);
    restarted.forgetTab(12);
  });
});
