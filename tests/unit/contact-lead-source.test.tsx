// Issue 19: a contact's lead source lands on the contact (as well as on its account, where the
// account has none), survives a backup and the template's CSV, and the sidebar shows it beside the
// ticket's contact.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleBackstory } from '@/core/backstory';
import type { Account, Contact } from '@/core/model';
import { BackstoryView } from '@/components/BackstoryView';
import { DEFAULT_SETTINGS } from '@/storage/settings';
import { openDb, type BackstoryDB } from '@/storage/db';
import { parseJsonText, serializeBackup, exportBackup, validateBackup } from '@/sources/backup';
import { TEMPLATE_FIELDS } from '@/sources/column-maps';
import { parseImportFile } from '@/sources/csv-import';
import { byName, expectLanded, land, readCsv } from './export-fixtures';

let db: BackstoryDB;
beforeEach(async () => {
  db = openDb(`contact-source-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
  document.body.innerHTML = '';
});

describe("a contacts file's lead source", () => {
  it('Zoho: on the contact and on its account', async () => {
    const s = await land(db, readCsv('zoho-accounts.csv'), readCsv('zoho-contacts.csv'));
    expectLanded(s, {
      accounts: [{ name: 'Harborview Veterinary', leadSource: 'Trade Show' }],
      contacts: [
        { name: 'Moira Kennedy', account: 'Harborview Veterinary', leadSource: 'Trade Show' },
        { name: 'Tomasz Nowak', account: 'Harborview Veterinary', leadSource: 'Trade Show' },
      ],
    });
  });

  it('HubSpot: "Original Source" with its drill-down, per contact', async () => {
    const s = await land(db, readCsv('hubspot-contacts.csv'));
    expectLanded(s, {
      contacts: [
        { name: 'Priya Raman', account: 'Harbor Dental Group', leadSource: 'Offline Sources / Postcard mailer' },
        { name: 'Tom Kessler', account: 'Pinecrest Veterinary Clinic', leadSource: 'Referrals / Harbor Dental Group' },
        { name: 'Alicia Moreno', account: 'Lakeside Law LLP', leadSource: 'Organic Search' },
      ],
    });
  });

  it('Salesforce Data Export: LeadSource per contact, none where the cell is empty', async () => {
    const dir = 'salesforce-data-export/';
    const s = await land(db, readCsv(`${dir}Account.csv`), readCsv(`${dir}Contact.csv`));
    expectLanded(s, {
      contacts: [
        { name: 'Renee Okafor', account: 'Copperfield Logistics', leadSource: 'Trade Show' },
        { name: 'Marta Lindqvist', leadSource: 'Web' },
        { name: 'Paulo Duarte', account: 'Copperfield Logistics' },
      ],
    });
  });

  it('Salesforce contacts report: "Lead Source"', async () => {
    const s = await land(db, readCsv('salesforce-contacts.csv'));
    expect(byName(s.contacts, 'Renee Albright').leadSource).toBe('Trade Show');
    expect(byName(s.contacts, 'Kofi Mensah').leadSource).toBe('Webinar');
  });

  it("the template's leadSource column, and a backup, keep it", async () => {
    const p = parseImportFile({
      fileName: 'contacts.csv',
      bytes: new TextEncoder().encode('id,name,email,leadSource\nc1,Ada Park,ada@park.example,Webinar\n'),
    });
    expect([p.kind, p.preset]).toEqual(['contact', 'backstory']);
    const s = await land(db, p);
    const ada = byName(s.contacts, 'Ada Park');
    expect(ada.leadSource).toBe('Webinar');
    expect(TEMPLATE_FIELDS.contact).toContain('leadSource');
    const restored = validateBackup(parseJsonText(serializeBackup(await exportBackup(db))));
    expect(restored.records.contacts).toEqual([ada]);
  });
});

describe('the sidebar', () => {
  const account: Account = {
    id: 'csv:a',
    source: 'csv',
    sourceId: 'a',
    name: 'Harborview Veterinary',
    aliases: [],
    domains: [],
    externalIds: {},
  };
  const contact = (extra: Partial<Contact>): Contact => ({
    id: 'csv:c',
    source: 'csv',
    sourceId: 'c',
    accountId: 'csv:a',
    name: 'Moira Kennedy',
    email: 'moira@harborview.example',
    title: 'Practice Manager',
    ...extra,
  });
  const show = (c: Contact) => {
    const story = assembleBackstory({
      account,
      deals: [],
      notes: [],
      campaigns: [],
      contacts: [c],
      contactEmail: c.email,
    });
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<BackstoryView story={story} settings={DEFAULT_SETTINGS} />, root));
    return { story, root };
  };

  it("shows the ticket contact's lead source beside the contact", () => {
    const { story, root } = show(contact({ leadSource: 'Trade Show' }));
    expect(story.contact?.leadSource).toBe('Trade Show');
    const dd = root.querySelector('[data-testid="contact"]')!;
    expect(dd.textContent).toContain('Moira Kennedy');
    expect(dd.querySelector('[data-testid="contact-source"]')?.textContent).toBe('Trade Show (lead source)');
  });

  it('shows no lead source line for a contact without one', () => {
    const { root } = show(contact({}));
    expect(root.querySelector('[data-testid="contact"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="contact-source"]')).toBeNull();
  });
});
