import { describe, expect, it } from 'vitest';
import { emailDomain, isFreeMailDomain, normalizeCompany, normalizeDomain, websiteDomain } from '@/core/normalize';

describe('normalizeCompany', () => {
  it.each([
    ['Acme Dental Group', 'acme dental group'],
    ['ACME DENTAL GROUP, INC.', 'acme dental group'],
    ['Baker & Price LLP', 'baker and price'],
    ['Baker and Price, L.L.P.', 'baker and price'],
    ['Müller & Söhne GmbH', 'muller and sohne'],
    ['The Riverside Clinic Pty Ltd', 'riverside clinic'],
    ["O'Brien Accounting B.V.", 'obrien accounting'],
    ['Co', 'co'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeCompany(input)).toBe(expected);
  });
});

describe('domains and emails', () => {
  it('reads the domain of an email and refuses what is not one', () => {
    expect(emailDomain('Dana@AcmeDental.com')).toBe('acmedental.com');
    expect(emailDomain('not an email')).toBeUndefined();
    expect(emailDomain('a@b')).toBeUndefined();
  });
  it('normalises web addresses to bare domains', () => {
    expect(normalizeDomain('https://www.AcmeDental.com/about?x=1')).toBe('acmedental.com');
    expect(normalizeDomain('dana@acmedental.com')).toBe('acmedental.com');
    expect(websiteDomain('www.GranitePeak.example/')).toBe('granitepeak.example');
    expect(websiteDomain('https://bluebird-dental.example/contact')).toBe('bluebird-dental.example');
    expect(websiteDomain('not a website')).toBeUndefined();
    expect(websiteDomain(42)).toBeUndefined();
  });
  it('knows free-mail domains', () => {
    expect(isFreeMailDomain('Gmail.com')).toBe(true);
    expect(isFreeMailDomain('acmedental.com')).toBe(false);
  });
});
