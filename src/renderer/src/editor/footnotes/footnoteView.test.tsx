/**
 * Footnotes as the student sees them: markers numbered by first reference, a missing one
 * marked, the card on hover with the footnote's text, definitions shown as numbered lines
 * whose text is text (payloads in it create no element), editable as raw blocks.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import type { LexicalEditor } from 'lexical';
import { type JSX, useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { $exportMarkdown, $importMarkdown, EDITOR_NODES } from '../markdown/index';
import { FootnotePlugin } from './FootnotePlugin';

function Capture({ onEditor }: { onEditor: (editor: LexicalEditor) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    onEditor(editor);
  }, [editor, onEditor]);
  return null;
}

async function renderEditor(markdown: string): Promise<LexicalEditor> {
  let captured: LexicalEditor | null = null;
  const App = (): JSX.Element => (
    <LexicalComposer
      initialConfig={{
        namespace: 'footnote-test',
        nodes: EDITOR_NODES,
        onError: (error) => {
          throw error;
        },
        editorState: () => $importMarkdown(markdown),
      }}
    >
      <RichTextPlugin contentEditable={<ContentEditable />} ErrorBoundary={LexicalErrorBoundary} />
      <FootnotePlugin />
      <Capture onEditor={(editor) => (captured = editor)} />
    </LexicalComposer>
  );
  await act(async () => {
    render(<App />);
  });
  await act(async () => {
    await Promise.resolve();
  });
  return captured!;
}

afterEach(cleanup);

const PAYLOAD = '<img src=x onerror="window.__canary=1"><script>window.__canary=1</script>';
const NOTE = [
  `Cells[^a] pump ions[^b<svg/onload=window.__canary=1>] and^[inline <b>bold</b>] leak[^none].`,
  '',
  `[^b<svg/onload=window.__canary=1>]: ${PAYLOAD}`,
  '[^a]: First line.',
  '  Second line.',
  '',
].join('\n');

describe('footnotes in the rendered editor', () => {
  it('shows numbered markers, a missing one marked, and definitions as numbered text lines', async () => {
    const editor = await renderEditor(NOTE);
    const markers = [...document.querySelectorAll<HTMLElement>('.footnote-ref')];
    expect(markers.map((marker) => [marker.textContent, marker.dataset.footnoteNumber ?? 'missing'])).toEqual([
      ['[^a]', '1'],
      ['[^b<svg/onload=window.__canary=1>]', '2'],
      ['^[inline <b>bold</b>]', '3'],
      ['[^none]', 'missing'],
    ]);
    expect(markers[3]!.classList.contains('footnote-ref--missing')).toBe(true);
    const lines = [...document.querySelectorAll('.md-footnote')].map((line) => [
      line.querySelector('.md-footnote__number')?.textContent,
      line.querySelector('.md-footnote__text')?.textContent,
    ]);
    expect(lines).toEqual([
      ['2', PAYLOAD],
      ['1', 'First line.\nSecond line.'],
    ]);
    expect(document.querySelector('img:not([data-lexical-decorator-boundary]), script, svg, b')).toBeNull();
    expect(document.querySelector('.md-raw__label')).toBeNull();
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe(NOTE);
  });

  it('shows the footnote text in a card on hover, as text', async () => {
    await renderEditor(NOTE);
    const markers = document.querySelectorAll<HTMLElement>('.footnote-ref');
    fireEvent.mouseOver(markers[1]!);
    const card = document.querySelector<HTMLElement>('.footnote-card')!;
    expect(card.hidden).toBe(false);
    expect(card.textContent).toBe(PAYLOAD);
    expect(card.children).toHaveLength(0);
    fireEvent.mouseOut(markers[1]!, { relatedTarget: document.body });
    expect(card.hidden).toBe(true);
    fireEvent.mouseOver(markers[2]!);
    expect(card.textContent).toBe('inline <b>bold</b>');
  });

  it('edits a definition in a textarea on double-click, writing back only it', async () => {
    const editor = await renderEditor(NOTE);
    await act(async () => {
      fireEvent.doubleClick(document.querySelectorAll('.md-footnote__view')[1]!);
    });
    const textarea = document.querySelector('textarea.md-raw__editor') as HTMLTextAreaElement;
    expect(textarea.value).toBe('[^a]: First line.\n  Second line.');
    textarea.value = '[^a]: Changed.';
    await act(async () => {
      fireEvent.blur(textarea);
    });
    await act(async () => {
      await Promise.resolve();
    });
    expect(editor.getEditorState().read(() => $exportMarkdown())).toBe(
      NOTE.replace('[^a]: First line.\n  Second line.', '[^a]: Changed.'),
    );
    expect(document.querySelectorAll('.md-footnote__text')[1]?.textContent).toBe('Changed.');
  });
});
