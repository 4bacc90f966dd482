import type { DocRef } from '@shared/domain/docRef';
import type { BacklinkList, MentionContext } from '@shared/domain/links';
import type { Note } from '@shared/domain/note';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import type { LiveLoad } from '../links/useLiveLoad';
import { fakeClient, type FakeClient } from '../../api/testing/fakeClient';
import { BacklinksPanel } from './BacklinksPanel';
import { onNoteRecheck } from '../links/noteRecheck';

afterEach(cleanup);

const REF: DocRef = { kind: 'entry', id: 'gaba-glutamate-ratio' };

function mention(text: string, start: number, source: string, headingPath: string[] = []): MentionContext {
  const at = text.indexOf(source.replace(/^\[\[|\]\]$/g, ''));
  return {
    text,
    highlights: [[at, at + source.replace(/^\[\[|\]\]$/g, '').length]],
    headingPath,
    start,
    end: start + source.length,
    source,
  };
}

function loaded(list: BacklinkList): LiveLoad<BacklinkList> {
  return { value: list, error: null, reload: vi.fn() };
}

function note(path: string, content: string, version: string): Note {
  return {
    path,
    title: path.replace(/\.md$/, ''),
    folder: '',
    modified: '',
    size: content.length,
    aliases: [],
    tags: [],
    content,
    version,
    readOnly: null,
  };
}

function renderPanel(api: FakeClient, linked: BacklinkList, unlinked: BacklinkList, onOpenMention = vi.fn()) {
  render(
    <ApiProvider client={api}>
      <BacklinksPanel
        doc={REF}
        title="GABA Glutamate Ratio"
        linked={loaded(linked)}
        unlinked={loaded(unlinked)}
        onOpenMention={onOpenMention}
      />
    </ApiProvider>,
  );
  return onOpenMention;
}

const EMPTY: BacklinkList = { groups: [], count: 0 };

