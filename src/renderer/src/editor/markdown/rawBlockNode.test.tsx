/**
 * RawBlockNode: verbatim Markdown shown as text (never as HTML), editable in a textarea,
 * serializable, and searchable through its text content.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { $getRoot, type LexicalEditor } from 'lexical';
import { type JSX, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  $createRawBlockNode,
  $isRawBlockNode,
  MAX_EDITABLE_RAW_TEXT,
  RawBlockNode,
  splitIntoPieces,
} from '../nodes/RawBlockNode';
import { $exportMarkdown, $importMarkdown, EDITOR_NODES } from './index';
import { createMarkdownEditor, load, save } from './testing/headlessEditor';

const HTML_NOTE = 'Intro.\n\n<div class="note" onclick="alert(1)">\n<img src=x onerror="alert(2)">\n</div>\n\nOutro.\n';

function Capture({ onEditor }: { onEditor: (editor: LexicalEditor) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
  }, [editor, onEditor]);
  return null;
}

function renderEditor(markdown: string): { editor: LexicalEditor } {
  let captured: LexicalEditor | null = null;
  const App = (): JSX.Element => (
    <LexicalComposer
      initialConfig={{
        namespace: 'raw-test',
        nodes: EDITOR_NODES,
        onError: (error) => {
          throw error;
        },
        editorState: () => $importMarkdown(markdown),
      }}
    >
      <RichTextPlugin contentEditable={<ContentEditable />} ErrorBoundary={LexicalErrorBoundary} />
      <Capture onEditor={(editor) => (captured = editor)} />
    </LexicalComposer>
  );
  render(<App />);
  return { editor: captured! };
}

afterEach(cleanup);

describe('RawBlockNode', () => {
  it('holds unsupported Markdown verbatim, as its text content', () => {
    const editor = createMarkdownEditor();
    load(editor, HTML_NOTE);
    const raw = editor.getEditorState().read(() => $getRoot().getChildren().filter($isRawBlockNode));
    expect(raw).toHaveLength(1);
    expect(editor.getEditorState().read(() => raw[0]!.getTextContent())).toBe(
      '<div class="note" onclick="alert(1)">\n<img src=x onerror="alert(2)">\n</div>',
    );
    expect(editor.getEditorState().read(() => $getRoot().getTextContent())).toContain('onerror');
  });

  it('survives JSON serialization', () => {
    const editor = createMarkdownEditor();
    editor.update(() => $getRoot().clear().append($createRawBlockNode('$$\nx\n$$', 'math')), { discrete: true });
    const json = editor.getEditorState().toJSON();
    expect(json.root.children[0]).toMatchObject({ type: 'markdown-raw', text: '$$\nx\n$$', kind: 'math' });
    const copy = createMarkdownEditor();
    copy.setEditorState(copy.parseEditorState(JSON.stringify(json)));
    expect(save(copy)).toBe('$$\nx\n$$\n');
    expect(RawBlockNode.getType()).toBe('markdown-raw');
  });

  it('renders the Markdown as text in a labelled <pre>, never as HTML', () => {
    renderEditor(HTML_NOTE);
    const pre = document.querySelector('pre.md-raw__text');
    expect(pre?.textContent).toBe('<div class="note" onclick="alert(1)">\n<img src=x onerror="alert(2)">\n</div>');
    expect(document.querySelector('div.note')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText(/Markdown · HTML/)).toBeTruthy();
  });

  it('edits in a textarea and writes back exactly what was typed', async () => {
    const { editor } = renderEditor('Intro.\n\n<div>\nE = mc^2\n</div>\n');
    const view = document.querySelector('.md-html__view')!;
    expect(view.textContent?.trim()).toBe('E = mc^2');
    await act(async () => {
      fireEvent.doubleClick(view);
    });
    const textarea = screen.getByRole('textbox', { name: 'Edit HTML source' }) as HTMLTextAreaElement;
    expect(textarea.value).toBe('<div>\nE = mc^2\n</div>');
    textarea.value = '<div>\n\\int_0^1 x\\,dx  \n</div>';
    await act(async () => {
      fireEvent.blur(textarea);
    });
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe('Intro.\n\n<div>\n\\int_0^1 x\\,dx  \n</div>\n');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('shows an HTML block rendered from its sanitized form, never its scripts, styles that load or classes', () => {
    const html = [
      '<h2 class="tb-button" id="x" onclick="alert(1)" style="color: red; position: fixed; background: url(https://t.example/p)">Title</h2>',
      '<details><summary>More</summary>',
      '<a href="javascript:alert(1)">bad</a> <a href="https://example.com/">good</a> <img src="https://t.example/x.png"> <font color="teal">teal</font>',
      '</details>',
    ].join('\n');
    const { editor } = renderEditor(`Intro.\n\n${html}\n`);
    const view = document.querySelector('[data-raw-kind="html"] .md-html__view')!;
    const heading = view.querySelector('h2')!;
    expect(heading.textContent).toBe('Title');
    expect([...heading.attributes].map((attribute) => `${attribute.name}=${attribute.value}`)).toEqual([
      'style=color: red',
    ]);
    expect([...view.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([null, 'https://example.com/']);
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('font')?.getAttribute('color')).toBe('teal');
    expect(view.querySelector('summary')?.textContent).toBe('More');
    expect(document.querySelector('pre.md-raw__text')).toBeNull();
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe(`Intro.\n\n${html}\n`);
  });

  it('shows a $$ block as a formula; a click opens its source, written back exactly', async () => {
    const { editor } = renderEditor('Intro.\n\n$$\nE = mc^2\n$$\n');
    const formula = document.querySelector('[aria-label="Formula: E = mc^2"]')!;
    expect(formula).not.toBeNull();
    await act(async () => {
      fireEvent.click(formula);
    });
    const textarea = document.querySelector('textarea.md-raw__editor') as HTMLTextAreaElement;
    expect(textarea.value).toBe('$$\nE = mc^2\n$$');
    textarea.value = '$$\n\\int_0^1 x\\,dx  \n$$';
    await act(async () => {
      fireEvent.blur(textarea);
    });
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe('Intro.\n\n$$\n\\int_0^1 x\\,dx  \n$$\n');
  });

  it('Escape cancels an edit', async () => {
    const { editor } = renderEditor('<br>\n');
    await act(async () => {
      fireEvent.doubleClick(document.querySelector('pre.md-raw__text')!);
    });
    const textarea = document.querySelector('textarea.md-raw__editor') as HTMLTextAreaElement;
    textarea.value = 'changed';
    await act(async () => {
      textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe('<br>\n');
  });

  it('is removed like any block, and emptying it removes it', async () => {
    const { editor } = renderEditor('a\n\n<!-- a comment shows as its source -->\n\nb\n');
    await act(async () => {
      fireEvent.doubleClick(document.querySelector('pre.md-raw__text')!);
    });
    const textarea = document.querySelector('textarea.md-raw__editor') as HTMLTextAreaElement;
    textarea.value = '  ';
    await act(async () => {
      fireEvent.blur(textarea);
    });
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe('a\n\nb\n');
  });
});

describe('RawBlockNode: a block too long to format', () => {
  const LINE = 'x'.repeat(30_000);

  it('is cut into pieces of whole lines where lines allow, which join back to the text', () => {
    const text = Array.from({ length: 40 }, (_, i) => `line ${i} ${'y'.repeat(900)}`).join('\n');
    const pieces = splitIntoPieces(text);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith('\n')).toBe(true);
    expect(splitIntoPieces(LINE).join('')).toBe(LINE);
    expect(splitIntoPieces(LINE).length).toBeGreaterThan(1);
  });

  it('is shown in pieces, labelled, and not offered for editing past the size a textarea handles', async () => {
    const huge = `Before.\n\n${'z'.repeat(MAX_EDITABLE_RAW_TEXT + 10)}\n`;
    const { editor } = renderEditor(huge);
    await act(async () => {});
    const text = document.querySelector('.md-raw__text')!;
    expect(text.querySelectorAll('.md-raw__piece').length).toBeGreaterThan(1);
    expect(text.textContent).toBe('z'.repeat(MAX_EDITABLE_RAW_TEXT + 10));
    expect(screen.getByText('Markdown · Too long to format')).toBeTruthy();
    fireEvent.doubleClick(text);
    expect(document.querySelector('textarea')).toBeNull();
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe(huge);
  });
});
