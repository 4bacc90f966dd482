import './highlight.css';
import { Fragment } from 'react';
import { normalizeRanges, type TextRange } from './textRanges';

export interface HighlightedTextProps {
  text: string;
  /** The spans to mark, as [start, end) offsets into `text`; any order, overlaps allowed. */
  ranges: readonly TextRange[];
}

/**
 * Plain text with some spans wrapped in `<mark>`. Everything is rendered as React text
 * nodes, never as HTML, so text from notes (`<img onerror=…>`) shows as the characters it is.
 */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const [start, end] of normalizeRanges(ranges, text.length)) {
    if (start > at) parts.push({ text: text.slice(at, start), marked: false, at });
    parts.push({ text: text.slice(start, end), marked: true, at: start });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return (
    <>
      {parts.map((part) =>
        part.marked ? <mark key={part.at}>{part.text}</mark> : <Fragment key={part.at}>{part.text}</Fragment>,
      )}
    </>
  );
}
