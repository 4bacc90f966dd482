import { describe, expect, it } from 'vitest';
import { EMBED_WEIGHT_CHARS, richness } from './DocumentLoader';

describe('how rich a note is, which sizes its load slices', () => {
  it('is 1 for prose and grows with the images and formulas per character, up to 8', () => {
    expect(richness('')).toBe(1);
    expect(richness('Plain prose, a price of 5 dollars.\n'.repeat(200))).toBe(1);
    const page = `${'word '.repeat(600)}![[fig.png]] and $x^2$ here.\n\n`;
    expect(richness(page)).toBeCloseTo(1 + (2 * EMBED_WEIGHT_CHARS) / page.length);
    expect(richness('A figure ![[fig.png]] and $x^2$.\n\n'.repeat(50))).toBe(8);
    // Read from the note's beginning only: a huge note costs no more to weigh.
    expect(richness('x'.repeat(64 * 1024) + '![[a.png]]'.repeat(1000))).toBe(1);
  });
});
