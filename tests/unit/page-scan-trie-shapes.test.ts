// The page scan (core/page-scan.ts): trie shapes (names at the text's end, nodes with many children, limits).
import { describe, expect, it } from 'vitest';
import { scannerFromPatterns } from '../page-scanner';
import { addressKey } from '@/core/page-scan-keys';
import { found, P, scanOf } from './page-scan-hits';

describe('page scan: trie shapes', () => {
  it('finds names, tails and addresses that end the text', () => {
    const patterns = [
      P('Acme Dental', 'a1'),
      P('Acme', 'a2'),
      P('acme.com', 'a1', 'domain'),
      P('dana@acme.com', 'a1', 'email'),
    ];
    expect(scanOf(patterns, 'to Acme Dental')).toEqual(['name:a2:Acme', 'name:a1:Acme Dental']);
    expect(scanOf(patterns, 'Acme')).toEqual(['name:a2:Acme']);
    expect(scanOf(patterns, 'write dana@acme.com')).toEqual([
      'email:a1:dana@acme.com',
      'name:a2:acme',
      'domain:a1:acme.com',
    ]);
    expect(scanOf(patterns, 'Acme Denta')).toEqual(['name:a2:Acme']);
    expect(scanOf(patterns, 'Acme Dentals')).toEqual(['name:a2:Acme']);
  });

  it('finds every child of a node with many children, ASCII or not, and nothing else', () => {
    // 26 Latin, 2 digit and 40 Cyrillic / Greek second words under "acme": a node with many children.
    const seconds = [...'abcdefghijklmnopqrstuvwxyz']
      .map((c) => `${c}${c}x`)
      .concat(['00x', '99x'])
      .concat([...'абвгдежзклмнопрстуфх'].map((c) => c.repeat(3))) // not "й", which folds to "и"
      .concat([...'αβγδεζηθικλμνξοπρστυ'].map((c) => c.repeat(3))); // not "ς", whose upper case is "Σ"
    const patterns = seconds.map((w, k) => P(`Acme ${w}`, `a${k}`));
    const s = scannerFromPatterns(patterns);
    seconds.forEach((w, k) => {
      const text = `see ACME ${w.toUpperCase()} now`;
      expect(found(s.scan(text).hits, text)).toEqual([`name:a${k}:ACME ${w.toUpperCase()}`]);
    });
    for (const text of ['acme qqy', 'acme ж', 'acme бб', 'acme 11x', 'acme aax2', 'acme-aa'])
      expect(s.scan(text).hits).toEqual([]);
  });

  it('finds the children of a node with more than 255 of them, or more than 8190', () => {
    for (const size of [300, 9000]) {
      const letters = Array.from({ length: size }, (_, k) => String.fromCharCode(0x4e00 + k));
      const s = scannerFromPatterns(letters.map((c, k) => P(`acme ${c}${c}`, `a${k}`)));
      for (const k of [0, 1, 150, 254, 255, size - 1])
        expect(s.scan(`acme ${letters[k]}${letters[k]}`).hits.map((h) => h.accountIds)).toEqual([[`a${k}`]]);
      expect(s.scan(`acme ${letters[0]}${letters[1]}`).hits).toEqual([]);
    }
  });

  it('counts one hit per kind towards maxHits, and more hits than its first buffer holds', () => {
    const s = scannerFromPatterns([P('Acme', 'a1'), P('Acme', 'a2', 'alias')]);
    const capped = s.scan('acme acme acme', { maxHits: 3 });
    expect(capped.hits.map((h) => `${h.start}:${h.kind}`)).toEqual(['0:name', '0:alias', '5:name']);
    expect(capped.truncated).toBe(true);
    const many = s.scan('acme '.repeat(3000), { maxHits: 10_000 });
    expect(many.truncated).toBe(false);
    expect(many.hits).toHaveLength(6000);
    expect(many.hits[5999]).toMatchObject({ start: 5 * 2999, end: 5 * 2999 + 4, kind: 'alias', accountIds: ['a2'] });
    // The scanner's buffers are reused: a short page after a long one finds only its own.
    expect(found(s.scan('an ACME').hits, 'an ACME')).toEqual(['name:a1:ACME', 'alias:a2:ACME']);
  });

  it('keys addresses as normalizeDomain and normalizeEmail do, plain or not', () => {
    expect(
      ['acme.com', 'www.acme.com', 'acme.com.', 'https://www.Acme.com/x', 'dana@acme.com', ' ACME.com'].map((d) =>
        addressKey(d, 'domain'),
      ),
    ).toEqual(['acme.com', 'acme.com', 'acme.com', 'acme.com', 'acme.com', 'acme.com']);
    expect(
      ['dana@acme.com', ' Dana@Acme.com ', 'dana+x@acme.com', 'a@b@acme.com'].map((e) => addressKey(e, 'email')),
    ).toEqual(['dana@acme.com', 'dana@acme.com', 'dana+x@acme.com', 'a@b@acme.com']);
    expect(addressKey('gmail.com', 'domain')).toBeUndefined();
    expect(addressKey('www.gmail.com', 'domain')).toBeUndefined();
  });

  it('treats undefined limits as the defaults', () => {
    const s = scannerFromPatterns([P('Acme', 'a1')]);
    expect(s.scan('acme', { maxChars: undefined, maxHits: undefined, maxSteps: undefined })).toMatchObject({
      truncated: false,
      hits: { length: 1 },
    });
  });
});
