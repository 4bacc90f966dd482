/**
 * Task marks as Obsidian reads them: any one character in the box marks a task done
 * (`[x]`, `[?]`, `[-]`, `[/]`…). Such items are tasks in one checklist, keep their mark when
 * their text is edited, and are written `[ ]` when unticked.
 */
import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, save } from './testing/headlessEditor';

const NOTE = ['- [?] Eggs', '- [x] Milk', '- [-] Bread', '- [ ] Butter', '- [/] Chapter 3', ''].join('\n');

function $items(): ListItemNode[] {
  const list = $getRoot().getFirstChild();
  return $isListNode(list) ? list.getChildren().filter($isListItemNode) : [];
}

describe('task marks', () => {
  it('reads every one-character mark as a done task, in one checklist, saved as written', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const read = editor.getEditorState().read(() => ({
      lists: $getRoot().getChildrenSize(),
      type: (() => {
        const list = $getRoot().getFirstChild();
        return $isListNode(list) ? list.getListType() : null;
      })(),
      checked: $items().map((item) => item.getChecked() === true),
    }));
    expect(read).toEqual({ lists: 1, type: 'check', checked: [true, true, true, false, true] });
    expect(save(editor)).toBe(NOTE);
  });

  it('keeps a mark when the text is edited, and writes [ ] when unticked', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    editor.update(
      () => {
        const [eggs, , bread] = $items();
        eggs!.setChecked(false);
        bread!.append($createTextNode(' (none left)'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(NOTE.replace('- [?] Eggs', '- [ ] Eggs').replace('Bread', 'Bread (none left)'));
  });
});
