import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_QUOTE_DROP, onQuoteRequest, parseQuoteDrag, type QuoteRequest } from './quoteRequest';

describe('parseQuoteDrag', () => {
  it('reads a highlight drag', () => {
    expect(parseQuoteDrag('{"entryId":"neuro--gaba","highlightId":"h-1x"}')).toEqual({
      entryId: 'neuro--gaba',
      highlightId: 'h-1x',
    });
  });

  it.each([
    '',
    'not json',
    'null',
    '"h-1"',
    '{"entryId":"gaba"}',
    '{"entryId":"GABA <b>","highlightId":"h-1"}',
    '{"entryId":"gaba","highlightId":"h 1"}',
    '{"entryId":"gaba","highlightId":7}',
  ])('refuses %j', (data) => {
    expect(parseQuoteDrag(data)).toBeNull();
  });
});

describe('HIGHLIGHT_QUOTE_DROP', () => {
  it('asks for the dropped highlight to be quoted, and ignores forged data', () => {
    const asked: QuoteRequest[] = [];
    const off = onQuoteRequest((request) => asked.push(request));
    try {
      HIGHLIGHT_QUOTE_DROP.drop('{"entryId":"gaba","highlightId":"h-2"}');
      HIGHLIGHT_QUOTE_DROP.drop('<img src=x onerror=alert(1)>');
      expect(asked).toEqual([{ entryId: 'gaba', highlightId: 'h-2' }]);
    } finally {
      off();
    }
  });
});
