/**
 * The editor's wiki-link plugins against a fake backend: the `[[` menu, resolution,
 * opening a link, and the preview card.
 */
import type { LinkSuggestion, ResolvedTarget } from '@shared/domain/links';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  getNearestEditorFromDOMNode,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClient, type FakeClient } from '../../api/testing/fakeClient';
import { Editor, type EditorHandle } from '../Editor';
import type { WikiLinkHost } from './wikiLinkHost';
import { findLinkQuery, linkMenuItems, linkPartsOf, splitLinkQuery } from './wikiLinkQuery';

// jsdom lays nothing out: the typeahead positions its menu with these.
beforeAll(() => {
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

afterEach(cleanup);

const GABA: ResolvedTarget = {
  ref: { kind: 'entry', id: 'gaba-glutamate-ratio' },
  kind: 'entry',
  title: 'GABA Glutamate Ratio',
};
const CELLS: ResolvedTarget = { ref: { kind: 'note', path: 'Bio/Cells.md' }, kind: 'note', title: 'Cells' };

function suggestion(target: ResolvedTarget, extra: Partial<LinkSuggestion> = {}): LinkSuggestion {
  return { ...target, insert: target.title, matchedAlias: null, preview: `About ${target.title}.`, ...extra };
}

function hostFor(api: FakeClient, open = vi.fn()): WikiLinkHost {
  return {
    notePath: 'Study.md',
    bodyOffset: 0,
    resolveLinks: (targets) => api.resolveLinks({ targets, from: 'Study.md' }),
    suggestLinkTargets: (query) => api.suggestLinkTargets({ query }),
    listHeadings: (target) => api.listHeadings({ target }),
    getLinkPreview: (target) => api.getLinkPreview({ target }),
    createNote: async (title) => (await api.createNote({ title })).title,
    openLink: open,
    onLinksChanged: (listener) => api.on('links-changed', listener),
  };
}

async function renderEditor(markdown: string, host: WikiLinkHost) {
  const ref = createRef<EditorHandle>();
  render(<Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Study" wikiLinks={host} />);
  await act(async () => {});
  const surface = screen.getByRole('textbox', { name: 'Note: Study' });
  const editor = getNearestEditorFromDOMNode(surface)!;
  return { editor, surface, handle: ref.current! };
}

/** Types at the end of the document, one character at a time, as the plugins see typing. */
async function type(editor: LexicalEditor, text: string): Promise<void> {
  for (const char of text) {
    await act(async () => {
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText(char);
        },
        { discrete: true },
      );
    });
  }
  // Let the menu's query settle and the (fake) backend answer.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 120));
  });
}

async function focusEnd(editor: LexicalEditor): Promise<void> {
  await act(async () => {
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
  });
}

function press(editor: LexicalEditor, key: 'Enter' | 'Tab' | 'Escape'): void {
  const event = new KeyboardEvent('keydown', { key, cancelable: true });
  act(() => {
    if (key === 'Enter') editor.dispatchCommand(KEY_ENTER_COMMAND, event);
    else if (key === 'Tab') editor.dispatchCommand(KEY_TAB_COMMAND, event);
    else editor.dispatchCommand(KEY_ESCAPE_COMMAND, event);
  });
}

function text(element: Element | null): string {
  return element?.textContent ?? '';
}

