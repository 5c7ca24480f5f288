/**
 * 32-bit FNV-1a over a string's UTF-16 code units, the one string hash of the code base: pack
 * buckets, the sample data's seeded streams, the search's term keys and typo table, and the page
 * scan's word hashes; for spreading keys and seeding generators, never for security. Hot loops
 * that hash as they read (core/search/text.ts, the page scan) step it inline with FNV_PRIME.
 */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of a string, unsigned; `seed` continues from an earlier hash. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}
