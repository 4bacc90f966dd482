/**
 * Whether a decorator node (an image, a formula block, an embed) is selected, from one
 * update listener per editor rather than one per node. Lexical's `useLexicalNodeSelection`
 * registers a listener per node that reads the selection on every update, and sets React
 * state: in a note with 200 images and 100 formula blocks that is 300 reads of the
 * selection per keystroke. Here one listener reads the selected nodes once per update and
 * tells only the nodes whose state changed. Same answers as `LexicalNode.isSelected`, same
 * setters as `useLexicalNodeSelection`.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $createNodeSelection,
  $getNodeByKey,
  $getSelection,
  $isDecoratorNode,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type BaseSelection,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * `node.isSelected(selection)` for a node already known to be among `selection.getNodes()`
 * (LexicalNode.isSelected without its search of that list): a caret next to an inline
 * image, or a range ending just after the last one of its paragraph, does not select it.
 */
function $stillSelected(node: LexicalNode, selection: BaseSelection): boolean {
  if ($isTextNode(node)) return true;
  if (!$isRangeSelection(selection) || selection.anchor.type !== 'element' || selection.focus.type !== 'element')
    return true;
  if (selection.isCollapsed()) return false;
  const parent = node.getParent();
  if ($isDecoratorNode(node) && node.isInline() && parent) {
    const first = selection.isBackward() ? selection.focus : selection.anchor;
    if (parent.is(first.getNode()) && first.offset === parent.getChildrenSize() && node.is(parent.getLastChild()))
      return false;
  }
  return true;
}

/** The keys of the nodes `state`'s selection selects (decorators and elements; text is not asked about). */
function selectedKeys(state: EditorState): Set<NodeKey> {
  return state.read(() => {
    const selection = $getSelection();
    const keys = new Set<NodeKey>();
    if (!selection) return keys;
    for (const node of selection.getNodes())
      if (!$isTextNode(node) && $stillSelected(node, selection)) keys.add(node.getKey());
    return keys;
  });
}

interface SelectionStore {
  subscribe(key: NodeKey, listener: () => void): () => void;
  /** Tells `listener` the keys whose state changed, after each update that changes any. */
  subscribeChanges(listener: (changed: NodeKey[]) => void): () => void;
  isSelected(key: NodeKey): boolean;
}

const stores = new WeakMap<LexicalEditor, SelectionStore>();

/** The editor's store: listens to updates while a node is subscribed. */
export function selectionStoreOf(editor: LexicalEditor): SelectionStore {
  let store = stores.get(editor);
  if (store) return store;
  const listeners = new Map<NodeKey, Set<() => void>>();
  const changeListeners = new Set<(changed: NodeKey[]) => void>();
  // The selected keys as of the last update, kept while something listens (else read afresh).
  let selected = new Set<NodeKey>();
  let unregister: (() => void) | null = null;
  const listen = () => {
    if (!unregister) selected = selectedKeys(editor.getEditorState());
    unregister ??= editor.registerUpdateListener(({ editorState }) => {
      const previous = selected;
      const next = selectedKeys(editorState);
      selected = next;
      const changed = [...previous].filter((k) => !next.has(k)).concat([...next].filter((k) => !previous.has(k)));
      if (changed.length === 0) return;
      for (const k of changed) listeners.get(k)?.forEach((call) => call());
      for (const call of changeListeners) call(changed);
    });
  };
  const stopIfUnheard = () => {
    if (listeners.size > 0 || changeListeners.size > 0) return;
    unregister?.();
    unregister = null;
  };
  store = {
    subscribe(key, listener) {
      let forKey = listeners.get(key);
      if (!forKey) listeners.set(key, (forKey = new Set()));
      forKey.add(listener);
      listen();
      return () => {
        forKey.delete(listener);
        if (forKey.size === 0) listeners.delete(key);
        stopIfUnheard();
      };
    },
    subscribeChanges(listener) {
      changeListeners.add(listener);
      listen();
      return () => {
        changeListeners.delete(listener);
        stopIfUnheard();
      };
    },
    isSelected: (key) => (unregister ? selected : selectedKeys(editor.getEditorState())).has(key),
  };
  stores.set(editor, store);
  return store;
}

/**
 * `[isSelected, setSelected, clearSelection]` of the decorator node `key`, as
 * `useLexicalNodeSelection` gives them, from one listener per editor (see above).
 */
export function useNodeSelection(key: NodeKey): [boolean, (selected: boolean) => void, () => void] {
  const [editor] = useLexicalComposerContext();
  const store = selectionStoreOf(editor);
  const isSelected = useSyncExternalStore(
    useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]),
    () => store.isSelected(key),
  );

  const setSelected = useCallback(
    (selected: boolean) => {
      editor.update(() => {
        let selection = $getSelection();
        if (!$isNodeSelection(selection)) {
          const node = selected ? null : $getNodeByKey(key);
          // Not selected: nothing to remove, and the caret is kept.
          if (node !== null && !node.isSelected()) return;
          selection = $createNodeSelection();
          $setSelection(selection);
        }
        if ($isNodeSelection(selection)) {
          if (selected) selection.add(key);
          else selection.delete(key);
        }
      });
    },
    [editor, key],
  );

  const clearSelection = useCallback(() => {
    editor.update(() => {
      const selection = $getSelection();
      if ($isNodeSelection(selection)) selection.clear();
    });
  }, [editor]);

  return [isSelected, setSelected, clearSelection];
}
