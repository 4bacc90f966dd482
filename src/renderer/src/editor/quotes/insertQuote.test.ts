import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../../../e2e/fixtures/injectionPayloads';
import { createMarkdownEditor, load, save } from '../markdown/testing/headlessEditor';
import { $insertQuote, type QuoteBlock } from './insertQuote';

const QUOTE: QuoteBlock = {
  passage: 'GABA is the chief inhibitory neurotransmitter.\n\nIt calms neurons.',
  link: { target: 'GABA', heading: '^h-abc123', label: 'GABA' },
};

function insert(editor: LexicalEditor, quote: QuoteBlock, place: (editor: LexicalEditor) => void = () => {}) {
  editor.update(
    () => {
      place(editor);
      $insertQuote(quote);
    },
    { discrete: true },
  );
}

function caretBlockText(editor: LexicalEditor): string | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) ? selection.focus.getNode().getTopLevelElementOrThrow().getTextContent() : null;
  });
}

describe('$insertQuote', () => {
  it('writes the passage as a quote whose last line links back to the passage', () => {
    const editor = createMarkdownEditor();
    load(editor, 'First paragraph.\n\nSecond paragraph.\n');
    insert(editor, QUOTE, () => $getRoot().getFirstChildOrThrow().selectEnd());
    expect(save(editor)).toBe(
      'First paragraph.\n\n> GABA is the chief inhibitory neurotransmitter.\n> It calms neurons.\n> — [[GABA#^h-abc123|GABA]]\n\nSecond paragraph.\n',
    );
    // Writing goes on below the quote.
    expect(caretBlockText(editor)).toBe('');
  });

  it('takes the place of the empty paragraph the caret is in', () => {
    const editor = createMarkdownEditor();
    load(editor, 'Intro.\n');
    editor.update(
      () => {
        $getRoot().getFirstChildOrThrow().selectEnd();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertParagraph();
      },
      { discrete: true },
    );
    insert(editor, QUOTE);
    expect(save(editor)).toBe(
      'Intro.\n\n> GABA is the chief inhibitory neurotransmitter.\n> It calms neurons.\n> — [[GABA#^h-abc123|GABA]]\n',
    );
  });

  it('goes above the block when the caret is at its very start (a drop before its first word)', () => {
    const editor = createMarkdownEditor();
    load(editor, 'First paragraph.\n\nSecond **bold** paragraph.\n');
    insert(editor, QUOTE, () => $getRoot().getLastChildOrThrow().selectStart());
    expect(save(editor)).toBe(
      'First paragraph.\n\n> GABA is the chief inhibitory neurotransmitter.\n> It calms neurons.\n> — [[GABA#^h-abc123|GABA]]\n\nSecond **bold** paragraph.\n',
    );
    expect(caretBlockText(editor)).toBe('Second bold paragraph.');
  });

  it('goes at the end of the note when there is no caret', () => {
    const editor = createMarkdownEditor();
    load(editor, '# Notes\n\nText.\n');
    insert(editor, { passage: 'One line.', link: { target: 'Pack/GABA', heading: '^h-1', label: 'GABA' } });
    expect(save(editor)).toBe('# Notes\n\nText.\n\n> One line.\n> — [[Pack/GABA#^h-1|GABA]]\n');
  });

  it('keeps every injection payload as text of the quote, read back unchanged', () => {
    for (const { markdown: payload } of PAYLOADS) {
      const editor = createMarkdownEditor();
      load(editor, '');
      insert(editor, { passage: payload, link: QUOTE.link });
      const saved = save(editor);
      const reloaded = createMarkdownEditor();
      load(reloaded, saved);
      const text = reloaded.getEditorState().read(() => $getRoot().getTextContent());
      const expected = payload
        .split(/\n+/)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .join('\n');
      expect(text.startsWith(expected), `payload ${JSON.stringify(payload)} saved as ${JSON.stringify(saved)}`).toBe(
        true,
      );
      expect(saved).toContain('> — [[GABA#^h-abc123|GABA]]');
    }
  });
});
