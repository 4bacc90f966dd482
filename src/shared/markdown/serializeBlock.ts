/**
 * Writes blocks of the model as Markdown in the dialect's spellings (see `dialect.ts`),
 * and checks that what it wrote reads back to the same content.
 */
import { DEFAULT_BULLET, DEFAULT_FENCE, DEFAULT_ORDERED_DELIMITER, THEMATIC_BREAK } from './dialect';
import type { LinkUrlPolicy } from './linkPolicy';
import { matchTableDelimiterRow } from './blockSyntax';
import { trimTrailing } from './lines';
import type {
  BlockNode,
  CalloutBlock,
  CodeBlock,
  ListBlock,
  ListItemEntry,
  TableAlign,
  TableBlock,
  TableRow,
} from './model';
import { parseDocument } from './parseDocument';
import { listItemSignature, serializeTableCell, tableRowSignature } from './blockSignatures';
import { comparableInline, inlineEqual } from './canonicalInline';
import { serializeInline } from './serializeInline';
import { formatCalloutHeader } from './callouts';

export interface BlockSerializeOptions {
  /** Escape all ASCII punctuation in text (the fallback form). */
  readonly strict?: boolean;
  /** The link policy the parser uses. */
  readonly isAllowedLinkUrl?: LinkUrlPolicy;
}

