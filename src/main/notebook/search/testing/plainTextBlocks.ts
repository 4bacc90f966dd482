/**
 * The snippet scanner's old entry points, kept for its tests: the cases that pinned
 * plainTextBlocks and stripInlineMarkdown now run through the note model.
 */
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { snippetBlocks, type TextBlock } from '../snippetBlocks';

/** A note's snippet blocks, read through its model. */
export function plainTextBlocks(markdown: string): TextBlock[] {
  return snippetBlocks(analyzeNote(markdown));
}

/** The plain text of a line of prose, read through the note model. */
export function stripInlineMarkdown(text: string): string {
  return plainTextBlocks(text)
    .map((block) => block.text)
    .join(' ');
}
