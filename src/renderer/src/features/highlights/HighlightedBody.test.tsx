import type { GlossaryEntry } from '@shared/domain/glossary';
import type { EntryHighlights, HighlightColour, PlacedHighlight } from '@shared/domain/highlights';
import { entryText } from '@shared/annotations/entryText';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import { fakeClient, type FakeClient } from '../../api/testing/fakeClient';
import { CommandRegistry } from '../../ui/commands/CommandRegistry';
import { CommandRegistryContext } from '../../ui/commands/useCommands';
import { EntryReader } from '../glossary/EntryReader';
import { HIGHLIGHT_DRAG_TYPE, onQuoteRequest } from '../quotes/quoteRequest';
import { MATCH_HIGHLIGHT } from '../../ui/highlight/showTermHighlights';
import { clearTermHighlight, requestTermHighlight } from '../../ui/highlight/termHighlightRequest';
import { installFakeHighlights } from '../../ui/highlight/testing/fakeHighlights';
import { resetHiddenHighlights } from './hiddenHighlights';
import { offsetsToRange } from './selectionOffsets';

afterEach(() => {
  cleanup();
  resetHiddenHighlights();
});

const ENTRY: GlossaryEntry = {
  id: 'gaba-glutamate-ratio',
  title: 'GABA Glutamate Ratio',
  aliases: [],
  source: 'gaba.md',
  editorialTitle: false,
  definition: 'The balance between excitation and inhibition.\n\nIt shifts during sleep.',
  sections: [{ heading: 'Mechanism', text: 'Glutamate opens channels. GABA closes them.' }],
} as unknown as GlossaryEntry;
const { text } = entryText(ENTRY);

function placed(
  id: string,
  passage: string | null,
  colour: HighlightColour = 'yellow',
  note?: string,
): PlacedHighlight {
  const start = passage === null ? -1 : text.indexOf(passage);
  if (passage !== null && start < 0) throw new Error(`not in the text: ${passage}`);
  return {
    id,
    colour,
    created: '2026-12-01T00:00:00Z',
    updated: '2026-12-01T00:00:00Z',
    ...(note !== undefined ? { note } : {}),
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: passage ?? 'a passage that is gone', prefix: '', suffix: '' },
      position: {
        type: 'TextPositionSelector',
        start: Math.max(start, 0),
        end: Math.max(start, 0) + (passage ?? '').length,
      },
    },
    place: passage === null ? null : { start, end: start + passage.length, exact: true },
  };
}

function setup(highlights: PlacedHighlight[], overrides: Partial<FakeClient> = {}) {
  const file = (): EntryHighlights => ({
    entryId: ENTRY.id,
    path: 'Highlights/GABA.md',
    highlights: [...highlights],
    problems: [],
  });
  const api = fakeClient({
    getEntry: async () => ENTRY,
    getEntryHighlights: async () => file(),
    addHighlight: async ({ start, end, colour }) => {
      const added = placed('new', text.slice(start, end), colour ?? 'yellow');
      highlights.push(added);
      return added;
    },
    updateHighlight: async ({ id }) => highlights.find((highlight) => highlight.id === id)!,
    deleteHighlight: async () => undefined,
    ...overrides,
  });
  const registry = new CommandRegistry();
  const view = render(
    <CommandRegistryContext.Provider value={registry}>
      <ApiProvider client={api}>
        <EntryReader id={ENTRY.id} />
      </ApiProvider>
    </CommandRegistryContext.Provider>,
  );
  return { api, registry, view };
}

function select(passage: string): void {
  const body = document.querySelector<HTMLElement>('.reader-body')!;
  const start = text.indexOf(passage);
  const range = offsetsToRange(body, start, start + passage.length)!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  fireEvent.mouseUp(body);
}

const marks = (id?: string) => [
  ...document.querySelectorAll<HTMLElement>(id ? `mark[data-highlight-id="${id}"]` : 'mark[data-highlight-id]'),
];

