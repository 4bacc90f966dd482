import { parseWikiLinks } from '@shared/links/parseWikiLinks';
import { fold } from '@shared/text/fold';
import { linkKeyOf } from './linkKey';
import { notePreview } from './notePreview';
import { wordFilterOfText } from './wordFilter';

/** One link of an indexed note: where it is, its parts as written, and its lookup key. */
export interface IndexedLink {
  start: number;
  end: number;
  target: string;
  heading: string | null;
  label: string | null;
  embed: boolean;
  escapedPipe: boolean;
  /** See linkKeyOf. */
  key: string;
}

/** What the index keeps of a note's text: never the text itself. */
export interface NoteAnalysis {
  links: IndexedLink[];
  /** Bloom filter of the note's folded words, for unlinked mentions. */
  words: Uint32Array;
  /** The first paragraph, shortened, for the `[[` menu. */
  preview: string;
}

/** The length of the one-line preview in the `[[` menu. */
export const SUGGESTION_PREVIEW_CHARS = 120;

/** Reads what the link index keeps of a note's text. */
export function analyzeNote(path: string, text: string): NoteAnalysis {
  const links = parseWikiLinks(text).map((link): IndexedLink => ({
    start: link.start,
    end: link.end,
    target: link.target,
    heading: link.heading,
    label: link.label,
    embed: link.embed,
    escapedPipe: link.escapedPipe,
    key: linkKeyOf(link.target, path),
  }));
  return {
    links,
    words: wordFilterOfText(fold(text)),
    preview: notePreview(text, SUGGESTION_PREVIEW_CHARS),
  };
}
