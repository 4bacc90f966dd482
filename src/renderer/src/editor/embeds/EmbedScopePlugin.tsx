import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { type EmbedScope, setEmbedScope } from './embedScope';

/** Gives the editor's embeds their scope (see embedScope). */
export function EmbedScopePlugin({ scope }: { scope: EmbedScope }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => setEmbedScope(editor, scope), [editor, scope]);
  return null;
}
