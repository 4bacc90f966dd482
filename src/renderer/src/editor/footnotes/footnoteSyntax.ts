/**
 * Footnotes as Obsidian writes them: a reference `[^label]` (the parser's rule,
 * matchFootnoteReference), an inline footnote `^[text]`, and a definition block
 * `[^label]: text` whose continuation lines are indented. Pure text functions, no DOM.
 */
import { matchFootnoteReference } from '@shared/markdown/inlineSyntax';

const INLINE_FOOTNOTE = /\^\[([^\]\n]+)\]/y;
const REFERENCE_LABEL = /^\[\^([^\]\s]+)\]$/;
const DEFINITION_START = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*/;

/** End of an inline footnote `^[text]` starting at `index`, or -1. */
export function matchInlineFootnote(text: string, index: number): number {
  INLINE_FOOTNOTE.lastIndex = index;
  return INLINE_FOOTNOTE.test(text) ? INLINE_FOOTNOTE.lastIndex : -1;
}

/** The label of a whole reference `[^label]`, or null (an inline footnote, or not a reference). */
export function footnoteLabelOf(source: string): string | null {
  return REFERENCE_LABEL.exec(source)?.[1] ?? null;
}

/** The text of an inline footnote `^[text]` (its source as is when it is not one). */
export function inlineFootnoteText(source: string): string {
  return source.startsWith('^[') && source.endsWith(']') ? source.slice(2, -1) : source;
}

/** True when `source` is, whole, a footnote reference or an inline footnote. */
export function isFootnoteSource(source: string): boolean {
  return (
    matchFootnoteReference(source, 0) === source.length ||
    (source.startsWith('^') && matchInlineFootnote(source, 0) === source.length)
  );
}

/**
 * The first reference or inline footnote in `text` that is not an escaped literal: [start, end)
 * or null. A `[^` that starts an inline footnote's `^[` is the inline one.
 */
export function findFootnote(text: string, escaped: readonly string[]): [number, number] | null {
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    let end = -1;
    if (char === 0x5e /* ^ */) end = matchInlineFootnote(text, index);
    else if (char === 0x5b /* [ */) end = matchFootnoteReference(text, index);
    if (end > index && !escaped.includes(text.slice(index, end))) return [index, end];
  }
  return null;
}

export interface FootnoteDefinition {
  readonly label: string;
  /** The footnote's text: the first line after `[^label]:`, continuation lines unindented. */
  readonly text: string;
}

/** Reads a footnote definition block (its source, lines joined with `\n`), or null. */
export function parseFootnoteDefinition(source: string): FootnoteDefinition | null {
  const match = DEFINITION_START.exec(source);
  if (!match) return null;
  const lines = source.slice(match[0].length).split('\n');
  const text = lines
    .map((line, index) => (index === 0 ? line : line.replace(/^(?: {1,4}|\t)/, '')))
    .join('\n')
    .trim();
  return { label: match[1]!, text };
}
