import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { TicketRef } from '@/core/model';
import { matchTicketText, type TextHit, type TextIndex } from '@/core/match-text';
import { TICKET_TEXT_MAX, parseMessage } from '@/core/messages';
import { scannerFromPatterns, type PagePattern } from '../page-scanner';
import { matchReason } from '@/components/MatchLine';
import { TICKET_TEXT_MAX as CONTENT_TEXT_MAX } from '@/entrypoints/helpdesk.content/ticket-text';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { saveTabTicket, tabTicketItem } from '@/storage/tab-tickets';
import { savePin } from '@/services/match-index';
import { beginStory, forgetTab, rememberTicketText, storiesChanged, storyForTab } from '@/services/sidebar-requests';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';

const NAMES: Record<string, string> = {
  a1: 'Acme Dental Group',
  a2: 'Acme Orthodontics',
  b1: 'Baker & Price LLP',
  c1: 'Cedar Clinic',
};

/** A fake index over the real scanner (the ids' names above; 'gone' is a deleted account). */
function index(patterns: PagePattern[]): TextIndex & { scanned: string[] } {
  const scanner = scannerFromPatterns(patterns);
  const scanned: string[] = [];
  return {
    scanned,
    scan: async (text) => {
      scanned.push(text);
      return scanner.scan(text).hits;
    },
    getAccounts: async (ids) => ids.flatMap((id) => (NAMES[id] ? [{ id, name: NAMES[id] }] : [])),
  };
}
/** A fake index that returns the given hits, whatever the text. */
const fixed = (hits: TextHit[]): TextIndex => ({
  scan: async () => hits,
  getAccounts: async (ids) => ids.flatMap((id) => (NAMES[id] ? [{ id, name: NAMES[id] }] : [])),
});
const P = (text: string, accountId: string, kind: PagePattern['kind'] = 'name'): PagePattern => ({
  text,
  accountId,
  kind,
});

