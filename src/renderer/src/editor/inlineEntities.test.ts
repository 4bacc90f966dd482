import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, save } from './markdown/testing/headlessEditor';
import { registerInlineMath } from './math/MathPlugin';
import { $isMathInlineNode } from './math/MathInlineNode';
import { $isCommentNode } from './nodes/CommentNode';
import { registerComments } from './plugins/CommentPlugin';
import { $isTagNode } from './tags/TagNode';
import { registerTags } from './tags/TagPlugin';

/**
 * Comments, tags and inline math are each a transform over text nodes; together they must
 * agree: what is inside a `%% comment %%` is the comment's (Obsidian neither renders nor
 * counts it), and the note saves byte for byte whatever order they ran in.
 */
const NOTE =
  'Before %% a #hidden tag and $x^2$ %% after #shown and $y$.\n\n' +
  '#first %%c%% $a+b$ #second\n\n' +
  'Money: $5 and %%$ not math $%% and #t %%x%%\n';

function kinds(node: LexicalNode, out: string[] = []): string[] {
  if ($isCommentNode(node)) out.push(`comment:${node.getTextContent()}`);
  else if ($isTagNode(node)) out.push(`tag:${node.getTag()}`);
  else if ($isMathInlineNode(node)) out.push(`math:${node.getTextContent()}`);
  if ($isElementNode(node)) node.getChildren().forEach((child) => kinds(child, out));
  return out;
}

describe('comments, tags and inline math together', () => {
  it('leave what is inside a comment alone and save byte for byte', () => {
    const editor = createMarkdownEditor();
    const cleanups = [registerComments(editor), registerTags(editor), registerInlineMath(editor)];
    load(editor, NOTE);
    const found = editor.getEditorState().read(() => kinds($getRoot()));
    expect(found.filter((kind) => kind.startsWith('comment:'))).toEqual([
      'comment:%% a #hidden tag and $x^2$ %%',
      'comment:%%c%%',
      'comment:%%$ not math $%%',
      'comment:%%x%%',
    ]);
    expect(found.filter((kind) => kind.startsWith('tag:'))).toEqual(['tag:shown', 'tag:first', 'tag:second', 'tag:t']);
    expect(found).not.toContain('tag:hidden');
    expect(save(editor)).toBe(NOTE);
    cleanups.forEach((cleanup) => cleanup());
  });
});
