import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $createHeadingNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $isElementNode,
  $isTextNode,
  createEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../markdown';
import { $sanitizeClipboardNodes } from './PasteSanitizerPlugin';

function sanitize(build: () => LexicalNode[], check: (nodes: LexicalNode[]) => void): void {
  const editor = createEditor({
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => check($sanitizeClipboardNodes(build())), { discrete: true });
}

describe('$sanitizeClipboardNodes', () => {
  it('removes inline styles, alignment, indentation and formats Markdown cannot hold', () => {
    sanitize(
      () => [
        $createHeadingNode('h2')
          .setFormat('center')
          .setIndent(2)
          .setStyle('color: red')
          .append($createTextNode('Title').setStyle('font-size: 40px').toggleFormat('underline').toggleFormat('bold')),
      ],
      ([heading]) => {
        if (!$isElementNode(heading)) throw new Error('expected the heading');
        const text = heading.getFirstChild();
        if (!$isTextNode(text)) throw new Error('expected its text');
        expect([heading.getFormatType(), heading.getIndent(), heading.getStyle()]).toEqual(['', 0, '']);
        expect(text.getStyle()).toBe('');
        expect(text.hasFormat('underline')).toBe(false);
        expect(text.hasFormat('bold')).toBe(true);
      },
    );
  });

  it('unwraps disallowed links at the top level and nested, keeping their text and good links', () => {
    sanitize(
      () => [
        $createLinkNode('javascript:alert(1)').append($createTextNode('top')),
        $createParagraphNode().append(
          $createLinkNode('data:text/html,x').append($createTextNode('nested')),
          $createTextNode(' and '),
          $createLinkNode('https://example.org', { target: '_blank' }).append($createTextNode('good')),
        ),
      ],
      (nodes) => {
        expect(nodes.map((node) => node.getType())).toEqual(['text', 'paragraph']);
        expect(nodes[0]?.getTextContent()).toBe('top');
        const paragraph = nodes[1];
        if (!$isElementNode(paragraph)) throw new Error('expected the paragraph');
        expect(paragraph.getTextContent()).toBe('nested and good');
        const links = paragraph.getChildren().filter($isLinkNode);
        expect(links.map((link) => [link.getURL(), link.getTarget()])).toEqual([['https://example.org', null]]);
      },
    );
  });
});
