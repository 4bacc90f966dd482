/**
 * Footnotes (Obsidian's syntax): references and inline footnotes become markers numbered by
 * first reference, definitions are read by label, the note saves byte for byte, and editing
 * one definition rewrites only it. Footnote text and ids carrying markup stay text.
 */
import { $createTextNode, $getRoot, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../../../e2e/fixtures/injectionPayloads';
import { createMarkdownEditor, createShortcutEditor, load, save, typeText } from '../markdown/testing/headlessEditor';
import type { RawBlockNode } from '../nodes/RawBlockNode';
import { $isRawBlockNode } from '../nodes/RawBlockNode';
import { $isFootnoteRefNode } from './FootnoteRefNode';
import { $collectFootnoteIndex, footnoteTextOf, registerFootnotes } from './FootnotePlugin';
import type { FootnoteIndex } from './footnoteIndex';
import { findFootnote, parseFootnoteDefinition } from './footnoteSyntax';
import fixture from '../markdown/fixtures/67-footnotes.md?raw';

function $markers(node: LexicalNode, into: string[] = []): string[] {
  if ($isFootnoteRefNode(node)) into.push(node.getTextContent());
  if ($isElementNode(node)) for (const child of node.getChildren()) $markers(child, into);
  return into;
}

function $footnoteBlocks(): RawBlockNode[] {
  return $getRoot()
    .getChildren()
    .filter((node): node is RawBlockNode => $isRawBlockNode(node) && node.getKind() === 'footnote');
}

function loaded(markdown: string): { editor: LexicalEditor; cleanup: () => void } {
  const editor = createMarkdownEditor();
  const cleanup = registerFootnotes(editor);
  load(editor, markdown);
  return { editor, cleanup };
}

function getFootnoteIndex(editor: LexicalEditor): FootnoteIndex {
  return editor.getEditorState().read($collectFootnoteIndex);
}

describe('footnote syntax', () => {
  it('finds references and inline footnotes, not escaped ones', () => {
    expect(findFootnote('a[^1] b', [])).toEqual([1, 5]);
    expect(findFootnote('see ^[inline text] here', [])).toEqual([4, 18]);
    expect(findFootnote('x^2 and [^ spaced] and ^[]', [])).toBeNull();
    expect(findFootnote('\\[^1] then [^2]', ['[^1]'])).toEqual([11, 15]);
  });

  it('reads a multi-line definition, continuation lines unindented', () => {
    expect(parseFootnoteDefinition('[^2]: Add 2 spaces.\n  This lets you span lines.')).toEqual({
      label: '2',
      text: 'Add 2 spaces.\nThis lets you span lines.',
    });
    expect(parseFootnoteDefinition('not a footnote')).toBeNull();
  });
});

describe('footnotes in the editor', () => {
  it('marks references and inline footnotes, numbers them by first reference, and saves byte for byte', () => {
    const { editor, cleanup } = loaded(fixture);
    const markers = editor.getEditorState().read(() => $markers($getRoot()));
    expect(markers).toEqual([
      '[^footnote]',
      '[^2]',
      '[^footnote]',
      '[^missing]',
      '^[This is an inline footnote.]',
      '[^kandel]',
      '^[an inline footnote]',
      '[^kandel]',
    ]);
    const index = getFootnoteIndex(editor);
    expect(Object.fromEntries(index.numbers)).toEqual({ footnote: 1, '2': 2, kandel: 4 });
    expect([...index.inlineNumbers.values()]).toEqual([3, 5]);
    expect([...index.definitions.keys()]).toEqual(['footnote', '2', 'kandel', 'unused']);
    expect(footnoteTextOf('[^2]', index)).toBe(
      'Add 2 spaces at the start of each new line.\nThis lets you write footnotes that span multiple lines.',
    );
    expect(footnoteTextOf('^[This is an inline footnote.]', index)).toBe('This is an inline footnote.');
    expect(footnoteTextOf('[^missing]', index)).toBeNull();
    expect(save(editor)).toBe(fixture);
    cleanup();
  });

  it('rewrites only the edited definition', () => {
    const { editor, cleanup } = loaded(fixture);
    editor.update(
      () => {
        const second = $footnoteBlocks()[1]!;
        second.setText('[^2]: Two spaces.\n  Still the same footnote.');
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(
      fixture.replace(
        '[^2]: Add 2 spaces at the start of each new line.\n  This lets you write footnotes that span multiple lines.',
        '[^2]: Two spaces.\n  Still the same footnote.',
      ),
    );
    expect(footnoteTextOf('[^2]', getFootnoteIndex(editor))).toBe('Two spaces.\nStill the same footnote.');
    cleanup();
  });

  it('renumbers when a reference goes, and unmarks text that no longer reads as one', () => {
    const { editor, cleanup } = loaded('A[^b] and B[^a].\n\n[^a]: first\n[^b]: second\n');
    expect(Object.fromEntries(getFootnoteIndex(editor).numbers)).toEqual({ b: 1, a: 2 });
    editor.update(
      () => {
        const first = $getRoot()
          .getAllTextNodes()
          .find((node) => node.getTextContent() === '[^b]')!;
        first.setTextContent('^b');
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read(() => $markers($getRoot()))).toEqual(['[^a]']);
    expect(Object.fromEntries(getFootnoteIndex(editor).numbers)).toEqual({ a: 1 });
    expect(save(editor)).toBe('A^b and B[^a].\n\n[^a]: first\n[^b]: second\n');
    cleanup();
  });

  it('saves an edited paragraph holding markers with the markers as written', () => {
    const note = 'Cells[^a] pump ^[inline *note*] ions.\n\n[^a]: first\n';
    const { editor, cleanup } = loaded(note);
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChildOrThrow();
        if (!$isElementNode(paragraph)) throw new Error('paragraph expected');
        paragraph.getLastDescendant()!.insertAfter($createTextNode(' More.'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe('Cells[^a] pump ^[inline *note*] ions. More.\n\n[^a]: first\n');
    cleanup();
  });

  it('marks a reference as it is typed and saves it unescaped', () => {
    const editor = createShortcutEditor();
    const cleanup = registerFootnotes(editor);
    typeText(editor, 'Cited[^src] and ^[aside] here');
    expect(editor.getEditorState().read(() => $markers($getRoot()))).toEqual(['[^src]', '^[aside]']);
    expect(save(editor)).toBe('Cited[^src] and ^[aside] here\n');
    cleanup();
  });

  it('keeps injection payloads in footnote text and ids as text, byte for byte', () => {
    for (const { markdown: payload } of PAYLOADS) {
      const id = payload.replace(/[\]\s]/g, '');
      const note = `Cited[^${id}] and ^[${payload.replace(/[\]\n]/g, '')}].\n\n[^${id}]: ${payload.replace(/\n/g, ' ')}\n`;
      const { editor, cleanup } = loaded(note);
      expect(save(editor)).toBe(note);
      const index = getFootnoteIndex(editor);
      if (id !== '' && index.definitions.has(id)) {
        expect(footnoteTextOf(`[^${id}]`, index)).toBe(payload.replace(/\n/g, ' ').trim());
      }
      cleanup();
    }
  });
});
