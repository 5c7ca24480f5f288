/**
 * Normalisation shared by import (derived index keys), matching and search, so that
 * "ACME Dental, LLC", "Acme Dental" and "acme  dental llc." meet on one key.
 */

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'bv',
  'nv',
  'pty',
  'pvt',
  'co',
  'corp',
  'corporation',
  'company',
  'sa',
  'sarl',
  'srl',
  'spa',
  'oy',
  'ab',
  'as',
  'aps',
  'kk',
  'pc',
  'pllc',
]);

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower case, accents stripped, "&" as "and", punctuation as spaces, legal suffixes dropped. */
export function normalizeCompany(name: string): string {
  // Printable ASCII has no accents to strip: most names skip the Unicode decomposition (an
  // import of 100k accounts spends a good part of its time here).
  const plain = PRINTABLE_ASCII.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = plain
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "L.L.C." and "B.V." lose their dots before the split so they read as one suffix.
    .replace(/\b((?:[a-z]\.){2,})/g, (m) => m.replace(/\./g, ''))
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  // Drop trailing legal suffixes ("Acme Pty Ltd"), but never the whole name ("Co").
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL_RE = /^[^\s@<>()]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)$/i;

export function isEmail(value: string): boolean {
  return EMAIL_RE.test(value.trim());
}

/** The domain of an email address, lower case, or undefined for something that is not one. */
export function emailDomain(email: string): string | undefined {
  const m = EMAIL_RE.exec(email.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

/** "https://www.AcmeDental.com/about" -> "acmedental.com"; "acmedental.com" stays. */
export function normalizeDomain(value: string): string {
  let d = value.trim().toLowerCase();
  d = d
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '');
  if (d.includes('@')) d = d.slice(d.lastIndexOf('@') + 1);
  return d.replace(/^www\./, '').replace(/\.$/, '');
}

/** A company's website field ("www.AcmeDental.com/", "https://acme.example/x") as its domain, or undefined. */
export function websiteDomain(value: unknown): string | undefined {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) return undefined;
  try {
    return normalizeDomain(new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`).hostname);
  } catch {
    return undefined;
  }
}

/** Mailbox providers shared by many companies: a match on these domains says nothing. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'ymail.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'comcast.net',
  'att.net',
  'verizon.net',
  'sbcglobal.net',
  'bellsouth.net',
  'cox.net',
  'charter.net',
  'fastmail.com',
  'hey.com',
  't-online.de',
  'qq.com',
]);

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
