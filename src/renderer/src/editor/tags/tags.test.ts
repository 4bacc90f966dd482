import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, save } from '../markdown/testing/headlessEditor';
import { $isTagNode } from './TagNode';
import { findTag, registerTags } from './TagPlugin';

const NOTE =
  '# Lecture #neuro\n\nSee #exam/week-2 and **#bold** (after `*`, as the index reads it) but not `#code`, a#b, \\#escaped or #123.\n';

describe('tags', () => {
  it('finds tags as Obsidian does', () => {
    expect(findTag('a #neuro b', [])).toEqual([2, 8]);
    expect(findTag('a#b #123', [])).toBeNull();
    expect(findTag('#x/y-z', [])).toEqual([0, 6]);
    expect(findTag('#x and #y', ['#x'])).toEqual([7, 9]);
  });

  it('shows tags as pills and saves the note byte for byte', () => {
    const editor = createMarkdownEditor();
    const cleanup = registerTags(editor);
    load(editor, NOTE);
    const tags = editor.getEditorState().read(() => {
      const found: string[] = [];
      const visit = (node: LexicalNode): void => {
        if ($isTagNode(node)) found.push(node.getTag());
        if ($isElementNode(node)) node.getChildren().forEach(visit);
      };
      visit($getRoot());
      return found;
    });
    expect(tags).toEqual(['neuro', 'exam/week-2']);
    expect(save(editor)).toBe(NOTE);
    cleanup();
  });
});
