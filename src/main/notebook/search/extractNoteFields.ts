import { splitFrontMatter } from '@shared/markdown/frontMatter';

/** Bump when the extraction rules change: search caches built with other rules are rebuilt. */
export const EXTRACTOR_VERSION = 1;

/** What search indexes from a note's Markdown, besides its title and front matter fields. */
export interface NoteFields {
  /** Heading texts (ATX `#` and setext), without their markers. */
  headings: string[];
  /** Everything else after the front matter, code included, one line per line. */
  body: string;
  /** Inline `#tags` outside code, without '#', as written. */
  inlineTags: string[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^ {0,3}>|^ {0,3}(?:`{3,}|~{3,})|^ {0,3}#{1,6}(?:[ \t]|$)/;
// Obsidian's tag syntax (as in the dialect): after whitespace, `(` or `[`, or at the start; not all digits.
const INLINE_TAG = /(?:^|[\s([])#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const INLINE_CODE = /`+[^`]*`+/g;

/**
 * Splits a note's Markdown into what search weighs differently: headings, body, inline
 * tags. A light line scanner, not a full parser: it knows front matter, fenced code (no
 * headings or tags inside), ATX and setext headings; everything else is body text, where
 * the tokenizer ignores Markdown punctuation anyway. Linear; never throws.
 */
export function extractNoteFields(markdown: string): NoteFields {
  const { body: text } = splitFrontMatter(markdown);
  const lines = text.split(/\r?\n/);
  const headings: string[] = [];
  const body: string[] = [];
  const inlineTags: string[] = [];
  let fence: string | null = null;
  // Whether the previous line was paragraph text a setext underline could turn into a heading.
  let paragraphLine = false;

  for (const line of lines) {
    if (fence !== null) {
      body.push(line);
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) {
        fence = null;
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1]!;
      paragraphLine = false;
      continue;
    }
    if (paragraphLine && SETEXT.test(line)) {
      headings.push(body.pop()!.trim());
      paragraphLine = false;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const heading = atx[2]!.trim();
      if (heading !== '' && !/^#+$/.test(heading)) headings.push(heading);
      paragraphLine = false;
      continue;
    }
    body.push(line);
    if (BLANK.test(line)) {
      paragraphLine = false;
      continue;
    }
    paragraphLine = !BLOCK_START.test(line);
    if (line.includes('#')) {
      const withoutCode = line.replace(INLINE_CODE, ' ');
      for (const match of withoutCode.matchAll(INLINE_TAG)) {
        const tag = match[1]!.replace(/\/+$/, '');
        if (tag !== '' && !/^[0-9]+$/.test(tag)) inlineTags.push(tag);
      }
    }
  }
  return { headings, body: body.join('\n'), inlineTags };
}
