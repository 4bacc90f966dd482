import type { EntryTextBlock } from '@shared/annotations/entryText';
import type { PlacedHighlight } from '@shared/domain/highlights';

/** One run of a block's text: plain, or covered by one or more highlights. */
export interface TextSegment {
  /** Offsets in the entry's text (see entryText). */
  start: number;
  end: number;
  text: string;
  /**
   * The highlight this run is drawn as (and acts on when clicked): of those covering it, the
   * shortest, so a highlight inside another stays reachable. Null for plain text.
   */
  highlight: PlacedHighlight | null;
  /** Every highlight covering the run, outermost first. */
  covering: PlacedHighlight[];
}

function length(highlight: PlacedHighlight): number {
  return highlight.place!.end - highlight.place!.start;
}

/**
 * Splits one block of the entry's text into plain runs and highlighted runs. Orphans (no
 * place) are left out; highlights overlapping the block are cut at its edges, so a highlight
 * running over several blocks gives one run per block. Neighbouring runs drawn as the same
 * highlight are merged, so each piece of a highlight in a block is one run.
 */
export function blockSegments(
  text: string,
  block: EntryTextBlock,
  highlights: readonly PlacedHighlight[],
): TextSegment[] {
  const inBlock = highlights.filter(
    (highlight) => highlight.place !== null && highlight.place.start < block.end && highlight.place.end > block.start,
  );
  const cuts = new Set<number>([block.start, block.end]);
  for (const highlight of inBlock) {
    cuts.add(Math.max(block.start, highlight.place!.start));
    cuts.add(Math.min(block.end, highlight.place!.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!;
    const end = points[index + 1]!;
    if (start === end) continue;
    const covering = inBlock
      .filter((highlight) => highlight.place!.start <= start && highlight.place!.end >= end)
      .sort((a, b) => length(b) - length(a));
    const highlight = covering.length > 0 ? covering[covering.length - 1]! : null;
    const previous = segments[segments.length - 1];
    if (previous && previous.highlight?.id === highlight?.id && sameIds(previous.covering, covering)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
      continue;
    }
    segments.push({ start, end, text: text.slice(start, end), highlight, covering });
  }
  return segments;
}

function sameIds(a: readonly PlacedHighlight[], b: readonly PlacedHighlight[]): boolean {
  return a.length === b.length && a.every((highlight, index) => highlight.id === b[index]!.id);
}

/** The placed highlights in reading order (by start, then the longer first); orphans left out. */
export function placedInOrder(highlights: readonly PlacedHighlight[]): PlacedHighlight[] {
  return highlights
    .filter((highlight) => highlight.place !== null)
    .sort((a, b) => a.place!.start - b.place!.start || b.place!.end - a.place!.end);
}
