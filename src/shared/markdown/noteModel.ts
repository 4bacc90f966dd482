/**
 * The one note model: what a note's Markdown holds, as offsets into its text, read once
 * per version by {@link analyzeNote} and shared by every feature (the link index,
 * mentions, search fields, snippets, previews). Pure and shared, so the search worker
 * reads notes the same way the backend does.
 */
import type { WikiLink } from '../links/parseWikiLinks';

/**
 * Where a Markdown link to a note (`[text](Other%20Note.md#Part)`, `[t](<Other Note.md>)`)
 * keeps its path: `[pathStart, pathEnd)` is the path as written (before any `#`), so a
 * rename rewrites only that; `pointy` when it is written between `<` and `>`.
 */
export interface MarkdownLinkSyntax {
  readonly pathStart: number;
  readonly pathEnd: number;
  readonly pointy: boolean;
}

/**
 * One link of a note, of any form Obsidian counts: a wiki link or embed, a Markdown link
 * or image to a vault path (`markdown` set; `target` and `heading` are URL-decoded, `label`
 * is the link text as written), or a wiki link inside a front matter property value
 * (`property` true).
 */
export interface NoteLink extends WikiLink {
  readonly markdown?: MarkdownLinkSyntax;
  readonly property?: boolean;
}

/** A range `[start, end)` of the text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/**
 * What a reader calls "the paragraph around a link": the units a note's text is cut
 * into. A paragraph, one list item (its own lines, not the items nested under it), a
 * heading, a block quote, one table row; code, math, comments, HTML and front matter are
 * units of kind `code`/`frontMatter`, where no mention is looked for.
 */
export type BlockKind =
  'paragraph' | 'listItem' | 'heading' | 'quote' | 'tableRow' | 'footnote' | 'code' | 'frontMatter';

/** One block of a note (see BlockKind). */
export interface NoteBlock {
  kind: BlockKind;
  /** [start, end) offsets in the note's text (without the last line ending). */
  start: number;
  end: number;
  /** The headings above the block, outermost first, as plain text. */
  headingPath: readonly string[];
  /** For code blocks: `[start, end)` of the content inside the fences (equal to start/end otherwise). */
  contentStart: number;
  contentEnd: number;
  /** For code blocks, what they are: fenced or indented code, `$$` math, a `%%` comment, HTML, YAML. */
  syntax?: CodeSyntax;
}

export type CodeSyntax = 'fencedCode' | 'indentedCode' | 'math' | 'comment' | 'html' | 'yaml';

export interface NoteHeading {
  /** The heading as a reader sees it (markup and `#` markers removed). */
  text: string;
  level: number;
  start: number;
  end: number;
}

/** An inline `#tag`: `name` without the `#` (as written); `start` is the `#`. */
export interface NoteTag {
  name: string;
  start: number;
  end: number;
}

/** A block id, ` ^id` at the end of a block: `start` is the `^`. */
export interface NoteBlockId {
  id: string;
  start: number;
  end: number;
}

/** The front matter block: `[0, end)` of the text, delimiters and last line break included. */
export interface NoteFrontMatter {
  end: number;
  /** The block as written. */
  source: string;
}

/** The record analyzeNote builds (see the module doc); every list is in document order. */
export interface NoteModel {
  /** The text this model was read from. */
  readonly text: string;
  readonly frontMatter: NoteFrontMatter | null;
  /** Where the body (everything after the front matter) starts. */
  readonly bodyStart: number;
  readonly blocks: readonly NoteBlock[];
  readonly headings: readonly NoteHeading[];
  /**
   * Links as Obsidian counts them (see NoteLink), sorted: wiki links and Markdown links to
   * vault paths outside code and comments, and wiki links in front matter property values.
   * `text.slice(start, end) === source`.
   */
  readonly links: readonly NoteLink[];
  /** Inline tags in prose, outside code, links and comments. */
  readonly tags: readonly NoteTag[];
  readonly blockIds: readonly NoteBlockId[];
  /** Fenced and indented code blocks and inline code spans, disjoint and sorted. */
  readonly code: readonly TextRange[];
  /** `%%comments%%` (inline or block) outside code, disjoint and sorted. */
  readonly comments: readonly TextRange[];
}

/** The block holding `offset`, or null when it falls between blocks (blank lines, rules). */
export function blockAt(model: Pick<NoteModel, 'blocks'>, offset: number): NoteBlock | null {
  const blocks = model.blocks;
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  const block = blocks[low];
  return block && block.start <= offset && offset < block.end ? block : null;
}

/** True when `offset` lies inside one of `ranges` (disjoint and sorted, as the model's). */
export function isInRanges(ranges: readonly TextRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (range.end <= offset) low = middle + 1;
    else if (range.start > offset) high = middle;
    else return true;
  }
  return false;
}
