/**
 * Parses a scanned list block into list models, or refuses (null) when it holds anything
 * the editor's lists cannot represent: an item with several paragraphs, a code block, a
 * quote, a heading, a table, HTML, or an item that starts with a blank line. Refused lists
 * are kept verbatim as raw blocks.
 */
import { canListItemInterruptParagraph, matchListMarker, type ListMarker, startsBlockConstruct } from './blockSyntax';
import { indentColumns, isBlankLine, type Line, stripColumns } from './lines';
import type { ListBlock, ListEntry, ListItemEntry, ListType } from './model';
import { type InlineParseOptions, parseInlineContent } from './parseInline';

/** A list item as read, with the range of its own lines in the text. */
export interface ParsedListItem {
  readonly entry: ListItemEntry;
  readonly start: number;
  readonly end: number;
}

interface RawItem {
  readonly marker: ListMarker;
  readonly type: ListType;
  readonly item: ParsedListItem;
  readonly sublists: ListBlock[];
}

interface ListParseContext {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly options: InlineParseOptions;
  /** Items in document order (filled as they are read). */
  readonly items: ParsedListItem[];
}

/**
 * Parses lines `[from, to)` (a list block) into one or more lists: consecutive items of
 * one kind (bullet, task, numbered) form a list, as they would in the editor. `items`
 * receives every item in document order. Returns null to keep the block raw.
 */
export function parseListBlock(
  text: string,
  lines: readonly Line[],
  from: number,
  to: number,
  options: InlineParseOptions,
  items: ParsedListItem[],
): ListBlock[] | null {
  const context: ListParseContext = { text, lines, options, items };
  const parsed = parseLevel(context, from, to, 0);
  return parsed === null ? null : groupRuns(parsed);
}

function parseLevel(context: ListParseContext, from: number, to: number, baseColumn: number): RawItem[] | null {
  const { lines } = context;
  const result: RawItem[] = [];
  let index = from;
  while (index < to) {
    const line = lines[index]!.text;
    if (isBlankLine(line)) {
      index++;
      continue;
    }
    const marker = matchListMarker(line, baseColumn);
    if (!marker) return null;
    const parsed = parseItem(context, index, to, marker);
    if (parsed === null) return null;
    result.push(parsed.item);
    index = parsed.next;
  }
  return result;
}

function sameList(a: ListMarker, b: ListMarker): boolean {
  return a.kind === b.kind;
}

function parseItem(
  context: ListParseContext,
  index: number,
  to: number,
  marker: ListMarker,
): { item: RawItem; next: number } | null {
  const { lines, text } = context;
  const line = lines[index]!.text;

  // The item's extent: indented lines, lazy continuation lines, blank lines between them.
  let last = index;
  let blank = false;
  for (let cursor = index + 1; cursor < to; cursor++) {
    const current = lines[cursor]!.text;
    if (isBlankLine(current)) {
      blank = true;
      continue;
    }
    if (indentColumns(current) >= marker.contentColumn) {
      last = cursor;
      blank = false;
      continue;
    }
    const other = matchListMarker(current);
    if (other && (sameList(other, marker) || canListItemInterruptParagraph(other) || blank)) break;
    if (blank) break;
    last = cursor;
  }
  if (marker.empty && last > index) return null;

  let content = line.slice(marker.contentIndex);
  let checkbox = '';
  let checkboxGap = '';
  let type: ListType = marker.ordered ? 'number' : 'bullet';
  if (!marker.ordered) {
    // As in Obsidian, any one character in the box marks a task done (`[x]`, `[?]`, `[-]`, `[/]`…).
    const task = /^\[([^\]\n\r])\]([ \t]+|$)/.exec(content);
    if (task) {
      checkbox = `[${task[1]}]`;
      checkboxGap = task[2]!;
      content = content.slice(task[0].length);
      type = 'check';
    }
  }
  if (content !== '' && startsBlockConstruct(content, lines[index + 1]?.text)) return null;

  const texts = [content];
  let cursor = index + 1;
  while (cursor <= last) {
    const current = lines[cursor]!.text;
    if (isBlankLine(current)) break;
    if (indentColumns(current) >= marker.contentColumn && matchListMarker(current, marker.contentColumn)) break;
    const continuation =
      indentColumns(current) >= marker.contentColumn
        ? stripColumns(current, marker.contentColumn)
        : current.replace(/^[ \t]+/, '');
    if (startsBlockConstruct(continuation, lines[cursor + 1]?.text)) return null;
    texts.push(continuation);
    cursor++;
  }
  const ownLast = cursor - 1;
  const start = lines[index]!.start;
  const end = lines[ownLast]!.start + lines[ownLast]!.text.length;

  const inline = parseInlineContent(texts.join('\n'), context.options);
  const entry: ListItemEntry = {
    kind: 'item',
    checked: checkbox !== '' && !/^\[\s\]$/.test(checkbox),
    children: inline.children,
    ...(inline.escaped.length > 0 ? { escaped: inline.escaped } : {}),
    origin: {
      source: text.slice(start, end),
      signature: '',
      depth: 0,
      indent: line.slice(0, line.length - line.replace(/^[ \t]*/, '').length),
      marker: marker.marker,
      gap: marker.gapText,
      checkbox,
      checkboxGap,
    },
  };
  const item: ParsedListItem = { entry, start, end };
  context.items.push(item);

  let nested = cursor;
  while (nested <= last && isBlankLine(lines[nested]!.text)) nested++;
  let sublists: ListBlock[] = [];
  if (nested <= last) {
    const children = parseLevel(context, nested, last + 1, marker.contentColumn);
    if (children === null) return null;
    sublists = groupRuns(children);
  }
  return { item: { marker, type, item, sublists }, next: last + 1 };
}

/** Groups items into lists of one type; an item's sublists follow it as nested entries. */
function groupRuns(items: readonly RawItem[]): ListBlock[] {
  const lists: ListBlock[] = [];
  let entries: ListEntry[] = [];
  let current: RawItem | null = null;
  const close = (): void => {
    if (current) {
      lists.push({
        type: 'list',
        listType: current.type,
        start: current.type === 'number' ? current.marker.number : 1,
        entries,
      });
    }
    entries = [];
  };
  for (const raw of items) {
    if (!current || current.type !== raw.type) {
      close();
      current = raw;
    }
    entries.push(raw.item.entry);
    for (const sublist of raw.sublists) entries.push({ kind: 'nested', list: sublist });
  }
  close();
  return lists;
}
