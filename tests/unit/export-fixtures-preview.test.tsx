// Issue 19: the import preview names the product a file was recognised as and lists every column
// it will ignore. Per product, a fixture's review as the options page draws it; over every CSV
// fixture, each header is either read into a field or listed as ignored, and the product named is
// the one that wrote the file.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportFileReview } from '@/entrypoints/options/ImportFileReview';
import { summarize } from '@/entrypoints/options/import-files';
import { parseAnyImportFile, type ImportParse } from '@/sources/csv-import';
import { readCsv } from './export-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

function review(p: ImportParse) {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<ImportFileReview parsed={summarize(p)} onChange={() => {}} />, root));
  return {
    readAs: root.querySelector('[data-testid="import-read-as"]')?.textContent ?? '',
    ignored: root.querySelector('[data-testid="import-ignored"]')?.textContent,
  };
}

const readXlsx = (name: string) =>
  parseAnyImportFile({ fileName: name, bytes: new Uint8Array(readFileSync(resolve('tests/fixtures/xlsx', name))) });

const ignoredLine = (headers: string[]) =>
  headers.length ? `ignored columns: ${headers.map((h) => `“${h}”`).join(', ')}` : undefined;

describe('the preview names the product and lists every ignored column', () => {
  it.each([
    ['hubspot-deals-current.csv', 'HubSpot export', ['Pipeline']],
    ['hubspot-contacts.csv', 'HubSpot export', ['Lifecycle Stage']],
    ['salesforce-opportunities.csv', 'Salesforce report export', ['Type']],
    ['salesforce-data-export/Contact.csv', 'Salesforce report export', ['IsDeleted', 'OwnerId', 'CreatedDate']],
    [
      'pipedrive/deals.csv',
      'Pipedrive export',
      ['Deal - Contact person', 'Deal - Pipeline', 'Deal - Won time', 'Deal - Lost time'],
    ],
    ['zoho-contacts.csv', 'Zoho CRM export', ['Contact Owner', 'Created Time']],
    [
      'dynamics-accounts.csv',
      'Dynamics 365 Sales export',
      [
        '(Do Not Modify) Row Checksum',
        '(Do Not Modify) Modified On',
        'Main Phone',
        'Address 1: City',
        'Primary Contact',
      ],
    ],
    ['connectwise-companies.csv', 'ConnectWise PSA export', ['Status', 'Type', 'Territory', 'Phone', 'City', 'State']],
    [
      'autotask-organizations.csv',
      'Autotask export (import template format)',
      [
        'Number',
        'Address 1',
        'Address 2',
        'City',
        'State',
        'Zip Code',
        'Country',
        'Additional Address Information',
        'Phone',
      ],
    ],
    ['halopsa-opportunities.csv', 'HaloPSA file (import sheet columns)', ['oppconverteddate']],
    ['backstory-accounts.csv', "Backstory's template", []],
  ])('%s: %s', (file, product, ignored) => {
    const shown = review(readCsv(file));
    expect(shown.readAs).toContain(`read as ${product}`);
    expect(shown.ignored).toBe(ignoredLine(ignored));
  });

  it.each([
    ['salesforce-opportunities-formatted.xlsx', 'Salesforce report export', []],
    [
      'pipedrive-deals.xlsx',
      'Pipedrive export',
      ['Deal - Contact person', 'Deal - Pipeline', 'Deal - Won time', 'Deal - Lost time'],
    ],
  ])('%s (XLSX): %s', async (file, product, ignored) => {
    const shown = review(await readXlsx(file));
    expect(shown.readAs).toContain(`read as ${product}`);
    expect(shown.ignored).toBe(ignoredLine(ignored));
  });

  it('every CSV fixture: each header read or listed as ignored, and named after the product that wrote it', () => {
    const product = (file: string) =>
      /^(hubspot|salesforce|pipedrive|zoho|dynamics|connectwise|autotask|halopsa|backstory)/.exec(file)![1];
    const files = readdirSync('tests/fixtures/csv', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.csv'),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const p = readCsv(file);
      expect(p.preset, file).toBe(product(file));
      if (p.kind === 'user' || p.kind === 'contactRole') continue; // read by their own columns
      const read = new Set(Object.values(p.mapping));
      const unread = p.headers.filter((h, i) => h.trim() && !read.has(i));
      expect(p.ignored, file).toEqual(unread);
    }
  });
});
