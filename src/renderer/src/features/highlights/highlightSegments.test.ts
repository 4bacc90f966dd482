import { entryText } from '@shared/annotations/entryText';
import type { HighlightColour, PlacedHighlight } from '@shared/domain/highlights';
import { describe, expect, it } from 'vitest';
import { blockSegments, placedInOrder } from './highlightSegments';

const { text, blocks } = entryText({
  definition: 'Glutamate excites neurons.\n\nGABA inhibits them.',
  sections: [],
});

function highlight(id: string, passage: string | null, colour: HighlightColour = 'yellow', from = 0): PlacedHighlight {
  const start = passage === null ? -1 : text.indexOf(passage, from);
  return {
    id,
    colour,
    created: '2026-12-01T00:00:00Z',
    updated: '2026-12-01T00:00:00Z',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: passage ?? 'gone', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 0 },
    },
    place: passage === null ? null : { start, end: start + passage.length, exact: true },
  };
}

const shape = (segments: ReturnType<typeof blockSegments>) =>
  segments.map((segment) => [segment.text, segment.highlight?.id ?? null]);

describe('blockSegments', () => {
  it('gives one plain run without highlights, and leaves orphans out', () => {
    expect(shape(blockSegments(text, blocks[0]!, [highlight('o', null)]))).toEqual([
      ['Glutamate excites neurons.', null],
    ]);
  });

  it('cuts a highlight running over two blocks into one piece per block', () => {
    const both = highlight('a', 'neurons.\n\nGABA');
    expect(shape(blockSegments(text, blocks[0]!, [both]))).toEqual([
      ['Glutamate excites ', null],
      ['neurons.', 'a'],
    ]);
    expect(shape(blockSegments(text, blocks[1]!, [both]))).toEqual([
      ['GABA', 'a'],
      [' inhibits them.', null],
    ]);
  });

  it('keeps adjacent highlights apart and draws an overlap as the shorter one', () => {
    const adjacent = [highlight('a', 'Glutamate'), highlight('b', ' excites')];
    expect(shape(blockSegments(text, blocks[0]!, adjacent))).toEqual([
      ['Glutamate', 'a'],
      [' excites', 'b'],
      [' neurons.', null],
    ]);
    const outer = highlight('outer', 'Glutamate excites neurons', 'blue');
    const inner = highlight('inner', 'excites', 'pink');
    const segments = blockSegments(text, blocks[0]!, [outer, inner]);
    expect(shape(segments)).toEqual([
      ['Glutamate ', 'outer'],
      ['excites', 'inner'],
      [' neurons', 'outer'],
      ['.', null],
    ]);
    expect(segments[1]!.covering.map((h) => h.id)).toEqual(['outer', 'inner']);
    // Offsets are the entry text's, so a segment can be found again by them.
    expect(text.slice(segments[1]!.start, segments[1]!.end)).toBe('excites');
  });

  it('orders placed highlights by where they start, orphans left out', () => {
    const list = [highlight('late', 'GABA'), highlight('o', null), highlight('early', 'Glutamate')];
    expect(placedInOrder(list).map((h) => h.id)).toEqual(['early', 'late']);
  });
});
