import { describe, expect, it } from 'vitest';
import { append } from '@/core/append';

describe('append', () => {
  it('adds more items than a spread into push can take (a 50k-account backup has about 100k contacts)', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    // What services/import.ts did: the engine refuses that many arguments.
    expect(() => [0].push(...many)).toThrow(RangeError);
    const target = [-1];
    append(target, many);
    expect(target.length).toBe(300_001);
    expect(target[0]).toBe(-1);
    expect(target[300_000]).toBe(299_999);
  });
});
