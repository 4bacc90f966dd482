/**
 * Inline content in its canonical form, and equality of inline contents: the form the
 * serializer writes (serializeInline.ts) and finds literal constructs in
 * (findLiteralTexts.ts), and the comparison that decides whether a block reads back
 * unchanged (serializeBlock.ts).
 */
import { formatWikiLink } from '../links/formatWikiLink';
import { matchAutolink } from './inlineSyntax';
import { trimTrailing } from './lines';
import {
  FORMAT_BOLD,
  FORMAT_CODE,
  FORMAT_HIGHLIGHT,
  FORMAT_ITALIC,
  FORMAT_STRIKETHROUGH,
  type InlineNode,
  SUPPORTED_FORMATS,
  type WikiLinkInline,
} from './model';

/** The formats whose markers cannot sit next to whitespace on their inner side. */
export const EMPHASIS = FORMAT_BOLD | FORMAT_ITALIC | FORMAT_STRIKETHROUGH | FORMAT_HIGHLIGHT;

/**
 * Where inline content lives. A heading is one line (breaks become spaces, no line-start
 * escapes, a trailing `#` run is escaped). In a quote an empty line separates paragraphs;
 * in a paragraph or list item an empty line is written as a line holding `\` (a hard
 * break), since a blank line would end the block.
 */
export type InlineContainer = 'paragraph' | 'heading' | 'quote';

/**
 * The canonical form of inline content: only the dialect's formats, no empty text,
 * adjacent runs of one format merged, hard-break markers the dialect knows, no line
 * break at the start or end, breaks as spaces in headings, and empty lines as the
 * container writes them.
 */
export function canonicalInline(
  nodes: readonly InlineNode[],
  container: InlineContainer = 'paragraph',
  inLink = false,
): InlineNode[] {
  const heading = container === 'heading';
  const result: InlineNode[] = [];
  const push = (node: InlineNode): void => {
    if (node.type === 'text') {
      if (node.text === '') return;
      // Whitespace alone at the start of a line is not written: the line is empty.
      const previous = result[result.length - 1];
      if (previous?.type === 'break' && /^[ \t]+$/.test(node.text)) {
        if ((node.format & FORMAT_CODE) === 0) return;
      }
      const last = result[result.length - 1];
      if (last && last.type === 'text' && last.format === node.format) {
        result[result.length - 1] = { type: 'text', text: last.text + node.text, format: node.format };
        return;
      }
    }
    result.push(node);
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      push({ type: 'text', text: node.text, format: node.format & SUPPORTED_FORMATS });
    } else if (node.type === 'break') {
      if (heading) push({ type: 'text', text: ' ', format: 0 });
      else push({ type: 'break', marker: /^(?: {2,}|\\)$/.test(node.marker) ? node.marker : '' });
    } else if (node.type === 'wikilink') {
      // Inside a link's text, or as code, a wiki link can only be text (the parser reads it so).
      const format = node.format & SUPPORTED_FORMATS;
      if (inLink || (format & FORMAT_CODE) !== 0)
        push({ type: 'text', text: node.markdown ?? formatWikiLink(node), format });
      else push({ ...node, escapedPipe: node.label !== null && node.escapedPipe, format });
    } else {
      const children = canonicalInline(node.children, heading ? 'heading' : 'paragraph', true);
      push({ ...node, children, autolink: node.autolink && autolinkText(node.url, children) !== null });
    }
  }
  while (result[0]?.type === 'break') result.shift();
  while (result[result.length - 1]?.type === 'break') result.pop();
  if (container === 'quote') {
    // An empty quote line separates paragraphs: any run of breaks is one empty line.
    const collapsed: InlineNode[] = [];
    for (const node of result) {
      if (node.type === 'break' && collapsed[collapsed.length - 1]?.type === 'break') {
        if (collapsed[collapsed.length - 2]?.type !== 'break') {
          collapsed[collapsed.length - 1] = { type: 'break', marker: '' };
          collapsed.push({ type: 'break', marker: '' });
        }
        continue;
      }
      collapsed.push(node);
    }
    return collapsed;
  }
  // The break that ends an empty line is written as a backslash on that line.
  return result.map((node, index) =>
    node.type === 'break' && result[index - 1]?.type === 'break' ? { type: 'break', marker: '\\' } : node,
  );
}

/**
 * Inline content as the parser would give it back: canonical, with the whitespace the
 * parser drops (line-leading whitespace, whitespace before a soft break or at the end)
 * removed. Two contents are equivalent when their comparable forms are equal.
 */
export function comparableInline(nodes: readonly InlineNode[], container: InlineContainer = 'paragraph'): InlineNode[] {
  const result = unformatEdgeWhitespace(stripWhitespace(canonicalInline(nodes, container), true));
  while (result[0]?.type === 'break') result.shift();
  while (result[result.length - 1]?.type === 'break') result.pop();
  return result;
}

