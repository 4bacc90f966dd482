/**
 * analyzeNote: one pass over a note's text builds the note model (see noteModel.ts). The
 * block scanner (scanBlocks) cuts the body into blocks; the wiki link grammar
 * (scanWikiLinks) reads links outside code and comments, Markdown links to vault paths are
 * read from the prose blocks' brackets, and wiki links in front matter property values
 * count too (as in Obsidian); tags, block ids and comments are read in the same walk. Plain texts (for contexts, previews, snippets) are cut from the model
 * on demand with plainTextOf, and front matter properties parsed on demand with
 * noteProperties, so the pass stays cheap enough to run on every save.
 */
import { markdownLinkTarget } from '../links/markdownLinkTarget';
import { scanWikiLinks } from '../links/parseWikiLinks';
import { matchAtxHeading, setextLevel } from './blockSyntax';
import { plainTextOf, type BlockTextSource } from './blockText';
import { readFrontMatterFields, splitFrontMatter, type FrontMatterFields } from './frontMatter';
import { BacktickRuns, BracketPairs, decodeLinkDestination, matchCodeSpan, parseLinkTail } from './inlineSyntax';
import type { Line } from './lines';
import {
  isInRanges,
  type CodeSyntax,
  type NoteBlock,
  type NoteBlockId,
  type NoteHeading,
  type NoteLink,
  type NoteModel,
  type NoteTag,
  type TextRange,
} from './noteModel';
import { scanBlocks, type ScannedBlock } from './scanBlocks';

