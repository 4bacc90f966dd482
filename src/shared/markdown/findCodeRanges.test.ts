import { describe, expect, it } from 'vitest';
import { findCodeRanges, isInCode } from './findCodeRanges';

describe('findCodeRanges', () => {
  it('finds code blocks and code spans, so [[links]] inside them can be skipped', () => {
    const text =
      'A [[link]] and `[[not]]` and \\`[[link]]`.\n\n```\n[[not]]\n```\n\n    [[not]]\n\n- item ``[[not]]``\n';
    const ranges = findCodeRanges(text);
    const linkAt = (from: number): boolean => isInCode(ranges, text.indexOf('[[', from));
    let cursor = 0;
    const verdicts: boolean[] = [];
    for (let index = text.indexOf('[['); index >= 0; index = text.indexOf('[[', index + 2)) {
      verdicts.push(linkAt(index));
      cursor = index;
    }
    expect(cursor).toBeGreaterThan(0);
    expect(verdicts).toEqual([false, true, false, true, true, true]);
  });
});