function stripWhitespace(nodes: readonly InlineNode[], isBlock: boolean): InlineNode[] {
  const result: InlineNode[] = [];
  let atLineStart = isBlock;
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.type === 'break') {
      result.push(node);
      atLineStart = true;
      continue;
    }
    if (node.type === 'link') {
      result.push({ ...node, children: stripWhitespace(node.children, false) });
      atLineStart = false;
      continue;
    }
    if (node.type === 'wikilink') {
      result.push(node);
      atLineStart = false;
      continue;
    }
    let text = node.text;
    const isCode = (node.format & FORMAT_CODE) !== 0;
    if (!isCode) {
      if (atLineStart) text = text.replace(/^[ \t]+/, '');
      const next = nodes[index + 1];
      const endsLine = next === undefined ? isBlock : next.type === 'break' && next.marker !== '\\';
      if (endsLine) text = trimTrailing(text);
    }
    if (text !== '') {
      const last = result[result.length - 1];
      if (last && last.type === 'text' && last.format === node.format) {
        result[result.length - 1] = { type: 'text', text: last.text + text, format: node.format };
      } else {
        result.push({ type: 'text', text, format: node.format });
      }
      atLineStart = false;
    }
  }
  return result;
}

/**
 * Emphasis on the whitespace at either edge of a text run does not count: Markdown cannot
 * put a delimiter next to whitespace on its inner side (`~~a ~~` is not struck through),
 * so the serializer writes such whitespace outside the markers, where it loses the format.
 */
function unformatEdgeWhitespace(nodes: readonly InlineNode[]): InlineNode[] {
  const result: InlineNode[] = [];
  const push = (text: string, format: number) => {
    if (text === '') return;
    const last = result[result.length - 1];
    if (last && last.type === 'text' && last.format === format) {
      result[result.length - 1] = { type: 'text', text: last.text + text, format };
    } else {
      result.push({ type: 'text', text, format });
    }
  };
  for (const node of nodes) {
    if (node.type === 'link') {
      result.push({ ...node, children: unformatEdgeWhitespace(node.children) });
    } else if (node.type !== 'text' || (node.format & FORMAT_CODE) !== 0 || (node.format & EMPHASIS) === 0) {
      if (node.type === 'text') push(node.text, node.format);
      else result.push(node);
    } else {
      const [lead, core, trail] = splitWhitespace(node.text);
      push(lead, node.format & ~EMPHASIS);
      push(core, node.format);
      push(trail, node.format & ~EMPHASIS);
    }
  }
  return result;
}

/** Deep equality of inline contents. */
export function inlineEqual(a: readonly InlineNode[], b: readonly InlineNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const x = a[index]!;
    const y = b[index]!;
    if (x.type !== y.type) return false;
    if (x.type === 'text' && y.type === 'text') {
      if (x.text !== y.text || x.format !== y.format) return false;
    } else if (x.type === 'break' && y.type === 'break') {
      if (x.marker !== y.marker) return false;
    } else if (x.type === 'link' && y.type === 'link') {
      if (x.url !== y.url || x.title !== y.title || x.autolink !== y.autolink) return false;
      if (!inlineEqual(x.children, y.children)) return false;
    } else if (x.type === 'wikilink' && y.type === 'wikilink') {
      if (!wikiLinkEqual(x, y)) return false;
    }
  }
  return true;
}

/** True when two wiki links are written alike (same parts, same spelling of the separator, same format). */
export function wikiLinkEqual(a: WikiLinkInline, b: WikiLinkInline): boolean {
  return (
    a.target === b.target &&
    a.heading === b.heading &&
    a.label === b.label &&
    a.escapedPipe === b.escapedPipe &&
    a.format === b.format &&
    (a.markdown ?? null) === (b.markdown ?? null)
  );
}

/** `text` as leading whitespace, the rest, and trailing whitespace (Unicode whitespace). */
export function splitWhitespace(text: string): [string, string, string] {
  let start = 0;
  while (start < text.length && isWhitespaceChar(text[start]!)) start++;
  let end = text.length;
  while (end > start && isWhitespaceChar(text[end - 1]!)) end--;
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}

function isWhitespaceChar(char: string): boolean {
  return /\s/u.test(char);
}

/**
 * The text to write between angle brackets for a link that can be an autolink (its only
 * child is unformatted text that `<text>` reads back as `url`), or null.
 */
export function autolinkText(url: string, children: readonly InlineNode[], inherited = 0): string | null {
  const only = children.length === 1 ? children[0] : undefined;
  if (!only || only.type !== 'text' || (only.format & ~inherited & SUPPORTED_FORMATS) !== 0) return null;
  const autolink = matchAutolink(`<${only.text}>`, 0);
  return autolink && autolink.end === only.text.length + 2 && autolink.url === url ? only.text : null;
}
