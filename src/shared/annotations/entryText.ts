import type { GlossaryEntry } from '../domain/glossary';

/**
 * The text of an entry that highlights are anchored in (issue #17): the definition's
 * paragraphs, then each section's heading and paragraphs, joined by a blank line. The
 * reader renders exactly these blocks, each as one element holding its text as one text
 * node, so an offset in this text is an offset in one block's text node and back.
 *
 * The title and aliases are not part of it: a highlight is made on the body.
 */
export interface EntryText {
  text: string;
  blocks: EntryTextBlock[];
}

export interface EntryTextBlock {
  kind: 'paragraph' | 'heading';
  /** -1 for the definition, else the index of the section it belongs to. */
  section: number;
  /** Its text is `text.slice(start, end)`. */
  start: number;
  end: number;
}

/** What separates two blocks in the entry's text. */
export const BLOCK_SEPARATOR = '\n\n';

/** A block of plain text split into its blank-line-separated paragraphs (empty ones left out). */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '');
}

/** The anchoring text of `entry` and where each of its blocks is in it. */
export function entryText(entry: Pick<GlossaryEntry, 'definition' | 'sections'>): EntryText {
  const parts: string[] = [];
  const blocks: EntryTextBlock[] = [];
  let offset = 0;
  const add = (kind: EntryTextBlock['kind'], section: number, text: string) => {
    if (parts.length > 0) offset += BLOCK_SEPARATOR.length;
    blocks.push({ kind, section, start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length;
  };
  for (const paragraph of splitParagraphs(entry.definition)) add('paragraph', -1, paragraph);
  entry.sections.forEach((section, index) => {
    add('heading', index, section.heading);
    for (const paragraph of splitParagraphs(section.text)) add('paragraph', index, paragraph);
  });
  return { text: parts.join(BLOCK_SEPARATOR), blocks };
}
