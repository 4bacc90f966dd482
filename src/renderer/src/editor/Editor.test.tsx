import type { LinkNode } from '@lexical/link';
import { $isLinkNode, $toggleLink, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { $dfs } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  DROP_COMMAND,
  FORMAT_TEXT_COMMAND,
  $getNearestNodeFromDOMNode,
  getNearestEditorFromDOMNode,
  HISTORY_MERGE_TAG,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { createRef, StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Editor, type EditorHandle, type EditorProps } from './Editor';
import { HISTORY_LIMIT } from './plugins/BoundedHistoryPlugin';
import { watchAdoptions } from './testing/adoptions';
import { FakeDataTransfer, installClipboardEvents, paste } from './testing/clipboard';

beforeAll(installClipboardEvents);

afterEach(cleanup);

interface Rendered {
  handle: EditorHandle;
  editor: LexicalEditor;
  surface: HTMLElement;
  onChange: ReturnType<typeof vi.fn>;
  rerender(props: Partial<EditorProps>): void;
}

async function renderEditor(markdown: string, props: Partial<EditorProps> = {}): Promise<Rendered> {
  const ref = createRef<EditorHandle>();
  const onChange = vi.fn();
  // StrictMode as in the app: effects mount, unmount and mount again.
  const all = (extra: Partial<EditorProps>) => (
    <StrictMode>
      <Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Test" onChange={onChange} {...props} {...extra} />
    </StrictMode>
  );
  const view = render(all({}));
  await act(async () => {});
  const surface = screen.getByRole('textbox', { name: 'Note: Test' });
  const editor = getNearestEditorFromDOMNode(surface);
  if (editor === null || ref.current === null) throw new Error('editor did not mount');
  return { handle: ref.current, editor, surface, onChange, rerender: (extra) => view.rerender(all(extra)) };
}

/** Runs `fn` as a committed update and lets React catch up. */
async function update(editor: LexicalEditor, fn: () => void): Promise<void> {
  await act(async () => editor.update(fn, { discrete: true }));
}

/** Selects the first occurrence of `text` (within one text node). Needs an update context. */
function $selectText(text: string): void {
  for (const node of $getRoot().getAllTextNodes()) {
    const at = node.getTextContent().indexOf(text);
    if (at !== -1) {
      node.select(at, at + text.length);
      return;
    }
  }
  throw new Error(`no text node holds "${text}"`);
}

function linkUrls(editor: LexicalEditor): string[] {
  return editor.read(() =>
    $dfs()
      .map(({ node }) => node)
      .filter((node): node is LinkNode => $isLinkNode(node))
      .map((link) => link.getURL()),
  );
}

const NOTE = '# Receptors\n\nSome **bold** and *italic* text.\n\n- first\n- second';

describe('Editor: loading and exporting', () => {
  it('loads the initial Markdown into headings, paragraphs and lists', async () => {
    const { surface } = await renderEditor(NOTE);
    expect(within(surface).getByRole('heading', { level: 1, name: 'Receptors' })).toBeTruthy();
    expect(
      within(surface)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['first', 'second']);
    expect(surface.querySelector('strong')?.textContent).toBe('bold');
  });

  it('exports the unchanged document as the Markdown it loaded', async () => {
    const { handle } = await renderEditor(NOTE);
    expect(handle.getMarkdown()).toBe(NOTE);
  });

  it('exports edits', async () => {
    const { handle, editor } = await renderEditor(NOTE);
    await update(editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('A new line.')));
    });
    expect(handle.getMarkdown()).toContain('A new line.');
  });

  it('gives the surface an accessible name, multi-line role and a visible placeholder when empty', async () => {
    const { surface } = await renderEditor('', { placeholder: 'Write your note…' });
    expect(surface.getAttribute('role')).toBe('textbox');
    expect(surface.getAttribute('aria-multiline')).toBe('true');
    expect(surface.getAttribute('contenteditable')).toBe('true');
    expect(screen.getByText('Write your note…')).toBeTruthy();
  });

  it('hides the placeholder once there is text', async () => {
    await renderEditor('Already written.', { placeholder: 'Write your note…' });
    expect(screen.queryByText('Write your note…')).toBeNull();
  });
});

