/**
 * The snippet text of a note stays linear on hostile text: thousands of unclosed brackets and
 * delimiters cost no more than words (each pattern stops at the next delimiter of its
 * kind). Before, 50,000 `[[` took seconds and blocked the backend while it built search
 * snippets (in the scanner the note model replaced). The generous timeout only guards against a hang; speed is measured by the bench.
 */
import { describe, expect, it } from 'vitest';
import { plainTextBlocks, stripInlineMarkdown } from './testing/plainTextBlocks';

const HOSTILE: Array<[string, string]> = [
  ['50,000 [[', '[['.repeat(50_000)],
  ['100,000 [', '['.repeat(100_000)],
  ['50,000 [^', '[^'.repeat(50_000)],
  ['50,000 ![', '!['.repeat(50_000)],
  ['unclosed links', '[a](b'.repeat(20_000)],
  ['unclosed emphasis', '*a'.repeat(50_000)],
  ['unclosed underscores', '_a'.repeat(50_000)],
  ['bold never closed after a space', '**a '.repeat(25_000)],
  ['strikethrough and highlights', '~~a ==b '.repeat(12_500)],
  ['tags without ends', '<a'.repeat(50_000)],
  ['1.6 million <', '<'.repeat(1_600_000)],
];

describe('stripInlineMarkdown on hostile text', () => {
  it.each(HOSTILE)(
    '%s finishes',
    (_name, text) => {
      expect(typeof stripInlineMarkdown(text)).toBe('string');
      expect(plainTextBlocks(`# Note\n\n${text}\n`).length).toBeGreaterThan(0);
    },
    10_000,
  );

  it('links the innermost [[, as the link index does', () => {
    expect(stripInlineMarkdown('[[a [[Target]] b')).toBe('[[a Target b');
    expect(stripInlineMarkdown('see [[Target|the label]] and [[Other#Part]]')).toBe('see the label and Other › Part');
  });

  it('still strips what it stripped before', () => {
    expect(stripInlineMarkdown('**bold**, *italic*, _also_, ~~gone~~, ==marked==, `code`')).toBe(
      'bold, italic, also, gone, marked, code',
    );
    expect(stripInlineMarkdown('[text](https://example.org) ![alt](x.png) note[^1]')).toBe('text alt note');
  });
});
