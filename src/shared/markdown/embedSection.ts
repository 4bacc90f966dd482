/**
 * The part of a note an embed or a link after `#` names, read from the note model (no
 * scan of its own): `![[Note]]` the body, `![[Note#Heading]]` the heading's section (up to
 * the next heading of the same or a higher level), `![[Note#^block-id]]` the paragraph,
 * list item or block carrying ` ^block-id` (or, for an id alone on the line after a list,
 * table or quote, that block, as Obsidian writes them).
 */
import { normalizeHeading } from '../links/normalizeLinkTarget';
import type { NoteBlock, NoteModel } from './noteModel';

/** Where the part lies in the note's text: `[start, end)`; null when the note has no such part. */
export interface NoteSection {
  start: number;
  end: number;
  /** What was found: the body, a heading's section, or a block. */
  kind: 'body' | 'heading' | 'block';
}

/** `part` is what follows the first `#` of the link (`Heading`, `H1#H2`, `^id`), or null for the whole note. */
export function embedSection(model: NoteModel, part: string | null): NoteSection | null {
  if (part === null || part.trim() === '') {
    return { start: model.bodyStart, end: trimEnd(model.text, model.text.length, model.bodyStart), kind: 'body' };
  }
  const wanted = part.trim();
  if (wanted.startsWith('^')) return blockSection(model, wanted.slice(1));
  return headingSection(model, wanted);
}

/** A heading's section: the heading and what follows it up to a heading of its level or higher. */
function headingSection(model: NoteModel, part: string): NoteSection | null {
  // `Note#Outer#Inner` names Inner under Outer (Obsidian's heading paths); the last part decides.
  const path = part
    .split('#')
    .map(normalizeHeading)
    .filter((name) => name !== '');
  const last = path[path.length - 1];
  if (last === undefined) return null;
  const headings = model.headings;
  const index = headings.findIndex((heading, at) => {
    if (normalizeHeading(heading.text) !== last) return false;
    if (path.length === 1) return true;
    // Every outer name must appear, in order, among the headings above it.
    const above = headingPathOf(model, at);
    let cursor = 0;
    for (const name of above) if (name === path[cursor]) cursor++;
    return cursor >= path.length - 1;
  });
  if (index < 0) return null;
  const heading = headings[index]!;
  let end = model.text.length;
  for (let next = index + 1; next < headings.length; next++) {
    if (headings[next]!.level <= heading.level) {
      end = headings[next]!.start;
      break;
    }
  }
  return { start: heading.start, end: trimEnd(model.text, end, heading.start), kind: 'heading' };
}

/** The normalized texts of the headings enclosing heading `at` (outermost first). */
function headingPathOf(model: NoteModel, at: number): string[] {
  const stack: { level: number; text: string }[] = [];
  for (let index = 0; index < at; index++) {
    const heading = model.headings[index]!;
    while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
    stack.push({ level: heading.level, text: normalizeHeading(heading.text) });
  }
  const own = model.headings[at]!;
  return stack.filter((entry) => entry.level < own.level).map((entry) => entry.text);
}

/** The block carrying ` ^id` (ids compare case-insensitively, as Obsidian's do). */
function blockSection(model: NoteModel, id: string): NoteSection | null {
  const wanted = id.trim().toLowerCase();
  if (wanted === '') return null;
  const found = model.blockIds.find((blockId) => blockId.id.toLowerCase() === wanted);
  if (!found) return null;
  const index = model.blocks.findIndex((block) => block.start <= found.start && found.start < block.end);
  const block = model.blocks[index];
  if (!block) return null;
  const text = model.text;
  // An id alone on its line names the block before it (a list, table or quote): `- a\n- b\n\n^id`.
  if (block.kind === 'paragraph' && text.slice(block.start, block.end).trim() === text.slice(found.start, found.end)) {
    const previous = model.blocks[index - 1];
    if (!previous || previous.kind === 'code' || previous.kind === 'frontMatter') return null;
    let start = previous.start;
    if (previous.kind === 'listItem' || previous.kind === 'tableRow') start = groupStart(model, index - 1);
    return { start, end: previous.end, kind: 'block' };
  }
  return { start: block.start, end: block.end, kind: 'block' };
}

/** Where the run of list items or table rows ending at block `last` starts (no blank line between them). */
function groupStart(model: NoteModel, last: number): number {
  const blocks = model.blocks;
  const kind: NoteBlock['kind'] = blocks[last]!.kind;
  let first = last;
  while (first > 0) {
    const previous = blocks[first - 1]!;
    if (previous.kind !== kind || /\n[ \t]*\r?\n/.test(model.text.slice(previous.end, blocks[first]!.start))) break;
    first--;
  }
  return blocks[first]!.start;
}

/** `end` moved back over trailing blank lines (never before `start`). */
function trimEnd(text: string, end: number, start: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/**
 * The Markdown of a section as a note of its own: the text of `[start, end)` with the
 * indentation its first line shares with the others removed (a nested list item's).
 */
export function sectionMarkdown(model: NoteModel, section: NoteSection): string {
  const text = model.text.slice(section.start, section.end);
  const lineStart = model.text.lastIndexOf('\n', section.start - 1) + 1;
  const indent = /^[ \t]*/.exec(model.text.slice(lineStart, section.start))![0];
  const ownIndent = /^[ \t]*/.exec(text)![0];
  const strip = indent.length + ownIndent.length;
  if (strip === 0) return text;
  return text
    .split('\n')
    .map((line, index) => {
      if (index === 0) return line.slice(ownIndent.length);
      const lead = /^[ \t]*/.exec(line)![0].length;
      return line.slice(Math.min(lead, strip));
    })
    .join('\n');
}
