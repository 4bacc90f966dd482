import { AutoLinkNode, LinkNode, $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfsIterator, mergeRegister } from '@lexical/utils';
import { $getRoot, type Klass, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ALLOWED_SCHEME = /^(https?|mailto):/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/**
 * The one link policy of the editor: true only for absolute `http:`, `https:` and `mailto:`
 * URLs (case-insensitive), with a host for http(s) and an address for mailto. Everything
 * else is refused: other schemes (`javascript:`, `data:`, `file:`, `tel:`, `app:`…),
 * relative references (`notes/x.md`, `#heading`, `//host`), empty strings, and URLs with
 * control characters (which browsers strip, so they can disguise a scheme).
 *
 * The Markdown dialect can use the same function to decide, at import time, which links
 * to keep verbatim as text: a LinkNode with any other URL is unwrapped by this plugin.
 */
export function isAllowedLinkUrl(url: string): boolean {
  if (CONTROL_CHARACTERS.test(url)) return false;
  const trimmed = url.trim();
  if (!ALLOWED_SCHEME.test(trimmed)) return false;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  return parsed.protocol === 'mailto:' ? parsed.pathname.length > 0 : parsed.hostname.length > 0;
}

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
