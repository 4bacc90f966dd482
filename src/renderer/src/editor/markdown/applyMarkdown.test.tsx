import { act, cleanup, render, screen } from '@testing-library/react';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  getNearestEditorFromDOMNode,
  type LexicalEditor,
  UNDO_COMMAND,
} from 'lexical';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Editor, type EditorHandle } from '../Editor';
import { mapOffset } from './applyMarkdown';

// jsdom lays nothing out: Lexical measures the caret with these when it moves the DOM selection.
beforeAll(() => {
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
});

afterEach(cleanup);

async function renderEditor(markdown: string) {
  const ref = createRef<EditorHandle>();
  const onChange = vi.fn();
  render(<Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Test" onChange={onChange} />);
  await act(async () => {});
  const surface = screen.getByRole('textbox', { name: 'Note: Test' });
  const editor = getNearestEditorFromDOMNode(surface);
  if (editor === null || ref.current === null) throw new Error('editor did not mount');
  // The user is in the editor: Lexical keeps the DOM selection in step with its own.
  await act(async () => ref.current!.focus());
  return { handle: ref.current, editor, onChange };
}

async function update(editor: LexicalEditor, fn: () => void): Promise<void> {
  await act(async () => editor.update(fn, { discrete: true }));
}

/** Puts the caret after the first occurrence of `text`. */
function $caretAfter(text: string): void {
  for (const node of $getRoot().getAllTextNodes()) {
    const at = node.getTextContent().indexOf(text);
    if (at !== -1) {
      node.select(at + text.length, at + text.length);
      return;
    }
  }
  throw new Error(`no text node holds "${text}"`);
}

/** Types at the caret, as a keystroke does. */
async function type(editor: LexicalEditor, text: string): Promise<void> {
  await update(editor, () => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) throw new Error('no caret');
    selection.insertText(text);
  });
}

function caret(editor: LexicalEditor): { key: string; offset: number; text: string } | null {
  return editor.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    return {
      key: selection.anchor.key,
      offset: selection.anchor.offset,
      text: selection.anchor.getNode().getTextContent(),
    };
  });
}

const topKeys = (editor: LexicalEditor) =>
  editor.read(() =>
    $getRoot()
      .getChildren()
      .map((node) => node.getKey()),
  );

describe('Editor.applyMarkdown', () => {
  it('replaces only the blocks that changed: the caret stays and typing goes on where it was', async () => {
    const { handle, editor, onChange } = await renderEditor('Status: synced 1 time.\n\nStart of the note.\n');
    await update(editor, () => $caretAfter('note.'));
    await type(editor, ' w000 w0');
    const [, typedIn] = topKeys(editor);
    const before = caret(editor);
    onChange.mockClear();

    await act(async () => handle.applyMarkdown!('Status: synced 2 times.\n\nStart of the note. w000 w0\n'));
    expect(handle.getMarkdown()).toBe('Status: synced 2 times.\n\nStart of the note. w000 w0\n');
    expect(topKeys(editor)[1]).toBe(typedIn);
    expect(caret(editor)).toEqual(before);
    // Not the user's edit: no autosave is scheduled for it by the editor itself.
    expect(onChange).not.toHaveBeenCalled();

    await type(editor, '01');
    expect(handle.getMarkdown()).toBe('Status: synced 2 times.\n\nStart of the note. w000 w001\n');
  });

  it('keeps the undo history: the user can still undo their own typing', async () => {
    const { handle, editor } = await renderEditor('Outside.\n\nMine.\n');
    await update(editor, () => $caretAfter('Mine.'));
    await type(editor, ' Typed.');
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(false);

    await act(async () => handle.applyMarkdown!('Outside, changed.\n\nMine. Typed.\n'));
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(false);
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(handle.getMarkdown()).not.toContain('Typed.');
  });

  it('keeps the caret after the same character when the other side changed the same paragraph', async () => {
    const { handle, editor } = await renderEditor('The cell wall is rigid.\n');
    await update(editor, () => $caretAfter('The cell'));
    await act(async () => handle.applyMarkdown!('The plant cell wall is very rigid.\n'));
    expect(handle.getMarkdown()).toBe('The plant cell wall is very rigid.\n');
    await type(editor, 's');
    expect(handle.getMarkdown()).toBe('The plant cells wall is very rigid.\n');
  });

  it('keeps an empty paragraph the user just made, with the caret in it', async () => {
    const { handle, editor } = await renderEditor('First.\n\nSecond.\n');
    await update(editor, () => {
      const paragraph = $createParagraphNode();
      $getRoot().append(paragraph);
      paragraph.select();
    });
    await act(async () => handle.applyMarkdown!('First, changed.\n\nSecond.\n'));
    expect(editor.read(() => $getRoot().getChildrenSize())).toBe(3);
    await type(editor, 'Third.');
    expect(handle.getMarkdown()).toBe('First, changed.\n\nSecond.\n\nThird.\n');
  });

  it('saves kept and new blocks byte for byte as the text had them', async () => {
    const original = 'Intro with *stars*  and __bold__.\n\n* one\n+ two\n\n|a|b|\n|-|-|\n|1|2|\n\nEnd\n';
    const { handle, editor } = await renderEditor(original);
    await update(editor, () => $caretAfter('End'));
    const changed = original.replace('Intro with', 'Intro,  still with').replace('End', 'The end');
    await act(async () => handle.applyMarkdown!(changed));
    expect(handle.getMarkdown()).toBe(changed);
    await type(editor, '!');
    expect(handle.getMarkdown()).toBe(changed.replace('The end', 'The end!'));
  });

  it('keeps every unchanged block among many identical ones', async () => {
    const blocks = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 'Same line.' : `Line ${i}.`));
    const { handle, editor } = await renderEditor(blocks.join('\n\n') + '\n');
    const keys = topKeys(editor);
    const changed = blocks.map((text, i) => (i === 101 ? 'Line 101, edited elsewhere.' : text));
    await act(async () => handle.applyMarkdown!(changed.join('\n\n') + '\n'));
    expect(handle.getMarkdown()).toBe(changed.join('\n\n') + '\n');
    const after = topKeys(editor);
    expect(after.filter((key, i) => key !== keys[i])).toHaveLength(1);
    expect(after[101]).not.toBe(keys[101]);
  });

  it('does nothing when the document already reads as the text', async () => {
    const { handle, editor } = await renderEditor('Same.\n');
    const keys = topKeys(editor);
    const listener = vi.fn();
    const off = editor.registerUpdateListener(listener);
    await act(async () => handle.applyMarkdown!('Same.\n'));
    off();
    expect(topKeys(editor)).toEqual(keys);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('mapOffset', () => {
  it('follows the character before the caret through changes elsewhere in the text', () => {
    expect(mapOffset('The cell wall', 'The plant cell wall', 8)).toBe(14);
    expect(mapOffset('The cell wall', 'The cell wall is', 13)).toBe(13);
    expect(mapOffset('abc def', 'xyz def', 0)).toBe(0);
  });

  it('goes to the end of what replaced the word the caret was in', () => {
    expect(mapOffset('The cell wall', 'The membrane wall', 6)).toBe(12);
  });
});
