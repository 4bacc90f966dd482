/**
 * Parses a Markdown note body into the dialect's block model, remembering where every
 * block (and every list item) came from so that what is not edited can be written back
 * byte for byte. Blocks the editor cannot represent become raw blocks holding their
 * exact text. Never throws: a block that fails to convert is kept raw.
 */
import {
  isBlockIdLine,
  isLinkReferenceDefinitionStart,
  matchAtxHeading,
  matchFenceOpen,
  setextLevel,
  startsBlockConstruct,
} from './blockSyntax';
import { attachmentKindOf } from '../domain/attachments';
import { scanWikiLinks } from '../links/parseWikiLinks';
import { dominantLineEnding, isBlankLine, type Line, stripColumns } from './lines';
import type { BlockNode, CalloutBlock, InlineNode, ListBlock, ListItemEntry, RawKind } from './model';
import { matchCalloutHeader } from './callouts';
import { type InlineContent, type InlineParseOptions, parseInlineContent } from './parseInline';
import { parseListBlock, type ParsedListItem } from './parseList';
import { parseTable } from './parseTable';
import { type BlockScan, scanBlocks, type ScannedBlock } from './scanBlocks';
import { listItemSignature } from './blockSignatures';

export type DocumentParseOptions = InlineParseOptions;

/**
 * A block holding a line longer than this is kept as a raw block of kind 'long' instead of
 * being formatted (about 3,000 words without a line break). Formatting costs time in
 * proportion to the line, with a large factor on contrived input (thousands of `[a](`),
 * and the browser lays the whole run out again on every keystroke in it: a 10 MB single
 * line would freeze the app for seconds. The raw block shows it as text, in pieces only
 * laid out when in view, and keeps it byte for byte.
 */
export const MAX_FORMATTED_LINE = 20_000;

/**
 * A paragraph, heading, quote or code block longer than this is kept raw (kind 'long') for
 * the same reason: each is one flow of text. Lists and tables are not limited by their
 * length (each item and row is laid out on its own), only by MAX_FORMATTED_LINE.
 */
export const MAX_FORMATTED_BLOCK = 50_000;

const FLOW_BLOCKS: ReadonlySet<string> = new Set([
  'paragraph',
  'heading',
  'setextHeading',
  'blockquote',
  'fencedCode',
  'indentedCode',
]);

/** A top-level block of the parsed document. */
export interface ParsedBlock {
  readonly block: BlockNode;
  /** Text range of the block (for a list: from its first item to the end of its last). */
  readonly start: number;
  readonly end: number;
  /** A fenced code block without its closing fence (it ran to the end of the text). */
  readonly openEnded: boolean;
}

/**
 * A unit of fidelity: a top-level block other than a list, or a list item. Units are in
 * document order, their ranges do not overlap, and only blank lines lie between them.
 */
export interface ParsedUnit {
  readonly start: number;
  readonly end: number;
  readonly block: ParsedBlock;
  /** The list item this unit is, for units inside lists. */
  readonly item?: ListItemEntry;
}

export interface ParsedDocument {
  readonly blocks: readonly ParsedBlock[];
  readonly units: readonly ParsedUnit[];
  /** The line ending the text mostly uses. */
  readonly eol: string;
}

/** Parses a note body (no front matter) into blocks and units. */
export function parseDocument(text: string, options: DocumentParseOptions = {}): ParsedDocument {
  const parser = new DocumentParser(text, options);
  parser.step();
  return { blocks: parser.blocks, units: parser.units, eol: parser.eol };
}

/**
 * Parses a note body a few blocks at a time, so a long note can be loaded without holding
 * the main thread. Once `done`, `blocks` and `units` are exactly what `parseDocument`
 * returns. While parsing, every block but the last is final (`settled`): the last one may
 * still grow, when it is a list and the next block is a list of the same kind.
 */
export class DocumentParser {
  /** The line ending the text mostly uses. */
  readonly eol: string;
  readonly blocks: ParsedBlock[] = [];
  readonly units: ParsedUnit[] = [];
  private readonly scan: BlockScan;
  private next = 0;
  /** Blocks before this index have their list items signed. */
  private signed = 0;

