/**
 * How the editor keeps a note's Markdown: what stays byte for byte and what is written
 * fresh, through edits, undo, JSON round trips, paste from another note, line endings.
 */
import { $createCodeNode } from '@lexical/code';
import { $isAutoLinkNode, autoLinkEmailMatcher, autoLinkUrlMatcher, registerAutoLink } from '@lexical/link';
import { $createListItemNode, $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $dfsIterator } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isParagraphNode,
  $parseSerializedNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isRawBlockNode, type RawBlockNode } from '../nodes/RawBlockNode';
import { $exportMarkdown } from './exportMarkdown';
import { $importMarkdown } from './importMarkdown';
import { createMarkdownEditor, load, roundTrip, save } from './testing/headlessEditor';

function change(editor: LexicalEditor, fn: () => void): void {
  editor.update(fn, { discrete: true });
}

function child<T extends LexicalNode = ElementNode>(index: number): T {
  return $getRoot().getChildAtIndex<T>(index)!;
}

const NOTE = '# Title\n\nFirst  paragraph with *style* and __bold__.\n\n* one\n* two\n\n\nLast paragraph.\n';

describe('fidelity', () => {
  it('writes untouched blocks byte for byte, even odd spellings and spacing', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    change(editor, () => child<ElementNode>(3).append($createTextNode(' More.')));
    expect(save(editor)).toBe(
      '# Title\n\nFirst  paragraph with *style* and __bold__.\n\n* one\n* two\n\n\nLast paragraph. More.\n',
    );
  });

  it('restores the original bytes after undo (an earlier editor state)', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const before = editor.getEditorState();
    change(editor, () => child<ElementNode>(1).append($createTextNode(' x')));
    expect(save(editor)).not.toBe(NOTE);
    editor.setEditorState(before);
    expect(save(editor)).toBe(NOTE);
  });

  it('keeps the bytes through a JSON round trip of the editor state', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const restored = createMarkdownEditor();
    restored.setEditorState(restored.parseEditorState(JSON.stringify(editor.getEditorState().toJSON())));
    expect(save(restored)).toBe(NOTE);
  });

  it('writes a block typed back to its original text as the original', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const lastText = (): TextNode => child<ElementNode>(1).getLastDescendant() as TextNode;
    change(editor, () => lastText().setTextContent(`${lastText().getTextContent()}!`));
    change(editor, () => lastText().setTextContent(lastText().getTextContent().slice(0, -1)));
    expect(save(editor)).toBe(NOTE);
  });

  it('separates new blocks by a blank line and keeps the old separators elsewhere', () => {
    const editor = createMarkdownEditor();
    load(editor, 'a\n\n\n\nb\n');
    change(editor, () => child<ElementNode>(0).insertAfter($createParagraphNode().append($createTextNode('new'))));
    expect(save(editor)).toBe('a\n\nnew\n\nb\n');
    change(editor, () => child(1).remove());
    expect(save(editor)).toBe('a\n\n\n\nb\n');
  });

  it('joins neighbours again when a block between them is deleted', () => {
    const editor = createMarkdownEditor();
    load(editor, '# A\ntext\n\n---\n\nend');
    change(editor, () => child(2).remove());
    expect(save(editor)).toBe('# A\ntext\n\nend');
  });

  it('does not reuse a tight separator that an edit would make ambiguous', () => {
    const editor = createMarkdownEditor();
    load(editor, '>\nnext line\n');
    change(editor, () => child<ElementNode>(0).append($createTextNode('quoted')));
    expect(save(editor)).toBe('> quoted\n\nnext line\n');
  });

  it('writes new and edited blocks with the note’s line endings', () => {
    const editor = createMarkdownEditor();
    load(editor, 'a\r\nb\r\n\r\n- x\r\n');
    change(editor, () => {
      child<ElementNode>(0).append($createTextNode(' c'));
      $getRoot().append($createCodeNode('js').append($createTextNode('code')));
    });
    expect(save(editor)).toBe('a\r\nb c\r\n\r\n- x\r\n\r\n```js\r\ncode\r\n```\r\n');
  });

  it('keeps list items verbatim except the edited one, in the list’s own style', () => {
    const editor = createMarkdownEditor();
    load(editor, '* one\n* two\n\n  * nested\n* three\n');
    change(editor, () => {
      const list = child<ElementNode>(0);
      const second = list.getChildAtIndex<ListItemNode>(1)!;
      second.append($createTextNode(' more'));
      list.append($createListItemNode().append($createTextNode('four')));
    });
    expect(save(editor)).toBe('* one\n* two more\n\n  * nested\n* three\n* four\n');
  });

  it('writes an item moved to another depth fresh', () => {
    const editor = createMarkdownEditor();
    load(editor, '- a\n- b\n');
    change(editor, () => {
      const list = child<ElementNode>(0);
      const b = list.getChildAtIndex<ListItemNode>(1)!;
      b.setIndent(1);
    });
    expect(save(editor)).toBe('- a\n  - b\n');
  });

  it('writes a block pasted from another note in the dialect, not from that note’s source', () => {
    const other = createMarkdownEditor();
    load(other, '__bold__ text\n');
    const serialized = other.getEditorState().toJSON().root.children[0]!;
    const editor = createMarkdownEditor();
    load(editor, 'mine\n');
    change(editor, () => $getRoot().append($parseSerializedNode(serialized)));
    expect(save(editor)).toBe('mine\n\n**bold** text\n');
  });

  it('keeps an unclosed code fence open only while it is the last block', () => {
    const editor = createMarkdownEditor();
    load(editor, 'text\n\n```\ncode\n');
    expect(save(editor)).toBe('text\n\n```\ncode\n');
    change(editor, () => $getRoot().append($createParagraphNode().append($createTextNode('after'))));
    expect(save(editor)).toBe('text\n\n```\ncode\n```\n\nafter\n');
  });

  it('writes a raw block as its text, verbatim, whatever the user typed into it', () => {
    const editor = createMarkdownEditor();
    load(editor, 'before\n\n<div>\n  *raw*\n</div>\n\nafter\n');
    expect(editor.getEditorState().read(() => $isRawBlockNode(child(1)))).toBe(true);
    change(editor, () => child<RawBlockNode>(1).setText('<div>\n\t**still raw** & <b>\n</div>'));
    expect(save(editor)).toBe('before\n\n<div>\n\t**still raw** & <b>\n</div>\n\nafter\n');
  });

  it('handles empty notes and notes that become empty', () => {
    expect(roundTrip('')).toBe('');
    expect(roundTrip('\n\n')).toBe('\n\n');
    const editor = createMarkdownEditor();
    load(editor, '');
    change(editor, () => child<ElementNode>(0).append($createTextNode('typed')));
    expect(save(editor)).toBe('typed\n');
    load(editor, 'a\n\nb\n');
    change(editor, () => $getRoot().clear().append($createParagraphNode()));
    expect(save(editor)).toBe('');
  });

  it('never writes an empty paragraph', () => {
    const editor = createMarkdownEditor();
    load(editor, 'a\n\nb\n');
    change(editor, () => child<ElementNode>(0).insertAfter($createParagraphNode()));
    expect(save(editor)).toBe('a\n\nb\n');
  });

  it('writes headings h1–h6 in ATX form and setext headings when edited', () => {
    const editor = createMarkdownEditor();
    load(editor, 'Title\n=====\n\n###### six ##\n');
    change(editor, () => {
      child<ElementNode>(0).append($createTextNode('!'));
      child<ElementNode>(1).append($createTextNode('!'));
      $getRoot().append($createHeadingNode('h4').append($createTextNode('C#')));
    });
    expect(save(editor)).toBe('# Title!\n\n###### six!\n\n#### C#\n');
  });

  it('writes an empty line inside a paragraph as a backslash line, keeping one paragraph', () => {
    const editor = createMarkdownEditor();
    load(editor, 'a\\\n\\\nb\n');
    expect(save(editor)).toBe('a\\\n\\\nb\n');
    change(editor, () => child<ElementNode>(0).append($createTextNode('!')));
    const saved = save(editor);
    expect(saved).toBe('a\\\n\\\nb!\n');
    const again = createMarkdownEditor();
    load(again, saved);
    expect(again.getEditorState().read(() => $getRoot().getChildren().filter($isParagraphNode).length)).toBe(1);
  });

  it('exports in a read-only context and does not change the document', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const state = editor.getEditorState();
    expect(state.read(() => $exportMarkdown())).toBe(NOTE);
    expect(editor.getEditorState()).toBe(state);
  });

  it('replaces the content on every import', () => {
    const editor = createMarkdownEditor();
    load(editor, 'one\n');
    editor.update(() => $importMarkdown('two\n'), { discrete: true });
    expect(save(editor)).toBe('two\n');
    expect(
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .some((node) => $isListNode(node) || $isListItemNode(node)),
      ),
    ).toBe(false);
  });
});

