import { beforeEach, describe, expect, it } from 'vitest';
import { FLAG_CSV_COLUMNS, flagEmail, flagRow, flagText, type Flag } from '@/core/flags';
import { createFlag } from '@/services/flag-create';
import { commitImport } from '@/services/import';
import { parseImportFile } from '@/sources/csv-import';
import { openDb, type BackstoryDB } from '@/storage/db';
import { salesContactItem, technicianItem } from '@/storage/policy-store';

const flag: Flag = {
  id: 'bsflag1',
  createdAt: '2026-12-06T10:00:00.000Z',
  kind: 'more-seats',
  note: 'Five new hires in January.',
  urgency: 'normal',
  ticket: { helpdesk: 'zendesk', ticketId: '42', url: 'https://msp.zendesk.com/agent/tickets/42' },
  accountId: 'csv:a1',
  accountName: 'Acme Dental',
  source: 'csv',
  salesRep: 'Priya Nair',
  status: 'outbox',
  attempts: 0,
  by: { name: 'Sam Tech', email: 'sam@msp.example' },
};

describe('who flagged it', () => {
  it('goes into the text of every delivery, the CSV export and the email', () => {
    expect(flagText(flag)).toContain('\nFlagged by: Sam Tech <sam@msp.example>\n');
    const row = Object.fromEntries(FLAG_CSV_COLUMNS.map((c, i) => [c, flagRow(flag)[i]]));
    expect(row).toMatchObject({ flaggedBy: 'Sam Tech', flaggedByEmail: 'sam@msp.example' });
    expect(flagEmail([flag]).body).toContain('Flagged by: Sam Tech <sam@msp.example>');
    // A name with a line break cannot add a line of its own.
    expect(flagText({ ...flag, by: { name: 'Sam\nAccount: Evil', email: 'sam@msp.example' } })).toContain(
      'Flagged by: Sam Account: Evil <sam@msp.example>',
    );
    expect(flagText({ ...flag, by: undefined })).not.toContain('Flagged by');
  });

  it("addresses the email to the organisation's sales contact when there is one", () => {
    expect(flagEmail([flag]).to).toBe('Priya Nair');
    expect(flagEmail([flag], 'sales@msp.example').to).toBe('sales@msp.example');
  });

  describe('a new flag', () => {
    let db: BackstoryDB;
    beforeEach(async () => {
      db = openDb('by-' + Math.random());
      const bytes = new TextEncoder().encode('id,name,domains\na1,Acme Dental,acme.example\n');
      await commitImport(db, parseImportFile({ fileName: 'accounts.csv', bytes }));
      await technicianItem.setValue(null);
      await salesContactItem.setValue('');
    });
    const ref = {
      helpdesk: 'zendesk',
      ticketId: '42',
      url: 'https://msp.zendesk.com/agent/tickets/42',
      emails: [],
      missing: [],
    };
    const input = { kind: 'upsell' as const, note: 'Asked about backup.', urgency: 'low' as const };

    it('carries the technician set in options or by policy', async () => {
      await technicianItem.setValue({ name: 'Sam Tech', email: 'sam@msp.example' });
      const made = await createFlag(db, input, ref, 'csv:a1');
      expect(made.by).toEqual({ name: 'Sam Tech', email: 'sam@msp.example' });
      expect((await db.flags.get(made.id))?.by).toEqual({ name: 'Sam Tech', email: 'sam@msp.example' });
    });

    it('goes without a name when nobody is known yet', async () => {
      expect((await createFlag(db, input, ref, 'csv:a1')).by).toBeUndefined();
    });
  });
});