describe('matching the account the ticket text names', () => {
  it('matches the one account named, with low confidence and a reason', async () => {
    const m = await matchTicketText(
      'Hi, this is Dana from Acme Dental Group. The printer is down.',
      index([P('Acme Dental Group', 'a1'), P('Baker & Price LLP', 'b1')]),
    );
    expect(m).toMatchObject({
      status: 'matched',
      account: 'a1',
      method: 'name',
      confidence: 'low',
      text: { kind: 'name', value: 'Acme Dental Group', mentions: 1 },
    });
    expect(m?.candidates).toEqual([{ accountId: 'a1', name: 'Acme Dental Group' }]);
    expect(m?.reason).toBe('found "Acme Dental Group" in the ticket text');
    expect(matchReason(m!)).toBe('found “Acme Dental Group” in the ticket text');
  });

  it('finds nothing in text that names no account', async () => {
    expect(await matchTicketText('The printer is down again.', index([P('Acme Dental Group', 'a1')]))).toBeUndefined();
    expect(await matchTicketText('', index([P('Acme Dental Group', 'a1')]))).toBeUndefined();
    // An account deleted since the scanner was built is not matched.
    expect(await matchTicketText('Gone Corp here', index([P('Gone Corp', 'gone')]))).toBeUndefined();
  });

  it('ranks a contact email over a domain over a name over an alias, whatever the counts', async () => {
    const patterns = [
      P('dana@acme.example', 'a1', 'email'),
      P('baker.example', 'b1', 'domain'),
      P('Cedar Clinic', 'c1'),
      P('ADG', 'a2', 'alias'),
    ];
    const text =
      'Cedar Clinic, Cedar Clinic, Cedar Clinic; ADG ADG ADG; see baker.example and baker.example; from dana@acme.example';
    const m = await matchTicketText(text, index(patterns));
    expect(m).toMatchObject({
      status: 'matched',
      account: 'a1',
      method: 'email',
      confidence: 'medium',
      text: { kind: 'email', value: 'dana@acme.example' },
    });
    expect(matchReason(m!)).toBe('found contact email dana@acme.example in the ticket text');
    const noEmail = await matchTicketText(text.replace('dana@acme.example', 'someone'), index(patterns));
    expect(noEmail).toMatchObject({ account: 'b1', method: 'domain', confidence: 'medium', text: { mentions: 2 } });
    const names = await matchTicketText('Cedar Clinic and ADG ADG ADG', index(patterns));
    expect(names).toMatchObject({ account: 'c1', method: 'name', confidence: 'low' });
    const alias = await matchTicketText('ADG again', index(patterns));
    expect(alias).toMatchObject({ account: 'a2', method: 'alias', confidence: 'low' });
    expect(matchReason(alias!)).toBe('found “ADG” (an alias) in the ticket text');
  });

  it('then by the number of mentions', async () => {
    const m = await matchTicketText(
      'Cedar Clinic asked about Baker & Price LLP. Cedar Clinic again.',
      index([P('Cedar Clinic', 'c1'), P('Baker & Price LLP', 'b1')]),
    );
    expect(m).toMatchObject({ status: 'matched', account: 'c1', text: { mentions: 2 } });
  });

  it('does not count a name inside a longer one', async () => {
    // "Acme" is found inside "Acme Dental Group" by the scanner, but only the longer name counts.
    const m = await matchTicketText(
      'Acme Dental Group called.',
      index([P('Acme', 'a2'), P('Acme Dental Group', 'a1')]),
    );
    expect(m).toMatchObject({ status: 'matched', account: 'a1' });
    // A domain inside a contact's email is the same mention.
    const e = await matchTicketText(
      'from <x@baker.example>',
      index([P('x@baker.example', 'b1', 'email'), P('baker.example', 'c1', 'domain')]),
    );
    expect(e).toMatchObject({ status: 'matched', account: 'b1', method: 'email' });
  });

  it('is ambiguous between equally strong accounts, and between accounts sharing a name', async () => {
    const tie = await matchTicketText(
      'Cedar Clinic and Baker & Price LLP',
      index([P('Cedar Clinic', 'c1'), P('Baker & Price LLP', 'b1')]),
    );
    expect(tie).toMatchObject({ status: 'ambiguous', confidence: 'low' });
    expect(tie?.account).toBeUndefined();
    expect(tie?.candidates.map((c) => c.accountId)).toEqual(['b1', 'c1']);
    expect(matchReason(tie!)).toBe('2 accounts are named in the ticket text');
    const shared = await matchTicketText(
      'Acme here',
      fixed([{ accountIds: ['a1', 'a2'], kind: 'name', start: 0, end: 4, pattern: 'Acme' }]),
    );
    expect(shared).toMatchObject({
      status: 'ambiguous',
      explain: { kind: 'ambiguous', count: 2, parts: [{ what: 'name', value: 'Acme' }] },
    });
  });

  it('never throws on odd hits: duplicates and the same span of two kinds', async () => {
    const hits: TextHit[] = [
      { accountIds: ['a1'], kind: 'name', start: 0, end: 3, pattern: 'ADG' },
      { accountIds: ['a1'], kind: 'alias', start: 0, end: 3, pattern: 'ADG' },
      { accountIds: ['a1', 'a1'], kind: 'name', start: 0, end: 3, pattern: 'ADG' },
    ];
    expect(await matchTicketText('ADG', fixed(hits))).toMatchObject({
      status: 'matched',
      account: 'a1',
      method: 'name',
    });
  });
});

const ref = {
  helpdesk: 'generic',
  ticketId: '9',
  url: 'https://help.example.com/t/9',
  contactEmail: 'someone@unknown.example',
  emails: [],
  missing: ['company'],
} satisfies TicketRef;

describe('the ticket text in the ticket:update message', () => {
  it('accepts text up to the cap and refuses longer or non-string text', () => {
    expect(CONTENT_TEXT_MAX).toBe(TICKET_TEXT_MAX);
    expect(parseMessage({ type: 'ticket:update', ref, text: 'Acme' })).toEqual({
      type: 'ticket:update',
      ref,
      text: 'Acme',
    });
    expect(parseMessage({ type: 'ticket:update', ref })).toEqual({ type: 'ticket:update', ref });
    expect(parseMessage({ type: 'ticket:update', ref, text: 'x'.repeat(TICKET_TEXT_MAX) })).toBeDefined();
    expect(parseMessage({ type: 'ticket:update', ref, text: 'x'.repeat(TICKET_TEXT_MAX + 1) })).toBeUndefined();
    for (const text of [42, null, ['Acme'], { toString: 'Acme' }])
      expect(parseMessage({ type: 'ticket:update', ref, text })).toBeUndefined();
  });

  it('fuzz: any string within the cap passes unchanged, any longer one is refused', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: TICKET_TEXT_MAX + 50 }),
        (s, pad) => {
          const text = s + 'y'.repeat(pad);
          const parsed = parseMessage({ type: 'ticket:update', ref, text });
          if (text.length <= TICKET_TEXT_MAX) expect(parsed).toEqual({ type: 'ticket:update', ref, text });
          else expect(parsed).toBeUndefined();
        },
      ),
      { numRuns: 200 },
    );
    // A property test: thousands of runs, slow on a loaded 2-core machine.
  }, 30_000);
});

