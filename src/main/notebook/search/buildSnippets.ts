import type { SearchSnippet } from '@shared/domain/search';
import { mergeRanges } from '@shared/search/matchTerms';
import { scanTerms } from '@shared/search/tokenize';
import type { TextBlock } from './snippetBlocks';

export interface SnippetOptions {
  /** At most this many snippets. Default 2. */
  maxSnippets?: number;
  /** About this many characters per snippet (cut at spaces). Default 160. */
  width?: number;
}

/** How much text to show before the first match of a snippet. */
const LEAD = 40;
const ELLIPSIS = '…';

interface Match {
  start: number;
  end: number;
  term: string;
}

/**
 * Picks the passages of a document that best show why it matched: in each block the
 * window of about `width` characters with the most distinct matched words, then the
 * best blocks first. The highlights are computed on the final snippet text with the
 * same tokenizer and matcher, so they always fall on whole matched words. When nothing
 * in the text matches (the title did), the first paragraph is the snippet.
 */
export function buildSnippets(
  blocks: readonly TextBlock[],
  isMatch: (term: string) => boolean,
  options: SnippetOptions = {},
): SearchSnippet[] {
  const maxSnippets = options.maxSnippets ?? 2;
  const width = options.width ?? 160;
  if (maxSnippets <= 0 || blocks.length === 0) return [];

  const candidates: Array<{ block: number; start: number; end: number; score: number }> = [];
  blocks.forEach((block, index) => {
    const matches: Match[] = [];
    scanTerms(block.text, (term, start, end) => {
      if (isMatch(term)) matches.push({ start, end, term });
    });
    if (matches.length === 0) return;
    let best: { start: number; end: number; score: number } | null = null;
    for (const first of matches) {
      const start = Math.max(0, first.start - LEAD);
      const end = Math.min(block.text.length, start + width);
      const inside = matches.filter((m) => m.start >= start && m.end <= end);
      // Distinct words first, then how many; body text before headings on equal terms.
      const score =
        new Set(inside.map((m) => m.term)).size * 100 + Math.min(inside.length, 20) * 2 - (block.heading ? 1 : 0);
      if (!best || score > best.score) best = { start, end, score };
    }
    candidates.push({ block: index, ...best! });
  });

  if (candidates.length === 0) {
    const first = blocks.find((b) => !b.heading) ?? blocks[0]!;
    return [snippetOf(first.text, 0, Math.min(first.text.length, width), isMatch)];
  }
  candidates.sort((a, b) => b.score - a.score || a.block - b.block);
  return candidates.slice(0, maxSnippets).map((c) => snippetOf(blocks[c.block]!.text, c.start, c.end, isMatch));
}

/** The text between `start` and `end`, widened or narrowed to whole words, with ellipses where cut. */
function snippetOf(text: string, start: number, end: number, isMatch: (term: string) => boolean): SearchSnippet {
  let from = start;
  if (from > 0 && !/\s/.test(text[from - 1]!)) {
    // Back to the start of the word, unless that is far: then forward past it.
    const back = text.lastIndexOf(' ', from);
    if (back >= 0 && from - back <= 15) from = back + 1;
    else {
      const forward = text.indexOf(' ', from);
      from = forward >= 0 && forward < end ? forward + 1 : from;
    }
  }
  let to = end;
  if (to < text.length && !/\s/.test(text[to]!)) {
    const forward = text.indexOf(' ', to);
    const back = text.lastIndexOf(' ', to);
    if (forward >= 0 && forward - to <= 15) to = forward;
    else if (forward < 0 && text.length - to <= 15) to = text.length;
    else if (back > from) to = back;
  }
  const body = text.slice(from, to).trim();
  const snippet = `${from > 0 ? ELLIPSIS : ''}${body}${to < text.length ? ELLIPSIS : ''}`;
  const highlights: Array<[number, number]> = [];
  scanTerms(snippet, (term, s, e) => {
    if (isMatch(term)) highlights.push([s, e]);
  });
  return { text: snippet, highlights: mergeRanges(highlights) };
}
