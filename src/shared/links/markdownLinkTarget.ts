/**
 * Reading a Markdown link's destination as Obsidian does: a destination with no scheme
 * (`Other.md`, `Other%20Note.md#Part`, `../x.md`, `sub/x y.png`) names a vault path, so the
 * link is a link to a note or attachment, like a wiki link. Shared by the note model
 * (analyzeNote) and the editor's parser, so both see the same links.
 */

// A scheme (`https:`, `mailto:`, `javascript:`…) or a protocol-relative `//host`.
const SCHEME = /^(?:[A-Za-z][A-Za-z0-9+.-]*:|\/\/)/;

/** The vault path and heading a decoded destination names (both URL-decoded). */
export interface MarkdownLinkTarget {
  target: string;
  heading: string | null;
}

/**
 * The vault target of a decoded Markdown link destination, or null when it is a URL
 * (any scheme, `//host`) or names nothing (empty, or a bare `#`). The part before the
 * first `#` is the target, the rest the heading; both are URL-decoded, and a malformed
 * `%` sequence is kept as written. Never throws.
 */
export function markdownLinkTarget(destination: string): MarkdownLinkTarget | null {
  if (destination.trim() === '' || SCHEME.test(destination)) return null;
  const hash = destination.indexOf('#');
  const target = decodeUri(hash >= 0 ? destination.slice(0, hash) : destination);
  const heading = hash >= 0 ? decodeUri(destination.slice(hash + 1)) : null;
  if (target.trim() === '' && (heading === null || heading.trim() === '')) return null;
  return { target, heading };
}

function decodeUri(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * True when `[label](url)` (url decoded, not an allowed web link) reads as a link to a
 * vault path in the editor: a destination with no scheme (see markdownLinkTarget) and a
 * one-line label with no brackets (shown as plain text in the link chip).
 */
export function isMarkdownNoteLink(url: string, label: string): boolean {
  return markdownLinkTarget(url) !== null && !/[\n\r[\]]/.test(label);
}

const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/** True when a vault target names an image the editor shows inline (by its extension). */
export function isImageTarget(target: string): boolean {
  return IMAGE_EXTENSION.test(target.trim());
}