/** Serializes one block (no trailing line ending). An empty paragraph gives ''. */
export function serializeBlock(block: BlockNode, options: BlockSerializeOptions = {}): string {
  switch (block.type) {
    case 'paragraph':
      return serializeInline(block.children, { ...options, escaped: block.escaped });
    case 'heading': {
      const content = serializeInline(block.children, { ...options, container: 'heading', escaped: block.escaped });
      const hashes = '#'.repeat(block.level);
      return content === '' ? hashes : `${hashes} ${content}`;
    }
    case 'quote': {
      const content = serializeInline(block.children, { ...options, container: 'quote', escaped: block.escaped });
      return content
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'code':
      return serializeCode(block);
    case 'rule':
      return THEMATIC_BREAK;
    case 'raw':
      return block.text;
    case 'list':
      return listChunks(block, { ...options, useOrigins: false })
        .map((chunk) => chunk.text)
        .join('\n');
    case 'table':
      return tableLines(block, { ...options, useOrigins: false }).join('\n');
    case 'callout':
      return serializeCallout(block, options);
  }
}

/** `> [!type]± Title`, then the body's blocks, every line prefixed `> ` (`>` when empty). */
function serializeCallout(block: CalloutBlock, options: BlockSerializeOptions): string {
  const title = serializeInline(block.title, { ...options, container: 'heading', escaped: block.titleEscaped });
  const lines = [formatCalloutHeader(block.calloutType, block.fold, title)];
  const body = block.body
    .map((child) => serializeBlock(child, options))
    .filter((text) => text !== '')
    .join('\n\n');
  if (body !== '') for (const line of body.split('\n')) lines.push(line === '' ? '>' : `> ${line}`);
  return lines.join('\n');
}

function delimiterCell(align: TableAlign): string {
  return align === 'center' ? ':---:' : align === 'left' ? ':---' : align === 'right' ? '---:' : '---';
}

/**
 * The lines of a table. With origins, unchanged rows and an unchanged delimiter row are
 * their original text; other rows are written `| a | b |`.
 */
export function tableLines(table: TableBlock, options: ListSerializeOptions): string[] {
  // The width is the rows' (a column deleted in the editor leaves its alignment behind).
  const columns = Math.max(1, ...table.rows.map((row) => row.cells.length));
  const align = [...table.align.slice(0, columns)];
  while (align.length < columns) align.push(null);
  const rowLine = (row: TableRow): string => {
    const signature = tableRowSignature(row, columns, options);
    if (options.useOrigins && row.origin && row.origin.signature === signature) return row.origin.source;
    const cells = row.cells.slice(0, columns).map((cell) => serializeTableCell(cell, options));
    while (cells.length < columns) cells.push('');
    return `| ${cells.join(' | ')} |`;
  };
  const [header = { cells: [] }, ...body] = table.rows;
  const original = options.useOrigins && table.delimiter !== undefined ? matchTableDelimiterRow(table.delimiter) : null;
  const delimiter =
    original && original.length === columns && original.every((value, index) => value === align[index])
      ? table.delimiter!
      : `| ${align.map(delimiterCell).join(' | ')} |`;
  return [rowLine(header), delimiter, ...body.map(rowLine)];
}

function serializeCode(block: CodeBlock): string {
  const info = block.language === '' ? '' : block.language + (block.meta === '' ? '' : ` ${block.meta}`);
  let char = block.fence.startsWith('~') ? '~' : DEFAULT_FENCE[0]!;
  if (char === '`' && info.includes('`')) char = '~';
  let length = block.fence[0] === char ? Math.max(3, block.fence.length) : 3;
  const closing = char === '`' ? /^ {0,3}(`{3,})[ \t]*$/gm : /^ {0,3}(~{3,})[ \t]*$/gm;
  for (const match of block.text.matchAll(closing)) length = Math.max(length, match[1]!.length + 1);
  const fence = char.repeat(length);
  return `${fence}${info}\n${block.text === '' ? '' : `${block.text}\n`}${fence}`;
}

/** The text written for one list item (its own lines, not its nested lists). */
export interface ListChunk {
  readonly entry: ListItemEntry;
  readonly text: string;
  /** True when `text` is the item's original source (it did not change). */
  readonly verbatim: boolean;
}

export interface ListSerializeOptions extends BlockSerializeOptions {
  /** Write unchanged items verbatim and edited ones in their original style. */
  readonly useOrigins: boolean;
}

interface ItemStyle {
  readonly indent: string;
  readonly bullet: string;
  readonly delimiter: string;
  readonly gap: string;
  readonly checkboxGap: string;
  /** Width of the marker (for the content column). */
  readonly markerLength: number;
}

/** The items of a list (nested ones included, in document order), one chunk each. */
export function listChunks(list: ListBlock, options: ListSerializeOptions): ListChunk[] {
  const chunks: ListChunk[] = [];
  appendChunks(list, options, 0, '', chunks);
  return chunks;
}

function styleOf(entry: ListItemEntry | undefined): Omit<ItemStyle, 'indent' | 'markerLength'> | null {
  const origin = entry?.origin;
  if (!origin) return null;
  const ordered = /^[0-9]+([.)])$/.exec(origin.marker);
  return {
    bullet: ordered ? DEFAULT_BULLET : origin.marker,
    delimiter: ordered ? ordered[1]! : DEFAULT_ORDERED_DELIMITER,
    gap: origin.gap === '' ? ' ' : origin.gap,
    checkboxGap: origin.checkboxGap === '' ? ' ' : origin.checkboxGap,
  };
}

function appendChunks(
  list: ListBlock,
  options: ListSerializeOptions,
  depth: number,
  parentContentIndent: string,
  chunks: ListChunk[],
): void {
  let index = 0;
  let previous: ItemStyle | null = null;
  let contentIndent = `${parentContentIndent}  `;
  const siblings = list.entries.filter((entry): entry is ListItemEntry => entry.kind === 'item');
  for (const entry of list.entries) {
    if (entry.kind === 'nested') {
      appendChunks(entry.list, options, depth + 1, contentIndent, chunks);
      continue;
    }
    const signature = listItemSignature(entry, list, depth, index === 0, options);
    const origin = options.useOrigins ? entry.origin : undefined;
    let style: ItemStyle;
    if (origin && origin.signature === signature) {
      chunks.push({ entry, text: origin.source, verbatim: true });
      style = { ...styleOf(entry)!, indent: origin.indent, markerLength: origin.marker.length };
    } else {
      const own = options.useOrigins ? styleOf(entry) : null;
      const sibling = options.useOrigins ? styleOf(siblings.find((candidate) => candidate.origin)) : null;
      const base = own ?? previous ?? sibling;
      const indent =
        origin && origin.depth === depth
          ? origin.indent
          : previous
            ? previous.indent
            : depth === 0
              ? ''
              : parentContentIndent;
      const ordered = list.listType === 'number';
      const marker = ordered
        ? `${list.start + index}${base?.delimiter ?? DEFAULT_ORDERED_DELIMITER}`
        : (base?.bullet ?? DEFAULT_BULLET);
      const gap = base?.gap ?? ' ';
      let prefix = `${indent}${marker}${gap}`;
      if (list.listType === 'check') {
        // A done task keeps the mark it was written with (`[X]`, Obsidian's `[?]`, `[-]`…).
        const written = origin?.checkbox;
        const box = entry.checked ? (written && written !== '[ ]' ? written : '[x]') : '[ ]';
        prefix += `${box}${base?.checkboxGap ?? ' '}`;
      }
      const continuation = `${indent}${' '.repeat(marker.length)}${gap}`;
      const lines = serializeInline(entry.children, { ...options, escaped: entry.escaped }).split('\n');
      const text = trimTrailing(
        lines
          .map((line, lineIndex) => (lineIndex === 0 ? prefix + line : line === '' ? '' : continuation + line))
          .join('\n'),
      );
      chunks.push({ entry, text, verbatim: false });
      style = {
        indent,
        bullet: base?.bullet ?? DEFAULT_BULLET,
        delimiter: base?.delimiter ?? '.',
        gap,
        checkboxGap: base?.checkboxGap ?? ' ',
        markerLength: marker.length,
      };
    }
    previous = style;
    contentIndent = `${style.indent}${' '.repeat(style.markerLength)}${style.gap}`;
    index++;
  }
}

/** True when two blocks hold the same content (spellings and dropped whitespace aside). */
export function blockEquivalent(a: BlockNode, b: BlockNode): boolean {
  switch (a.type) {
    case 'paragraph':
    case 'quote':
      return (
        b.type === a.type && inlineEqual(comparableInline(a.children, a.type), comparableInline(b.children, a.type))
      );
    case 'heading':
      return (
        b.type === 'heading' &&
        a.level === b.level &&
        inlineEqual(comparableInline(a.children, 'heading'), comparableInline(b.children, 'heading'))
      );
    case 'code':
      return b.type === 'code' && a.language === b.language && a.meta === b.meta && a.text === b.text;
    case 'rule':
      return b.type === 'rule';
    case 'raw':
      return b.type === 'raw' && a.text === b.text;
    case 'list':
      return b.type === 'list' && listEquivalent(a, b);
    case 'table':
      return b.type === 'table' && tableEquivalent(a, b);
    case 'callout':
      return b.type === 'callout' && calloutEquivalent(a, b);
  }
}

function calloutEquivalent(a: CalloutBlock, b: CalloutBlock): boolean {
  const body = (block: CalloutBlock) => block.body.filter((child) => !isEmptyBlock(child));
  const [x, y] = [body(a), body(b)];
  return (
    a.calloutType === b.calloutType &&
    a.fold === b.fold &&
    inlineEqual(comparableInline(a.title, 'heading'), comparableInline(b.title, 'heading')) &&
    x.length === y.length &&
    x.every((child, index) => blockEquivalent(child, y[index]!))
  );
}

function tableEquivalent(a: TableBlock, b: TableBlock): boolean {
  const columns = Math.max(a.align.length, b.align.length);
  for (let column = 0; column < columns; column++)
    if ((a.align[column] ?? null) !== (b.align[column] ?? null)) return false;
  if (a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, index) => {
    const other = b.rows[index]!;
    for (let column = 0; column < columns; column++) {
      const x = comparableInline(row.cells[column] ?? [], 'heading');
      const y = comparableInline(other.cells[column] ?? [], 'heading');
      if (!inlineEqual(x, y)) return false;
    }
    return true;
  });
}

function listEquivalent(a: ListBlock, b: ListBlock): boolean {
  if (a.listType !== b.listType || a.entries.length !== b.entries.length) return false;
  if (a.listType === 'number' && a.start !== b.start) return false;
  return a.entries.every((entry, index) => {
    const other = b.entries[index]!;
    if (entry.kind === 'nested') return other.kind === 'nested' && listEquivalent(entry.list, other.list);
    return (
      other.kind === 'item' &&
      (a.listType !== 'check' || entry.checked === other.checked) &&
      inlineEqual(comparableInline(entry.children), comparableInline(other.children))
    );
  });
}

/** True when `markdown` parses to exactly one block equivalent to `block`. */
export function readsBackAs(markdown: string, block: BlockNode, options: BlockSerializeOptions = {}): boolean {
  const parsed = parseDocument(markdown, { isAllowedLinkUrl: options.isAllowedLinkUrl });
  if (parsed.blocks.length === 0) return isEmptyBlock(block);
  return parsed.blocks.length === 1 && blockEquivalent(parsed.blocks[0]!.block, block);
}

function isEmptyBlock(block: BlockNode): boolean {
  return block.type === 'paragraph' && comparableInline(block.children).length === 0;
}

/**
 * Serializes a block for saving: the minimal form when it reads back to the same
 * content, else the strict (fully escaped) form. Some content has no exact Markdown form
 * (e.g. an empty line inside a paragraph); it is then written as closely as possible.
 */
export function writeBlock(block: BlockNode, options: BlockSerializeOptions = {}): string {
  const minimal = serializeBlock(block, { ...options, strict: false });
  if (readsBackAs(minimal, block, options)) return minimal;
  const strict = serializeBlock(block, { ...options, strict: true });
  return readsBackAs(strict, block, options) ? strict : minimal;
}
