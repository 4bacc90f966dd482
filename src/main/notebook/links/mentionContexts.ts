import type { MentionContext } from '@shared/domain/links';
import { textSourceOf } from '@shared/markdown/analyzeNote';
import { plainTextOf, type PlainText } from '@shared/markdown/blockText';
import { blockAt, type NoteBlock, type NoteModel } from '@shared/markdown/noteModel';
import type { TextSpan } from './findMentions';

/** The longest context text; a longer paragraph is cut to a window around the mention. */
export const MAX_CONTEXT_CHARS = 1500;

/**
 * The context of each mention (a [start, end) range of the note's text): the plain text
 * of its paragraph or list item (see plainTextOf) with the mention highlighted, the
 * headings above it, and the mention's offsets and source text in the file. A paragraph
 * longer than MAX_CONTEXT_CHARS is cut to a window around the mention, marked with "…".
 */
export function mentionContexts(model: NoteModel, mentions: readonly TextSpan[]): MentionContext[] {
  const text = model.text;
  const source = textSourceOf(model);
  const byUnit = new Map<NoteBlock, TextSpan[]>();
  const units = mentions.map((mention) => {
    const unit = blockAt(model, mention.start) ?? lineUnit(text, mention.start);
    const list = byUnit.get(unit);
    if (list) list.push(mention);
    else byUnit.set(unit, [mention]);
    return unit;
  });
  const plain = new Map<NoteBlock, PlainText>();
  for (const [unit, list] of byUnit) {
    plain.set(
      unit,
      plainTextOf(
        source,
        unit,
        list.map((m) => [m.start, m.end] as const),
      ),
    );
  }
  const seen = new Map<NoteBlock, number>();
  return mentions.map((mention, index) => {
    const unit = units[index]!;
    const at = seen.get(unit) ?? 0;
    seen.set(unit, at + 1);
    const { text: unitText, ranges } = plain.get(unit)!;
    const range = ranges[at] ?? null;
    const window = contextWindow(unitText, range);
    return {
      text: window.text,
      highlights: window.range ? [window.range] : [],
      headingPath: [...unit.headingPath],
      start: mention.start,
      end: mention.end,
      source: text.slice(mention.start, mention.end),
    };
  });
}

/** The line around an offset that falls outside every unit (a defensive fallback). */
function lineUnit(text: string, offset: number): NoteBlock {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return { kind: 'paragraph', start, end, headingPath: [], contentStart: start, contentEnd: end };
}

function contextWindow(text: string, range: [number, number] | null): { text: string; range: [number, number] | null } {
  if (text.length <= MAX_CONTEXT_CHARS) return { text, range };
  const middle = range ? (range[0] + range[1]) >> 1 : 0;
  let start = Math.max(0, Math.min(middle - MAX_CONTEXT_CHARS / 2, text.length - MAX_CONTEXT_CHARS));
  let end = start + MAX_CONTEXT_CHARS;
  if (range) {
    start = Math.min(start, range[0]);
    end = Math.max(end, range[1]);
  }
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  return {
    text: head + text.slice(start, end) + tail,
    range: range ? [range[0] + shift, range[1] + shift] : null,
  };
}
