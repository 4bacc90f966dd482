/**
 * What an editor knows of its note's footnotes: the number of each footnote (order of first
 * reference, as Obsidian's reading view numbers them; inline footnotes take their turn) and
 * the definitions by label. FootnotePlugin keeps it; the definition blocks read it.
 */
import type { LexicalEditor, NodeKey } from 'lexical';

export interface FootnoteIndex {
  /** Number by label, for labels referenced in the note. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Number by node key of each inline footnote. */
  readonly inlineNumbers: ReadonlyMap<NodeKey, number>;
  /** Definition by label (the first one written wins, as in Obsidian). */
  readonly definitions: ReadonlyMap<string, { readonly key: NodeKey; readonly text: string }>;
}

export const EMPTY_FOOTNOTE_INDEX: FootnoteIndex = {
  numbers: new Map(),
  inlineNumbers: new Map(),
  definitions: new Map(),
};

interface Store {
  index: FootnoteIndex;
  readonly listeners: Set<() => void>;
}

const stores = new WeakMap<LexicalEditor, Store>();

function storeOf(editor: LexicalEditor): Store {
  let store = stores.get(editor);
  if (!store) {
    store = { index: EMPTY_FOOTNOTE_INDEX, listeners: new Set() };
    stores.set(editor, store);
  }
  return store;
}

export function getFootnoteIndex(editor: LexicalEditor): FootnoteIndex {
  return storeOf(editor).index;
}

export function setFootnoteIndex(editor: LexicalEditor, index: FootnoteIndex): void {
  const store = storeOf(editor);
  store.index = index;
  for (const listener of store.listeners) listener();
}

export function subscribeFootnoteIndex(editor: LexicalEditor, listener: () => void): () => void {
  const store = storeOf(editor);
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}
