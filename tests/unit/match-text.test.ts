import { describe, expect, it, vi } from 'vitest';
import type { TicketRef } from '@/core/model';
import { matchTicketText, type TextHit, type TextIndex } from '@/core/match-text';
import { parseMessage } from '@/core/messages';
import { scannerFromPatterns, type PagePattern } from '../page-scanner';
import { matchReason } from '@/components/MatchLine';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb } from '@/storage/db';
import { loadRecordSet } from '@/storage/record-writes';
import { saveTabTicket, tabTicketItem } from '@/storage/tab-tickets';
import { savePin } from '@/services/match-index';
import { beginStory, forgetTab, storiesChanged, storyForTab } from '@/services/sidebar-requests';
import { makeSampleData, SAMPLE_FIXED } from '@/sources/sample-data';
import { reportedUrl } from '@/core/ticket-url';

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

describe('the ticket text is not in the ticket:update message', () => {
  it('carries no text: the background reads it from the tab only when the fields match nothing', () => {
    expect(parseMessage({ type: 'ticket:update', ref, text: 'Acme' })).toEqual({ type: 'ticket:update', ref });
  });
});

describe('the background reads the text of the tab’s ticket page, only when the fields match nothing, and keeps none', () => {
  async function sampleDb() {
    const db = openDb('text-' + Math.random());
    await loadRecordSet(db, makeSampleData(), 'sample');
    return db;
  }
  const body = `Hello, we are ${SAMPLE_FIXED.riverside.name} and our scanner is broken.`;
  /** The tab's page, as scripting.executeScript answers for it: its address and its visible text. */
  const tabShows = (href: string, text = body) => {
    const executeScript = vi.fn(async (_: { target: { tabId: number; frameIds: number[] } }) => [
      { result: [href, text] },
    ]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    return executeScript;
  };

  it('matches the account the text names when the fields match nothing', async () => {
    const db = await sampleDb();
    const executeScript = tabShows(ref.url);
    await saveTabTicket(21, ref, undefined);
    beginStory(21, ref, db);
    const story = await storyForTab(21, ref.url, db);
    expect(story?.match).toMatchObject({
      status: 'matched',
      method: 'name',
      text: { value: SAMPLE_FIXED.riverside.name },
    });
    expect(story?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    // Read from that tab's top frame.
    expect(executeScript.mock.calls[0]![0].target).toEqual({ tabId: 21, frameIds: [0] });
    // Not in storage: only the ticket reference is.
    expect(JSON.stringify(await tabTicketItem(21).getValue())).not.toContain('scanner is broken');
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain('scanner is broken');
    forgetTab(21);
  });

  it('reads the text of a ticket page whose address is longer than a report holds', async () => {
    const db = await sampleDb();
    // A help desk's address with a long query string: the report carries its origin and path.
    const long = new URL(`${ref.url}?state=${'x'.repeat(3_000)}`);
    const reported = { ...ref, url: reportedUrl(long) };
    expect(reported.url).toBe(ref.url);
    tabShows(long.href);
    await saveTabTicket(26, reported, undefined);
    beginStory(26, reported, db);
    const story = await storyForTab(26, long.href, db);
    expect(story?.story?.account.name).toBe(SAMPLE_FIXED.riverside.name);
    forgetTab(26);
  });

  it('does not read the text when the fields match', async () => {
    const db = await sampleDb();
    const executeScript = tabShows(ref.url);
    const acme = { ...ref, contactEmail: 'dana@acmedental.com' };
    await saveTabTicket(22, acme, undefined);
    expect((await storyForTab(22, acme.url, db))?.story?.account.name).toBe(SAMPLE_FIXED.acme.name);
    expect(executeScript).not.toHaveBeenCalled();
    forgetTab(22);
  });

  it('uses no text of a page the tab moved on to, nor of a tab it cannot read', async () => {
    const db = await sampleDb();
    tabShows(ref.url.replace(/\d+$/, '10'));
    await saveTabTicket(23, ref, undefined);
    expect((await storyForTab(23, ref.url, db))?.match.status).toBe('none');
    forgetTab(23);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    };
    await saveTabTicket(24, ref, undefined);
    expect((await storyForTab(24, ref.url, db))?.match.status).toBe('none');
    forgetTab(24);
  });

  it('lets a pin win over the text', async () => {
    const db = await sampleDb();
    tabShows(ref.url);
    await saveTabTicket(25, ref, undefined);
    await savePin(db, ref, SAMPLE_FIXED.baker.accountId);
    storiesChanged();
    const pinned = await storyForTab(25, ref.url, db);
    expect(pinned?.match.method).toBe('pin');
    expect(pinned?.story?.account.name).toBe(SAMPLE_FIXED.baker.name);
    forgetTab(25);
  });
});
