import { cleanup, render, waitFor } from '@testing-library/react';
import type { EntryHighlights } from '@shared/domain/highlights';
import type { GlossaryEntry } from '@shared/domain/glossary';
import type { Note, NoteSummary } from '@shared/domain/note';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../api/testing/fakeClient';
import type { QuoteBlock } from '../../editor/quotes/insertQuote';
import { requestQuote } from './quoteRequest';
import { registerQuoteTarget } from './quoteTarget';
import { useQuoteRequests, type QuoteRequestDeps } from './useQuoteRequests';

afterEach(cleanup);

const ENTRY = { id: 'gaba', title: 'GABA', aliases: [], definition: '', sections: [] } as unknown as GlossaryEntry;
const HIGHLIGHTS: EntryHighlights = {
  entryId: 'gaba',
  path: 'Highlights/GABA.md',
  problems: [],
  highlights: [
    {
      id: 'h-1',
      colour: 'yellow',
      created: '2026-12-07T00:00:00.000Z',
      updated: '2026-12-07T00:00:00.000Z',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'the chief inhibitory neurotransmitter', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 8, end: 45 },
      },
      place: { start: 8, end: 45, exact: true },
    },
  ],
};

function Shell(props: QuoteRequestDeps) {
  useQuoteRequests(props);
  return null;
}

function setup(notes: NoteSummary[] = []) {
  const api = fakeClient({
    getEntryHighlights: async () => HIGHLIGHTS,
    getEntry: async () => ENTRY,
    getLinkText: async ({ from }) => (from ? 'Neuro/GABA' : 'GABA'),
    createNote: async ({ title }) => ({ path: `${title}.md`, title }) as Note,
  });
  const deps: QuoteRequestDeps = {
    api,
    notes,
    openNoteBeside: vi.fn(),
    upsertNote: vi.fn(),
    notify: vi.fn(),
  };
  render(<Shell {...deps} />);
  return { api, deps };
}

describe('useQuoteRequests', () => {
  it('inserts the passage with a link back to the highlight into the open note', async () => {
    const { deps } = setup();
    const inserted: QuoteBlock[] = [];
    const off = registerQuoteTarget('Essay.md', (quote) => inserted.push(quote) > 0);
    try {
      expect(requestQuote({ entryId: 'gaba', highlightId: 'h-1' })).toBe(true);
      await waitFor(() => expect(inserted).toHaveLength(1));
      expect(inserted[0]).toEqual({
        passage: 'the chief inhibitory neurotransmitter',
        link: { target: 'Neuro/GABA', heading: '^h-1', label: 'GABA' },
      });
      expect(deps.openNoteBeside).not.toHaveBeenCalled();
    } finally {
      off();
    }
  });

  it('without an open note, creates "Notes on <entry>" and quotes there once it opens', async () => {
    const { deps } = setup();
    requestQuote({ entryId: 'gaba', highlightId: 'h-1' });
    await waitFor(() => expect(deps.openNoteBeside).toHaveBeenCalledWith('Notes on GABA.md', 'gaba'));
    const inserted: QuoteBlock[] = [];
    const off = registerQuoteTarget('Notes on GABA.md', (quote) => inserted.push(quote) > 0);
    off();
    expect(inserted.map((quote) => quote.link)).toEqual([{ target: 'GABA', heading: '^h-1', label: 'GABA' }]);
  });

  it('reuses an existing "Notes on <entry>" note', async () => {
    const existing = { path: 'notes on gaba.md', title: 'notes on GABA' } as NoteSummary;
    const { api, deps } = setup([existing]);
    requestQuote({ entryId: 'gaba', highlightId: 'h-1' });
    await waitFor(() => expect(deps.openNoteBeside).toHaveBeenCalledWith('notes on gaba.md', 'gaba'));
    expect(api.createNote).not.toHaveBeenCalled();
    registerQuoteTarget('notes on gaba.md', () => true)();
  });

  it('says so when the highlight is gone', async () => {
    const { deps } = setup();
    requestQuote({ entryId: 'gaba', highlightId: 'h-gone' });
    await waitFor(() => expect(deps.notify).toHaveBeenCalledWith(expect.stringMatching(/no longer exists/)));
  });
});
