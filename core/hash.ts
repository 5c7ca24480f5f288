/**
 * FNV-1a (32 bit) over a string's UTF-16 code units: the code base's one string hash, for
 * spreading keys and seeding generators, never for security.
 */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
