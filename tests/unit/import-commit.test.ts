import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyRecordSet, type Note, type RecordSet } from '@/core/model';
import { openDb, type BackstoryDB } from '@/storage/db';
import { commitImport, ImportCommitError } from '@/services/import';
import { clearAllData, loadRecordSet, removeSource } from '@/storage/record-writes';
import { countsByKind } from '@/storage/record-store';
import { salesRows } from './stored-records';
import type { PackRow } from '@/storage/pack-layout';
import { parseImportFile, type ImportParse } from '@/sources/csv-import';
import { describeImportError as formatImportError, describeImportMessage } from '@/i18n/import-messages';

const enc = new TextEncoder();
const parse = (fileName: string, text: string, extra: Partial<Parameters<typeof parseImportFile>[0]> = {}) =>
  parseImportFile({ fileName, bytes: enc.encode(text), ...extra });
const fixture = (name: string) =>
  parseImportFile({ fileName: name, bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/csv', name))) });

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Everything in the database, to compare before and after a failed import. */
async function snapshot(d: BackstoryDB) {
  return {
    accounts: await salesRows(d).accounts.toArray(),
    contacts: await salesRows(d).contacts.toArray(),
    campaigns: await salesRows(d).campaigns.toArray(),
    deals: await salesRows(d).deals.toArray(),
    notes: await salesRows(d).notes.toArray(),
    pins: await d.pins.toArray(),
  };
}

async function commitError(p: Promise<unknown>): Promise<ImportCommitError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportCommitError);
  return e as ImportCommitError;
}

