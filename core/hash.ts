/**
 * 32-bit FNV-1a, the one string hash of the code base: pack buckets, the sample data's seeded
 * streams, the search's term keys and typo table, and the page scan's word hashes. Hot loops that
 * hash as they read (core/search/text.ts, the page scan) step it inline with FNV_PRIME.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a string's UTF-16 code units, unsigned. */
export function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