describe('fidelity with the editor’s plugins', () => {
  it('keeps the bytes when autolinking turns bare URLs and emails into links after loading', () => {
    const editor = createMarkdownEditor();
    registerAutoLink(editor, {
      matchers: [autoLinkUrlMatcher, autoLinkEmailMatcher],
      changeHandlers: [],
      excludeParents: [],
    });
    const markdown =
      'See https://example.com/a_b_c and www.example.org, or mail me@example.org.\n\n- item http://x.org/(a)\n';
    load(editor, markdown);
    editor.update(() => undefined, { discrete: true });
    const autolinks = editor
      .getEditorState()
      .read(() => [...$dfsIterator($getRoot())].filter(({ node }) => $isAutoLinkNode(node)).length);
    expect(autolinks).toBeGreaterThan(0);
    expect(save(editor)).toBe(markdown);
    editor.update(() => child<ElementNode>(0).append($createTextNode(' More.')), { discrete: true });
    expect(save(editor)).toBe(markdown.replace('me@example.org.', 'me@example.org. More.'));
  });

  it('imports over a live selection, even when a raw block comes first', () => {
    const editor = createMarkdownEditor();
    load(editor, 'a\n');
    editor.update(
      () => {
        $getRoot().selectEnd();
        $importMarkdown('<div>\n</div>\n\nb\n');
      },
      { discrete: true },
    );
    expect(save(editor)).toBe('<div>\n</div>\n\nb\n');
  });

  it('writes a copy of an unchanged block (pasted in the same note) like the original', () => {
    const editor = createMarkdownEditor();
    load(editor, 'one  __two__\n\nthree\n');
    const serialized = editor.getEditorState().toJSON().root.children[0]!;
    change(editor, () => $getRoot().append($parseSerializedNode(serialized)));
    expect(save(editor)).toBe('one  __two__\n\nthree\n\none  __two__\n');
  });
});
