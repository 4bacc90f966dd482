/**
 * Tags in the editor: text that reads as an Obsidian tag (`matchTag`, the rule the parser
 * and the backend's `tag:` search use) becomes a TagNode pill; a click on one searches
 * `tag:name`. Text in code, in links and escaped in the file (`\#not-a-tag`) stays text.
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { matchTag } from '@shared/markdown/inlineSyntax';
import {
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getState,
  $isElementNode,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { requestSearch } from '../../ui/searchRequests';
import { escapedLiteralsState } from '../markdown/fidelity/states';
import { $createTagNode, $isTagNode, TagNode } from './TagNode';

/** The first tag in `text` that is not an escaped literal: [start, end) or null. */
export function findTag(text: string, escaped: readonly string[]): [number, number] | null {
  for (let index = text.indexOf('#'); index >= 0; index = text.indexOf('#', index + 1)) {
    const end = matchTag(text, index);
    if (end >= 0 && !escaped.includes(text.slice(index, end))) return [index, end];
  }
  return null;
}

function $escapedOf(node: TextNode): readonly string[] {
  const parent = node.getParent();
  return $isElementNode(parent) ? $getState(parent, escapedLiteralsState) : [];
}

function $canHoldTag(node: TextNode): boolean {
  if (node.hasFormat('code')) return false;
  const parent = node.getParent();
  return parent !== null && !$isCodeNode(parent) && !$isLinkNode(parent);
}

/** Registers the tag behaviour on `editor`; returns its cleanup. */
export function registerTags(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getType() !== 'text' || !node.isSimpleText() || !$canHoldTag(node)) return;
      const text = node.getTextContent();
      if (!text.includes('#')) return;
      const found = findTag(text, $escapedOf(node));
      if (found === null) return;
      const [start, end] = found;
      const parts = node.splitText(start, end);
      const target = start === 0 ? parts[0]! : parts[1]!;
      const tag = $createTagNode(target.getTextContent()).setFormat(target.getFormat());
      target.replace(tag);
    }),
    // A pill whose text no longer reads as one tag (edited, or text typed after it) is text again.
    editor.registerNodeTransform(TagNode, (node) => {
      const text = node.getTextContent();
      const parent = node.getParent();
      const previous = node.getPreviousSibling();
      const before = previous?.getTextContent().slice(-1) ?? '';
      const whole =
        $canHoldTag(node) &&
        matchTag(before + text, before.length) === before.length + text.length &&
        !$escapedOf(node).includes(text);
      if (whole || parent === null) return;
      node.replace($createTextNode(text).setFormat(node.getFormat()));
    }),
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const pill = event.target instanceof Element ? event.target.closest('.tag-pill') : null;
        if (!pill) return false;
        const node = $getNearestNodeFromDOMNode(pill);
        if (!$isTagNode(node)) return false;
        // A plain click searches; with a modifier (or a selection made) it stays an edit.
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
        requestSearch(`tag:${node.getTag()}`);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
  );
}

export function TagPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (editor.hasNodes([TagNode]) ? registerTags(editor) : undefined), [editor]);
  return null;
}