  constructor(
    private readonly text: string,
    private readonly options: DocumentParseOptions = {},
  ) {
    this.scan = scanBlocks(text);
    this.eol = dominantLineEnding(text);
  }

  /** True once every block is parsed. */
  get done(): boolean {
    return this.next >= this.scan.blocks.length;
  }

  /** How many of `blocks` can no longer change. */
  get settled(): number {
    return this.done ? this.blocks.length : Math.max(0, this.blocks.length - 1);
  }

  /** Where the text not parsed yet begins. */
  get parsedTo(): number {
    return this.next === 0 ? 0 : this.scan.blocks[this.next - 1]!.end;
  }

  /**
   * Parses blocks, at least one, until `hasTime()` says to stop or the text is done.
   * Returns `done`.
   */
  step(hasTime: () => boolean = () => true): boolean {
    while (!this.done) {
      this.add(this.scan.blocks[this.next++]!);
      // Item signatures depend on the item's depth and place in its list: only a list
      // that can no longer grow is signed.
      for (; this.signed < this.settled; this.signed++) {
        const parsed = this.blocks[this.signed]!;
        if (parsed.block.type === 'list') signList(parsed.block, this.options);
      }
      if (!hasTime()) break;
    }
    return this.done;
  }

  private add(scanned: ScannedBlock): void {
    const { text, blocks, units } = this;
    const items: ParsedListItem[] = [];
    let converted: ParsedBlock[];
    try {
      converted = convertBlock(text, this.scan.lines, scanned, this.options, items);
    } catch {
      converted = [raw(text, this.scan.lines, scanned, 'markdown')];
      items.length = 0;
    }
    for (const parsed of converted) {
      const previous = blocks[blocks.length - 1];
      if (
        parsed.block.type === 'list' &&
        previous?.block.type === 'list' &&
        previous.block.listType === parsed.block.listType
      ) {
        // Adjacent lists of one kind are one list in the editor (Lexical merges them).
        const merged: ParsedBlock = {
          block: { ...previous.block, entries: [...previous.block.entries, ...parsed.block.entries] },
          start: previous.start,
          end: parsed.end,
          openEnded: false,
        };
        blocks[blocks.length - 1] = merged;
        for (let index = units.length - 1; index >= 0 && units[index]!.block === previous; index--) {
          units[index] = { ...units[index]!, block: merged };
        }
        pushListUnits(units, merged, items, parsed.block);
      } else {
        blocks.push(parsed);
        if (parsed.block.type === 'list') pushListUnits(units, parsed, items, parsed.block);
        else units.push({ start: parsed.start, end: parsed.end, block: parsed });
      }
    }
  }
}

/** Adds a unit for every item of `list` (in document order) that was read into `items`. */
function pushListUnits(
  units: ParsedUnit[],
  block: ParsedBlock,
  items: readonly ParsedListItem[],
  list: ListBlock,
): void {
  const inList = new Set<ListItemEntry>();
  collectItems(list, inList);
  for (const item of items) {
    if (inList.has(item.entry)) units.push({ start: item.start, end: item.end, block, item: item.entry });
  }
}

function collectItems(list: ListBlock, into: Set<ListItemEntry>): void {
  for (const entry of list.entries) {
    if (entry.kind === 'item') into.add(entry);
    else collectItems(entry.list, into);
  }
}

/** Fills in the signature of every item's origin (it depends on depth and position). */
function signList(list: ListBlock, options: InlineParseOptions, depth = 0): void {
  let first = true;
  for (const entry of list.entries) {
    if (entry.kind === 'nested') {
      signList(entry.list, options, depth + 1);
      continue;
    }
    // The origin was created by this parse, so filling it in place is safe.
    if (entry.origin) {
      const origin = entry.origin as { signature: string; depth: number };
      origin.signature = listItemSignature(entry, list, depth, first, options);
      origin.depth = depth;
    }
    first = false;
  }
}

function sliceLines(lines: readonly Line[], from: number, to: number): string[] {
  const result: string[] = [];
  for (let index = from; index < to; index++) result.push(lines[index]!.text);
  return result;
}