describe('Editor: setMarkdown', () => {
  it('replaces the content without calling onChange and clears the undo history', async () => {
    const { handle, editor, surface, onChange } = await renderEditor(NOTE);
    await update(editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('typed by the user')));
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(false);

    await act(async () => handle.setMarkdown('## Reloaded from disk\n\nNew body.'));
    expect(within(surface).getByRole('heading', { level: 2, name: 'Reloaded from disk' })).toBeTruthy();
    expect(surface.textContent).not.toContain('typed by the user');
    expect(handle.getMarkdown()).toBe('## Reloaded from disk\n\nNew body.');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(true);

    // Undo cannot go back past the reload…
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(handle.getMarkdown()).toBe('## Reloaded from disk\n\nNew body.');
    // …but edits after it are undoable back to the reloaded document.
    await update(editor, () => {
      $getRoot().append($createParagraphNode().append($createTextNode('after reload')));
    });
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(handle.getMarkdown()).toBe('## Reloaded from disk\n\nNew body.');
  });
});

describe('Editor: onChange', () => {
  it('is not called for the initial load', async () => {
    const { onChange } = await renderEditor(NOTE);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('is called for an edit made through editor.update', async () => {
    const { editor, onChange } = await renderEditor(NOTE);
    await update(editor, () => {
      $getRoot().getFirstDescendant()?.insertAfter($createTextNode(' extra'));
    });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('is called for a quote inserted through the handle, even into an empty note just opened', async () => {
    for (const markdown of ['', NOTE]) {
      const { handle, editor, onChange } = await renderEditor(markdown);
      let inserted = false;
      await act(async () => {
        // As when the note has just opened: a plugin's bookkeeping update is still pending.
        editor.update(() => $getRoot().markDirty(), { tag: HISTORY_MERGE_TAG });
        inserted = handle.insertQuote!({
          passage: 'A passage.',
          link: { target: 'GABA', heading: '^h-1', label: 'GABA' },
        });
      });
      expect(inserted).toBe(true);
      expect(onChange).toHaveBeenCalledTimes(1);
      expect(handle.getMarkdown()).toMatch(/> A passage\.\n> — \[\[GABA#\^h-1\|GABA\]\]\n?$/);
      cleanup();
    }
  });

  it('is called for a format command, and for undo and redo', async () => {
    const { editor, onChange } = await renderEditor(NOTE);
    await update(editor, () => $selectText('italic'));
    expect(onChange).not.toHaveBeenCalled();
    await act(async () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'));
    expect(onChange).toHaveBeenCalledTimes(1);
    await act(async () => editor.dispatchCommand(UNDO_COMMAND, undefined));
    expect(onChange).toHaveBeenCalledTimes(2);
    await act(async () => editor.dispatchCommand(REDO_COMMAND, undefined));
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('is not called when only the selection moves', async () => {
    const { editor, onChange } = await renderEditor(NOTE);
    await update(editor, () => $getRoot().selectStart());
    await update(editor, () => $selectText('second'));
    await update(editor, () => $getRoot().selectEnd());
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reports blur and the end of a composition', async () => {
    const onBlur = vi.fn();
    const onCompositionEnd = vi.fn();
    const { surface } = await renderEditor(NOTE, { onBlur, onCompositionEnd });
    fireEvent.compositionEnd(surface, { data: 'é' });
    fireEvent.blur(surface);
    expect(onCompositionEnd).toHaveBeenCalledTimes(1);
    expect(onBlur).toHaveBeenCalledTimes(1);
  });
});

describe('Editor: toolbar', () => {
  it('is a labelled toolbar whose buttons have names and shortcut tooltips', async () => {
    await renderEditor(NOTE);
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    for (const name of ['Bold', 'Italic', 'Strikethrough', 'Highlight', 'Inline code', 'Link']) {
      const button = within(toolbar).getByRole('button', { name });
      expect(button.getAttribute('aria-pressed')).toBe('false');
      expect(button.getAttribute('aria-keyshortcuts')).toMatch(/^(Control|Meta)\+/);
    }
    expect(within(toolbar).getByRole('button', { name: 'Bold' }).dataset.tooltip).toBe('Bold (Ctrl+B)');
    expect(within(toolbar).getByRole('button', { name: 'Strikethrough' }).dataset.tooltip).toBe(
      'Strikethrough (Ctrl+Shift+X)',
    );
    expect(within(toolbar).getByRole('button', { name: 'Insert table' })).toBeTruthy();
    expect(within(toolbar).getByRole('button', { name: 'Insert horizontal rule' })).toBeTruthy();
    expect(within(toolbar).getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(true);
    expect(within(toolbar).getByRole('button', { name: 'Redo' }).hasAttribute('disabled')).toBe(true);
  });

  it('shows Bold as pressed after FORMAT_TEXT_COMMAND, and not elsewhere', async () => {
    const { editor } = await renderEditor('Plain words here.');
    const bold = screen.getByRole('button', { name: 'Bold' });
    await update(editor, () => $selectText('words'));
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    await act(async () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'));
    expect(bold.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Italic' }).getAttribute('aria-pressed')).toBe('false');
    await update(editor, () => $selectText('here'));
    expect(bold.getAttribute('aria-pressed')).toBe('false');
  });

  it('applies a format when its button is clicked, and enables Undo', async () => {
    const { editor, handle } = await renderEditor('Plain words here.');
    await update(editor, () => $selectText('words'));
    fireEvent.click(screen.getByRole('button', { name: 'Italic' }));
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('Plain *words* here.');
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(false);
  });

  it('shows the block type at the caret and changes it', async () => {
    const { editor, surface } = await renderEditor(NOTE);
    const blockType = screen.getByRole('combobox', { name: 'Block type' }) as HTMLSelectElement;
    await update(editor, () => $selectText('Receptors'));
    expect(blockType.value).toBe('h1');
    expect(blockType.selectedOptions[0]?.textContent).toBe('Heading 1');
    await update(editor, () => $selectText('second'));
    expect(blockType.value).toBe('bullet');
    await update(editor, () => $selectText('italic'));
    expect(blockType.value).toBe('paragraph');
    fireEvent.change(blockType, { target: { value: 'quote' } });
    await act(async () => {});
    expect(surface.querySelector('blockquote')?.textContent).toBe('Some bold and italic text.');
    expect(blockType.value).toBe('quote');
  });

  it('makes check lists whose items are checkboxes', async () => {
    const { editor, surface } = await renderEditor('Buy milk');
    await update(editor, () => $selectText('milk'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Block type' }), { target: { value: 'check' } });
    await act(async () => {});
    const item = within(surface).getByRole('checkbox', { name: 'Buy milk' });
    expect(item.getAttribute('aria-checked')).toBe('false');
    expect((screen.getByRole('combobox', { name: 'Block type' }) as HTMLSelectElement).value).toBe('check');
  });

  it('inserts a table with a header row, and shows table controls inside it', async () => {
    const { editor, surface } = await renderEditor('Before the table.');
    await update(editor, () => $getRoot().selectEnd());
    fireEvent.click(screen.getByRole('button', { name: 'Insert table' }));
    await act(async () => {});
    expect(surface.querySelectorAll('table tr')).toHaveLength(3);
    expect(surface.querySelectorAll('table th')).toHaveLength(3);
    await update(editor, () => {
      const cell = surface.querySelector('td');
      const node = cell && $getNearestNodeFromDOMNode(cell);
      if ($isElementNode(node)) node.selectStart();
    });
    const table = screen.getByRole('group', { name: 'Table' });
    expect((screen.getByRole('combobox', { name: 'Block type' }) as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Insert table' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(table).getByRole('button', { name: 'Insert row below' }));
    await act(async () => {});
    expect(surface.querySelectorAll('table tr')).toHaveLength(4);
    fireEvent.click(within(table).getByRole('button', { name: 'Delete table' }));
    await act(async () => {});
    expect(surface.querySelector('table')).toBeNull();
  });

  it('is one tab stop, with arrow keys moving between its controls', async () => {
    await renderEditor(NOTE);
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    const tabbable = toolbar.querySelectorAll('[tabindex="0"]');
    expect(tabbable).toHaveLength(1);
    // Undo and Redo are disabled, so the block type comes first.
    const blockType = screen.getByRole('combobox', { name: 'Block type' });
    expect(tabbable[0]).toBe(blockType);
    blockType.focus();
    fireEvent.keyDown(blockType, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Bold' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Insert callout' }));
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(blockType);
  });

  it('is not shown in a read-only editor, which is not editable', async () => {
    const { surface, rerender } = await renderEditor(NOTE, { readOnly: true });
    expect(surface.getAttribute('contenteditable')).toBe('false');
    expect(surface.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('toolbar')).toBeNull();
    rerender({ readOnly: false });
    await act(async () => {});
    expect(surface.getAttribute('contenteditable')).toBe('true');
    expect(screen.getByRole('toolbar', { name: 'Formatting' })).toBeTruthy();
  });
});

describe('Editor: keyboard', () => {
  it('applies strikethrough, inline code, headings and lists from their shortcuts', async () => {
    const { editor, surface, handle } = await renderEditor('One two three');
    await update(editor, () => $selectText('two'));
    fireEvent.keyDown(surface, { key: 'X', code: 'KeyX', ctrlKey: true, shiftKey: true });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('One ~~two~~ three');
    await update(editor, () => $selectText('three'));
    fireEvent.keyDown(surface, { key: 'e', code: 'KeyE', ctrlKey: true });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('One ~~two~~ `three`');
    fireEvent.keyDown(surface, { key: '2', code: 'Digit2', ctrlKey: true, altKey: true });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('## One ~~two~~ `three`');
    fireEvent.keyDown(surface, { key: '0', code: 'Digit0', ctrlKey: true, altKey: true });
    fireEvent.keyDown(surface, { key: '*', code: 'Digit8', ctrlKey: true, shiftKey: true });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('- One ~~two~~ `three`');
  });

  it('refuses underline (Ctrl+U), which Markdown cannot hold', async () => {
    const { editor, surface, handle } = await renderEditor('One two three');
    await update(editor, () => $selectText('two'));
    const underlined = () =>
      editor.read(() =>
        $getRoot()
          .getAllTextNodes()
          .some((node) => node.hasFormat('underline')),
      );
    fireEvent.keyDown(surface, { key: 'u', code: 'KeyU', ctrlKey: true });
    await act(async () => {});
    expect(underlined()).toBe(false);
    await act(async () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'underline'));
    expect(underlined()).toBe(false);
    expect(handle.getMarkdown()).toBe('One two three');
  });

  it('nests list items with Tab and un-nests them with Shift+Tab, leaving Tab alone elsewhere', async () => {
    const { editor } = await renderEditor('- first\n- second\n\nA paragraph.');
    const depth = () =>
      editor.read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return -1;
        let lists = 0;
        for (let node = selection.anchor.getNode().getParent(); node; node = node.getParent()) {
          if ($isListNode(node)) lists++;
        }
        return lists;
      });
    await update(editor, () => $selectText('second'));
    const tab = (shiftKey: boolean) => new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });
    let event = tab(false);
    await act(async () => editor.dispatchCommand(KEY_TAB_COMMAND, event));
    expect(event.defaultPrevented).toBe(true);
    expect(depth()).toBe(2);
    event = tab(true);
    await act(async () => editor.dispatchCommand(KEY_TAB_COMMAND, event));
    expect(depth()).toBe(1);
    await update(editor, () => $selectText('A paragraph'));
    event = tab(false);
    await act(async () => editor.dispatchCommand(KEY_TAB_COMMAND, event));
    expect(event.defaultPrevented).toBe(false);
  });

  it('turns Markdown typed at the start of a line into blocks', async () => {
    const { editor, surface } = await renderEditor('');
    await update(editor, () => {
      const paragraph = $createParagraphNode().append($createTextNode('#'));
      $getRoot().clear().append(paragraph);
      paragraph.selectEnd();
    });
    await update(editor, () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertText(' ');
    });
    expect(editor.read(() => $isHeadingNode($getRoot().getFirstChild()))).toBe(true);
    expect(surface.querySelector('h1')).toBeTruthy();
  });
});

describe('Editor: link scheme guard', () => {
  const BAD = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', 'tel:123'];

  it.each(['javascript:void(0)', 'data:text/html;base64,PHA+', 'file:///etc/passwd', 'tel:+123'])(
    'never keeps a %s link loaded from Markdown',
    async (url) => {
      const { editor, surface } = await renderEditor(`Click [here](${url}) and [there](https://example.org).`);
      expect(linkUrls(editor)).toEqual(['https://example.org']);
      expect(surface.querySelectorAll('a')).toHaveLength(1);
      expect(surface.textContent).toContain('here');
    },
  );

  it('refuses bad URLs from the link command, and unwraps any that bypass it', async () => {
    const { editor } = await renderEditor('Some words to link.');
    for (const url of BAD) {
      await update(editor, () => $selectText('words'));
      await act(async () => editor.dispatchCommand(TOGGLE_LINK_COMMAND, url));
      // Straight to the node API, past the command's validation: the node transform catches it.
      await update(editor, () => {
        $selectText('link');
        $toggleLink(url);
      });
      expect(linkUrls(editor)).toEqual([]);
    }
    await update(editor, () => $selectText('words'));
    await act(async () => editor.dispatchCommand(TOGGLE_LINK_COMMAND, 'https://example.org/page'));
    expect(linkUrls(editor)).toEqual(['https://example.org/page']);
    // Changing a good link's URL to a bad one removes the link, keeping the text.
    await update(editor, () => {
      const link = $dfs().find(({ node }) => $isLinkNode(node))?.node as LinkNode;
      link.setURL('javascript:alert(document.cookie)');
    });
    expect(linkUrls(editor)).toEqual([]);
    expect(editor.read(() => $getRoot().getTextContent())).toBe('Some words to link.');
  });

  it('never keeps a bad link loaded by setMarkdown', async () => {
    const { editor, handle } = await renderEditor('Start.');
    await act(async () => handle.setMarkdown('Reloaded [bad](javascript:void(0)) and [good](mailto:ada@example.org).'));
    expect(linkUrls(editor)).toEqual(['mailto:ada@example.org']);
  });

  it('never keeps a bad link from pasted HTML', async () => {
    const { editor } = await renderEditor('Paste here: ');
    await update(editor, () => $getRoot().selectEnd());
    paste(editorSurface(editor), {
      'text/html':
        BAD.map((url, i) => `<a href="${url}">bad${i}</a> `).join('') + '<a href="mailto:ada@example.org">mail</a>',
      'text/plain': 'fallback',
    });
    await act(async () => {});
    expect(linkUrls(editor)).toEqual(['mailto:ada@example.org']);
    expect(editor.read(() => $getRoot().getTextContent())).toContain('bad0 bad1 bad2 bad3 bad4');
  });
});

function editorSurface(editor: LexicalEditor): HTMLElement {
  const root = editor.getRootElement();
  if (root === null) throw new Error('no root element');
  return root;
}

describe('Editor: opening links', () => {
  it('opens allowed links on Ctrl+click while editing and on click when read-only, never navigating', async () => {
    const onOpenLink = vi.fn();
    const { surface, rerender } = await renderEditor('See [the site](https://example.org/x) now.', { onOpenLink });
    const anchor = () => surface.querySelector('a') as HTMLAnchorElement;
    expect(fireEvent.click(anchor())).toBe(false); // default prevented: no navigation
    expect(onOpenLink).not.toHaveBeenCalled();
    fireEvent.click(anchor(), { ctrlKey: true });
    expect(onOpenLink).toHaveBeenCalledWith('https://example.org/x');
    rerender({ readOnly: true });
    await act(async () => {});
    fireEvent.click(anchor());
    expect(onOpenLink).toHaveBeenCalledTimes(2);
  });

  it('opens what the link policy hands on: a mailto: link without its attachment', async () => {
    const onOpenLink = vi.fn();
    const { surface } = await renderEditor('Mail [me](mailto:me@example.org?subject=Hi&attach=/etc/passwd).', {
      onOpenLink,
      readOnly: true,
    });
    fireEvent.click(surface.querySelector('a') as HTMLAnchorElement);
    expect(onOpenLink).toHaveBeenCalledWith('mailto:me@example.org?subject=Hi');
  });
});

describe('Editor: link editor (Mod+K)', () => {
  it('adds a link to the selection, refusing other schemes with a message', async () => {
    const { editor, surface, handle } = await renderEditor('Read the paper today.');
    await update(editor, () => $selectText('paper'));
    fireEvent.keyDown(surface, { key: 'k', code: 'KeyK', ctrlKey: true });
    await act(async () => {});
    const dialog = screen.getByRole('dialog', { name: 'Insert link' });
    const input = within(dialog).getByLabelText('Link URL');
    expect(document.activeElement).toBe(input);

    fireEvent.change(input, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByText(/“javascript:” links are not allowed/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(linkUrls(editor)).toEqual([]);

    fireEvent.change(input, { target: { value: 'example.org/paper' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(linkUrls(editor)).toEqual(['https://example.org/paper']);
    expect(handle.getMarkdown()).toBe('Read the [paper](https://example.org/paper) today.');
  });

  it('edits and removes the link at the caret; Escape cancels', async () => {
    const { editor, handle } = await renderEditor('See [the site](https://example.org) now.');
    await update(editor, () => {
      const text = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent() === 'the site');
      text?.select(2, 2);
    });
    expect(screen.getByRole('button', { name: 'Link' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    await act(async () => {});
    let dialog = screen.getByRole('dialog', { name: 'Edit link' });
    const input = within(dialog).getByLabelText('Link URL') as HTMLInputElement;
    expect(input.value).toBe('https://example.org');
    fireEvent.keyDown(input, { key: 'Escape' });
    await act(async () => {});
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    await act(async () => {});
    dialog = screen.getByRole('dialog', { name: 'Edit link' });
    fireEvent.change(within(dialog).getByLabelText('Link URL'), { target: { value: 'https://example.com/new' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('See [the site](https://example.com/new) now.');

    fireEvent.click(screen.getByRole('button', { name: 'Link' }));
    await act(async () => {});
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove link' }));
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('See the site now.');
  });
});

describe('Editor: paste', () => {
  const HOSTILE_HTML = `
    <style>p { color: red }</style>
    <script>window.pwned = "script ran"</script>
    <p style="text-align: center; color: red; padding-inline-start: 80px" onclick="alert(1)">Hello
      <span style="color: red; font-size: 40px; background: url(https://evil.example/x)">styled</span>
      <u>underlined</u> <sub>low</sub> <b>bold</b> <i>italic</i></p>
    <iframe src="https://evil.example/frame">frame text</iframe>
    <img src="x" onerror="alert(2)" alt="image">
    <object data="x.swf"></object>
    <h2 style="text-align: right" onmouseover="alert(3)">A heading</h2>
    <custom-widget data-x="1">custom text</custom-widget>
    <p><a href="javascript:alert(4)" onclick="alert(5)">bad link</a> and
      <a href="https://example.org/" target="_blank" style="color: red">good link</a></p>`;

  it('reduces pasted HTML to supported nodes with no raw HTML, styles or bad links', async () => {
    const { editor, surface } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    paste(surface, { 'text/html': HOSTILE_HTML, 'text/plain': 'plain fallback' });
    await act(async () => {});

    const text = editor.read(() => $getRoot().getTextContent());
    for (const kept of ['Hello', 'styled', 'underlined', 'bold', 'italic', 'A heading', 'custom text', 'bad link']) {
      expect(text).toContain(kept);
    }
    expect(text).not.toContain('script ran');
    expect(text).not.toContain('color: red');
    expect(text).not.toContain('plain fallback');

    editor.read(() => {
      const nodes = $dfs().map(({ node }) => node);
      for (const node of nodes) {
        if ($isTextNode(node)) {
          expect(node.getStyle()).toBe('');
          expect(node.hasFormat('underline') || node.hasFormat('subscript')).toBe(false);
        }
        if ($isElementNode(node)) {
          expect([node.getFormatType(), node.getStyle(), node.getIndent()]).toEqual(['', '', 0]);
        }
      }
      expect(nodes.filter($isLinkNode).map((link) => link.getTarget())).toEqual([null]);
      const bold = nodes.find((node) => $isTextNode(node) && node.getTextContent() === 'bold');
      expect($isTextNode(bold) && bold.hasFormat('bold')).toBe(true);
    });
    expect(linkUrls(editor)).toEqual(['https://example.org/']);
    expect(within(surface).getByRole('heading', { level: 2, name: 'A heading' })).toBeTruthy();

    expect(surface.querySelector('script, style, iframe, img, object, custom-widget')).toBeNull();
    expect(surface.querySelector('[onclick], [onerror], [onmouseover]')).toBeNull();
    expect(surface.querySelector('[style]')).toBeNull();
    expect((window as unknown as { pwned?: string }).pwned).toBeUndefined();
  });

  it('sanitizes content pasted from another Lexical editor too', async () => {
    const { editor, surface } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    const underline = 8;
    const bold = 1;
    const text = (value: string, format: number, style: string) => ({
      type: 'text',
      version: 1,
      text: value,
      format,
      style,
      mode: 'normal',
      detail: 0,
    });
    const nodes = [
      text(' red', underline | bold, 'color: red; font-size: 40px'),
      {
        type: 'link',
        version: 1,
        url: 'javascript:alert(1)',
        rel: null,
        target: null,
        title: null,
        format: '',
        indent: 0,
        direction: null,
        children: [text(' click', 0, '')],
      },
    ];
    paste(surface, {
      'application/x-lexical-editor': JSON.stringify({ namespace: editor._config.namespace, nodes }),
      'text/plain': ' red click',
    });
    await act(async () => {});
    expect(editor.read(() => $getRoot().getTextContent())).toBe('Start. red click');
    expect(linkUrls(editor)).toEqual([]);
    editor.read(() => {
      const red = $getRoot()
        .getAllTextNodes()
        .find((node) => node.getTextContent().includes('red'));
      expect(red?.getStyle()).toBe('');
      expect(red?.getFormat()).toBe(bold);
    });
  });

  it('keeps formatting on a normal paste', async () => {
    const { editor, surface, handle } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    paste(surface, {
      'text/html': '<b>Bold</b> and <a href="https://x.example/">link</a>',
      'text/plain': 'Bold and link',
    });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('Start.**Bold** and [link](https://x.example/)');
  });

  it('pastes plain text only after Ctrl+Shift+V, one paragraph per line', async () => {
    const { editor, surface, handle } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    fireEvent.keyDown(surface, { key: 'V', code: 'KeyV', ctrlKey: true, shiftKey: true });
    paste(surface, {
      'text/html': '<b>Bold</b> and <a href="https://x.example/">link</a><p>second line</p>',
      'text/plain': 'Bold and link\nsecond line',
    });
    await act(async () => {});
    expect(linkUrls(editor)).toEqual([]);
    expect(
      editor.read(() =>
        $getRoot()
          .getAllTextNodes()
          .some((node) => node.getFormat() !== 0),
      ),
    ).toBe(false);
    expect(editor.read(() => $getRoot().getChildrenSize())).toBe(2);
    expect(handle.getMarkdown()).toContain('Start.Bold and link');
    expect(handle.getMarkdown()).toContain('second line');

    // The next ordinary paste is rich again.
    paste(surface, { 'text/html': '<i>again</i>', 'text/plain': 'again' });
    await act(async () => {});
    expect(handle.getMarkdown()).toContain('*again*');
  });
});

describe('Editor: pasted and dropped HTML stays out of the page', () => {
  // Lexical's own import would keep a page's <noscript> fallback and apply its stylesheet
  // (bolding the span); the inert parse strips both first.
  const STYLED =
    '<style>.x { font-weight: bold }</style><p><span class="x">styled</span> <b>bold</b></p>' +
    '<noscript><p>Enable JavaScript</p></noscript><img src="x" onerror="window.pwned=1">';

  const formats = (editor: LexicalEditor) =>
    editor.read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter((node) => node.getFormat() !== 0)
        .map((node) => node.getTextContent()),
    );

  it('parses a paste in an inert document and never moves a node of it into the page', async () => {
    const { editor, surface, handle } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    const watch = watchAdoptions();
    try {
      paste(surface, { 'text/html': STYLED, 'text/plain': 'x' });
      await act(async () => {});
    } finally {
      watch.stop();
    }
    expect(watch.adopted).toEqual([]);
    expect(formats(editor)).toEqual(['bold']);
    expect(handle.getMarkdown()).toBe('Start.styled **bold**');
  });

  it('imports HTML dragged in from another application the same way', async () => {
    const { editor } = await renderEditor('Start.');
    await update(editor, () => $getRoot().selectEnd());
    // The browser's beforeinput `insertFromDrop`, as Lexical forwards it.
    const drop = { dataTransfer: new FakeDataTransfer({ 'text/html': STYLED, 'text/plain': 'styled bold' }) };
    await act(async () => {
      editor.dispatchCommand(CONTROLLED_TEXT_INSERTION_COMMAND, drop as unknown as InputEvent);
    });
    expect(editor.read(() => $getRoot().getTextContent())).toBe('Start.styled bold');
    expect(formats(editor)).toEqual(['bold']);
  });

  it('still turns selected text into a link when a URL is pasted over it', async () => {
    const { editor, surface, handle } = await renderEditor('See the site now.');
    await update(editor, () => $selectText('the site'));
    paste(surface, {
      'text/html': '<a href="https://example.org/">https://example.org/</a>',
      'text/plain': 'https://example.org/',
    });
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('See [the site](https://example.org/) now.');
  });

  it('refuses a drop that claims to come from a Lexical editor without carrying its nodes', async () => {
    const { editor, handle } = await renderEditor('Start.');
    const data = new FakeDataTransfer({
      'application/x-lexical-drag': JSON.stringify({ editorKey: editor.getKey() }),
      'text/html': '<b>forged</b>',
    });
    const event = new Event('drop', { cancelable: true });
    Object.assign(event, { dataTransfer: data, clientX: 0, clientY: 0 });
    let handled = false;
    await act(async () => {
      handled = editor.dispatchCommand(DROP_COMMAND, event as DragEvent);
    });
    expect([handled, event.defaultPrevented, handle.getMarkdown()]).toEqual([true, true, 'Start.']);
  });
});

describe('Editor: undo history', () => {
  it(`keeps at most ${HISTORY_LIMIT} undo steps`, async () => {
    const { editor } = await renderEditor('Start.');
    const edits = HISTORY_LIMIT + 50;
    for (let i = 1; i <= edits; i++) {
      editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(`p${i}`))), {
        discrete: true,
      });
    }
    await act(async () => {});
    for (let i = 0; i < edits + 20; i++) editor.dispatchCommand(UNDO_COMMAND, undefined);
    await act(async () => {});
    // The oldest 50 steps were dropped: undo stops at the document after edit 50.
    const paragraphs = editor.read(() => $getRoot().getChildrenSize());
    expect(paragraphs).toBe(1 + 50);
    expect(screen.getByRole('button', { name: 'Undo' }).hasAttribute('disabled')).toBe(true);
  });
});