describe('the background keeps the text for the tab’s ticket only, in memory and session storage', () => {
  async function sampleDb() {
    const db = openDb('text-' + Math.random());
    await loadRecordSet(db, makeSampleData(), 'sample');
    return db;
  }
  const body = `Hello, we are ${SAMPLE_FIXED.riverside.name} and our scanner is broken.`;

  it('matches the account the text names when the fields match nothing', async () => {
    const db = await sampleDb();
    await saveTabTicket(21, ref, undefined);
    void rememberTicketText(21, ref, body);
    beginStory(21, ref, db);
    const story = await storyForTab(21, ref.url, db);
    expect(story?.match).toMatchObject({
      status: 'matched',
      method: 'name',
      text: { value: SAMPLE_FIXED.riverside.name },
    });
    expect(story?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    // Not in storage: only the ticket reference is.
    expect(JSON.stringify(await tabTicketItem(21).getValue())).not.toContain('scanner is broken');
    forgetTab(21);
    expect((await storyForTab(21, ref.url, db))?.match.status).toBe('none');
  });

  it('still has the text when a stopped worker is replaced (a copy in session storage)', async () => {
    const db = await sampleDb();
    await saveTabTicket(23, ref, undefined);
    await rememberTicketText(23, ref, body);
    // A new worker: the module's memory is gone, session storage is not.
    vi.resetModules();
    const fresh = await import('@/services/sidebar-requests');
    const story = await fresh.storyForTab(23, ref.url, db);
    expect(story?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    // A closed tab's text goes from session storage too.
    fresh.forgetTab(23);
    vi.resetModules();
    const again = await import('@/services/sidebar-requests');
    await expect.poll(async () => (await again.storyForTab(23, ref.url, db))?.match.status).toBe('none');
  });

  it('uses no text sent with another ticket, and lets fields and pins win', async () => {
    const db = await sampleDb();
    await saveTabTicket(22, ref, undefined);
    void rememberTicketText(22, { ...ref, ticketId: '10' }, body);
    expect((await storyForTab(22, ref.url, db))?.match.status).toBe('none');
    // The fields match: the text is not read.
    const acme = { ...ref, contactEmail: 'dana@acmedental.com' };
    await saveTabTicket(22, acme, undefined);
    void rememberTicketText(22, acme, body);
    expect((await storyForTab(22, ref.url, db))?.story?.account.name).toBe(SAMPLE_FIXED.acme.name);
    // A pin for the requester's domain wins over the text.
    await saveTabTicket(22, ref, undefined);
    void rememberTicketText(22, ref, body);
    await savePin(db, ref, SAMPLE_FIXED.baker.accountId);
    storiesChanged();
    const pinned = await storyForTab(22, ref.url, db);
    expect(pinned?.match.method).toBe('pin');
    expect(pinned?.story?.account.name).toBe(SAMPLE_FIXED.baker.name);
  });

  it('keeps the text when the same ticket page is reported again without it (a field filled in from the API)', async () => {
    const db = await sampleDb();
    await rememberTicketText(24, ref, body);
    const fuller = { ...ref, company: 'Unknown Widgets Ltd', missing: [] };
    await rememberTicketText(24, fuller, undefined);
    await saveTabTicket(24, fuller, undefined);
    expect((await storyForTab(24, ref.url, db))?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    // Another ticket reported without text has none.
    const other = { ...ref, ticketId: '11', url: ref.url.replace(/\d+$/, '11') };
    await rememberTicketText(24, other, undefined);
    await saveTabTicket(24, other, undefined);
    expect((await storyForTab(24, other.url, db))?.match.status).toBe('none');
    forgetTab(24);
  });
});
