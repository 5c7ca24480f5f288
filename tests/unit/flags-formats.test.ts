// @vitest-environment node
// Flags for sales as text, CSV and email, and their estimated value and its currency
// (tests/unit/flags-outbox.ts has the outbox they start from).
import { describe, expect, it } from 'vitest';
import { flagEmail, flagEmailText, flagRow, flagText, parseAmount, FLAG_CSV_COLUMNS } from '@/core/flags';
import { csvText } from '@/sources/csv-export';
import Papa from 'papaparse';
import type { BackstoryDB } from '@/storage/db';
import { createFlag } from '@/services/flag-create';
import { loadRecordSet } from '@/storage/record-writes';
import { input, ref, useFlagsOutbox } from './flags-outbox';

let db: BackstoryDB;
useFlagsOutbox((opened) => (db = opened));

describe('flags for sales', () => {
  it('reads as text and as a CSV row, ending with its key', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(flagText(flag)).toMatch(
      /^Flag for sales: Hardware refresh \(normal urgency\)\nAccount: Unknown Widgets Ltd\nEstimated value: 9000 USD\nTicket: zendesk #1045 https:\/\/northwind\.zendesk\.com\/agent\/tickets\/1045\n\nWarehouse scanners/,
    );
    expect(flagText(flag).endsWith(`(Backstory ${flag.id})`)).toBe(true);
    expect(flagRow(flag)).toHaveLength(FLAG_CSV_COLUMNS.length);
  });

  it('makes one email of outbox flags: to their sales reps, with a subject naming the customers', async () => {
    const one = await createFlag(db, input, ref, 'hubspot-f1:5001');
    expect(flagEmail([one])).toEqual({
      to: 'Priya Nair',
      subject: 'Flag for sales: Hardware refresh at Unknown Widgets Ltd (normal urgency)',
      body: flagText(one),
    });
    const other = { ...one, id: 'bsflag2', accountName: 'Lone Co', salesRep: undefined, kind: 'referral' as const };
    const both = flagEmail([one, other, { ...one, id: 'bsflag3' }]);
    expect(both.to).toBe('Priya Nair');
    expect(both.subject).toBe('3 flags for sales: Unknown Widgets Ltd, Lone Co');
    expect(both.body.split('\n\n---\n\n')).toEqual([
      flagText(one),
      flagText(other),
      flagText({ ...one, id: 'bsflag3' }),
    ]);
    expect(flagEmail([other]).to).toBe('sales');
    expect(flagEmailText(flagEmail([one]))).toBe(
      `To: Priya Nair\nSubject: Flag for sales: Hardware refresh at Unknown Widgets Ltd (normal urgency)\n\n${flagText(one)}\n`,
    );
  });

  it('keeps names from the data on one line, so they cannot add header lines of their own', async () => {
    const flag = await createFlag(db, input, ref, 'hubspot-f1:5001');
    const forged = {
      ...flag,
      accountName: 'Acme\r\nBcc: all@evil.example',
      salesRep: 'Priya\nSubject: hi',
      ticket: { ...flag.ticket, ticketId: '1\nAccount: Other' },
    };
    const text = flagEmailText(flagEmail([forged]));
    expect(text.split('\n').slice(0, 2)).toEqual([
      'To: Priya Subject: hi',
      'Subject: Flag for sales: Hardware refresh at Acme Bcc: all@evil.example (normal urgency)',
    ]);
    expect(text).toContain('\nAccount: Acme Bcc: all@evil.example\n');
    expect(text).toContain('\nTicket: zendesk #1 Account: Other https://');
    expect(text.match(/^Account:/gm)).toHaveLength(1);
  });

  it('reads an estimated value as English and German speakers type it', () => {
    const read = (typed: string[]) => typed.map(parseAmount);
    expect(read(['9000', '$9,000', '9.000 €', '9 000', '9000 USD', 'EUR 9.000,-', '1,234,567'])).toEqual([
      9000, 9000, 9000, 9000, 9000, 9000, 1234567,
    ]);
    expect(read(['1.200,50', '12,500.75', '9,5', '9.5', '0.250'])).toEqual([1200.5, 12500.75, 9.5, 9.5, 0.25]);
    expect(read(['12k', '12.5k', 'about 10k', '2 Mio', '1.5m', '20 Tsd.'])).toEqual([
      12000, 12500, 10000, 2e6, 1.5e6, 20000,
    ]);
    expect(read(['', '  '])).toEqual([undefined, undefined]);
    // Not one amount: refused rather than guessed.
    expect(read(['lots', '3-5k', '1e6', 'between 5 and 10']).every(Number.isNaN)).toBe(true);
  });

  it("keeps the currency of the customer's deals with the value: a German customer's estimate is in euros", async () => {
    await loadRecordSet(
      db,
      {
        accounts: [
          {
            id: 'csv:mueller',
            source: 'csv',
            sourceId: 'mueller',
            name: 'Müller GmbH',
            aliases: [],
            domains: [],
            externalIds: {},
          },
        ],
        contacts: [],
        campaigns: [],
        deals: [
          {
            id: 'csv:d1',
            source: 'csv',
            sourceId: 'd1',
            accountId: 'csv:mueller',
            name: 'Co-managed IT',
            stage: 'Closed Won',
            closeDate: '2025-01-28',
            currency: 'EUR',
            valueRecurring: 900,
            promises: [],
          },
        ],
        notes: [],
      },
      'csv',
    );
    const flag = await createFlag(db, { ...input, value: 9000 }, ref, 'csv:mueller');
    expect(flag.currency).toBe('EUR');
    expect(flagText(flag)).toContain('\nEstimated value: 9000 EUR\n');
    expect(flagRow(flag).slice(FLAG_CSV_COLUMNS.indexOf('value'), FLAG_CSV_COLUMNS.indexOf('value') + 2)).toEqual([
      '9000',
      'EUR',
    ]);
    // Without a value there is no currency to keep.
    expect((await createFlag(db, { ...input, value: undefined }, ref, 'csv:mueller')).currency).toBeUndefined();
  });

  it('exports as CSV with formula-like notes defused', async () => {
    const flag = await createFlag(
      db,
      { ...input, note: '=HYPERLINK("https://evil.example","click")' },
      ref,
      'hubspot-f1:5001',
    );
    const text = csvText(FLAG_CSV_COLUMNS, [flagRow(flag)]);
    expect(text.startsWith('\uFEFFid,createdAt,status')).toBe(true);
    const [header, row] = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(header).toEqual([...FLAG_CSV_COLUMNS]);
    expect(row![FLAG_CSV_COLUMNS.indexOf('note')]).toBe('\'=HYPERLINK("https://evil.example","click")');
    expect(row![FLAG_CSV_COLUMNS.indexOf('account')]).toBe('Unknown Widgets Ltd');
  });
});