function raw(text: string, lines: readonly Line[], scanned: ScannedBlock, kind: RawKind): ParsedBlock {
  return {
    block: { type: 'raw', kind, text: sliceLines(lines, scanned.startLine, scanned.endLine).join('\n') },
    start: scanned.start,
    end: scanned.end,
    openEnded: false,
  };
}

function convertBlock(
  text: string,
  lines: readonly Line[],
  scanned: ScannedBlock,
  options: InlineParseOptions,
  items: ParsedListItem[],
): ParsedBlock[] {
  const single = (block: BlockNode, openEnded = false): ParsedBlock[] => [
    { block, start: scanned.start, end: scanned.end, openEnded },
  ];
  if (isTooLong(lines, scanned)) return [raw(text, lines, scanned, 'long')];
  const contentLines = sliceLines(lines, scanned.startLine, scanned.endLine);
  switch (scanned.kind) {
    case 'paragraph': {
      const kind = rawParagraphKind(contentLines);
      if (kind) return [raw(text, lines, scanned, kind)];
      return single({ type: 'paragraph', ...withEscaped(parseInlineContent(contentLines.join('\n'), options)) });
    }
    case 'heading': {
      const heading = matchAtxHeading(contentLines[0]!)!;
      return single({
        type: 'heading',
        level: heading.level,
        ...withEscaped(parseInlineContent(heading.content, options, 'heading')),
      });
    }
    case 'setextHeading': {
      const level = setextLevel(contentLines[contentLines.length - 1]!) as 1 | 2;
      const headingLines = contentLines.slice(0, -1);
      if (rawParagraphKind(headingLines)) return [raw(text, lines, scanned, 'markdown')];
      return single({
        type: 'heading',
        level,
        ...withEscaped(parseInlineContent(headingLines.join('\n'), options, 'heading')),
      });
    }
    case 'thematicBreak':
      return single({ type: 'rule' });
    case 'fencedCode': {
      const fence = matchFenceOpen(contentLines[0]!)!;
      const body = contentLines
        .slice(1, scanned.closed ? -1 : undefined)
        .map((line) => stripColumns(line, fence.indent));
      const info = fence.info;
      const space = info.search(/[ \t]/);
      return single(
        {
          type: 'code',
          language: space < 0 ? info : info.slice(0, space),
          meta: space < 0 ? '' : info.slice(space).trim(),
          fence: fence.fence,
          text: body.join('\n'),
        },
        !scanned.closed,
      );
    }
    case 'indentedCode':
      return single({
        type: 'code',
        language: '',
        meta: '',
        fence: '```',
        text: contentLines.map((line) => stripColumns(line, 4)).join('\n'),
      });
    case 'blockquote':
      return [convertQuote(text, lines, scanned, contentLines, options)];
    case 'list': {
      const lists = parseListBlock(text, lines, scanned.startLine, scanned.endLine, options, items);
      if (lists === null) {
        items.length = 0;
        return [raw(text, lines, scanned, 'list')];
      }
      return lists.map((list) => {
        const own = items.filter((item) => listContains(list, item.entry));
        return { block: list, start: own[0]!.start, end: own[own.length - 1]!.end, openEnded: false };
      });
    }
    case 'html':
      return [raw(text, lines, scanned, 'html')];
    case 'table': {
      const table = parseTable(lines, scanned.startLine, scanned.endLine, options);
      return table === null ? [raw(text, lines, scanned, 'table')] : single(table);
    }
    case 'math':
      return [raw(text, lines, scanned, 'math')];
    case 'comment':
      return [raw(text, lines, scanned, 'comment')];
    case 'footnote':
      return [raw(text, lines, scanned, 'footnote')];
    case 'yaml':
      return [raw(text, lines, scanned, 'yaml')];
  }
}

/** True for a block too long to format (see MAX_FORMATTED_LINE and MAX_FORMATTED_BLOCK). */
function isTooLong(lines: readonly Line[], scanned: ScannedBlock): boolean {
  if (FLOW_BLOCKS.has(scanned.kind) && scanned.end - scanned.start > MAX_FORMATTED_BLOCK) return true;
  if (scanned.end - scanned.start <= MAX_FORMATTED_LINE) return false;
  for (let index = scanned.startLine; index < scanned.endLine; index++) {
    if (lines[index]!.text.length > MAX_FORMATTED_LINE) return true;
  }
  return false;
}