describe('the reader with highlights', () => {
  it('renders the blocks with their offsets, and placed highlights as marks (orphans left out)', async () => {
    setup([
      placed('a', 'excitation', 'green'),
      placed('span', 'sleep.\n\nMechanism\n\nGlutamate', 'blue', 'Why sleep?'),
      placed('orphan', null, 'pink'),
    ]);
    await waitFor(() => expect(marks()).toHaveLength(4));
    expect(marks('orphan')).toHaveLength(0);
    // One piece per block: "sleep." in the definition, the heading, "Glutamate" in the section.
    expect(marks('span').map((mark) => mark.textContent)).toEqual(['sleep.', 'Mechanism', 'Glutamate']);
    expect(marks('span').map((mark) => mark.className)).toEqual(['hl hl-blue', 'hl hl-blue', 'hl hl-blue']);
    expect(marks('span').map((mark) => mark.tabIndex)).toEqual([0, -1, -1]);
    expect(screen.getByRole('button', { name: 'Highlight, green: excitation' })).toBe(marks('a')[0]);
    expect(screen.getByRole('button', { name: 'Highlight, blue: sleep.… Margin note: Why sleep?' })).toBe(
      marks('span')[0],
    );
    // Blocks carry their start offsets; sections keep their names (revealEntrySection).
    const blocks = [...document.querySelectorAll('[data-offset]')];
    expect(blocks.map((block) => [block.tagName, Number(block.getAttribute('data-offset'))])).toEqual([
      ['P', 0],
      ['P', text.indexOf('It shifts')],
      ['H2', text.indexOf('Mechanism')],
      ['P', text.indexOf('Glutamate')],
    ]);
    expect(blocks.map((block) => block.textContent).join('\n\n')).toBe(text);
    expect(screen.getByRole('region', { name: 'Mechanism' }).contains(blocks[2]!)).toBe(true);
    // The margin note, beside its passage.
    expect(screen.getByRole('group', { name: 'Margin notes' }).textContent).toContain('Why sleep?');
  });

  it('draws overlapping and adjacent highlights as separate marks', async () => {
    setup([placed('outer', 'balance between excitation', 'blue'), placed('inner', 'between'), placed('next', ' and')]);
    await waitFor(() => expect(marks()).toHaveLength(4));
    expect(marks().map((mark) => [mark.textContent, mark.dataset.highlightId])).toEqual([
      ['balance ', 'outer'],
      ['between', 'inner'],
      [' excitation', 'outer'],
      [' and', 'next'],
    ]);
  });

  it('renders margin notes as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>**bold**';
    setup([placed('a', 'excitation', 'yellow', payload)]);
    const notes = await screen.findByRole('group', { name: 'Margin notes' });
    expect(notes.querySelector('img, script, strong')).toBeNull();
    expect(notes.textContent).toContain(payload);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('highlights a mouse selection from its toolbar', async () => {
    const { api } = setup([]);
    await screen.findByText(/It shifts/);
    select('shifts during');
    const toolbar = screen.getByRole('toolbar', { name: 'Highlight the selection' });
    // Keyboard reachable: Tab from the reader's text goes into it, on its first colour.
    const body = screen.getByRole('region', { name: 'Entry text' });
    body.focus();
    fireEvent.keyDown(body, { key: 'Tab' });
    expect(document.activeElement).toBe(within(toolbar).getByRole('button', { name: 'Highlight yellow' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(within(toolbar).getByRole('button', { name: 'Highlight green' }));
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Highlight green' }));
    const start = text.indexOf('shifts during');
    await waitFor(() =>
      expect(api.addHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, start, end: start + 13, colour: 'green' }),
    );
    expect(screen.queryByRole('toolbar')).toBeNull();
  });

  it('quotes a selection: highlights it, then asks for the quote', async () => {
    const requests: unknown[] = [];
    const off = onQuoteRequest((request) => requests.push(request));
    try {
      const { api } = setup([]);
      await screen.findByText(/It shifts/);
      select('during sleep');
      fireEvent.click(screen.getByRole('button', { name: 'Quote in note' }));
      await waitFor(() => expect(requests).toEqual([{ entryId: ENTRY.id, highlightId: 'new' }]));
      expect(api.addHighlight).toHaveBeenCalledTimes(1);
    } finally {
      off();
    }
  });

  it('changes, quotes and deletes a highlight from its toolbar, with undo', async () => {
    const requests: unknown[] = [];
    const off = onQuoteRequest((request) => requests.push(request));
    try {
      const { api } = setup([placed('a', 'excitation', 'green', 'A note')]);
      const mark = await screen.findByRole('button', { name: /Highlight, green: excitation/ });
      fireEvent.keyDown(mark, { key: 'Enter' });
      let toolbar = screen.getByRole('toolbar', { name: 'Highlight actions' });
      expect(within(toolbar).getByRole('button', { name: 'Green' }).getAttribute('aria-pressed')).toBe('true');
      // Opened from the keyboard: the focus is in the toolbar; Escape gives it back to the mark.
      expect(toolbar.contains(document.activeElement)).toBe(true);
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      expect(screen.queryByRole('toolbar')).toBeNull();
      await waitFor(() => expect(document.activeElement).toBe(mark));

      fireEvent.click(mark);
      fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Purple' }));
      await waitFor(() =>
        expect(api.updateHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, id: 'a', patch: { colour: 'purple' } }),
      );
      // Said to screen readers.
      await screen.findByText('Highlight changed to purple.');

      fireEvent.click(mark);
      fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Quote in note' }));
      expect(requests).toEqual([{ entryId: ENTRY.id, highlightId: 'a' }]);

      fireEvent.click(mark);
      toolbar = screen.getByRole('toolbar');
      fireEvent.click(within(toolbar).getByRole('button', { name: 'Delete' }));
      // Gone from the page at once, but kept in its file while Undo is offered.
      expect(marks('a')).toHaveLength(0);
      expect(screen.queryByRole('group', { name: 'Margin notes' })).toBeNull();
      const status = (await screen.findByText('Highlight deleted.')).closest<HTMLElement>('[role="status"]')!;
      fireEvent.click(within(status).getByRole('button', { name: 'Undo' }));
      // Undo brings back the same highlight (its id: the quotes linking to it still work).
      expect(marks('a')).toHaveLength(1);
      expect(api.deleteHighlight).not.toHaveBeenCalled();
      expect(api.addHighlight).not.toHaveBeenCalled();

      // Closing the bar deletes it for good.
      fireEvent.click(marks('a')[0]!);
      fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
      const again = (await screen.findByText('Highlight deleted.')).closest<HTMLElement>('[role="status"]')!;
      fireEvent.click(within(again).getByRole('button', { name: 'Dismiss' }));
      await waitFor(() => expect(api.deleteHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, id: 'a' }));
    } finally {
      off();
    }
  });

  it('deletes a highlight whose Undo is still offered when the entry is left, or after a while', async () => {
    const { api, view } = setup([placed('a', 'excitation'), placed('b', 'sleep', 'pink')]);
    await waitFor(() => expect(marks()).toHaveLength(2));
    fireEvent.click(marks('a')[0]!);
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
    // Deleting another deletes the first for good (one Undo at a time).
    fireEvent.click(marks('b')[0]!);
    fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.deleteHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, id: 'a' }));
    expect(api.deleteHighlight).toHaveBeenCalledTimes(1);
    view.unmount();
    await waitFor(() => expect(api.deleteHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, id: 'b' }));
  });

  it('deletes for good once Undo has been offered for a while', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { api } = setup([placed('a', 'excitation')]);
      await waitFor(() => expect(marks()).toHaveLength(1));
      fireEvent.click(marks('a')[0]!);
      fireEvent.click(within(screen.getByRole('toolbar')).getByRole('button', { name: 'Delete' }));
      expect(api.deleteHighlight).not.toHaveBeenCalled();
      act(() => void vi.advanceTimersByTime(10_000));
      await waitFor(() => expect(api.deleteHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, id: 'a' }));
      expect(screen.queryByText('Highlight deleted.')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('edits a margin note: saved on Ctrl+Enter or blur, Escape cancels', async () => {
    const { api } = setup([placed('a', 'excitation', 'yellow', 'Old')]);
    const mark = await screen.findByRole('button', { name: /Highlight, yellow/ });
    fireEvent.click(mark);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    let field = screen.getByRole('textbox', { name: /Margin note/ });
    expect((field as HTMLTextAreaElement).value).toBe('Old');
    fireEvent.change(field, { target: { value: 'Discarded' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(api.updateHighlight).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Edit margin note' }));
    field = screen.getByRole('textbox', { name: /Margin note/ });
    fireEvent.change(field, { target: { value: 'New *thoughts*\n\nline two' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await waitFor(() =>
      expect(api.updateHighlight).toHaveBeenCalledWith({
        entryId: ENTRY.id,
        id: 'a',
        patch: { note: 'New *thoughts*\n\nline two' },
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Edit margin note' }));
    field = screen.getByRole('textbox', { name: /Margin note/ });
    fireEvent.change(field, { target: { value: 'On blur' } });
    fireEvent.blur(field);
    await waitFor(() => expect(api.updateHighlight).toHaveBeenCalledTimes(2));
    expect(api.updateHighlight).toHaveBeenLastCalledWith({ entryId: ENTRY.id, id: 'a', patch: { note: 'On blur' } });
  });

  it('adds a margin note to a selection: highlights it, then opens the editor', async () => {
    const { api } = setup([]);
    await screen.findByText(/It shifts/);
    select('sleep');
    fireEvent.click(screen.getByRole('button', { name: 'Note' }));
    // The new highlight shows once the list is loaded again, with its margin note editor open.
    const field = await screen.findByRole('textbox', { name: 'Margin note on the yellow highlight' });
    expect(api.addHighlight).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(marks('new').map((mark) => mark.textContent)).toEqual(['sleep']);
  });

  it('runs its commands on the selection and moves between highlights', async () => {
    const { api, registry } = setup([placed('a', 'excitation'), placed('b', 'GABA', 'pink')]);
    await waitFor(() => expect(marks()).toHaveLength(2));
    expect(registry.run('highlights.next')).toBe(true);
    expect(document.activeElement).toBe(marks('a')[0]);
    registry.run('highlights.next');
    expect(document.activeElement).toBe(marks('b')[0]);
    registry.run('highlights.previous');
    expect(document.activeElement).toBe(marks('a')[0]);

    select('It shifts');
    expect(registry.run('highlights.highlight')).toBe(true);
    const start = text.indexOf('It shifts');
    await waitFor(() => expect(api.addHighlight).toHaveBeenCalledWith({ entryId: ENTRY.id, start, end: start + 9 }));
    // The new highlight takes the focus once shown, so Enter opens its toolbar next.
    await waitFor(() => expect(document.activeElement).toBe(marks('new')[0]));
  });

  it('drags a highlight as its quote request and its passage', async () => {
    setup([placed('a', 'excitation and inhibition', 'blue')]);
    const mark = await screen.findByRole('button', { name: /Highlight, blue/ });
    expect(mark.getAttribute('draggable')).toBe('true');
    const data = new Map<string, string>();
    const dataTransfer = { setData: (type: string, value: string) => data.set(type, value), effectAllowed: 'none' };
    fireEvent.dragStart(mark, { dataTransfer });
    expect(JSON.parse(data.get(HIGHLIGHT_DRAG_TYPE)!)).toEqual({ entryId: ENTRY.id, highlightId: 'a' });
    expect(data.get('text/plain')).toBe('excitation and inhibition');
    expect(dataTransfer.effectAllowed).toBe('copy');
  });

  it('acts on the focused highlight with the note and quote commands', async () => {
    const requests: unknown[] = [];
    const off = onQuoteRequest((request) => requests.push(request));
    try {
      const { registry } = setup([placed('a', 'excitation')]);
      await waitFor(() => expect(marks()).toHaveLength(1));
      // Nothing selected, nothing focused: the commands do not apply.
      expect(registry.run('highlights.note')).toBe(false);
      marks('a')[0]!.focus();
      expect(registry.run('highlights.quote')).toBe(true);
      expect(requests).toEqual([{ entryId: ENTRY.id, highlightId: 'a' }]);
      expect(registry.run('highlights.note')).toBe(true);
      // Focused by the field's effect, which may run after the field is in the DOM.
      const field = await screen.findByRole('textbox', { name: 'Margin note on the yellow highlight' });
      await waitFor(() => expect(document.activeElement).toBe(field));
      // Highlighting with a highlight focused opens its toolbar, focused.
      fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
      marks('a')[0]!.focus();
      act(() => void registry.run('highlights.highlight'));
      expect(screen.getByRole('toolbar', { name: 'Highlight actions' }).contains(document.activeElement)).toBe(true);
    } finally {
      off();
    }
  });

  it('finds the highlights again when they change', async () => {
    const highlights = [placed('a', 'excitation')];
    const { api } = setup(highlights);
    await waitFor(() => expect(marks()).toHaveLength(1));
    highlights.push(placed('b', 'GABA'));
    act(() => api.emit('highlights-changed', { entryIds: ['another-entry'] }));
    act(() => api.emit('highlights-changed', { entryIds: [ENTRY.id] }));
    await waitFor(() => expect(marks()).toHaveLength(2));
    expect(api.getEntryHighlights).toHaveBeenCalledTimes(2);
  });

  it('keeps the search matches painted once the highlights re-render the text', async () => {
    const fake = installFakeHighlights();
    try {
      act(() => requestTermHighlight({ kind: 'entry', id: ENTRY.id }, ['excitation', 'sleep']));
      setup([placed('a', 'between excitation and', 'green')]);
      await waitFor(() => expect(marks()).toHaveLength(1));
      await waitFor(() =>
        expect(fake.registry.get(MATCH_HIGHLIGHT)?.ranges.map((range) => range.toString())).toEqual([
          'excitation',
          'sleep',
        ]),
      );
    } finally {
      act(() => clearTermHighlight());
      fake.uninstall();
    }
  });

  it('still shows the entry when its highlights cannot be loaded', async () => {
    setup([], { getEntryHighlights: vi.fn(async () => Promise.reject(new Error('not available'))) });
    expect((await screen.findByText(/It shifts/)).tagName).toBe('P');
    expect(marks()).toHaveLength(0);
  });
});