const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_KINDS = new Set(['fencedCode', 'indentedCode', 'math', 'comment', 'html', 'yaml']);
const PROSE_KINDS = new Set(['paragraph', 'heading', 'setextHeading', 'list', 'blockquote', 'table', 'footnote']);
// Obsidian's tag syntax: after whitespace, `(` or `[`, or at the start of a line; not all digits.
const TAG = /(?:^|[\s([])#([\p{L}\p{N}\p{M}_\-/]+)/gu;
/** A block id (` ^abc-123`) ending a line of text: Obsidian's anchor for `[[Note#^abc-123]]`. */
export const BLOCK_ID_AT_END = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

/**
 * Reads a note's text (front matter included: every offset is into `text` as given) into
 * its model. Linear in the text; never throws.
 */
export function analyzeNote(text: string): NoteModel {
  const { frontMatter } = splitFrontMatter(text);
  const base = frontMatter.length;
  const body = base === 0 ? text : text.slice(base);
  const scan = scanBlocks(body);
  const code = codeRanges(body, scan.blocks, base);
  const comments = commentRanges(text, base, code);
  const wiki = wikiLinksOf(body, scan.blocks, code, comments, base);
  const links = mergeLinks(
    base > 0 ? propertyLinks(text, base) : [],
    wiki,
    markdownLinksOf(body, scan.blocks, code, comments, wiki, base),
  );
  const tags: NoteTag[] = [];
  const blockIds: NoteBlockId[] = [];
  const hashes = new NextIndex(text, '#');
  const carets = new NextIndex(text, '^');
  const model = {
    text,
    frontMatter: base > 0 ? { end: base, source: frontMatter } : null,
    bodyStart: base,
    blocks: [] as NoteBlock[],
    headings: [] as NoteHeading[],
    links,
    tags,
    blockIds,
    code,
    comments,
  } satisfies NoteModel;
  const blocks = model.blocks;
  const headings = model.headings;
  let path: readonly string[] = [];
  const stack: NoteHeading[] = [];
  const push = (
    kind: NoteBlock['kind'],
    start: number,
    end: number,
    content?: TextRange,
    syntax?: CodeSyntax,
  ): NoteBlock => {
    const block: NoteBlock = {
      kind,
      start,
      end,
      headingPath: path,
      contentStart: content?.start ?? start,
      contentEnd: content?.end ?? end,
    };
    if (syntax) block.syntax = syntax;
    blocks.push(block);
    if (kind !== 'code' && kind !== 'frontMatter' && carets.within(start, end)) {
      const id = blockIdOf(text, start, end);
      if (id) blockIds.push(id);
    }
    return block;
  };
  if (base > 0) push('frontMatter', 0, base);
  for (const scanned of scan.blocks) {
    const start = scanned.start + base;
    const end = scanned.end + base;
    if (PROSE_KINDS.has(scanned.kind) && hashes.within(start, end))
      findTags(text, start, end, code, comments, links, tags);
    if (CODE_KINDS.has(scanned.kind)) {
      push('code', start, end, codeContent(scan.lines, scanned, base), scanned.kind as CodeSyntax);
    } else if (scanned.kind === 'heading' || scanned.kind === 'setextHeading') {
      const block = push('heading', start, end);
      const level = headingLevel(
        scanned.kind,
        scan.lines[scanned.startLine]?.text ?? '',
        scan.lines[scanned.endLine - 1]?.text ?? '',
      );
      const own = blockIds[blockIds.length - 1];
      const hidden = [...comments.filter((c) => c.start < end && c.end > start)];
      if (own && own.start >= start) hidden.push(own);
      const heading: NoteHeading = { text: plainTextOf({ text, links, hidden }, block).text, level, start, end };
      headings.push(heading);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push(heading);
      path = stack.map((h) => h.text);
    } else if (scanned.kind === 'list') {
      let itemStart = -1;
      let itemEnd = -1;
      for (let index = scanned.startLine; index < scanned.endLine; index++) {
        const line = scan.lines[index]!;
        if (LIST_ITEM.test(line.text) && !THEMATIC_BREAK.test(line.text)) {
          if (itemStart >= 0) push('listItem', itemStart + base, itemEnd + base);
          itemStart = line.start;
        }
        if (line.text.trim() !== '') itemEnd = line.start + line.text.length;
      }
      if (itemStart >= 0) push('listItem', itemStart + base, itemEnd + base);
    } else if (scanned.kind === 'table') {
      for (let index = scanned.startLine; index < scanned.endLine; index++) {
        if (index === scanned.startLine + 1) continue;
        const line = scan.lines[index]!;
        push('tableRow', line.start + base, line.start + line.text.length + base);
      }
    } else if (scanned.kind === 'blockquote') {
      push('quote', start, end);
    } else if (scanned.kind === 'footnote') {
      push('footnote', start, end);
    } else if (scanned.kind === 'paragraph') {
      push('paragraph', start, end);
    }
  }
  return model;
}

const properties = new WeakMap<NoteModel, FrontMatterFields>();

/** The front matter properties the app reads (aliases, tags), parsed once per model. Never throws. */
export function noteProperties(model: NoteModel): FrontMatterFields {
  let fields = properties.get(model);
  if (!fields) {
    fields = readFrontMatterFields(model.frontMatter?.source ?? '');
    properties.set(model, fields);
  }
  return fields;
}

const textSources = new WeakMap<NoteModel, BlockTextSource>();

/** What plainTextOf needs of a model: its text, links and what never shows (comments, block ids). */
export function textSourceOf(model: NoteModel): BlockTextSource {
  let source = textSources.get(model);
  if (!source) {
    const hidden: TextRange[] = [...model.comments, ...model.blockIds];
    hidden.sort((a, b) => a.start - b.start);
    source = { text: model.text, links: model.links, hidden };
    textSources.set(model, source);
  }
  return source;
}

/**
 * The ranges of fenced and indented code blocks and of inline code spans (backticks
 * included), in order and not overlapping, shifted by `base`. Code spans are found inside
 * every other block (paragraphs, headings, lists, quotes, tables, raw blocks), never
 * across blocks.
 */
function codeRanges(body: string, blocks: readonly ScannedBlock[], base: number): TextRange[] {
  const ranges: TextRange[] = [];
  const backticks = new NextIndex(body, '`');
  for (const block of blocks) {
    if (block.kind === 'fencedCode' || block.kind === 'indentedCode') {
      ranges.push({ start: block.start + base, end: block.end + base });
      continue;
    }
    if (!backticks.within(block.start, block.end)) continue;
    const first = backticks.from(block.start);
    const text = body.slice(block.start, block.end);
    const runs = new BacktickRuns(text);
    for (let index = first - block.start; index >= 0 && index < text.length;) {
      let escaped = false;
      for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor--) escaped = !escaped;
      let runEnd = index;
      while (text[runEnd] === '`') runEnd++;
      const start = escaped ? index + 1 : index;
      const span = start < runEnd ? matchCodeSpan(text, start, runs) : null;
      if (span) {
        ranges.push({ start: block.start + start + base, end: block.start + span.end + base });
        index = text.indexOf('`', span.end);
      } else {
        index = text.indexOf('`', runEnd);
      }
    }
  }
  return ranges;
}

/**
 * Wiki links of the body outside code blocks, code spans and comments, with offsets in the
 * whole text. The grammar runs over everything but code blocks, and a link is dropped when
 * it starts inside a code span or comment: a code span opened inside a link's label
 * (`[[Functions#hasTag|`hasTag`]]`) keeps the link, as in Obsidian.
 */
function wikiLinksOf(
  body: string,
  blocks: readonly ScannedBlock[],
  code: readonly TextRange[],
  comments: readonly TextRange[],
  base: number,
): NoteLink[] {
  if (!body.includes('[[')) return [];
  const links: NoteLink[] = [];
  let cursor = 0;
  const scanGap = (from: number, to: number) => {
    for (const link of scanWikiLinks(body, from, to)) {
      const start = link.start + base;
      if (isInRanges(code, start) || isInRanges(comments, start)) continue;
      links.push(base === 0 ? link : { ...link, start, end: link.end + base });
    }
  };
  for (const block of blocks) {
    if (block.kind !== 'fencedCode' && block.kind !== 'indentedCode') continue;
    if (block.start > cursor) scanGap(cursor, block.start);
    cursor = Math.max(cursor, block.end);
  }
  if (cursor < body.length) scanGap(cursor, body.length);
  return links;
}

/**
 * Markdown links and images to vault paths (`[t](Other.md)`, `[t](Other%20Note.md#Part)`,
 * `[t](<Other Note.md>)`, `![alt](img.png)`, `[t](../x.md)`): inline links in prose whose
 * destination has no scheme, outside code, comments and wiki links. The target and heading
 * are URL-decoded (a malformed `%` sequence is kept as written).
 */
function markdownLinksOf(
  body: string,
  blocks: readonly ScannedBlock[],
  code: readonly TextRange[],
  comments: readonly TextRange[],
  wiki: readonly NoteLink[],
  base: number,
): NoteLink[] {
  if (!body.includes('](')) return [];
  const links: NoteLink[] = [];
  const marks = new NextIndex(body, '](');
  for (const block of blocks) {
    if (!PROSE_KINDS.has(block.kind) || !marks.within(block.start, block.end)) continue;
    const text = body.slice(block.start, block.end);
    const pairs = [...new BracketPairs(text, new BacktickRuns(text)).pairs()].sort((a, b) => a[0] - b[0]);
    for (const [open, close] of pairs) {
      if (text[close + 1] !== '(') continue;
      const at = block.start + open + base;
      if (isInRanges(code, at) || isInRanges(comments, at) || isInRanges(wiki, at)) continue;
      const tail = parseLinkTail(text, close + 1);
      if (!tail) continue;
      const link = markdownLink(text, open, close, tail.destination, tail.pointy, tail.end, block.start + base);
      if (link) links.push(link);
    }
  }
  return links.sort((a, b) => a.start - b.start);
}

function markdownLink(
  text: string,
  open: number,
  close: number,
  destination: string,
  pointy: boolean,
  end: number,
  shift: number,
): NoteLink | null {
  const decoded = decodeLinkDestination(destination);
  const parts = decoded === null ? null : markdownLinkTarget(decoded);
  if (parts === null) return null;
  const { target, heading } = parts;
  let pathStart = close + 2;
  while (text[pathStart] === ' ' || text[pathStart] === '\t' || text[pathStart] === '\n') pathStart++;
  if (pointy) pathStart++;
  const rawHash = destination.indexOf('#');
  const pathEnd = pathStart + (rawHash >= 0 ? rawHash : destination.length);
  const embed = open > 0 && text[open - 1] === '!' && !(open > 1 && text[open - 2] === '\\');
  const start = embed ? open - 1 : open;
  return {
    start: start + shift,
    end: end + shift,
    source: text.slice(start, end),
    target,
    heading,
    label: text.slice(open + 1, close),
    embed,
    escapedPipe: false,
    markdown: { pathStart: pathStart + shift, pathEnd: pathEnd + shift, pointy },
  };
}

/** Wiki links in front matter property values (`related: "[[X]]"`), which Obsidian counts. */
function propertyLinks(text: string, base: number): NoteLink[] {
  if (!text.slice(0, base).includes('[[')) return [];
  return scanWikiLinks(text, 0, base).map((link) => ({ ...link, property: true }));
}

/** Sorted lists of disjoint links merged into one sorted list. */
function mergeLinks(...lists: NoteLink[][]): NoteLink[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? [];
  return nonEmpty.flat().sort((a, b) => a.start - b.start);
}

/** `%%…%%` pairs of the body outside code (a `%%` with no partner opens nothing). */
function commentRanges(text: string, base: number, code: readonly TextRange[]): TextRange[] {
  const ranges: TextRange[] = [];
  let codeIndex = 0;
  const inCode = (offset: number): boolean => {
    while (codeIndex < code.length && code[codeIndex]!.end <= offset) codeIndex++;
    const range = code[codeIndex];
    return range !== undefined && range.start <= offset;
  };
  let open = -1;
  for (let at = text.indexOf('%%', base); at >= 0;) {
    if (inCode(at)) {
      at = text.indexOf('%%', at + 1);
      continue;
    }
    if (open < 0) open = at;
    else {
      ranges.push({ start: open, end: at + 2 });
      open = -1;
    }
    at = text.indexOf('%%', at + 2);
  }
  return ranges;
}

/** Tags in [start, end), outside code, comments and links. */
function findTags(
  text: string,
  start: number,
  end: number,
  code: readonly TextRange[],
  comments: readonly TextRange[],
  links: readonly NoteLink[],
  tags: NoteTag[],
): void {
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(TAG)) {
    const name = match[1]!.replace(/\/+$/, '');
    if (name === '' || /^[0-9]+$/.test(name)) continue;
    const at = start + match.index + match[0].length - match[1]!.length - 1;
    if (overlaps(code, at) || overlaps(comments, at) || overlaps(links, at)) continue;
    tags.push({ name, start: at, end: at + 1 + name.length });
  }
}