describe('the [[ query', () => {
  it('finds the link being typed, not code, escapes or embeds', () => {
    expect(findLinkQuery('See [[gab')).toEqual({ leadOffset: 4, matchingString: 'gab', replaceableString: '[[gab' });
    expect(findLinkQuery('[[')).toMatchObject({ matchingString: '' });
    expect(findLinkQuery('[[[x')).toMatchObject({ leadOffset: 1, matchingString: 'x' });
    for (const text of ['no link', '[[done]] after', '\\[[escaped', '![[embed', '[[a\nb']) {
      expect(findLinkQuery(text), text).toBeNull();
    }
    expect(findLinkQuery('\\![[x')).toMatchObject({ matchingString: 'x' });
  });

  it('splits target, heading and label, and offers the right choices', () => {
    expect(splitLinkQuery('Cells#Mito|the cell')).toEqual({ target: 'Cells', heading: 'Mito', label: 'the cell' });
    const items = linkMenuItems(splitLinkQuery('cel'), { suggestions: [suggestion(CELLS)] });
    expect(items.map((item) => item.kind)).toEqual(['target', 'create']);
    expect(linkMenuItems(splitLinkQuery('cells'), { suggestions: [suggestion(CELLS)] }).map((i) => i.kind)).toEqual([
      'target',
    ]);
    const headings = linkMenuItems(splitLinkQuery('Cells#mi'), {
      headings: [
        { text: 'Structure', level: 2 },
        { text: 'Mitosis', level: 2 },
        { text: 'Ami', level: 3 },
      ],
    });
    expect(headings.map((item) => (item.kind === 'heading' ? item.heading.text : item.kind))).toEqual([
      'Mitosis',
      'Ami',
      'typed',
    ]);
    expect(
      linkPartsOf({ kind: 'target', suggestion: suggestion(GABA, { matchedAlias: 'GABA/glutamate ratio' }) }),
    ).toEqual({ target: 'GABA Glutamate Ratio', heading: null, label: 'GABA/glutamate ratio' });
  });
});

describe('the [[ menu', () => {
  it('lists notes and entries for the typed text; Enter inserts the link chosen', async () => {
    const api = fakeClient({
      suggestLinkTargets: async ({ query }) => (query.toLowerCase().startsWith('gab') ? [suggestion(GABA)] : []),
      resolveLinks: async ({ targets }) => targets.map(() => GABA),
    });
    const { editor, handle } = await renderEditor('', hostFor(api));
    await focusEnd(editor);
    await type(editor, 'See [[gab');
    const menu = await screen.findByRole('listbox', { name: 'Link suggestions' });
    const option = within(menu).getByRole('option', { name: /GABA Glutamate Ratio/ });
    expect(text(option)).toContain('Glossary');
    expect(text(option)).toContain('About GABA Glutamate Ratio.');
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(within(menu).getByRole('option', { name: /Create note “gab”/ })).toBeTruthy();
    expect(api.suggestLinkTargets).toHaveBeenLastCalledWith({ query: 'gab' });

    press(editor, 'Enter');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Link suggestions' })).toBeNull());
    expect(handle.getMarkdown()).toBe('See [[GABA Glutamate Ratio]]\n');
    await type(editor, ' today');
    expect(handle.getMarkdown()).toBe('See [[GABA Glutamate Ratio]] today\n');
  });

  it('Tab completes the name, # lists its headings, | takes a label', async () => {
    const api = fakeClient({
      suggestLinkTargets: async () => [suggestion(CELLS)],
      listHeadings: async ({ target }) => (target === 'Cells' ? [{ text: 'Mitosis', level: 2 }] : []),
      resolveLinks: async ({ targets }) => targets.map(() => CELLS),
    });
    const { editor, handle } = await renderEditor('', hostFor(api));
    await focusEnd(editor);
    await type(editor, '[[ce');
    await screen.findByRole('option', { name: /^Cells/ });
    press(editor, 'Tab');
    await act(async () => {});
    expect(text(editor.getRootElement())).toBe('[[Cells');
    await type(editor, '#');
    await screen.findByRole('option', { name: /Mitosis/ });
    expect(api.listHeadings).toHaveBeenCalledWith({ target: 'Cells' });
    press(editor, 'Enter');
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('[[Cells#Mitosis]]\n');

    await type(editor, ' and [[Cells|the cell');
    await screen.findByRole('option', { name: /the cell/ });
    press(editor, 'Enter');
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('[[Cells#Mitosis]] and [[Cells|the cell]]\n');
  });

  it('creates a note from the menu and links to it', async () => {
    const api = fakeClient({
      suggestLinkTargets: async () => [],
      createNote: async ({ title }) => ({
        path: `${title}.md`,
        title: title!,
        folder: '',
        modified: '',
        size: 0,
        aliases: [],
        tags: [],
        content: '',
        version: 'v1',
        readOnly: null,
      }),
      resolveLinks: async ({ targets }) => targets.map(() => null),
    });
    const { editor, handle } = await renderEditor('', hostFor(api));
    await focusEnd(editor);
    await type(editor, '[[New topic');
    const create = await screen.findByRole('option', { name: /Create note “New topic”/ });
    fireEvent.click(create);
    await waitFor(() => expect(api.createNote).toHaveBeenCalledWith({ title: 'New topic' }));
    expect(handle.getMarkdown()).toBe('[[New topic]]\n');
  });

  it('Escape closes the menu and leaves the text as typed', async () => {
    const api = fakeClient({ suggestLinkTargets: async () => [suggestion(CELLS)] });
    const { editor, handle } = await renderEditor('', hostFor(api));
    await focusEnd(editor);
    await type(editor, '[[ce');
    await screen.findByRole('listbox', { name: 'Link suggestions' });
    press(editor, 'Escape');
    await waitFor(() => expect(screen.queryByRole('listbox', { name: 'Link suggestions' })).toBeNull());
    expect(handle.getMarkdown()).toBe('\\[[ce\n');
  });
});