/** Inline content for a block model: the escaped literals only when there are some. */
function withEscaped(parsed: InlineContent): { children: InlineNode[]; escaped?: string[] } {
  return parsed.escaped.length > 0
    ? { children: parsed.children, escaped: parsed.escaped }
    : { children: parsed.children };
}

function listContains(list: ListBlock, item: ListItemEntry): boolean {
  return list.entries.some((entry) => (entry.kind === 'item' ? entry === item : listContains(entry.list, item)));
}

/** Paragraphs that are really something else: definitions, lone embeds, lone block ids. */
function rawParagraphKind(lines: readonly string[]): RawKind | null {
  const first = lines[0] ?? '';
  if (isLinkReferenceDefinitionStart(first)) return 'definition';
  if (lines.length === 1 && isBlockIdLine(first)) return 'blockId';
  if (lines.every((line) => /^[ \t]*(?:!\[\[[^\]\n]+\]\][ \t]*)+$/.test(line))) {
    // Lone images and attachments are a paragraph of them (shown inline); other embeds stay raw.
    const embeds = lines.flatMap((line) => scanWikiLinks(line));
    return embeds.every((link) => link.embed && link.heading === null && attachmentKindOf(link.target) !== null)
      ? null
      : 'embed';
  }
  return null;
}

/** Callouts nested deeper than this stay raw (each level parses its body again). */
const MAX_CALLOUT_DEPTH = 8;
let calloutDepth = 0;

/**
 * A callout from its quote's contents (the lines without their `> `): the header line,
 * then the body parsed as a document of its own. Null when it is not one the editor
 * models (no header on the first line, or nested too deep).
 */
function convertCallout(contents: readonly string[], options: InlineParseOptions): CalloutBlock | null {
  const header = matchCalloutHeader(contents[0] ?? '');
  if (header === null || calloutDepth >= MAX_CALLOUT_DEPTH) return null;
  calloutDepth++;
  try {
    const title = parseInlineContent(header.title, options, 'heading');
    const body = parseDocument(contents.slice(1).join('\n'), options).blocks.map((parsed) => parsed.block);
    return {
      type: 'callout',
      calloutType: header.type,
      fold: header.fold,
      title: title.children,
      ...(title.escaped.length > 0 ? { titleEscaped: title.escaped } : {}),
      body,
    };
  } finally {
    calloutDepth--;
  }
}

function convertQuote(
  text: string,
  lines: readonly Line[],
  scanned: ScannedBlock,
  contentLines: readonly string[],
  options: InlineParseOptions,
): ParsedBlock {
  const contents = contentLines.map((line) => {
    const match = /^ {0,3}> ?(.*)$/.exec(line);
    return match ? match[1]! : line;
  });
  const firstText = contents.find((content) => !isBlankLine(content)) ?? '';
  if (/^[ \t]*\[![^\]]*\]/.test(firstText)) {
    const callout = convertCallout(contents, options);
    return callout
      ? { block: callout, start: scanned.start, end: scanned.end, openEnded: false }
      : raw(text, lines, scanned, 'callout');
  }
  for (let index = 0; index < contents.length; index++) {
    const content = contents[index]!;
    if (!isBlankLine(content) && startsBlockConstruct(content, contents[index + 1])) {
      return raw(text, lines, scanned, 'quote');
    }
  }
  const groups: string[][] = [];
  let group: string[] = [];
  for (const content of contents) {
    if (isBlankLine(content)) {
      if (group.length > 0) groups.push(group);
      group = [];
    } else {
      group.push(content);
    }
  }
  if (group.length > 0) groups.push(group);
  const children: InlineNode[] = [];
  const escaped: string[] = [];
  groups.forEach((lineGroup, index) => {
    if (index > 0) children.push({ type: 'break', marker: '' }, { type: 'break', marker: '' });
    const parsed = parseInlineContent(lineGroup.join('\n'), options, 'quote');
    children.push(...parsed.children);
    escaped.push(...parsed.escaped);
  });
  return {
    block: { type: 'quote', ...withEscaped({ children, escaped }) },
    start: scanned.start,
    end: scanned.end,
    openEnded: false,
  };
}
