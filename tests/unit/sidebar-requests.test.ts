import { describe, expect, it } from 'vitest';
import type { TicketRef } from '@/core/model';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { tabTicketItem } from '@/storage/tab-tickets';
import {
  forgetPreparedStories,
  pinForTab,
  prepareStory,
  rememberTicketText,
  storyForTab,
} from '@/services/sidebar-requests';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';

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
  const db = openDb('sidebar-' + Math.random());
  await loadRecordSet(db, makeSampleData(), 'sample');
  return db;
}

describe('what the background tells the sidebar frame', () => {
  it("tells the story of the ticket its tab's content script reported", async () => {
    const db = await sampleDb();
    await tabTicketItem(7).setValue(ref);
    const story = await storyForTab(7, 'https://help.example.com/tickets/1042', db);
    expect(story?.story?.account.name).toBe(SAMPLE_FIXED.acme.name);
  });

  it('tells nothing once the tab shows another site that cannot clear the old ticket', async () => {
    const db = await sampleDb();
    await tabTicketItem(7).setValue(ref);
    expect(await storyForTab(7, 'https://evil.example/framing-the-sidebar', db)).toBeNull();
    expect(await storyForTab(7, undefined, db)).toBeNull();
    expect(await storyForTab(8, 'https://help.example.com/tickets/1042', db)).toBeNull();
  });

  it('pins only existing accounts, for the ticket in that tab', async () => {
    const db = await sampleDb();
    expect(await pinForTab(7, SAMPLE_FIXED.baker.accountId, db)).toMatchObject({ ok: false, error: 'noTicket' });
    await tabTicketItem(7).setValue({ ...ref, company: 'Acme Dental', contactEmail: undefined });
    expect(await pinForTab(7, 'sample:nope', db)).toMatchObject({ ok: false, error: 'noAccount' });
    expect(await pinForTab(7, SAMPLE_FIXED.baker.accountId, db)).toEqual({ ok: true });
    const story = await storyForTab(7, ref.url, db);
    expect(story?.match).toMatchObject({ status: 'matched', method: 'pin', account: SAMPLE_FIXED.baker.accountId });
  });

  it('answers with the story begun when the ticket was reported, whatever order storage keeps its fields in', async () => {
    const db = await sampleDb();
    await tabTicketItem(7).setValue(ref);
    prepareStory(7, Object.fromEntries(Object.entries(ref).reverse()) as TicketRef, db);
    const first = await storyForTab(7, ref.url, db);
    expect(first?.story?.account.name).toBe(SAMPLE_FIXED.acme.name);
    expect(await storyForTab(7, ref.url, db)).toBe(first);
    // Another tab, another ticket or another database is not answered from it.
    await tabTicketItem(8).setValue(ref);
    expect(await storyForTab(8, ref.url, db)).not.toBe(first);
    await tabTicketItem(7).setValue({ ...ref, ticketId: '1043' });
    expect(await storyForTab(7, ref.url, db)).not.toBe(first);
    forgetPreparedStories();
  });

  it('does not answer from a story begun before a pin', async () => {
    const db = await sampleDb();
    await tabTicketItem(7).setValue(ref);
    prepareStory(7, ref, db);
    expect((await storyForTab(7, ref.url, db))?.match.method).toBe('email');
    expect(await pinForTab(7, SAMPLE_FIXED.baker.accountId, db)).toEqual({ ok: true });
    expect((await storyForTab(7, ref.url, db))?.match).toMatchObject({
      method: 'pin',
      account: SAMPLE_FIXED.baker.accountId,
    });
  });

  it('still checks the tab: a prepared story is never told to a frame on another site', async () => {
    const db = await sampleDb();
    await tabTicketItem(7).setValue(ref);
    prepareStory(7, ref, db);
    expect(await storyForTab(7, 'https://evil.example/framing-the-sidebar', db)).toBeNull();
    forgetPreparedStories(7);
  });

  it("puts the account's notes and promises about this ticket's problem first, from its subject and first message", async () => {
    const db = await sampleDb();
    await tabTicketItem(9).setValue(ref);
    const words = {
      subject: 'Dentrix scheduler down since 7am, front desk cannot book patients',
      firstMessage: 'The Dentrix appointment book has been frozen since we opened at 7.',
    };
    await rememberTicketText(9, ref, undefined, words);
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
  });

  it('shows no relevant section without the ticket words, or for another ticket than they came with', async () => {
    const db = await sampleDb();
    await tabTicketItem(10).setValue(ref);
    expect((await storyForTab(10, ref.url, db))?.story?.relevant).toBeUndefined();
    await rememberTicketText(10, { ...ref, ticketId: '999' }, undefined, { subject: 'Dentrix scheduler down' });
    expect((await storyForTab(10, ref.url, db))?.story?.relevant).toBeUndefined();
  });
});
