import { setextLevel, matchAtxHeading } from '@shared/markdown/blockSyntax';
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import { scanBlocks } from '@shared/markdown/scanBlocks';
import { plainTextOf } from './plainText';

/**
 * What a reader calls "the paragraph around a link": the units a note's text is cut into
 * for mention contexts and previews. A paragraph, one list item (its own lines, not the
 * items nested under it), a heading, a block quote, one table row; code, math, comments,
 * HTML and front matter are units of kind `code`/`frontMatter`, where no mention is looked
 * for.
 */
export type UnitKind =
  'paragraph' | 'listItem' | 'heading' | 'quote' | 'tableRow' | 'footnote' | 'code' | 'frontMatter';

export interface NoteUnit {
  kind: UnitKind;
  /** [start, end) offsets in the note's text (without the last line ending). */
  start: number;
  end: number;
  /** The headings above the unit, outermost first, as plain text. */
  headingPath: readonly string[];
}

export interface NoteHeading {
  text: string;
  level: number;
  start: number;
  end: number;
}

export interface NoteSegments {
  units: NoteUnit[];
  headings: NoteHeading[];
}

const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const CODE_KINDS = new Set(['fencedCode', 'indentedCode', 'math', 'comment', 'html', 'yaml']);

/** Cuts a note's text (front matter included) into units, in document order. Never throws. */
export function segmentNote(text: string): NoteSegments {
  const units: NoteUnit[] = [];
  const headings: NoteHeading[] = [];
  const { frontMatter } = splitFrontMatter(text);
  const base = frontMatter.length;
  let path: readonly string[] = [];
  const stack: NoteHeading[] = [];
  if (base > 0) units.push({ kind: 'frontMatter', start: 0, end: base, headingPath: path });
  const body = base === 0 ? text : text.slice(base);
  const scan = scanBlocks(body);
  for (const block of scan.blocks) {
    const start = block.start + base;
    const end = block.end + base;
    if (CODE_KINDS.has(block.kind)) {
      units.push({ kind: 'code', start, end, headingPath: path });
    } else if (block.kind === 'heading' || block.kind === 'setextHeading') {
      const unit: NoteUnit = { kind: 'heading', start, end, headingPath: path };
      units.push(unit);
      const level = headingLevel(
        block.kind,
        scan.lines[block.startLine]?.text ?? '',
        scan.lines[block.endLine - 1]?.text ?? '',
      );
      const heading: NoteHeading = { text: plainTextOf(text, unit).text, level, start, end };
      headings.push(heading);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push(heading);
      path = stack.map((h) => h.text);
    } else if (block.kind === 'list') {
      let itemStart = -1;
      let itemEnd = -1;
      for (let index = block.startLine; index < block.endLine; index++) {
        const line = scan.lines[index]!;
        if (LIST_ITEM.test(line.text) && !THEMATIC_BREAK.test(line.text)) {
          if (itemStart >= 0)
            units.push({ kind: 'listItem', start: itemStart + base, end: itemEnd + base, headingPath: path });
          itemStart = line.start;
        }
        if (line.text.trim() !== '') itemEnd = line.start + line.text.length;
      }
      if (itemStart >= 0)
        units.push({ kind: 'listItem', start: itemStart + base, end: itemEnd + base, headingPath: path });
    } else if (block.kind === 'table') {
      for (let index = block.startLine; index < block.endLine; index++) {
        if (index === block.startLine + 1) continue;
        const line = scan.lines[index]!;
        units.push({
          kind: 'tableRow',
          start: line.start + base,
          end: line.start + line.text.length + base,
          headingPath: path,
        });
      }
    } else if (block.kind === 'blockquote') {
      units.push({ kind: 'quote', start, end, headingPath: path });
    } else if (block.kind === 'footnote') {
      units.push({ kind: 'footnote', start, end, headingPath: path });
    } else if (block.kind === 'paragraph') {
      units.push({ kind: 'paragraph', start, end, headingPath: path });
    }
  }
  return { units, headings };
}

/** The unit holding `offset`, or null when it falls between units (blank lines, rules). */
export function unitAt(segments: NoteSegments, offset: number): NoteUnit | null {
  const units = segments.units;
  let low = 0;
  let high = units.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (units[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  const unit = units[low];
  return unit && unit.start <= offset && offset < unit.end ? unit : null;
}

function headingLevel(kind: string, first: string, last: string): number {
  if (kind === 'heading') return matchAtxHeading(first)?.level ?? 1;
  return setextLevel(last) || 1;
}
