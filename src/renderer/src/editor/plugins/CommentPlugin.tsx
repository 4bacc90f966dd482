import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerLexicalTextEntity, type EntityMatch } from '@lexical/text';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor, TextNode } from 'lexical';
import { useEffect } from 'react';
import { $createCommentNode, CommentNode } from '../nodes/CommentNode';

/** The first `%%…%%` of a text node's text (a comment within one run of text). */
export function findComment(text: string): EntityMatch | null {
  const start = text.indexOf('%%');
  if (start < 0) return null;
  const close = text.indexOf('%%', start + 2);
  return close < 0 ? null : { start, end: close + 2 };
}

function $commentFrom(node: TextNode): CommentNode {
  return $createCommentNode(node.getTextContent()).setFormat(node.getFormat());
}

/** Registers the comment transforms (see CommentPlugin); returns their cleanup. */
export function registerComments(editor: LexicalEditor): () => void {
  if (!editor.hasNodes([CommentNode])) return () => undefined;
  return mergeRegister(...registerLexicalTextEntity(editor, findComment, CommentNode, $commentFrom));
}

/**
 * Shows `%%comments%%` faintly. A node transform, so it only looks at the text nodes an
 * update touched (never the whole document per keystroke): a `%%…%%` inside a text node
 * becomes a CommentNode, and a comment whose `%%` pair was broken turns back into text.
 * Comments spanning lines are raw blocks and are not this plugin's.
 */
export function CommentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerComments(editor), [editor]);
  return null;
}
