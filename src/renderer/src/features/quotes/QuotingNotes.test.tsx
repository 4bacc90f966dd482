import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { PlacedHighlight } from '@shared/domain/highlights';
import type { BacklinkList, MentionContext } from '@shared/domain/links';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuotingNotes } from './QuotingNotes';

afterEach(cleanup);

function mention(source: string, text: string, start: number): MentionContext {
  return { source, text, start, end: start + source.length, highlights: [], headingPath: [] };
}

const HIGHLIGHT = {
  id: 'h-1',
  colour: 'green',
  created: '',
  updated: '',
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: 'the chief inhibitory neurotransmitter', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 37 },
  },
  place: null,
} satisfies PlacedHighlight;

const LINKED: BacklinkList = {
  count: 3,
  groups: [
    {
      path: 'Essay.md',
      title: 'Essay',
      mentions: [
        mention('[[GABA]]', 'See GABA.', 4),
        mention('[[GABA#^h-1|GABA]]', 'the chief inhibitory … — GABA', 40),
      ],
    },
    { path: 'Old.md', title: 'Old', mentions: [mention('[[GABA#^h-gone|GABA]]', 'an old quote — GABA', 9)] },
  ],
};

describe('QuotingNotes', () => {
  it('lists the notes quoting a highlight with its passage, and opens one at its quote', () => {
    const onOpenMention = vi.fn();
    render(<QuotingNotes linked={LINKED} highlights={[HIGHLIGHT]} onOpenMention={onOpenMention} />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Essaythe chief inhibitory neurotransmitter',
      // A quote of a highlight since deleted keeps the text it was quoted with.
      'Oldan old quote — GABA',
    ]);
    fireEvent.click(buttons[0]!);
    expect(onOpenMention).toHaveBeenCalledWith('Essay.md', LINKED.groups[0]!.mentions[1]);
  });

  it('says how to quote when nothing does', () => {
    render(<QuotingNotes linked={{ count: 0, groups: [] }} highlights={[]} onOpenMention={vi.fn()} />);
    expect(screen.getByText(/No note quotes this entry yet/)).toBeTruthy();
  });
});
