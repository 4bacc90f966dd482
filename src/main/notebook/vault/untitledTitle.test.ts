import { describe, expect, it } from 'vitest';
import { untitledTitle } from './untitledTitle';

describe('untitledTitle', () => {
  it('picks the first free name', () => {
    expect(untitledTitle(() => false)).toBe('Untitled');
    const taken = new Set(['Untitled', 'Untitled 1', 'Untitled 3']);
    expect(untitledTitle((t) => taken.has(t))).toBe('Untitled 2');
  });
});
