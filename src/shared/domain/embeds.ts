import type { EntrySection } from './glossary';
import type { ResolvedTarget } from './links';

/**
 * What an embed (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block-id]]`, `![[Entry]]`)
 * shows: the resolved target and the part of it asked for, read-only.
 */
export interface EmbedContent {
  target: ResolvedTarget;
  /** What follows the `#` as written (`Heading`, `^block-id`), or null for the whole document. */
  part: string | null;
  /** False when the document has no such heading, section or block: the embed shows as missing. */
  found: boolean;
  /**
   * For a note: the Markdown of the part (the body without its front matter, a heading's
   * section, a block), '' when not found. For an entry: ''.
   */
  markdown: string;
  /** For an entry: its definition (empty when one section was asked) and the sections shown. */
  entry?: { definition: string; sections: EntrySection[] };
  /** For a note: its version, so a view can tell a change from the same text. */
  version?: string;
}
