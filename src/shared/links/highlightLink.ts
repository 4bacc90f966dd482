import { scanWikiLinks } from './parseWikiLinks';

/**
 * Links to a highlight of a glossary entry (issue #17): `[[Entry#^h-id]]`, the block
 * reference form, since an entry has no block ids of its own. "Quote in note" writes them
 * after the quoted passage; following one opens the entry at that passage.
 */

/** The highlight id a link's heading part names (`^h-abc` → `h-abc`), or null when it names none. */
export function highlightIdOfHeading(heading: string | null | undefined): string | null {
  const match = /^\^([A-Za-z0-9_-]{1,64})$/.exec(heading?.trim() ?? '');
  return match ? match[1]! : null;
}

/** The highlight id a wiki link written as `source` points at, or null (see highlightIdOfHeading). */
export function highlightIdOfLink(source: string): string | null {
  const [link] = scanWikiLinks(source);
  return link ? highlightIdOfHeading(link.heading) : null;
}
