import { plainTextOf } from './blockText';
import { textSourceOf } from './analyzeNote';
import type { NoteModel } from './noteModel';

/**
 * The first paragraph of a note as plain text, shortened to at most `maxChars` at a word
 * boundary with "…"; '' for a note without prose. Front matter, headings, code, math,
 * comment and HTML blocks, tables and footnotes are skipped; a list item or quote counts
 * when it comes first.
 */
export function notePreview(model: NoteModel, maxChars: number): string {
  const block = model.blocks.find(
    (candidate) => candidate.kind === 'paragraph' || candidate.kind === 'listItem' || candidate.kind === 'quote',
  );
  if (!block) return '';
  // Markup takes room in the source: four times the length shown is plenty to fill it.
  const end = Math.min(block.end, block.start + maxChars * 4);
  return shorten(plainTextOf(textSourceOf(model), { ...block, end }).text, maxChars);
}

/** Shortens plain text to at most `maxChars` characters, at a word boundary, ending in "…". */
export function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
