import type { HighlightColour, PlacedHighlight } from '@shared/domain/highlights';

/** Each colour's name, as the swatches and screen readers say it. */
export const COLOUR_NAMES: Record<HighlightColour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** `text` cut to about `max` characters at a word, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The accessible name of a highlight's first piece in the reader: its colour, the piece's
 * own text (which the name replaces for screen readers, so none of it is lost), an ellipsis
 * when the passage goes on, and its margin note.
 */
export function markLabel(highlight: PlacedHighlight, pieceText: string, continues: boolean): string {
  const note = highlight.note ? ` Margin note: ${shorten(highlight.note, 140)}` : '';
  return `Highlight, ${COLOUR_NAMES[highlight.colour].toLowerCase()}: ${pieceText}${continues ? '…' : ''}${note}`;
}
