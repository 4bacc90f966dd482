/**
 * Long notes and large pastes in the editor: a long note loads in slices (read-only and
 * standing for its whole text meanwhile), a large paste is inserted in slices (one undo
 * step, every slice an edit, completed before the document is read), and a long document
 * is marked so the browser can skip the blocks out of view.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  getNearestEditorFromDOMNode,
  type LexicalEditor,
  UNDO_COMMAND,
} from 'lexical';
import { createRef, StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIRST_SLICE_CHARS } from './DocumentLoader';
import { Editor, type EditorHandle, type EditorProps } from './Editor';
import { largeNote } from './markdown/testing/largeNote';
import { LARGE_PASTE_CHARS, splitPlainText } from './plugins/LargePastePlugin';
import { LONG_DOCUMENT_ATTRIBUTE, LONG_DOCUMENT_BLOCKS } from './plugins/LongDocumentPlugin';
import { watchAdoptions } from './testing/adoptions';
import { installClipboardEvents, paste } from './testing/clipboard';
import { IS_APPLE } from '../ui/shortcuts';

beforeAll(installClipboardEvents);

afterEach(cleanup);

async function renderEditor(markdown: string, props: Partial<EditorProps> = {}) {
  const ref = createRef<EditorHandle>();
  const onChange = vi.fn();
  render(
    <StrictMode>
      <Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Test" onChange={onChange} {...props} />
    </StrictMode>,
  );
  const surface = screen.getByRole('textbox', { name: 'Note: Test' });
  const editor = getNearestEditorFromDOMNode(surface)!;
  return { handle: ref.current!, editor, surface, onChange };
}

const loadingStatus = () => screen.queryByText('Loading the rest of the note…');

// These tests judge behaviour, not speed: a 40,000-word note loaded in a few seconds alone,
// but took over 30 s in jsdom on a 2-core machine running other builds (a CI failure seen
// at load 10). Waits are on conditions, with room for such a machine. The note has 25,000
// words: over four first slices, which is all the slicing needs, at two thirds of the time.
const LOADED_WITHIN_MS = 150_000;
const LONG_TEST = { timeout: 180_000 };

async function untilLoaded(): Promise<void> {
  await waitFor(() => expect(loadingStatus()).toBeNull(), { timeout: LOADED_WITHIN_MS });
}

function topLevelBlocks(editor: LexicalEditor): number {
  return editor.getEditorState().read(() => $getRoot().getChildrenSize());
}

const LONG = largeNote(25_000);

describe('a long note', LONG_TEST, () => {
  it('shows its beginning at once and the rest in slices, read-only meanwhile, never as an edit', async () => {
    expect(LONG.length).toBeGreaterThan(4 * FIRST_SLICE_CHARS);
    const { handle, editor, surface, onChange } = await renderEditor(LONG);
    await act(async () => {});
    // The first part is there before anything else runs; the rest is on its way.
    expect(loadingStatus()).not.toBeNull();
    expect(surface.getAttribute('contenteditable')).toBe('false');
    const first = topLevelBlocks(editor);
    expect(first).toBeGreaterThan(0);
    // Meanwhile the document stands for the whole text (a save would write it unchanged).
    expect(handle.getMarkdown()).toBe(LONG);

    await untilLoaded();
    expect(topLevelBlocks(editor)).toBeGreaterThan(first);
    // Editable again once loaded (Lexical re-renders the surface after the status goes).
    await waitFor(() => expect(surface.getAttribute('contenteditable')).toBe('true'));
    expect(handle.getMarkdown()).toBe(LONG);
    expect(onChange).not.toHaveBeenCalled();
    // No undo step leads back to a partly loaded document.
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(handle.getMarkdown()).toBe(LONG);
  });

  it('is replaced by setMarkdown while it loads, and the new text is what it holds', async () => {
    const { handle, onChange } = await renderEditor(LONG);
    await act(async () => handle.setMarkdown('# Changed on disk\n\nShort now.\n'));
    await untilLoaded();
    expect(handle.getMarkdown()).toBe('# Changed on disk\n\nShort now.\n');
    await act(async () => handle.setMarkdown(LONG));
    expect(handle.getMarkdown()).toBe(LONG);
    await untilLoaded();
    expect(handle.getMarkdown()).toBe(LONG);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('marks the surface as a long document, and unmarks it when it gets short', async () => {
    const { handle, surface } = await renderEditor(LONG);
    await untilLoaded();
    expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(true);
    await act(async () => handle.setMarkdown('Short.\n'));
    expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(false);
    const blocks = Array.from({ length: LONG_DOCUMENT_BLOCKS }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    await act(async () => handle.setMarkdown(blocks));
    expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(true);
  });

  it('is prepared for saving in slices that hand the main thread back, and stops when asked', async () => {
    const { handle } = await renderEditor(LONG);
    await untilLoaded();
    const timeout = vi.spyOn(globalThis, 'setTimeout');
    try {
      await act(async () => handle.prepareMarkdown!(() => true));
      expect(timeout).not.toHaveBeenCalled();
      let slices = 0;
      await act(async () => handle.prepareMarkdown!(() => (slices++, false)));
      // Serializing every block of this note takes far longer than one slice: between
      // slices the main thread is handed back, and whether to go on is asked again.
      expect(timeout.mock.calls.length).toBeGreaterThan(3);
      expect(slices).toBeGreaterThan(timeout.mock.calls.length);
    } finally {
      timeout.mockRestore();
    }
    expect(handle.getMarkdown()).toBe(LONG);
  });

  it('moves to its end or start by the editor, extending the selection with Shift', async () => {
    const blocks = Array.from({ length: LONG_DOCUMENT_BLOCKS }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const { editor, surface } = await renderEditor(`${blocks}\n`);
    expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(true);
    const selected = () =>
      editor.getEditorState().read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return null;
        const at = (point: typeof selection.anchor) => `${point.getNode().getTextContent()}|${point.offset}`;
        return { anchor: at(selection.anchor), focus: at(selection.focus) };
      });
    const press = async (key: string, modifiers: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
      await act(async () => {
        surface.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    const mod: KeyboardEventInit = IS_APPLE ? { metaKey: true } : { ctrlKey: true };
    const [toEnd, toStart] = IS_APPLE ? ['ArrowDown', 'ArrowUp'] : ['End', 'Home'];
    await act(async () => editor.update(() => $getRoot().getChildAtIndex(3)!.selectEnd(), { discrete: true }));

    expect(await press(toEnd, mod)).toBe(true);
    const last = `Paragraph ${LONG_DOCUMENT_BLOCKS - 1}.`;
    expect(selected()).toEqual({ anchor: `${last}|${last.length}`, focus: `${last}|${last.length}` });
    expect(await press(toStart, mod)).toBe(true);
    expect(selected()).toEqual({ anchor: 'Paragraph 0.|0', focus: 'Paragraph 0.|0' });
    expect(await press(toEnd, { ...mod, shiftKey: true })).toBe(true);
    expect(selected()).toEqual({ anchor: 'Paragraph 0.|0', focus: `${last}|${last.length}` });
    await act(async () => editor.update(() => $getRoot().getChildAtIndex(3)!.selectEnd(), { discrete: true }));
    expect(await press(toStart, { ...mod, shiftKey: true })).toBe(true);
    expect(selected()).toEqual({ anchor: 'Paragraph 3.|12', focus: 'Paragraph 0.|0' });
    // Other keys are left to the browser.
    expect(await press(toEnd, {})).toBe(false);
  });
});

describe('a large paste', LONG_TEST, () => {
  const lines = Array.from({ length: 4000 }, (_, i) => `Line ${i} of the pasted text, long enough to count.`);
  const PLAIN = lines.join('\n');

  it('is cut at line ends into pieces that join back to the text', () => {
    const pieces = splitPlainText(PLAIN);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(PLAIN);
    for (const piece of pieces.slice(1)) expect(piece.startsWith('\n')).toBe(true);
  });

  it('of plain text arrives whole, as edits, and one undo removes all of it', async () => {
    expect(PLAIN.length).toBeGreaterThan(LARGE_PASTE_CHARS);
    const { handle, editor, surface, onChange } = await renderEditor('Before.\n');
    await act(async () => editor.update(() => $getRoot().selectEnd(), { discrete: true }));
    await act(async () => paste(surface, { 'text/plain': PLAIN }));
    await waitFor(() => expect(handle.hasPendingEdits?.()).toBe(false), { timeout: LOADED_WITHIN_MS });
    const saved = handle.getMarkdown();
    expect(saved.startsWith('Before.Line 0 of the pasted text')).toBe(true);
    expect(saved).toContain('\n\nLine 3999 of the pasted text, long enough to count.');
    expect(saved.split('\n\n')).toHaveLength(4000);
    expect(onChange.mock.calls.length).toBeGreaterThan(1);
    // Every slice is an edit; the last says the paste is complete (it is saved at once).
    expect(onChange.mock.calls.map(([change]) => (change as { complete: boolean }).complete)).toEqual([
      ...Array.from({ length: onChange.mock.calls.length - 1 }, () => false),
      true,
    ]);
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(handle.getMarkdown()).toBe('Before.\n');
  });

  it('is completed at once when the document is read before it has all arrived', async () => {
    const { handle, editor, surface } = await renderEditor('');
    await act(async () => editor.update(() => $getRoot().selectEnd(), { discrete: true }));
    await act(async () => paste(surface, { 'text/plain': PLAIN }));
    expect(handle.hasPendingEdits?.()).toBe(true);
    const saved = handle.getMarkdown();
    expect(handle.hasPendingEdits?.()).toBe(false);
    expect(saved.trimEnd().split('\n\n')).toEqual(lines);
  });

  it('of HTML goes through the same import and sanitizing as any paste', async () => {
    const items = Array.from(
      { length: 3000 },
      (_, i) =>
        `<p style="color:red" onclick="alert(1)">Item <b>${i}</b> <a href="javascript:alert(1)">bad</a> <a href="https://example.org/${i}">good</a></p>`,
    );
    const html = `<meta charset="utf-8">${items.join('\n')}<script>alert(1)</script>`;
    expect(html.length).toBeGreaterThan(LARGE_PASTE_CHARS);
    const { handle, editor, surface } = await renderEditor('');
    await act(async () => editor.update(() => $getRoot().selectEnd(), { discrete: true }));
    const watch = watchAdoptions();
    try {
      await act(async () => paste(surface, { 'text/html': html, 'text/plain': 'fallback' }));
      await waitFor(() => expect(handle.hasPendingEdits?.()).toBe(false), { timeout: LOADED_WITHIN_MS });
    } finally {
      watch.stop();
    }
    // Parsed and sliced in an inert document: not one pasted node entered the page's.
    expect(watch.adopted).toEqual([]);
    const saved = handle.getMarkdown();
    expect(saved).toContain('Item **0** bad [good](https://example.org/0)');
    expect(saved).toContain('Item **2999** bad [good](https://example.org/2999)');
    expect(saved).not.toMatch(/javascript:|<script|onclick|color:red|fallback/);
  });
});

describe('a note full of images and formulas', LONG_TEST, () => {
  // 120 blocks, about 6 KB: short as text, but each image and formula is a view of its own.
  const RICH = Array.from(
    { length: 60 },
    (_, i) => `Energy $E = mc^${i}$ and more text ${i}.\n\n![[figure ${i}.png]]\n\n`,
  ).join('');
  const PLAIN = RICH.replace(/\$|!\[\[|\]\]/g, '');

  it('loads a first screen at once and the rest in slices, marked long from the first slice', async () => {
    expect(RICH.length).toBeLessThan(FIRST_SLICE_CHARS);
    const { handle, editor, surface } = await renderEditor(RICH);
    // Looked at before any later slice can run (they come in tasks of their own).
    expect(loadingStatus()).not.toBeNull();
    expect(topLevelBlocks(editor)).toBeLessThan(LONG_DOCUMENT_BLOCKS);
    // Marked while it loads, so its blocks are skipped as they arrive.
    expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(true);
    await untilLoaded();
    expect(topLevelBlocks(editor)).toBe(120);
    await waitFor(() => expect(surface.hasAttribute(LONG_DOCUMENT_ATTRIBUTE)).toBe(false), {
      timeout: LOADED_WITHIN_MS,
    });
    expect(handle.getMarkdown()).toBe(RICH);
    // Inline formulas are typeset without React, under the same names, their markup in
    // the formula's shadow root (out of the editor's DOM, see typesetRoot).
    // (KaTeX is loaded on the first formula: a while on a busy machine.)
    await waitFor(
      () => {
        const formula = surface.querySelector('[aria-label="Formula: E = mc^7"]');
        expect(formula?.shadowRoot?.querySelector('.katex')).toBeTruthy();
        expect(formula?.querySelector('.katex')).toBeNull();
      },
      { timeout: LOADED_WITHIN_MS },
    );
  });

  it('while the same text without them loads at once', async () => {
    const { handle } = await renderEditor(PLAIN);
    await act(async () => {});
    expect(loadingStatus()).toBeNull();
    expect(handle.getMarkdown()).toBe(PLAIN);
  });
});
