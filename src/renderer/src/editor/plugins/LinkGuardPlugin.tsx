import { AutoLinkNode, LinkNode, $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator, mergeRegister } from '@lexical/utils';
import { $getRoot, type Klass, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';

/** Replaces `link` by its children when its URL is not allowed. Returns true if it did. */
function $unwrapIfDisallowed(link: LinkNode): boolean {
  if (isAllowedLinkUrl(link.getURL())) return false;
  for (const child of link.getChildren()) link.insertBefore(child);
  link.remove();
  return true;
}

/**
 * Unwraps every link in the document whose URL {@link isAllowedLinkUrl} refuses, keeping
 * its text. Walks the whole tree: for loading a document, not for every keystroke (the
 * plugin's node transform covers edits). Needs an update context.
 */
export function $unwrapDisallowedLinks(): void {
  const links: LinkNode[] = [];
  for (const { node } of $dfsIterator($getRoot())) {
    if ($isLinkNode(node)) links.push(node);
  }
  for (const link of links) $unwrapIfDisallowed(link);
}

/** LinkNode and every registered link subclass (AutoLinkNode, a replacement…). */
function linkClasses(editor: LexicalEditor): Array<Klass<LinkNode>> {
  return [LinkNode, AutoLinkNode].filter((klass) => editor.hasNode(klass));
}

/**
 * Enforces {@link isAllowedLinkUrl} wherever a link can enter the document: the link
 * command, paste, autolink, Markdown shortcuts, history. A node transform runs on every
 * new or changed LinkNode (and only those, so it costs nothing per keystroke elsewhere)
 * and unwraps any whose URL is not allowed. Lexical's own `sanitizeUrl` only rewrites the
 * rendered `href` (and allows `tel:`/`sms:`), so it cannot be the guard.
 */
export function LinkGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        ...linkClasses(editor).map((klass) =>
          editor.registerNodeTransform(klass, (link) => {
            $unwrapIfDisallowed(link);
          }),
        ),
      ),
    [editor],
  );
  return null;
}
