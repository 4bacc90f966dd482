import { describeRange } from '@shared/annotations/anchoring';
import type { EntryHighlights, HighlightColour, PlacedHighlight } from '@shared/domain/highlights';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import { fakeClient } from '../../api/testing/fakeClient';
import { installShowModal } from '../../ui/testing/showModal';
import { HighlightsPanel } from './HighlightsPanel';
import { registerReader } from './readerRegistry';
import { revealHighlight } from './revealHighlight';
import type { EntryHighlightsState } from './useEntryHighlights';

vi.mock('./revealHighlight', () => ({ revealHighlight: vi.fn() }));

let uninstall: () => void;
beforeEach(() => {
  uninstall = installShowModal();
});
afterEach(() => {
  cleanup();
  uninstall();
  vi.mocked(revealHighlight).mockClear();
});

const TEXT = 'Glutamate excites neurons. GABA inhibits them. Sleep tilts the balance.';
const ENTRY_ID = 'gaba-glutamate-ratio';

function highlight(id: string, passage: string, at: number | null, colour: HighlightColour = 'yellow', note?: string) {
  const start = TEXT.indexOf(passage);
  return {
    id,
    colour,
    created: '2026-12-01T00:00:00Z',
    updated: '2026-12-01T00:00:00Z',
    ...(note ? { note } : {}),
    selectors: describeRange(TEXT, start, start + passage.length),
    place: at === null ? null : { start: at, end: at + passage.length, exact: true },
  } satisfies PlacedHighlight;
}

function state(highlights: PlacedHighlight[], problems: string[] = []): EntryHighlightsState {
  const value: EntryHighlights = { entryId: ENTRY_ID, path: 'Highlights/GABA.md', highlights, problems };
  return { value, error: null, reload: vi.fn() };
}

function show(loaded: EntryHighlightsState) {
  const api = fakeClient({
    updateHighlight: async ({ id }) => loaded.value!.highlights.find((h) => h.id === id)!,
    deleteHighlight: async () => undefined,
  });
  render(
    <ApiProvider client={api}>
      <HighlightsPanel entryId={ENTRY_ID} highlights={loaded} quotedIn={<p>Quoted in: Lecture 4</p>} />
    </ApiProvider>,
  );
  return api;
}

describe('HighlightsPanel', () => {
  it('lists the highlights in reading order and shows one in the reader when pressed', () => {
    show(
      state([
        highlight('late', 'Sleep tilts', 47, 'blue'),
        highlight('early', 'GABA inhibits', 27, 'green', 'Why *inhibits*?'),
      ]),
    );
    const list = screen.getByRole('region', { name: 'Highlights' });
    const items = within(list).getAllByRole('button');
    expect(items.map((item) => item.textContent)).toEqual([
      'Green: GABA inhibitsMargin note: Why *inhibits*?',
      'Blue: Sleep tilts',
    ]);
    fireEvent.click(items[1]!);
    expect(revealHighlight).toHaveBeenCalledWith(ENTRY_ID, 'late');
    // Room for the notes that quote the entry.
    expect(screen.getByText('Quoted in: Lecture 4')).toBeTruthy();
  });

  it('re-attaches an orphan to the passage selected in the reader', async () => {
    const loaded = state([highlight('gone', 'excites neurons', null, 'pink')]);
    const api = show(loaded);
    const orphans = screen.getByRole('region', { name: 'Orphaned highlights' });
    expect(orphans.textContent).toContain('excites neurons');

    fireEvent.click(within(orphans).getByRole('button', { name: 'Re-attach to selection' }));
    expect(screen.getByRole('status').textContent).toContain('Select the passage in the entry first');
    expect(api.updateHighlight).not.toHaveBeenCalled();

    const off = registerReader({
      entryId: ENTRY_ID,
      article: () => null,
      highlight: vi.fn(),
      note: vi.fn(),
      quote: vi.fn(),
      moveFocus: vi.fn(),
      selection: () => ({ start: 10, end: 25 }),
    });
    try {
      fireEvent.click(within(orphans).getByRole('button', { name: 'Re-attach to selection' }));
      await waitFor(() =>
        expect(api.updateHighlight).toHaveBeenCalledWith({
          entryId: ENTRY_ID,
          id: 'gone',
          patch: { place: { start: 10, end: 25 } },
        }),
      );
      expect(loaded.reload).toHaveBeenCalled();
    } finally {
      off();
    }
  });

  it('deletes an orphan only once the user confirms', async () => {
    const api = show(state([highlight('gone', 'excites neurons', null, 'pink', 'My note')]));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Its margin note goes with it.');
    expect(api.deleteHighlight).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.deleteHighlight).toHaveBeenCalledWith({ entryId: ENTRY_ID, id: 'gone' }));
  });

  it('shows what could not be read in the file, and an empty state', () => {
    show(state([], ['line 12: highlight h-1 has no passage.']));
    expect(screen.getByText('No highlights yet.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Problems in the highlight file' }).textContent).toContain('line 12');
  });
});
