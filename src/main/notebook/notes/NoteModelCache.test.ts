import { describe, expect, it } from 'vitest';
import { NoteModelCache } from './NoteModelCache';

describe('NoteModelCache', () => {
  it('analyses each version of a note once, and never serves another version', () => {
    const cache = new NoteModelCache();
    const first = cache.get('a.md', 'v1', 'See [[B]].');
    expect(cache.get('a.md', 'v1', 'See [[B]].')).toBe(first);
    const second = cache.get('a.md', 'v2', 'See [[C]].');
    expect(second).not.toBe(first);
    expect(second.links.map((link) => link.target)).toEqual(['C']);
    cache.delete('a.md');
    expect(cache.get('a.md', 'v2', 'See [[C]].')).not.toBe(second);
  });

  it('drops the least recently used notes beyond its budget', () => {
    const cache = new NoteModelCache(20);
    const a = cache.get('a.md', 'v', 'a'.repeat(10));
    cache.get('b.md', 'v', 'b'.repeat(10));
    expect(cache.get('a.md', 'v', 'a'.repeat(10))).toBe(a);
    cache.get('c.md', 'v', 'c'.repeat(10));
    expect(cache.get('a.md', 'v', 'a'.repeat(10))).toBe(a);
    const big = cache.get('d.md', 'v', 'd'.repeat(30));
    expect(cache.get('d.md', 'v', 'd'.repeat(30))).not.toBe(big);
  });
});
