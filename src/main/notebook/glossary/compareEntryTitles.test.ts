import { describe, expect, it } from 'vitest';
import { compareEntryTitles } from './compareEntryTitles';

const entry = (title: string, id = title.toLowerCase()) => ({ id, title, aliases: [] });

describe('compareEntryTitles', () => {
  it('sorts case-insensitively, accents beside their base letter, numbers by value', () => {
    const titles = ['beta', 'Alpha', 'Étude', 'epsilon', 'Zeta', 'Item 10', 'Item 9', 'GABA'];
    expect(
      titles
        .map((t) => entry(t))
        .sort(compareEntryTitles)
        .map((e) => e.title),
    ).toEqual(['Alpha', 'beta', 'epsilon', 'Étude', 'GABA', 'Item 9', 'Item 10', 'Zeta']);
  });

  it('breaks ties by id so the order never depends on input order', () => {
    const a = entry('Same', 'same-a');
    const b = entry('same', 'same-b');
    expect([b, a].sort(compareEntryTitles)).toEqual([a, b]);
    expect([a, b].sort(compareEntryTitles)).toEqual([a, b]);
  });
});
