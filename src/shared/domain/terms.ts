/** Glossary terms found in a note's text ("Definitions where terms appear", #17). */

/** One occurrence of a glossary term in a block of text. */
export interface TermHit {
  /** [start, end) UTF-16 offsets into the block's text. */
  start: number;
  end: number;
  /** The entries the words name (several for a name shared by entries), in glossary order. */
  entryIds: string[];
}

/**
 * What findTermsInBlocks answers: each block's occurrences as `[start, end, ...entries]`,
 * the entries as indexes into `ids`, so a name shared by many entries ("bank" × 18 in a
 * dictionary) does not repeat their ids at every occurrence (a 20,000-word note's answer
 * was 390 KB with the ids written out). `decodeTermsFound` gives TermHits back.
 */
export interface TermsFound {
  ids: string[];
  blocks: number[][][];
}

/** The TermHits of each block of `found`. */
export function decodeTermsFound(found: TermsFound): TermHit[][] {
  return found.blocks.map((spans) =>
    spans.map(([start = 0, end = 0, ...entries]) => ({
      start,
      end,
      entryIds: entries.map((index) => found.ids[index] ?? ''),
    })),
  );
}

/** What a definition card shows of one entry (see NotebookApi.describeTerms). */
export interface TermCard {
  id: string;
  title: string;
  /** The name of the reference pack the entry comes from ('' when unknown). */
  packName: string;
  /** The definition's first paragraph as plain text, shortened. */
  text: string;
  /** What to write inside `[[…]]` to link this entry from the note (pack-qualified when titles clash). */
  target: string;
}

/** The most blocks one findTermsInBlocks call takes. */
export const MAX_TERM_BLOCKS = 5_000;
/** The longest block findTermsInBlocks takes (UTF-16 units); a longer one is sent cut. */
export const MAX_TERM_BLOCK_CHARS = 100_000;
/** The most entries one describeTerms call describes. */
export const MAX_TERM_CARDS = 50;
