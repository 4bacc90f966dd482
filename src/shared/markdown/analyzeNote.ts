/**
 * analyzeNote: one pass over a note's text builds the note model (see noteModel.ts). The
 * block scanner (scanBlocks) cuts the body into blocks; the wiki link grammar
 * (scanWikiLinks) reads links between code ranges; tags, block ids and comments are read
 * in the same walk. Plain texts (for contexts, previews, snippets) are cut from the model
 * on demand with plainTextOf, and front matter properties parsed on demand with
 * noteProperties, so the pass stays cheap enough to run on every save.
 */
import { scanWikiLinks, type WikiLink } from '../links/parseWikiLinks';
import { matchAtxHeading, setextLevel } from './blockSyntax';
import { plainTextOf, type BlockTextSource } from './blockText';
import { readFrontMatterFields, splitFrontMatter, type FrontMatterFields } from './frontMatter';
import { BacktickRuns, matchCodeSpan } from './inlineSyntax';
import type { Line } from './lines';
import type { CodeSyntax, NoteBlock, NoteBlockId, NoteHeading, NoteModel, NoteTag, TextRange } from './noteModel';
import { scanBlocks, type ScannedBlock } from './scanBlocks';

const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_KINDS = new Set(['fencedCode', 'indentedCode', 'math', 'comment', 'html', 'yaml']);
const PROSE_KINDS = new Set(['paragraph', 'heading', 'setextHeading', 'list', 'blockquote', 'table', 'footnote']);
// Obsidian's tag syntax: after whitespace, `(` or `[`, or at the start of a line; not all digits.
const TAG = /(?:^|[\s([])#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

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
  const links = linksBetween(body, code, base);
  const comments = commentRanges(text, base, code);
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

/** Wiki links of the body between code ranges, with offsets in the whole text. */
function linksBetween(body: string, code: readonly TextRange[], base: number): WikiLink[] {
  if (!body.includes('[[')) return [];
  const links: WikiLink[] = [];
  let cursor = 0;
  const scanGap = (from: number, to: number) => {
    for (const link of scanWikiLinks(body, from, to)) {
      links.push(base === 0 ? link : { ...link, start: link.start + base, end: link.end + base });
    }
  };
  for (const range of code) {
    const start = range.start - base;
    if (start > cursor) scanGap(cursor, start);
    cursor = Math.max(cursor, range.end - base);
  }
  if (cursor < body.length) scanGap(cursor, body.length);
  return links;
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
  links: readonly WikiLink[],
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
  const match = BLOCK_ID.exec(text.slice(from, end));
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
