import { describe, expect, it } from 'vitest';
import { findTagQuery } from './TagSuggestPlugin';

describe('findTagQuery', () => {
  it.each([
    ['Revise #ne', '', { start: 7, query: 'ne' }],
    ['#neuro/syn', '', { start: 0, query: 'neuro/syn' }],
    ['(#exam', '', { start: 1, query: 'exam' }],
    ['#ex', ' ', { start: 0, query: 'ex' }],
    ['#ünï', '', { start: 0, query: 'ünï' }],
  ])('%s offers tags', (before, previous, expected) => {
    expect(findTagQuery(before, previous)).toEqual(expected);
  });

  it.each([
    ['a heading being typed', '##', ''],
    ['a heading marker', '# ', ''],
    ['a bare #', 'Revise #', ''],
    ['a URL anchor', 'https://example.org/#anchor', ''],
    ['a word with #', 'C#sharp', ''],
    ['after a link or other node', '#tag', ']'],
    ['after a space', '#tag ', ''],
  ])('%s offers none', (_name, before, previous) => {
    expect(findTagQuery(before, previous)).toBeNull();
  });
});
