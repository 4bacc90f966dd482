/**
 * The document model of the Markdown dialect: what the editor can represent, independent
 * of Lexical. The importer parses Markdown into it, the exporter serializes it back, and
 * the editor adapter maps it one to one onto Lexical nodes.
 */

/** Inline format bits; the same values as Lexical's text format bits. */
export const FORMAT_BOLD = 1;
export const FORMAT_ITALIC = 2;
export const FORMAT_STRIKETHROUGH = 4;
export const FORMAT_CODE = 16;
/** Obsidian's highlight `==text==` (Lexical's `highlight` format). */
export const FORMAT_HIGHLIGHT = 128;
/** Every format the dialect can write; any other bit is dropped on save. */
export const SUPPORTED_FORMATS = FORMAT_BOLD | FORMAT_ITALIC | FORMAT_STRIKETHROUGH | FORMAT_CODE | FORMAT_HIGHLIGHT;

/** A run of text with one set of formats. Constructs the editor does not model are plain text. */
export interface TextInline {
  readonly type: 'text';
  readonly text: string;
  readonly format: number;
}

/**
 * A line break inside a block. `marker` is how a hard break was written (`'  '` or more
 * spaces, or `'\\'`); `''` is a soft break (a plain line ending).
 */
export interface BreakInline {
  readonly type: 'break';
  readonly marker: string;
}

/** A link to an http, https or mailto URL. `autolink` when written `<https://…>`. */
export interface LinkInline {
  readonly type: 'link';
  readonly url: string;
  readonly title: string | null;
  readonly autolink: boolean;
  readonly children: readonly InlineNode[];
}

/**
 * An Obsidian wiki link `[[target#heading|label]]`, each part exactly as written (not
 * trimmed), read and written by `@shared/links` (`scanWikiLinks`, `formatWikiLink`), so the
 * editor and the backend's link index see the same links. An embed `![[…]]` is not a
 * link: it stays literal text.
 */
export interface WikiLinkInline {
  readonly type: 'wikilink';
  /** What the link points at ('' for a heading of the same note, `[[#Heading]]`). */
  readonly target: string;
  readonly heading: string | null;
  readonly label: string | null;
  /** The label separator was written `\|` (Obsidian's spelling inside a table cell). */
  readonly escapedPipe: boolean;
  /** Emphasis around the whole link (`**[[x]]**`); never inline code. */
  readonly format: number;
  /**
   * For a Markdown link to a vault path (`[label](Other%20Note.md#Part)`), the link exactly
   * as written, which is what is saved; `target` and `heading` are then URL-decoded and
   * `label` is the link text. Null or absent for a wiki link.
   */
  readonly markdown?: string | null;
  /**
   * An image embed of the vault (`![[x.png|200]]`, `![alt](sub/x%20y.png)`), shown inline;
   * `markdown` is then its source, `target` the image path, `label` its size or alt text.
   */
  readonly image?: boolean;
}

export type InlineNode = TextInline | BreakInline | LinkInline | WikiLinkInline;

/**
 * Text in a block that looks like a construct the parser keeps literal (`[[x]]`, `$x$`,
 * `#tag`…) but was written escaped (`\[\[x\]\]`), so it is not one: saved escaped again.
 */
export type EscapedLiterals = readonly string[];

export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly children: readonly InlineNode[];
  readonly escaped?: EscapedLiterals | undefined;
}

export interface HeadingBlock {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3 | 4 | 5 | 6;
  readonly children: readonly InlineNode[];
  readonly escaped?: EscapedLiterals | undefined;
}

/** A block quote of inline content; an empty line between paragraphs is two soft breaks. */
export interface QuoteBlock {
  readonly type: 'quote';
  readonly children: readonly InlineNode[];
  readonly escaped?: EscapedLiterals | undefined;
}

export interface CodeBlock {
  readonly type: 'code';
  /** First word of the info string ('' for none). */
  readonly language: string;
  /** The rest of the info string (e.g. `title="x"`). */
  readonly meta: string;
  /** The opening fence as written ("```", "~~~~"); "```" for indented code. */
  readonly fence: string;
  /** The code, lines joined with `\n`. */
  readonly text: string;
}