describe('links in the text', () => {
  it('are resolved in one batch and marked by kind', async () => {
    const api = fakeClient({
      resolveLinks: async ({ targets }) =>
        targets.map((target) => (target === 'Cells' ? CELLS : target === 'GABA Glutamate Ratio' ? GABA : null)),
    });
    const { surface } = await renderEditor(
      '[[GABA Glutamate Ratio]], [[Cells|cells]] and [[Nowhere]].\n',
      hostFor(api),
    );
    await waitFor(() => expect(surface.querySelectorAll('[data-link-kind="pending"]')).toHaveLength(0));
    expect(api.resolveLinks).toHaveBeenCalledTimes(1);
    expect(api.resolveLinks.mock.calls[0]![0].targets.sort()).toEqual(['Cells', 'GABA Glutamate Ratio', 'Nowhere']);
    const kinds = [...surface.querySelectorAll<HTMLElement>('[data-wiki-target]')].map((el) => [
      el.textContent,
      el.dataset.linkKind,
    ]);
    expect(kinds).toEqual([
      ['GABA Glutamate Ratio', 'entry'],
      ['cells', 'note'],
      ['Nowhere', 'unresolved'],
    ]);
  });

  it('open on click, with what they resolve to', async () => {
    const api = fakeClient({ resolveLinks: async ({ targets }) => targets.map(() => GABA) });
    const open = vi.fn();
    const { surface } = await renderEditor('Read [[GABA Glutamate Ratio#Origin|this]].\n', hostFor(api, open));
    const chip = await waitFor(() => {
      const element = surface.querySelector<HTMLElement>('[data-link-kind="entry"]');
      if (!element) throw new Error('not resolved yet');
      return element;
    });
    fireEvent.click(chip);
    await waitFor(() =>
      expect(open).toHaveBeenCalledWith({ target: 'GABA Glutamate Ratio', heading: 'Origin', resolved: GABA }),
    );
  });

  it('show a preview card on hover, its text as text', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"> is not HTML';
    const api = fakeClient({
      resolveLinks: async ({ targets }) => targets.map(() => CELLS),
      getLinkPreview: async () => ({ target: CELLS, text: hostile }),
    });
    const { surface } = await renderEditor('See [[Cells]].\n', hostFor(api));
    const chip = surface.querySelector<HTMLElement>('[data-wiki-target]')!;
    fireEvent.mouseOver(chip);
    const card = await screen.findByRole('tooltip', {}, { timeout: 2000 });
    await waitFor(() => expect(text(card)).toContain(hostile));
    expect(card.querySelector('img')).toBeNull();
    expect(text(card)).toContain('Note');
    expect(chip.getAttribute('aria-describedby')).toBe(card.id);
    // Escape dismisses it.
    press(editorOf(surface), 'Escape');
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });
});

function editorOf(surface: HTMLElement): LexicalEditor {
  return getNearestEditorFromDOMNode(surface)!;
}
