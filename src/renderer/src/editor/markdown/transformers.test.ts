/**
 * The dialect's transformer list: what typing shortcuts it offers, and that typed
 * shortcuts produce nodes the exporter writes back in the dialect.
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isListNode } from '@lexical/list';
import { $isHorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { FORMAT_TAGS } from '@shared/markdown/dialect';
import {
  type $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isTextNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { EDITOR_NODES, TRANSFORMERS } from './index';
import { createShortcutEditor, save, typeText } from './testing/headlessEditor';

function firstBlock(editor: LexicalEditor): (check: (node: LexicalNode) => boolean) => boolean {
  return (check) => editor.getEditorState().read(() => check($getRoot().getFirstChildOrThrow()));
}

describe('TRANSFORMERS', () => {
  it('holds the block shortcuts and the inline formats of the dialect', () => {
    const tags = TRANSFORMERS.flatMap((transformer) => ('tag' in transformer ? [transformer.tag] : []));
    expect(tags).toEqual(expect.arrayContaining(['`', '**', '*', '__', '_', '~~', '==']));
    const formats = new Set(TRANSFORMERS.flatMap((transformer) => ('format' in transformer ? transformer.format : [])));
    expect([...formats].sort()).toEqual(['bold', 'code', 'highlight', 'italic', 'strikethrough']);
    for (const [bit, tag] of FORMAT_TAGS) {
      const names = { 1: 'bold', 2: 'italic', 4: 'strikethrough', 128: 'highlight' } as Record<number, string>;
      const writer = TRANSFORMERS.find(
        (transformer) =>
          'format' in transformer && transformer.format.length === 1 && transformer.format[0] === names[bit],
      );
      expect(writer && 'tag' in writer ? writer.tag : null).toBe(tag);
    }
    const types = TRANSFORMERS.map((transformer) => transformer.type);
    expect(types).toEqual(expect.arrayContaining(['element', 'multiline-element', 'text-format', 'text-match']));
    for (const transformer of TRANSFORMERS) {
      for (const dependency of 'dependencies' in transformer ? transformer.dependencies : []) {
        expect(EDITOR_NODES).toContain(dependency);
      }
    }
  });

  it.each([
    ['# ', '# Title', $isHeadingNode],
    ['## ', '## Title', $isHeadingNode],
    ['> ', '> Title', $isQuoteNode],
    ['- ', '- Title', $isListNode],
    ['1. ', '1. Title', $isListNode],
    ['[ ] ', '- [ ] Title', $isListNode],
    ['``` ', '```\nTitle\n```', $isCodeNode],
  ])('typing %j then text makes the block, saved as %j', (shortcut, saved, isBlock) => {
    const editor = createShortcutEditor();
    typeText(editor, shortcut);
    typeText(editor, 'Title');
    expect(firstBlock(editor)(isBlock)).toBe(true);
    expect(save(editor)).toBe(`${saved}\n`);
  });

  it('typing --- then a space makes a horizontal rule', () => {
    const editor = createShortcutEditor();
    typeText(editor, '--- ');
    expect(editor.getEditorState().read(() => $getRoot().getChildren().some($isHorizontalRuleNode))).toBe(true);
    expect(save(editor).startsWith('---')).toBe(true);
  });

  it.each([
    ['**bold** ', '**bold**'],
    ['*italic* ', '*italic*'],
    ['__bold__ ', '**bold**'],
    ['~~gone~~ ', '~~gone~~'],
    ['`code` ', '`code`'],
  ])('typing %j formats it, saved as %j', (typed, saved) => {
    const editor = createShortcutEditor();
    typeText(editor, typed);
    expect(save(editor)).toBe(`${saved}\n`);
  });

  it('typing a link makes a link only for http, https and mailto', () => {
    const safe = createShortcutEditor();
    typeText(safe, '[site](https://example.com)');
    expect(
      safe.getEditorState().read(() =>
        $getRoot()
          .getAllTextNodes()
          .some((node) => $isLinkNode(node.getParent())),
      ),
    ).toBe(true);
    expect(save(safe)).toBe('[site](https://example.com)\n');

    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'file:///etc/passwd']) {
      const editor = createShortcutEditor();
      typeText(editor, `[x](${url})`);
      const hasLink = editor.getEditorState().read(() =>
        $getRoot()
          .getAllTextNodes()
          .some((node) => $isTextNode(node) && $isLinkNode(node.getParent())),
      );
      expect(hasLink, url).toBe(false);
    }
  });

  it('a typed paragraph that looks like Markdown is saved escaped', () => {
    const editor = createShortcutEditor();
    editor.update(
      () => {
        $getRoot()
          .getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>()
          .append($createTextNode('1. not a list *or emphasis*'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe('1\\. not a list \\*or emphasis\\*\n');
  });
});
