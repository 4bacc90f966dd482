/**
 * Finding Obsidian wiki links in Markdown: `[[Target]]`, `[[Target|label]]`,
 * `[[Target#Heading]]`, `[[Target#Heading|label]]`, `[[#Heading]]` (a heading of the same
 * note) and embeds `![[…]]`. Pure and shared: the note model (analyzeNote, whose `links`
 * are a whole note's links) and the editor's link node read links the same way.
 */

/** One wiki link as written in a text. Every part is kept exactly as written (not trimmed). */
export interface WikiLink {
  /** Offset of the link's first character: the `!` of an embed, else the first `[`. */
  start: number;
  /** Offset just past the closing `]]`. */
  end: number;
  /** The link as written: `text.slice(start, end)`. */
  source: string;
  /** What the link points at: the text between `[[` and the first `#` or `|` ('' for `[[#Heading]]`). */
  target: string;
  /** The part after the first `#` (up to the label), or null when there is no `#`. */
  heading: string | null;
  /** The part after the first `|`, or null when there is no `|`. */
  label: string | null;
  /** True for an embed, `![[…]]`. */
  embed: boolean;
  /**
   * True when the label separator was written `\|`, Obsidian's spelling inside a table
   * cell (where a bare `|` would end the cell).
   */
  escapedPipe: boolean;
}

/** The longest link the scanner accepts, so one unclosed `[[` never makes a scan quadratic. */
const MAX_LINK_LENGTH = 4000;

/**
 * Finds the wiki links in `text[from, to)`, ignoring Markdown structure (code included):
 * for a whole note use the note model (analyzeNote `links`); this is for a run of text already known to
 * be prose (the editor's text nodes, and the note model, which skips code and front matter).
 *
 * Rules: a link opens with `[[` and closes with the first `]]` on the same line (no line
 * break inside); when another `[[` comes before that `]]`, the link starts at the last one
 * (`[[a [[b]]` links only `b`; `[[[b]]]` links `b`, keeping the outer brackets as text).
 * An opening bracket escaped by a backslash (`\[[x]]`) starts no link. The first `|` (or
 * `\|`) separates the label, the first `#` before it the heading. A link needs a non-blank
 * target or heading: `[[]]`, `[[ ]]`, `[[|x]]` and `[[#]]` are text. `!` right before the
 * brackets makes an embed, unless it is escaped (`\![[x]]` is a plain link after a `!`).
 * Never throws; linear in the text.
 */
export function scanWikiLinks(text: string, from = 0, to = text.length): WikiLink[] {
  const links: WikiLink[] = [];
  const limit = Math.min(to, text.length);
  let open = text.indexOf('[[', Math.max(0, from));
  while (open >= 0 && open + 1 < limit) {
    // In a run of brackets the link starts at the last pair.
    while (open + 2 < limit && text.charCodeAt(open + 2) === 91 /* [ */) open++;
    if (isEscaped(text, open, from)) {
      open = text.indexOf('[[', open + 1);
      continue;
    }
    const contentStart = open + 2;
    const scanLimit = Math.min(limit, contentStart + MAX_LINK_LENGTH);
    let close = -1;
    let restart = -1;
    let broken = -1;
    for (let index = contentStart; index + 1 < scanLimit; index++) {
      const code = text.charCodeAt(index);
      if (code === 10 || code === 13) {
        broken = index;
        break;
      }
      if (code === 93 /* ] */ && text.charCodeAt(index + 1) === 93) {
        close = index;
        break;
      }
      if (code === 91 /* [ */ && text.charCodeAt(index + 1) === 91) {
        restart = index;
        break;
      }
    }
    if (restart >= 0) {
      open = restart;
      continue;
    }
    if (close < 0) {
      open = text.indexOf('[[', broken >= 0 ? broken : contentStart);
      continue;
    }
    const link = readLink(text, open, contentStart, close, from);
    if (link) links.push(link);
    open = text.indexOf('[[', close + 2);
  }
  return links;
}

/** True when the character at `index` is escaped by an odd run of backslashes (within `[from, index)`). */
function isEscaped(text: string, index: number, from: number): boolean {
  let backslashes = 0;
  for (let cursor = index - 1; cursor >= from && text.charCodeAt(cursor) === 92; cursor--) backslashes++;
  return backslashes % 2 === 1;
}

function readLink(text: string, open: number, contentStart: number, close: number, from: number): WikiLink | null {
  const inner = text.slice(contentStart, close);
  let targetPart = inner;
  let label: string | null = null;
  let escapedPipe = false;
  const pipe = inner.indexOf('|');
  if (pipe >= 0) {
    label = inner.slice(pipe + 1);
    escapedPipe = pipe > 0 && inner.charCodeAt(pipe - 1) === 92;
    targetPart = inner.slice(0, escapedPipe ? pipe - 1 : pipe);
  }
  let target = targetPart;
  let heading: string | null = null;
  const hash = targetPart.indexOf('#');
  if (hash >= 0) {
    target = targetPart.slice(0, hash);
    heading = targetPart.slice(hash + 1);
  }
  if (target.trim() === '' && (heading === null || heading.trim() === '')) return null;
  const embed = open - 1 >= from && text.charCodeAt(open - 1) === 33 /* ! */ && !isEscaped(text, open - 1, from);
  const start = embed ? open - 1 : open;
  const end = close + 2;
  return { start, end, source: text.slice(start, end), target, heading, label, embed, escapedPipe };
}
