import { $isListNode, ListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect } from 'react';

/** Takes back what `markCheckList` set, when a list stops being a task list. */
function unmarkCheckList(list: HTMLElement): void {
  if (list.getAttribute('role') === 'group') list.removeAttribute('role');
  for (const item of list.children) if (item.getAttribute('role') === 'none') item.removeAttribute('role');
}

/**
 * A task list as assistive technology can take it: Lexical renders each task as
 * `<li role="checkbox" aria-checked>`, which a plain `<ul>` may not hold (a list holds list
 * items: axe `list`, WCAG 1.3.1). So the `<ul>` of a task list becomes a group of checkboxes
 * (`role="group"`), and an item that only holds a nested list is presentational
 * (`role="none"`). Idempotent and cheap: it touches the task lists only, after each update
 * (Lexical strips the role of a nested item's `<li>` whenever it redraws it).
 */
function markCheckList(list: HTMLElement): void {
  if (list.getAttribute('role') !== 'group') list.setAttribute('role', 'group');
  for (const item of list.children) if (!item.hasAttribute('role')) item.setAttribute('role', 'none');
}

function trackCheckLists(editor: LexicalEditor): () => void {
  const checkLists = new Set<NodeKey>();
  const markAll = () => {
    for (const key of checkLists) {
      const list = editor.getElementByKey(key);
      if (list) markCheckList(list);
    }
  };
  return mergeRegister(
    editor.registerMutationListener(
      ListNode,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            const node = mutation === 'destroyed' ? null : $getNodeByKey(key);
            if ($isListNode(node) && node.getListType() === 'check') {
              checkLists.add(key);
            } else {
              checkLists.delete(key);
              const list = editor.getElementByKey(key);
              if (list) unmarkCheckList(list);
            }
          }
        });
        markAll();
      },
      { skipInitialization: false },
    ),
    editor.registerUpdateListener(() => {
      if (checkLists.size > 0) markAll();
    }),
  );
}

/** Gives task lists the roles a screen reader expects (see markCheckList). */
export function CheckListSemanticsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => trackCheckLists(editor), [editor]);
  return null;
}
