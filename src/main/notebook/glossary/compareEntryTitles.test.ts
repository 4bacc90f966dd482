import { describe, expect, it } from 'vitest';
import { compareEntryTitles, inTitleOrder, markTitleOrdered } from './compareEntryTitles';

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

describe('inTitleOrder', () => {
  it('checks a list it was not told about, and takes a marked one at its word', () => {
    const sorted = [entry('Alpha'), entry('beta')];
    const unsorted = [entry('beta'), entry('Alpha')];
    expect(inTitleOrder(sorted)).toBe(true);
    expect(inTitleOrder(unsorted)).toBe(false);
    // Marked by the code that sorted it (PackLibrary.entries): not compared again.
    expect(inTitleOrder(markTitleOrdered([...unsorted]))).toBe(true);
    expect(inTitleOrder([...unsorted])).toBe(false);
  });
});
