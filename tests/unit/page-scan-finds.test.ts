// The page scan (core/page-scan.ts): what it finds in a page's text.
import { describe, expect, it } from 'vitest';
import { normalizeCompany } from '@/core/normalize';
import { scannerFromRecords } from '@/core/page-scan-make';
import { scannerFromPatterns } from '../page-scanner';
import { nameKey } from '@/core/page-scan-keys';
import { found, P, scanOf } from './page-scan-hits';

describe('page scan: what it finds', () => {
  it('finds overlapping names at the same place, shortest first', () => {
    const text = 'Ticket from Acme Dental Group about the printer.';
    expect(scanOf([P('Acme', 'a1'), P('Acme Dental Group', 'a2'), P('Dental Group', 'a3')], text)).toEqual([
      'name:a1:Acme',
      'name:a2:Acme Dental Group',
      'name:a3:Dental Group',
    ]);
  });

  it('matches whole words only', () => {
    // Alone, "acme" ends in a tail; beside "Acmeq" it is a node of its own: both walks are checked.
    for (const patterns of [[P('Acme', 'a1')], [P('Acme', 'a1'), P('Acmeqq', 'a2')]]) {
      for (const text of ['Acmeton Ltd', 'preacme', 'acme2 server', 'ACMEDental'])
        expect(scanOf(patterns, text)).toEqual([]);
      expect(scanOf(patterns, "(Acme) and Acme's printer, acme-dental.com")).toEqual([
        'name:a1:Acme',
        'name:a1:Acme',
        'name:a1:acme',
      ]);
    }
  });

  it('orders hits found by different readings of a joiner by where they end, then by kind', () => {
    const text = 'see bay.law.com today';
    expect(scanOf([P('Bay Law', 'a1'), P('bay.law.com', 'a2', 'domain'), P('Bay Law Com', 'a3')], text)).toEqual([
      'name:a1:bay.law',
      'name:a3:bay.law.com',
      'domain:a2:bay.law.com',
    ]);
  });

  it('ignores case and accents both ways, and ends after a trailing combining accent', () => {
    expect(scanOf([P('Müller Dental', 'a1')], 'MULLER  dental')).toEqual(['name:a1:MULLER  dental']);
    expect(scanOf([P('Muller Dental', 'a1')], 'müller DENTAL')).toEqual(['name:a1:müller DENTAL']);
    expect(scanOf([P('Strasse Bau', 'a1'), P('Orsted', 'a2')], 'Straße Bau; ØRSTED')).toEqual([
      'name:a1:Straße Bau',
      'name:a2:ØRSTED',
    ]);
    expect(scanOf([P('Cafe', 'a1')], 'Cafe\u0301 au lait')).toEqual(['name:a1:Cafe\u0301']);
  });

  it('reads any run of spaces and punctuation in a name as one separator', () => {
    const patterns = [P('Acme Dental Group', 'a1')];
    expect(scanOf(patterns, 'Acme  Dental,\n\tGroup')).toEqual(['name:a1:Acme  Dental,\n\tGroup']);
    expect(scanOf(patterns, 'acme-dental/group')).toEqual(['name:a1:acme-dental/group']);
    expect(scanOf(patterns, 'Acme DentalGroup')).toEqual([]);
  });

  it('keys names as normalizeCompany does: legal suffixes, "the", "&", apostrophes, initials', () => {
    expect(scanOf([P('Acme Dental, L.L.C.', 'a1')], 'Acme Dental called')).toEqual(['name:a1:Acme Dental']);
    expect(scanOf([P('The Riverside Clinic Pty Ltd', 'a1')], 'riverside clinic')).toEqual(['name:a1:riverside clinic']);
    expect(scanOf([P('Baker & Price LLP', 'a1')], 'Baker and Price, also Baker&Price')).toEqual([
      'name:a1:Baker and Price',
      'name:a1:Baker&Price',
    ]);
    expect(scanOf([P("O'Brien Accounting", 'a1')], 'OBrien accounting and O’Brien Accounting')).toEqual([
      'name:a1:OBrien accounting',
      'name:a1:O’Brien Accounting',
    ]);
    expect(scanOf([P('A.B.C. Plumbing', 'a1')], 'abc plumbing; A.B.C. Plumbing')).toEqual([
      'name:a1:abc plumbing',
      'name:a1:A.B.C. Plumbing',
    ]);
    for (const name of [
      'Acme Dental, LLC',
      'Baker & Price LLP',
      "O'Brien Accounting B.V.",
      'The Riverside Clinic',
      'Müller & Söhne GmbH',
    ]) {
      expect(nameKey(name)).toBe(normalizeCompany(name));
    }
  });

  it('finds domains and emails inside text, with their dots, and the domain inside the email', () => {
    const patterns = [
      P('acmedental.com', 'a1', 'domain'),
      P('Dana.Whitfield@AcmeDental.com', 'a1', 'email'),
      P('https://www.bay-law.co.uk/about', 'a2', 'domain'),
    ];
    const text = 'From: <dana.whitfield@acmedental.com>; see https://mail.ACMEDENTAL.com/x and www.bay-law.co.uk.';
    expect(scanOf(patterns, text)).toEqual([
      'email:a1:dana.whitfield@acmedental.com',
      'domain:a1:acmedental.com',
      'domain:a1:ACMEDENTAL.com',
      'domain:a2:bay-law.co.uk',
    ]);
    for (const text of ['acmedental com', 'acmedental.community', 'acmedental..com', 'bay law.co.uk'])
      expect(scanOf(patterns, text)).toEqual([]);
  });

  it('gives the accounts sharing a key one hit, and an account its strongest kind', () => {
    const s = scannerFromPatterns([
      P('Acme', 'a1'),
      P('ACME', 'a2'),
      P('Acme', 'a3', 'alias'),
      P('acme, inc.', 'a1', 'alias'),
    ]);
    expect(s.scan('acme').hits.map(({ accountIds, kind }) => ({ accountIds, kind }))).toEqual([
      { accountIds: ['a1', 'a2'], kind: 'name' },
      { accountIds: ['a3'], kind: 'alias' },
    ]);
    expect(s.scan('acme').hits[0]!.pattern).toBe('Acme');
  });

  it('builds from records: names, aliases, domains, contact emails; not free-mail domains or names too short', () => {
    const s = scannerFromRecords(
      [
        {
          id: 'a1',
          source: 's',
          sourceId: '1',
          name: 'Harbor Dental',
          aliases: ['HD', 'Harbor'],
          domains: ['harbordental.com', 'gmail.com'],
          externalIds: {},
        },
      ],
      [{ id: 'c1', source: 's', sourceId: 'c1', accountId: 'a1', name: 'Dana', email: 'dana@harbordental.com' }],
    );
    const text = 'HD at Harbor Dental (dana@harbordental.com, also bob@gmail.com)';
    expect(found(s.scan(text).hits, text)).toEqual([
      'alias:a1:Harbor',
      'name:a1:Harbor Dental',
      'email:a1:dana@harbordental.com',
      'domain:a1:harbordental.com',
    ]);
  });

  it('maps positions back to the original text through expansions and skipped characters', () => {
    const patterns = [P('Strasse Bau', 'a1'), P('Smith and Jones', 'a2')];
    const text = 'x\u00ad y ß Straße\u200b Bau — Smith & Jones!';
    const hits = scannerFromPatterns(patterns).scan(text).hits;
    expect(found(hits, text)).toEqual(['name:a1:Straße\u200b Bau', 'name:a2:Smith & Jones']);
    for (const h of hits) expect(nameKey(text.slice(h.start, h.end))).toBe(nameKey(h.pattern));
  });
});
