import { describe, expect, it } from 'vitest';
import { highlightIdOfHeading, highlightIdOfLink } from './highlightLink';

describe('highlight links', () => {
  it('reads the highlight id of a block reference', () => {
    expect(highlightIdOfHeading('^h-abc123')).toBe('h-abc123');
    expect(highlightIdOfLink('[[GABA#^h-abc123|GABA]]')).toBe('h-abc123');
    expect(highlightIdOfLink('[[Neuro/GABA#^h_1]]')).toBe('h_1');
  });

  it('finds none in headings, other links and text', () => {
    expect(highlightIdOfHeading('Origin')).toBeNull();
    expect(highlightIdOfHeading(null)).toBeNull();
    expect(highlightIdOfHeading('^h 1')).toBeNull();
    expect(highlightIdOfLink('[[GABA#Origin]]')).toBeNull();
    expect(highlightIdOfLink('[[GABA]]')).toBeNull();
    expect(highlightIdOfLink('GABA')).toBeNull();
  });
});