export interface RuleBlock {
  readonly type: 'rule';
}

/** What a raw block holds, for its label. */
export type RawKind =
  | 'html'
  | 'math'
  | 'comment'
  | 'footnote'
  | 'definition'
  | 'table'
  | 'callout'
  | 'quote'
  | 'list'
  | 'embed'
  | 'blockId'
  | 'yaml'
  /** A block too long to format (see MAX_FORMATTED_LINE, MAX_FORMATTED_BLOCK). */
  | 'long'
  | 'markdown';

/** Markdown the editor does not model, kept verbatim (lines joined with `\n`). */
export interface RawBlock {
  readonly type: 'raw';
  readonly kind: RawKind;
  readonly text: string;
}

export type ListType = 'bullet' | 'number' | 'check';

/**
 * How a list item was written, so an edited item keeps its marker, indentation and
 * spacing, and an unchanged one is written back verbatim.
 */
export interface ListItemOrigin {
  /** The item's own lines as written (not its nested lists), with their line endings. */
  readonly source: string;
  /** `listItemSignature` of the item right after import. */
  readonly signature: string;
  /** Nesting depth of the item right after import (0 for a top-level item). */
  readonly depth: number;
  /** Indentation before the marker, as written. */
  readonly indent: string;
  /** The marker as written ("-", "*", "3." …). */
  readonly marker: string;
  /** Whitespace after the marker, as written. */
  readonly gap: string;
  /** The box as written for a task item ("[ ]", "[x]", "[X]", or another mark such as "[?]"), '' otherwise. */
  readonly checkbox: string;
  /** Whitespace after the checkbox, as written. */
  readonly checkboxGap: string;
}

export interface ListItemEntry {
  readonly kind: 'item';
  readonly checked: boolean;
  readonly children: readonly InlineNode[];
  readonly escaped?: EscapedLiterals | undefined;
  readonly origin?: ListItemOrigin | undefined;
}

/** A nested list; it belongs to the item entry before it. */
export interface NestedListEntry {
  readonly kind: 'nested';
  readonly list: ListBlock;
}

export type ListEntry = ListItemEntry | NestedListEntry;

export interface ListBlock {
  readonly type: 'list';
  readonly listType: ListType;
  /** Number of the first item of a numbered list (1 otherwise). */
  readonly start: number;
  readonly entries: readonly ListEntry[];
}

export type TableAlign = 'left' | 'center' | 'right' | null;

/** A GFM table row: one inline content per cell. */
export interface TableRow {
  readonly cells: readonly (readonly InlineNode[])[];
  /** The row's line as written and its `tableRowSignature` at import: unchanged rows are written verbatim. */
  readonly origin?: { readonly source: string; readonly signature: string } | undefined;
}

/** A GFM table: the first row is the header. */
export interface TableBlock {
  readonly type: 'table';
  readonly align: readonly TableAlign[];
  readonly rows: readonly TableRow[];
  /** The delimiter row as written, kept while the columns and their alignment do not change. */
  readonly delimiter?: string | undefined;
}

/**
 * An Obsidian callout `> [!type]± Title` and its body: the blocks of the quote's content
 * after the header line (nested callouts included).
 */
export interface CalloutBlock {
  readonly type: 'callout';
  /** The type as written (`note`, `TIP`, `faq`…); see `calloutKind` for its look. */
  readonly calloutType: string;
  /** '' not foldable, '+' open by default, '-' folded by default. */
  readonly fold: '' | '+' | '-';
  readonly title: readonly InlineNode[];
  readonly titleEscaped?: EscapedLiterals | undefined;
  readonly body: readonly BlockNode[];
}

export type BlockNode =
  ParagraphBlock | HeadingBlock | QuoteBlock | CodeBlock | RuleBlock | RawBlock | ListBlock | TableBlock | CalloutBlock;
