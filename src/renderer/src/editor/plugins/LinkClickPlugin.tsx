import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, $getNearestNodeFromDOMNode, IS_APPLE, type LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import { toExternalUrl } from '@shared/markdown/linkPolicy';

/** Opens a link outside the app: the Electron host confirms, then hands it to the system. */
function openInNewWindow(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

function $linkUrlAt(target: Node): string | null {
  const node = $getNearestNodeFromDOMNode(target);
  const link = node === null ? null : $findMatchingParent(node, $isLinkNode);
  return link === null ? null : link.getURL();
}

function registerLinkClicks(editor: LexicalEditor, open: (url: string) => void): () => void {
  return editor.registerRootListener((root) => {
    if (root === null) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const anchor = target.closest('a');
      if (anchor === null || !root.contains(anchor)) return;
      // Following an href would navigate the app's own window away from the note.
      event.preventDefault();
      if (event.type !== 'click' || event.button !== 0) return;
      const modifier = IS_APPLE ? event.metaKey : event.ctrlKey;
      if (editor.isEditable() && !modifier) return;
      const url = editor.read(() => $linkUrlAt(anchor));
      // What leaves the app is the policy's form of the URL (a mailto: link without `attach`…).
      const external = url === null ? null : toExternalUrl(url);
      if (external !== null) open(external);
    };
    root.addEventListener('click', onClick);
    root.addEventListener('auxclick', onClick);
    return () => {
      root.removeEventListener('click', onClick);
      root.removeEventListener('auxclick', onClick);
    };
  });
}

/**
 * Links never navigate the app window. While editing, Ctrl+click (⌘-click on macOS) opens
 * a link; a plain click places the caret. In a read-only editor a plain click opens it.
 * Only what the link policy allows is ever opened (http, https and mailto; see
 * toExternalUrl in shared/markdown/linkPolicy.ts, which also drops a mailto: link's
 * `attach`), through `onOpenLink` when given, else `window.open` (which the Electron host
 * turns into a confirmed external open).
 */
export function LinkClickPlugin({ onOpenLink }: { onOpenLink?: (url: string) => void }): null {
  const [editor] = useLexicalComposerContext();
  const openRef = useRef(onOpenLink);
  useEffect(() => {
    openRef.current = onOpenLink;
  }, [onOpenLink]);
  useEffect(() => registerLinkClicks(editor, (url) => (openRef.current ?? openInNewWindow)(url)), [editor]);
  return null;
}