function overlaps(ranges: ReadonlyArray<{ start: number; end: number }>, offset: number): boolean {
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

/** A ` ^id` ending the last line of a block. */
function blockIdOf(text: string, start: number, end: number): NoteBlockId | null {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  const from = Math.max(start, lineStart);
  const match = BLOCK_ID_AT_END.exec(text.slice(from, end));
  if (!match) return null;
  const at = from + match.index + match[0].indexOf('^');
  return { id: match[1]!, start: at, end: at + 1 + match[1]!.length };
}

/** The lines inside a fenced code block's fences (the whole block for other code). */
function codeContent(lines: readonly Line[], block: ScannedBlock, base: number): TextRange {
  if (block.kind !== 'fencedCode') return { start: block.start + base, end: block.end + base };
  const first = block.startLine + 1;
  const last = block.closed ? block.endLine - 1 : block.endLine;
  if (first >= last) return { start: block.start + base, end: block.start + base };
  const end = lines[last - 1]!;
  return { start: lines[first]!.start + base, end: end.start + end.text.length + base };
}

/**
 * `text.indexOf(char, from)` for offsets asked in increasing order, in linear time overall
 * (a plain indexOf per block would search to the end of the text for each block).
 */
class NextIndex {
  private at = -2;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(offset: number): number {
    if (this.at === -2 || (this.at >= 0 && this.at < offset)) this.at = this.text.indexOf(this.char, offset);
    return this.at;
  }

  /** True when the character occurs in [start, end). */
  within(start: number, end: number): boolean {
    const at = this.from(start);
    return at >= 0 && at < end;
  }
}

function headingLevel(kind: string, first: string, last: string): number {
  if (kind === 'heading') return matchAtxHeading(first)?.level ?? 1;
  return setextLevel(last) || 1;
}
