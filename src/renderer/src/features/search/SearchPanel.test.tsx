import type { IndexStatus, SearchHit, SearchResults } from '@shared/domain/search';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import { clearTermHighlight, currentTermHighlight } from '../../ui/highlight/termHighlightRequest';
import { scopeOfQuery, withoutScope, withScope } from './queryScope';
import { SearchPanel } from './SearchPanel';
import { SEARCH_DEBOUNCE_MS } from './useSearch';
import { fakeClient, type FakeClient } from '../../api/testing/fakeClient';

/** An option by the first part of its name (its name is all it shows: "Cell Biology, Bio, Note"). */
const named = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`);

afterEach(() => {
  cleanup();
  clearTermHighlight();
});

const READY: IndexStatus = { state: 'ready', indexed: 12, total: 12 };

const ENTRY: SearchHit = {
  ref: { kind: 'entry', id: 'gaba-glutamate-ratio' },
  kind: 'entry',
  title: 'GABA Glutamate Ratio',
  folder: '',
  score: 10,
  terms: ['glutamate'],
  snippets: [{ text: 'The balance of GABA and glutamate in a circuit.', highlights: [[24, 33]] }],
};
const NOTE: SearchHit = {
  ref: { kind: 'note', path: 'Neuro/Excitation.md' },
  kind: 'note',
  title: 'Excitation',
  folder: 'Neuro',
  score: 5,
  terms: ['glutamate'],
  snippets: [
    { text: 'Glutamate depolarises. <img src=x onerror=alert(1)>', highlights: [[0, 9]] },
    { text: 'More glutamate here.', highlights: [[5, 14]] },
  ],
};

function results(hits: SearchHit[], total = hits.length): SearchResults {
  return { hits, total, status: READY };
}

function setup(
  api: FakeClient = fakeClient({ search: async () => results([ENTRY, NOTE]), getIndexStatus: async () => READY }),
) {
  const onOpenResult = vi.fn();
  const onClose = vi.fn();
  const view = render(
    <ApiProvider client={api}>
      <SearchPanel open focusRequest={1} onClose={onClose} onOpenResult={onOpenResult} />
    </ApiProvider>,
  );
  const field = screen.getByRole('searchbox', { name: 'Search notes and glossary' });
  const type = (value: string) => fireEvent.change(field, { target: { value } });
  const key = (key: string) => fireEvent.keyDown(field, { key });
  return { api, onOpenResult, onClose, field, type, key, view };
}

const titles = () =>
  screen.queryAllByRole('option').map((option) => option.querySelector('.search-hit-title')?.textContent);

/** The polite live region of the search view, and every text it was given (each one is read aloud). */
function watchAnnouncements() {
  const region = screen.getByRole('status', { name: 'Search announcements' });
  const said: string[] = [];
  const observer = new MutationObserver(() => said.push(region.textContent ?? ''));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { region, said, stop: () => observer.disconnect() };
}

describe('SearchPanel', () => {
  it('explains the query language before anything is typed, with the field focused', () => {
    const { field, api } = setup();
    expect(document.activeElement).toBe(field);
    expect(screen.getByText('"exact phrase"')).toBeTruthy();
    expect(screen.getByText('in:glossary')).toBeTruthy();
    expect(api.search).not.toHaveBeenCalled();
  });

  it('shows results from both kinds with their count, kind, folder and marked snippets', async () => {
    const { type, api } = setup();
    await act(async () => undefined); // the index status is in before typing starts
    // Typing quickly sends one request. "Quickly" is pinned with a fake clock: on a loaded
    // machine three real keystrokes can be further apart than the debounce.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      type('g');
      type('gl');
      type('glutamate');
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    } finally {
      vi.useRealTimers();
    }
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    expect(api.search).toHaveBeenCalledTimes(1);
    expect(api.search).toHaveBeenCalledWith({ query: 'glutamate', scope: 'all', limit: 50 });
    expect(document.querySelector('.search-summary')?.textContent ?? '').toContain('2 results');
    const entry = screen.getByRole('option', { name: named('GABA Glutamate Ratio') });
    const note = screen.getByRole('option', { name: named('Excitation') });
    expect(list.contains(entry) && list.contains(note)).toBe(true);
    expect(entry.textContent).toContain('Glossary');
    expect(note.textContent).toContain('Note');
    expect(note.textContent).toContain('Neuro');
    expect([...entry.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Glutamate', 'glutamate']);
    expect([...note.querySelectorAll('.search-snippet mark')].map((mark) => mark.textContent)).toEqual([
      'Glutamate',
      'glutamate',
    ]);
    // Snippet text from notes is text, never HTML.
    expect(note.querySelector('img')).toBeNull();
    expect(note.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('reads the number of results out once, where the typing settles, and the same number not again', async () => {
    const { type } = setup(
      fakeClient({
        search: async ({ query }) => results(query.startsWith('glu') ? [ENTRY] : [ENTRY, NOTE]),
        getIndexStatus: async () => READY,
      }),
    );
    const live = watchAnnouncements();
    expect(live.region.getAttribute('aria-live')).toBe('polite');
    type('gaba');
    await screen.findByRole('option', { name: named('Excitation') });
    type('glu');
    await waitFor(() => expect(screen.queryByRole('option', { name: named('Excitation') })).toBeNull());
    await waitFor(() => expect(live.region.textContent).toBe('1 result'));
    // An edit that brings the same answer says nothing more.
    type('glut');
    await screen.findByRole('option', { name: named('GABA Glutamate Ratio') });
    await new Promise((resolve) => setTimeout(resolve, 700));
    live.stop();
    expect(live.said.filter(Boolean)).toEqual(['1 result']);
  });

  it('reads out that nothing matched, and why a search failed, once each', async () => {
    const { type } = setup(
      fakeClient({
        search: async ({ query }) => {
          if (query === 'broken') throw new Error('the index is unreadable');
          return results([]);
        },
        getIndexStatus: async () => READY,
      }),
    );
    const live = watchAnnouncements();
    type('in:notes zzyzx');
    await waitFor(() => expect(live.region.textContent).toBe('No results for “zzyzx” in notes'));
    type('broken');
    await waitFor(() => expect(live.region.textContent).toBe('Search failed: the index is unreadable'));
    live.stop();
    expect(live.said.filter(Boolean)).toEqual([
      'No results for “zzyzx” in notes',
      'Search failed: the index is unreadable',
    ]);
    // The failure is shown, and not a second alert beside the announcement.
    expect(screen.getByText(/Search failed: the index is unreadable/, { selector: 'p' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says how many of the matches it shows when there are more', async () => {
    const { type } = setup(
      fakeClient({ search: async () => results([ENTRY, NOTE], 1234), getIndexStatus: async () => READY }),
    );
    type('glutamate');
    await screen.findByText('1,234 results');
    expect(screen.getByText('showing the best 2')).toBeTruthy();
  });

  it('never goes back to the answer of an older query', async () => {
    const late: Array<() => void> = [];
    const api = fakeClient({
      getIndexStatus: async () => READY,
      search: ({ query }) =>
        new Promise((resolve) => {
          if (query === 'gaba') late.push(() => resolve(results([NOTE])));
          else resolve(results([ENTRY]));
        }),
    });
    const { type } = setup(api);
    type('gaba');
    await waitFor(() => expect(late).toHaveLength(1));
    type('gaba ratio');
    await screen.findByRole('option', { name: named('GABA Glutamate Ratio') });
    await act(async () => late[0]!());
    expect(titles()).toEqual(['GABA Glutamate Ratio']);
  });

  it('filters with the segmented control, which follows `in:` in the query', async () => {
    const { type, field, api } = setup();
    type('glutamate');
    await screen.findByRole('listbox', { name: 'Search results' });
    fireEvent.click(screen.getByRole('radio', { name: 'Glossary' }));
    expect((field as HTMLInputElement).value).toBe('in:glossary glutamate');
    await waitFor(() =>
      expect(api.search).toHaveBeenLastCalledWith({ query: 'in:glossary glutamate', scope: 'glossary', limit: 50 }),
    );
    expect(screen.getByRole('radio', { name: 'Glossary' }).getAttribute('aria-checked')).toBe('true');
    type('in:notes glutamate');
    expect(screen.getByRole('radio', { name: 'Notes' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect((field as HTMLInputElement).value).toBe('glutamate');
  });

  it('opens the chosen result with the keyboard and asks for its words to be highlighted', async () => {
    const { type, key, onOpenResult } = setup();
    type('glutamate');
    await screen.findByRole('option', { name: named('Excitation') });
    key('ArrowDown');
    expect(screen.getByRole('option', { name: named('Excitation') }).getAttribute('aria-selected')).toBe('true');
    key('Enter');
    expect(onOpenResult).toHaveBeenCalledWith(NOTE.ref);
    expect(currentTermHighlight()).toMatchObject({ ref: NOTE.ref, terms: ['glutamate'] });
    fireEvent.click(screen.getByRole('option', { name: named('GABA Glutamate Ratio') }));
    expect(onOpenResult).toHaveBeenLastCalledWith(ENTRY.ref);
  });

  it('opens the fresh best result when Enter comes before the answer to the new query', async () => {
    const api = fakeClient({
      getIndexStatus: async () => READY,
      search: async ({ query }) => results(query === 'excitation' ? [NOTE] : [ENTRY]),
    });
    const { type, key, onOpenResult } = setup(api);
    type('ratio');
    await screen.findByRole('option', { name: named('GABA Glutamate Ratio') });
    type('excitation');
    key('Enter');
    await waitFor(() => expect(onOpenResult).toHaveBeenCalledWith(NOTE.ref));
    expect(onOpenResult).toHaveBeenCalledOnce();
  });

  it('says so when nothing matches, with a way out of a filter', async () => {
    const { type, field } = setup(fakeClient({ search: async () => results([]), getIndexStatus: async () => READY }));
    type('in:notes zzyzx');
    expect(await screen.findByText(/No results for/)).toBeTruthy();
    expect(screen.getByText('zzyzx')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Search everything' }));
    expect((field as HTMLInputElement).value).toBe('zzyzx');
  });

  it('closes on Escape', () => {
    const { key, onClose } = setup();
    key('Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('lets go of the focus when it closes with nowhere to return it, so the next Escape reaches the page', () => {
    // The browser moves the focus out of a hidden panel only at its next frame: an Escape
    // pressed before then was taken by the closed panel instead of clearing the highlights.
    const { key, field } = setup();
    expect(document.activeElement).toBe(field);
    key('Escape');
    expect(document.activeElement).toBe(document.body);
  });

  it('shows the progress of an index build that takes over a second', async () => {
    const api = fakeClient({
      search: async () => results([]),
      getIndexStatus: async () => ({ state: 'building', indexed: 4200, total: 10000 }),
    });
    setup(api);
    expect(screen.queryByText(/Indexing/)).toBeNull();
    expect(await screen.findByText('Indexing… 4,200 of 10,000 notes', {}, { timeout: 2500 })).toBeTruthy();
    act(() => api.emit('index-status', { state: 'ready', indexed: 10000, total: 10000 }));
    expect(screen.queryByText(/Indexing/)).toBeNull();
  });
});

describe('query scope', () => {
  it('reads `in:` the way the backend parser does', () => {
    expect(scopeOfQuery('gaba')).toBe('all');
    expect(scopeOfQuery('in:glossary gaba')).toBe('glossary');
    expect(scopeOfQuery('gaba in:g')).toBe('glossary');
    expect(scopeOfQuery('in:notes gaba')).toBe('notes');
  });

  it('rewrites the filter in front of the words, keeping the word being typed last', () => {
    expect(withScope('glut', 'glossary')).toBe('in:glossary glut');
    expect(withScope('in:notes glut', 'glossary')).toBe('in:glossary glut');
    expect(withScope('glut in:notes ratio', 'all')).toBe('glut ratio');
    expect(withoutScope('in:glossary ')).toBe('');
  });
});