describe('BacklinksPanel', () => {
  it('shows a quote of a highlight as a quote, passage first, and a plain link as a link', () => {
    const quoteText = 'the chief inhibitory neurotransmitter — GABA';
    const linked: BacklinkList = {
      count: 2,
      groups: [
        {
          path: 'Essay.md',
          title: 'Essay',
          mentions: [
            { ...mention(quoteText, 40, '[[GABA#^h-1|GABA]]'), highlights: [[40, 44]] },
            { ...mention('See GABA here.', 90, '[[GABA]]'), highlights: [[4, 8]] },
          ],
        },
      ],
    };
    renderPanel(fakeClient(), linked, EMPTY);
    const buttons = screen.getAllByRole('button').filter((button) => button.classList.contains('mention'));
    expect(buttons).toHaveLength(2);
    const [quote, link] = buttons as [HTMLElement, HTMLElement];
    expect(quote.classList.contains('mention-quote')).toBe(true);
    expect(quote.textContent).toMatch(/^Quote.*the chief inhibitory neurotransmitter/);
    expect(quote.getAttribute('title')).toBe('Open “Essay” at this quote');
    expect(link.classList.contains('mention-quote')).toBe(false);
    expect(link.getAttribute('title')).toBe('Open “Essay” at this link');
  });

  it('shows each mention in its paragraph, under its headings, with the link marked — as text', () => {
    const hostile = '<img src=x onerror="window.pwned=1"> keeps the GABA Glutamate Ratio low.';
    const linked: BacklinkList = {
      count: 1,
      groups: [
        {
          path: 'Neuro.md',
          title: 'Neuro',
          mentions: [
            {
              text: hostile,
              highlights: [[hostile.indexOf('GABA'), hostile.indexOf(' low')]],
              headingPath: ['Inhibition', 'Balance'],
              start: 40,
              end: 64,
              source: '[[GABA Glutamate Ratio]]',
            },
          ],
        },
      ],
    };
    const open = renderPanel(fakeClient(), linked, EMPTY);
    const section = screen.getByRole('region', { name: /^Linked mentions/ });
    expect(section.querySelector('.backlinks-count')?.textContent).toBe('1');
    const button = within(section).getByRole('button', { name: /keeps the/ });
    expect(button.textContent).toContain(hostile);
    expect(button.querySelector('img')).toBeNull();
    expect([...button.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['GABA Glutamate Ratio']);
    expect([...button.querySelectorAll('.mention-path-part')].map((part) => part.textContent)).toEqual([
      'Inhibition',
      'Balance',
    ]);
    fireEvent.click(button);
    expect(open).toHaveBeenCalledWith('Neuro.md', linked.groups[0]!.mentions[0]);
    expect(screen.getByRole('region', { name: /^Unlinked mentions/ }).textContent).toContain('0');
  });

  it('links one unlinked mention, then undoes it by restoring the text it had', async () => {
    const before = 'Lecture: the gaba/glutamate ratio shifts.\n';
    const found = mention('Lecture: the gaba/glutamate ratio shifts.', 13, 'gaba/glutamate ratio');
    const api = fakeClient({
      linkMentions: async () => ({ linked: 1, previousContent: before, version: 'v2' }),
      readNote: async ({ path }) => note(path, 'linked text', 'v2'),
      saveNote: async ({ path }) => ({ status: 'saved', note: note(path, before, 'v3'), version: 'v3' }),
    });
    const rechecked = vi.fn();
    const off = onNoteRecheck(rechecked);
    renderPanel(api, EMPTY, { count: 1, groups: [{ path: 'Lecture.md', title: 'Lecture', mentions: [found] }] });
    const section = screen.getByRole('region', { name: /^Unlinked mentions/ });
    // Collapsed at first.
    const header = within(section).getByRole('button', { name: /^Unlinked mentions/ });
    expect(header.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(header);
    fireEvent.click(within(section).getByRole('button', { name: 'Link “gaba/glutamate ratio” in “Lecture”' }));
    await waitFor(() =>
      expect(api.linkMentions).toHaveBeenCalledWith({
        path: 'Lecture.md',
        ref: REF,
        mentions: [{ start: 13, end: 33, source: 'gaba/glutamate ratio' }],
      }),
    );
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Linked a mention in “Lecture”.');
    await act(async () => fireEvent.click(within(status).getByRole('button', { name: 'Undo' })));
    await waitFor(() =>
      expect(api.saveNote).toHaveBeenCalledWith({ path: 'Lecture.md', content: before, baseVersion: 'v2' }),
    );
    expect(rechecked).toHaveBeenCalledWith('Lecture.md');
    expect((await screen.findByRole('status')).textContent).toContain('Undone');
    off();
  });

  it('links every mention of a note at once, and never undoes over a later edit', async () => {
    const mentions = [
      mention('A GABA Glutamate Ratio.', 2, 'GABA Glutamate Ratio'),
      mention('B GABA Glutamate Ratio.', 30, 'GABA Glutamate Ratio'),
    ];
    const api = fakeClient({
      linkMentions: async () => ({ linked: 2, previousContent: 'old', version: 'v2' }),
      readNote: async ({ path }) => note(path, 'edited since', 'v9'),
    });
    renderPanel(api, EMPTY, { count: 2, groups: [{ path: 'Two.md', title: 'Two', mentions }] });
    fireEvent.click(screen.getByRole('button', { name: /^Unlinked mentions/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Link all mentions in “Two”' }));
    await waitFor(() => expect(api.linkMentions).toHaveBeenCalledTimes(1));
    expect(api.linkMentions.mock.calls[0]![0].mentions).toHaveLength(2);
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Linked 2 mentions in “Two”.');
    await act(async () => fireEvent.click(within(status).getByRole('button', { name: 'Undo' })));
    expect((await screen.findByRole('status')).textContent).toContain('changed since');
    expect(api.saveNote).not.toHaveBeenCalled();
  });
});

describe('BacklinksPanel while the link index builds', () => {
  it('says the index is being built and how far, not "no backlinks", then shows the answer', async () => {
    const api = fakeClient({
      getLinkIndexStatus: async () => ({ state: 'building', indexed: 3400, total: 10000 }),
    });
    const waiting: LiveLoad<BacklinkList> = { value: null, error: null, reload: vi.fn() };
    const { rerender } = render(
      <ApiProvider client={api}>
        <BacklinksPanel
          doc={REF}
          title="GABA Glutamate Ratio"
          linked={waiting}
          unlinked={waiting}
          onOpenMention={vi.fn()}
        />
      </ApiProvider>,
    );
    expect((await screen.findAllByText('Indexing… 3,400 of 10,000 notes')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/No notes link/)).toBeNull();
    act(() => api.emit('link-index-status', { state: 'ready', indexed: 10000, total: 10000 }));
    rerender(
      <ApiProvider client={api}>
        <BacklinksPanel
          doc={REF}
          title="GABA Glutamate Ratio"
          linked={loaded(EMPTY)}
          unlinked={loaded(EMPTY)}
          onOpenMention={vi.fn()}
        />
      </ApiProvider>,
    );
    expect(screen.queryByText(/Indexing…/)).toBeNull();
    expect(screen.getByText(/No notes link to/)).toBeTruthy();
  });
});