describe('commitImport', () => {
  it('commits several files at once, resolving names across them, with derived account keys', async () => {
    const summary = await commitImport(db, [
      fixture('hubspot-deals.csv'),
      fixture('hubspot-companies.csv'),
      fixture('hubspot-contacts.csv'),
    ]);
    expect(summary.added).toEqual({ account: 4, contact: 3, campaign: 0, deal: 3, note: 0 });
    expect(summary.updated).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
    expect((await salesRows(db).deals.get('csv:9002'))!.accountId).toBe('csv:18200312');
    expect((await salesRows(db).contacts.get('csv:503'))!.accountId).toBe('csv:18200313');
    const northwind = (await salesRows(db).accounts.get('csv:18200314'))!;
    expect(northwind).toMatchObject({
      nameKey: 'northwind accounting',
      aliasKeys: ['northwind accounting'],
      domains: ['northwind-cpa.example'],
    });
    expect(await salesRows(db).accounts.where('aliasKeys').equals('harbor dental group').count()).toBe(1);
  });

  it('resolves references to stored accounts by id, then by normalised name', async () => {
    await commitImport(db, fixture('salesforce-accounts.csv'));
    const deals = parse(
      'deals.csv',
      'Deal Name,Account ID,Account Name\nBy id,0015g00000FgHiJ,\nBy name,,"OSTRANDER AND PIKE ARCHITECTS, INC."\nId wrong name right,nope,Birchwood Schools\n',
    );
    await commitImport(db, deals);
    const stored = await salesRows(db).deals.toArray();
    expect(Object.fromEntries(stored.map((d) => [d.name, d.accountId]))).toEqual({
      'By id': 'csv:0015g00000FgHiJ',
      'By name': 'csv:0015g00000KlMnO',
      'Id wrong name right': 'csv:0015g00000FgHiJ',
    });
  });

  it('links notes to a deal and through it to the account', async () => {
    await commitImport(db, [fixture('connectwise-companies.csv'), fixture('connectwise-opportunities.csv')]);
    const notes = parse(
      'notes.csv',
      'Opportunity,Notes,Date Entered,Entered By\nBody shop Wi-Fi upgrade,"Wants the guest Wi-Fi split off",8/2/2024 9:30 AM,Marcus\n',
      { kind: 'note' },
    );
    await commitImport(db, notes);
    const [note] = await salesRows(db).notes.toArray();
    const deal = (await salesRows(db).deals.toArray()).find((d) => d.name === 'Body shop Wi-Fi upgrade')!;
    expect(note).toMatchObject({
      dealId: deal.id,
      accountId: 'csv:GreenfieldAuto',
      date: '2024-08-02T09:30',
      author: 'Marcus',
    });
  });

  it("tells deals of the same name apart by the note's account", async () => {
    await commitImport(db, [
      parse('a.csv', 'id,name\na,Acme\nb,Beta\n'),
      parse('d.csv', 'Deal Name,Account ID\nRenewal,a\nRenewal,b\n'),
    ]);
    await commitImport(db, parse('n.csv', 'Account,Deal,Note\nBeta,Renewal,Signed for 3 years\n', { kind: 'note' }));
    const [note] = await salesRows(db).notes.toArray();
    const deal = (await salesRows(db).deals.get(note!.dealId!))!;
    expect({ note: note!.accountId, deal: deal.accountId }).toEqual({ note: 'csv:b', deal: 'csv:b' });
    const e = await commitError(commitImport(db, parse('n.csv', 'Deal,Note\nRenewal,Which one?\n', { kind: 'note' })));
    expect(formatImportError(e.errors[0]!)).toMatch(/^n\.csv line 2, column "Deal": 2 deals are named "Renewal"/);
  });

  it('creates campaigns known only by name, and folds them into the real campaign imported later', async () => {
    await commitImport(db, [fixture('salesforce-accounts.csv'), fixture('salesforce-opportunities.csv')]);
    const stubs = await salesRows(db).campaigns.toArray();
    expect(stubs.map((c) => c.name).sort()).toEqual(['Backup Basics Webinar', 'Spring Logistics Expo 2024']);
    const summary = await commitImport(db, fixture('salesforce-campaigns.csv'));
    expect(summary.added.campaign).toBe(3);
    const campaigns = await salesRows(db).campaigns.toArray();
    expect(campaigns).toHaveLength(3); // the stubs were replaced, not kept beside the real ones
    const expo = campaigns.find((c) => c.name === 'Spring Logistics Expo 2024')!;
    expect(expo.id).toBe('csv:7015g000000XyZa');
    expect(await salesRows(db).deals.where('campaignId').equals(expo.id).count()).toBe(1);
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const first = await commitImport(db, [fixture('hubspot-companies.csv'), fixture('hubspot-deals.csv')]);
    const again = await commitImport(db, [fixture('hubspot-companies.csv'), fixture('hubspot-deals.csv')]);
    expect(again.added).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
    expect(again.updated).toEqual(first.added);
    // Without an id column the derived id still finds the same record, and its new data wins.
    await commitImport(db, parse('a.csv', 'Company,Industry\nAcme Dental,Dental\n'));
    const s = await commitImport(db, parse('a.csv', 'Company,Industry\n"ACME DENTAL, LLC",Dentistry\n'));
    expect(s.updated.account).toBe(1);
    expect(await countsByKind(db)).toEqual({ account: 5, contact: 0, campaign: 0, deal: 3, note: 0 });
    expect((await salesRows(db).accounts.where('nameKey').equals('acme dental').first())!.industry).toBe('Dentistry');
  });

  it('counts added and updated records across chunks, in whatever order the file lists the ids', async () => {
    const ids = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `a${String(from + i).padStart(4, '0')}`);
    // A fixed shuffle, so chunks of the file are not ranges of ids.
    const shuffled = (list: string[]) =>
      list
        .map((id, i) => ({ id, k: (i * 7919) % list.length }))
        .sort((a, b) => a.k - b.k)
        .map((x) => x.id);
    const file = (list: string[]) =>
      parse('accounts.csv', `id,name\n${list.map((id) => `${id},Company ${id}`).join('\n')}\n`);

    // Into an empty table.
    const first = await commitImport(db, file(shuffled(ids(0, 1200))));
    expect(first.added.account).toBe(1200);
    expect(first.updated.account).toBe(0);

    // Half of these exist, spread over every pack of the table. Progress moves in steps of a
    // few packs (eight of the 64), always up.
    const progress: number[] = [];
    const second = await commitImport(db, file(shuffled(ids(600, 1800))), (done) => progress.push(done));
    expect(second.added.account).toBe(600);
    expect(second.updated.account).toBe(600);
    expect(progress).toHaveLength(9);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1200);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1]!)).toBe(true);
    expect(await salesRows(db).accounts.count()).toBe(1800);

    // A few ids spread over the whole table, some of them new.
    const spread = [...ids(0, 1800).filter((_, i) => i % 180 === 5), 'a0005x', 'a0900x', 'zzz'];
    const third = await commitImport(db, file(spread));
    expect(third.updated.account).toBe(10);
    expect(third.added.account).toBe(3);
    expect(await salesRows(db).accounts.count()).toBe(1803);
    expect((await salesRows(db).accounts.get('csv:a0185'))!.name).toBe('Company a0185');
  });

  it('commits nothing when a row is broken, and says where', async () => {
    await commitImport(db, fixture('hubspot-companies.csv'));
    const before = await snapshot(db);
    const broken = parse(
      'deals.csv',
      'Record ID,Deal Name,Associated Company,Amount\n1,Ok,Harbor Dental Group,100\n2,Bad,Harbor Dental Group,12k\n',
    );
    const e = await commitError(commitImport(db, broken));
    expect(e.errors.map(formatImportError)).toEqual(['deals.csv line 3, column "Amount": "12k" is not a number']);
    expect(describeImportMessage(e.reason)).toContain('deals.csv line 3, column "Amount"');
    expect(await snapshot(db)).toEqual(before);
  });

  it('commits nothing when a reference cannot be resolved, naming file, line and column', async () => {
    await commitImport(db, fixture('hubspot-companies.csv'));
    const before = await snapshot(db);
    // An account known only by an id nothing carries cannot be made up: the whole import stops.
    const deals = parse('deals.csv', 'Deal Name,Associated Company IDs (Primary)\nFine,18200313\nLost,99999\n');
    const withAccounts = parse('accounts.csv', 'Company name\nBrand New Co\n');
    const e = await commitError(commitImport(db, [withAccounts, deals]));
    expect(e.errors.map(formatImportError)).toEqual([
      'deals.csv line 3, column "Associated Company IDs (Primary)": no account with id "99999" in this import or in Backstory',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an ambiguous account name', async () => {
    await commitImport(db, parse('a.csv', 'id,name\n1,Acme\n2,"Acme, Inc."\n'));
    const e = await commitError(commitImport(db, parse('d.csv', 'Deal Name,Account\nX,ACME\n')));
    expect(formatImportError(e.errors[0]!)).toBe(
      'd.csv line 2, column "Account": 2 accounts are named "ACME" (csv:1, csv:2); give the account id instead',
    );
  });

  it('leaves the database as it was when a write throws mid-transaction', async () => {
    await commitImport(db, fixture('hubspot-companies.csv'));
    const before = await snapshot(db);
    const rows = Array.from({ length: 1200 }, (_, i) => `n${i},Harbor Dental Group,Note ${i}`);
    const notes = parse('notes.csv', `id,Account,Note\n${rows.join('\n')}`, { kind: 'note' });
    const accounts = parse('accounts.csv', 'id,name\nnew-1,Brand New Co\n');

    // 1. The progress callback throws after the accounts were written, before the notes.
    const progress: number[] = [];
    await commitError(
      commitImport(db, [accounts, notes], (done) => {
        progress.push(done);
        if (done > 0) throw new Error('cancelled');
      }),
    );
    expect(progress).toEqual([0, 1]);
    expect(await snapshot(db)).toEqual(before);

    // 2. The disk fills up on the second bulkPut of packs (the notes', after the accounts').
    const table = db.packs;
    const real = table.bulkPut.bind(table);
    let calls = 0;
    const spy = vi.spyOn(table, 'bulkPut').mockImplementation(((...args: Parameters<typeof real>) => {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real(...args);
    }) as typeof real);
    const quota = await commitError(commitImport(db, [accounts, notes]));
    spy.mockRestore();
    expect(calls).toBe(2);
    expect(describeImportMessage(quota.reason)).toBe(
      'the browser has no storage space left for Backstory; nothing was imported',
    );
    expect(await snapshot(db)).toEqual(before);

    // 3. A bulkPut where some records were written and others failed: Dexie rejects with a
    // BulkError after the good ones went in. Left uncaught, the transaction still rolls them back.
    const partial = vi.spyOn(table, 'bulkPut').mockImplementation((async (items: PackRow[]) => {
      await real(items.slice(0, 10));
      throw new Dexie.BulkError('packs.bulkPut(): 1 of 64 operations failed', [
        new DOMException('no', 'ConstraintError'),
      ]);
    }) as unknown as typeof real);
    const bulk = await commitError(commitImport(db, [accounts, notes]));
    partial.mockRestore();
    expect(bulk.cause).toBeInstanceOf(Dexie.BulkError);
    expect(describeImportMessage(bulk.reason)).toMatch(/^saving failed, nothing was imported: packs.bulkPut/);
    expect(await snapshot(db)).toEqual(before);

    // 4. IndexedDB itself refuses a record (it cannot be stored).
    const poisoned: ImportParse = {
      ...notes,
      records: notes.records.map((r, i) =>
        i === 700 ? ({ ...r, body: () => 'not cloneable' } as unknown as Note) : r,
      ),
    };
    const clone = await commitError(commitImport(db, [accounts, poisoned]));
    expect(describeImportMessage(clone.reason)).toMatch(/^saving failed, nothing was imported: .*could not be cloned/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('replaces everything with replaceAll, in the same transaction', async () => {
    await commitImport(db, fixture('hubspot-companies.csv'));
    await commitImport(db, fixture('salesforce-accounts.csv'), undefined, { replaceAll: true });
    expect((await salesRows(db).accounts.toArray()).map((a) => a.sourceId).sort()).toEqual([
      '0015g00000AbCdE',
      '0015g00000FgHiJ',
      '0015g00000KlMnO',
    ]);
  });

  it('imports and commits a 50 MB notes file, reporting progress', async () => {
    await commitImport(db, parse('accounts.csv', 'id,name\nacme,Acme Dental\n'));
    // ~10 KB bodies with commas, quotes and line breaks, so every row needs CSV quoting.
    const body = `Called about the "scheduler", again; line one,\nline two. ${'lorem ipsum dolor sit amet, '.repeat(360)}`;
    const quoted = `"${body.replace(/"/g, '""')}"`;
    const rows: string[] = ['id,Account,Author,Date,Body'];
    for (let i = 0; rows.length * quoted.length < 50_000_000; i++)
      rows.push(`n${i},Acme Dental,Dana,2024-01-${String((i % 28) + 1).padStart(2, '0')},${quoted}`);
    const bytes = enc.encode(rows.join('\r\n'));
    expect(bytes.length).toBeGreaterThan(50_000_000);

    const t0 = Date.now();
    const parsed = parseImportFile({ fileName: 'notes.csv', bytes });
    expect(parsed.errorCount).toBe(0);
    expect(parsed.kind).toBe('note');
    expect(parsed.records).toHaveLength(rows.length - 1);
    // The last row starts two physical lines per row down (each body holds one line break).
    expect(parsed.rows.at(-1)!.line).toBe(2 * (rows.length - 1));
    const parseMs = Date.now() - t0;

    const progress: [number, number][] = [];
    const summary = await commitImport(db, parsed, (done, total) => progress.push([done, total]));
    expect(summary.added.note).toBe(rows.length - 1);
    expect(progress[0]).toEqual([0, rows.length - 1]);
    expect(progress.at(-1)).toEqual([rows.length - 1, rows.length - 1]);
    expect(progress.length).toBeGreaterThan(5);
    expect(await salesRows(db).notes.count()).toBe(rows.length - 1);
    expect((await salesRows(db).notes.get('csv:n7'))!.body).toBe(body.trim());
    console.info(`50 MB: parse ${parseMs} ms, commit ${Date.now() - t0 - parseMs} ms`);
  }, 120_000);
});

describe('sample data and housekeeping', () => {
  const sample = (): RecordSet => ({
    ...emptyRecordSet(),
    accounts: [
      {
        id: 'sample:a1',
        source: 'sample',
        sourceId: 'a1',
        name: 'Acme Dental',
        aliases: [],
        domains: ['WWW.Acme.example'],
        externalIds: {},
      },
      {
        id: 'sample:a2',
        source: 'sample',
        sourceId: 'a2',
        name: 'Beta LLC',
        aliases: ['Beta'],
        domains: [],
        externalIds: {},
      },
    ],
    notes: [
      {
        id: 'sample:n1',
        source: 'sample',
        sourceId: 'n1',
        accountId: 'sample:a1',
        author: 'Dana',
        date: '2024-01-01',
        body: 'Hi',
        tags: [],
        pinned: true,
      },
    ],
  });

  it('loads a record set as the whole content of its source, leaving other sources alone', async () => {
    await commitImport(db, fixture('hubspot-companies.csv'));
    await loadRecordSet(db, sample(), 'sample');
    await db.pins.bulkPut([
      { key: 'zendesk|beta', accountId: 'sample:a2', createdAt: '2024-01-01' },
      { key: 'zendesk|harbor', accountId: 'csv:18200311', createdAt: '2024-01-01' },
    ]);
    expect(await countsByKind(db, 'sample')).toEqual({ account: 2, contact: 0, campaign: 0, deal: 0, note: 1 });
    expect((await salesRows(db).accounts.get('sample:a1'))!.domains).toEqual(['acme.example']);

    const smaller = sample();
    smaller.accounts.pop();
    await loadRecordSet(db, smaller, 'sample');
    expect(await salesRows(db).accounts.get('sample:a2')).toBeUndefined();
    expect((await db.pins.toArray()).map((p) => p.key)).toEqual(['zendesk|harbor']);

    await removeSource(db, 'sample');
    expect(await countsByKind(db)).toEqual({ account: 4, contact: 0, campaign: 0, deal: 0, note: 0 });
    await expect(loadRecordSet(db, sample(), 'demo')).rejects.toThrow(/does not belong to source "demo"/);
  });

  it('clears everything', async () => {
    await loadRecordSet(db, sample(), 'sample');
    await clearAllData(db);
    expect(await countsByKind(db)).toEqual({ account: 0, contact: 0, campaign: 0, deal: 0, note: 0 });
  });
});
