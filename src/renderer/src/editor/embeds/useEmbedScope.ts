import type { LexicalEditor } from 'lexical';
import { useCallback, useSyncExternalStore } from 'react';
import { type EmbedScope, embedScopeOf, onEmbedScope } from './embedScope';

/** The embed scope of `editor` (see embedScope), following changes. */
export function useEmbedScope(editor: LexicalEditor): EmbedScope | null {
  const subscribe = useCallback((listener: () => void) => onEmbedScope(editor, listener), [editor]);
  return useSyncExternalStore(subscribe, () => embedScopeOf(editor));
}
