/**
 * The inline parser of the dialect: CommonMark/GFM inline syntax reduced to what the
 * editor models (bold, italic, strikethrough, Obsidian's `==highlight==`, inline code,
 * http/https/mailto links, Obsidian wiki links, line breaks). Everything else — embeds,
 * images, footnote references, inline math, comments, tags, block ids, bare URLs, raw HTML,
 * entities, reference links and links to other schemes — is kept as literal text, exactly
 * as written, and is never parsed inside (so `$a_b$` stays `$a_b$`).
 *
 * Wiki links are found the way the backend's link index finds them (`scanWikiLinks`): the
 * innermost `[[` opens a link, an escaped `\[[` opens none, a link never spans a line or a
 * code span. Inside the text of a Markdown link they stay literal text.
 */
import { isMarkdownNoteLink, markdownLinkTarget } from '../links/markdownLinkTarget';
import { scanWikiLinks, type WikiLink } from '../links/parseWikiLinks';
import type { InlineContainer } from './canonicalInline';
import { findLiteralTexts } from './findLiteralTexts';
import { imageEmbedAt, markdownImageAt } from './imageEmbeds';
import {
  type InlineNode,
  FORMAT_BOLD,
  FORMAT_CODE,
  FORMAT_HIGHLIGHT,
  FORMAT_ITALIC,
  FORMAT_STRIKETHROUGH,
  type LinkInline,
  type TextInline,
  type WikiLinkInline,
} from './model';
import {
  BacktickRuns,
  BracketPairs,
  charAt,
  charBefore,
  decodeLinkDestination,
  isAsciiPunctuation,
  isPunctuation,
  isWhitespace,
  matchAutolink,
  matchBareUrl,
  matchBlockId,
  matchCodeSpan,
  matchComment,
  matchEntity,
  matchFootnoteReference,
  matchInlineMath,
  matchRawHtml,
  matchTag,
  matchWikiLink,
  parseLinkTail,
  unescapeBackslashes,
} from './inlineSyntax';
import { trimTrailing } from './lines';
import { isAllowedLinkUrl as defaultPolicy, type LinkUrlPolicy } from './linkPolicy';

export interface InlineParseOptions {
  /** Which URLs become links (default: {@link defaultPolicy}). */
  readonly isAllowedLinkUrl?: LinkUrlPolicy;
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'break'; marker: string }
  | { kind: 'link'; link: LinkInline }
  | { kind: 'wiki'; link: Omit<WikiLinkInline, 'format'> }
  | { kind: 'open'; format: number }
  | { kind: 'close'; format: number };

interface Delimiter {
  marker: string;
  /** Length of the whole delimiter run (for the rule of 3). */
  length: number;
  token: number;
  end: number;
  open: boolean;
  close: boolean;
}

interface Context {
  readonly text: string;
  readonly runs: BacktickRuns;
  readonly brackets: BracketPairs;
  readonly policy: LinkUrlPolicy;
  /** Every construct kept literal, as written. */
  readonly literals: Set<string>;
  /** The wiki links of the text by their first `[` (embeds left out), found on first use. */
  wikiLinks: Map<number, WikiLink> | null;
}

/**
 * Parses the inline content of a block (its lines joined with `\n`). Leading whitespace
 * of every line and trailing whitespace of the block are not content; two or more spaces
 * (or a backslash) before a line end make a hard break. Never throws.
 */
export function parseInline(source: string, options: InlineParseOptions = {}): InlineNode[] {
  return parseInlineContent(source, options).children;
}

/** Inline content and its escaped literals (see {@link EscapedLiterals}). */
export interface InlineContent {
  readonly children: InlineNode[];
  readonly escaped: string[];
}

/**
 * {@link parseInline}, also reporting the text that reads as a literal construct but was
 * not one in the source (it was escaped), so that saving can escape it again.
 */
export function parseInlineContent(
  source: string,
  options: InlineParseOptions = {},
  container: InlineContainer = 'paragraph',
): InlineContent {
  const text = source.replace(/(^|\n)[ \t]+/g, '$1');
  const runs = new BacktickRuns(text);
  const context: Context = {
    text,
    runs,
    brackets: new BracketPairs(text, runs),
    policy: options.isAllowedLinkUrl ?? defaultPolicy,
    literals: new Set(),
    wikiLinks: null,
  };
  const children = trimEnd(parseRange(context, 0, text.length, true));
  const escaped = findLiteralTexts(children, { isAllowedLinkUrl: context.policy, container }).filter(
    (literal) => !context.literals.has(literal),
  );
  return { children, escaped };
}

function parseRange(context: Context, from: number, to: number, allowLinks: boolean): InlineNode[] {
  const tokens: Token[] = [];
  const delimiters: Delimiter[] = [];
  tokenize(context, from, to, allowLinks, tokens, delimiters);
  balancePairs(delimiters);
  applyEmphasis(tokens, delimiters);
  return buildNodes(tokens);
}

function tokenize(
  context: Context,
  from: number,
  to: number,
  allowLinks: boolean,
  tokens: Token[],
  delimiters: Delimiter[],
): void {
  const { text } = context;
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') {
      tokens.push({ kind: 'text', text: buffer });
      buffer = '';
    }
  };
  const literal = (end: number, start: number): number => {
    const written = text.slice(start, end);
    buffer += written;
    context.literals.add(written);
    return end;
  };

  let index = from;
  while (index < to) {
    const char = text[index]!;
    switch (char) {
      case '\\': {
        const next = text[index + 1];
        if (next === '\n' && index + 1 < to) {
          flush();
          tokens.push({ kind: 'break', marker: '\\' });
          index += 2;
        } else if (index + 1 < to && isAsciiPunctuation(next)) {
          buffer += next;
          index += 2;
        } else {
          buffer += char;
          index++;
        }
        continue;
      }
      case '\n': {
        const spaces = buffer.length - trimTrailing(buffer, ' ').length;
        buffer = trimTrailing(buffer);
        flush();
        tokens.push({ kind: 'break', marker: spaces >= 2 ? ' '.repeat(spaces) : '' });
        index++;
        continue;
      }
      case '`': {
        const span = matchCodeSpan(text, index, context.runs);
        if (span && span.end <= to) {
          flush();
          tokens.push({ kind: 'code', text: span.content });
          index = span.end;
        } else {
          let end = index;
          while (text[end] === '`') end++;
          index = literal(end, index);
        }
        continue;
      }
      case '<': {
        const autolink = matchAutolink(text, index);
        if (autolink && autolink.end <= to) {
          if (allowLinks && context.policy(autolink.url)) {
            flush();
            tokens.push({
              kind: 'link',
              link: {
                type: 'link',
                url: autolink.url,
                title: null,
                autolink: true,
                children: [{ type: 'text', text: autolink.text, format: 0 }],
              },
            });
            index = autolink.end;
          } else {
            index = literal(autolink.end, index);
          }
          continue;
        }
        const html = matchRawHtml(text, index);
        if (html > 0 && html <= to) {
          index = literal(html, index);
          continue;
        }
        break;
      }
      case '&': {
        const entity = matchEntity(text, index);
        if (entity > 0 && entity <= to) {
          index = literal(entity, index);
          continue;
        }
        break;
      }
      case '!': {
        if (text[index + 1] === '[') {
          const embed = matchWikiLink(text, index, true);
          if (embed > 0 && embed <= to) {
            const shown = allowLinks ? imageEmbedAt(text, index, embed) : null;
            if (shown) {
              flush();
              tokens.push({ kind: 'wiki', link: shown });
              index = embed;
            } else index = literal(embed, index);
            continue;
          }
          const image = matchBracketed(context, index + 1, to, true);
          if (image) {
            const shown = allowLinks ? markdownImageAt(text, index, image.end) : null;
            if (shown) {
              flush();
              tokens.push({ kind: 'wiki', link: shown });
              index = image.end;
            } else index = literal(image.end, index);
            continue;
          }
        }
        break;
      }
      case '[': {
        const wiki = wikiLinkAt(context, index, to);
        if (wiki) {
          if (allowLinks) {
            flush();
            const { target, heading, label, escapedPipe } = wiki;
            tokens.push({ kind: 'wiki', link: { type: 'wikilink', target, heading, label, escapedPipe } });
            index = wiki.end;
          } else {
            index = literal(wiki.end, index);
          }
          continue;
        }
        const footnote = matchFootnoteReference(text, index);
        if (footnote > 0 && footnote <= to) {
          index = literal(footnote, index);
          continue;
        }
        const bracketed = matchBracketed(context, index, to);
        if (bracketed) {
          if (bracketed.link && allowLinks) {
            flush();
            tokens.push({ kind: 'link', link: bracketed.link });
            index = bracketed.end;
            continue;
          }
          if (bracketed.note && allowLinks) {
            flush();
            tokens.push({ kind: 'wiki', link: bracketed.note });
            index = bracketed.end;
            continue;
          }
          if (!bracketed.link) {
            index = literal(bracketed.end, index);
            continue;
          }
        }
        break;
      }
      case '*':
      case '_':
      case '~':
      case '=': {
        let end = index + 1;
        while (end < to && text[end] === char) end++;
        const length = end - index;
        // Strikethrough `~~` and Obsidian's highlight `==` are runs of exactly two.
        if ((char === '~' || char === '=') && length !== 2) {
          index = literal(end, index);
          continue;
        }
        flush();
        const before = charBefore(text, index);
        const after = charAt(text, end);
        const leftFlanking =
          !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
        const rightFlanking =
          !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
        let open = leftFlanking;
        let close = rightFlanking;
        if (char === '_') {
          open = leftFlanking && (!rightFlanking || isPunctuation(before));
          close = rightFlanking && (!leftFlanking || isPunctuation(after));
        }
        if (char === '~' || char === '=') {
          tokens.push({ kind: 'text', text: `${char}${char}` });
          delimiters.push({ marker: char, length: 2, token: tokens.length - 1, end: -1, open, close });
        } else {
          for (let count = 0; count < length; count++) {
            tokens.push({ kind: 'text', text: char });
            delimiters.push({ marker: char, length, token: tokens.length - 1, end: -1, open, close });
          }
        }
        index = end;
        continue;
      }
      case '$': {
        const math = matchInlineMath(text, index);
        if (math > 0 && math <= to) {
          index = literal(math, index);
          continue;
        }
        break;
      }
      case '%': {
        const comment = matchComment(text, index);
        if (comment > 0 && comment <= to) {
          index = literal(comment, index);
          continue;
        }
        break;
      }
      case '#': {
        const tag = matchTag(text, index);
        if (tag > 0 && tag <= to) {
          index = literal(tag, index);
          continue;
        }
        break;
      }
      case '^': {
        const id = matchBlockId(text, index);
        if (id > 0 && id <= to) {
          index = literal(id, index);
          continue;
        }
        break;
      }
      case 'h':
      case 'H':
      case 'w':
      case 'W': {
        const url = matchBareUrl(text, index);
        if (url > 0 && url <= to) {
          index = literal(url, index);
          continue;
        }
        break;
      }
      default:
        break;
    }
    buffer += char;
    index++;
  }
  flush();
}

/**
 * The wiki link whose first `[` is at `index` and that ends by `to`, or null. A link with
 * a code span inside it is not one: code binds tighter (as in the backend's parser, which
 * takes code out first).
 */
function wikiLinkAt(context: Context, index: number, to: number): WikiLink | null {
  const { text } = context;
  if (text[index + 1] !== '[') return null;
  if (context.wikiLinks === null) {
    context.wikiLinks = new Map();
    for (const link of scanWikiLinks(text)) if (!link.embed) context.wikiLinks.set(link.start, link);
  }
  const link = context.wikiLinks.get(index);
  if (!link || link.end > to) return null;
  for (let cursor = text.indexOf('`', index); cursor >= 0 && cursor < link.end; cursor = text.indexOf('`', cursor)) {
    if (matchCodeSpan(text, cursor, context.runs)) return null;
    while (text[cursor] === '`') cursor++;
  }
  return link;
}

/**
 * A bracketed construct at `index` (a `[`): an inline link (returned as `link` when its
 * URL is allowed), or something kept literal (a link to another scheme, a reference link
 * `[a][b]`, an image when called at the `[` after `!`). Null for a lone bracket, which is
 * then ordinary text.
 */
function matchBracketed(
  context: Context,
  index: number,
  to: number,
  isImage = false,
): { end: number; link?: LinkInline; note?: WikiLinkInline } | null {
  const { text } = context;
  const labelEnd = context.brackets.close(index);
  if (labelEnd < 0 || labelEnd >= to) return null;
  const after = text[labelEnd + 1];
  if (after === '(') {
    const tail = parseLinkTail(text, labelEnd + 1);
    if (!tail || tail.end > to) return null;
    if (isImage || labelEnd === index + 1) return { end: tail.end };
    const url = decodeLinkDestination(tail.destination);
    if (url === null) return { end: tail.end };
    if (!context.policy(url)) {
      // A Markdown link to a vault path is a link to a note, as in Obsidian; its text is shown plain.
      const note = markdownLinkTarget(url);
      const label = text.slice(index + 1, labelEnd);
      if (note === null || !isMarkdownNoteLink(url, label)) return { end: tail.end };
      const markdown = text.slice(index, tail.end);
      return { end: tail.end, note: { type: 'wikilink', ...note, label, escapedPipe: false, format: 0, markdown } };
    }
    // A link cannot contain a link: the inner one wins and these brackets are text.
    if (containsLinkSyntax(context, index + 1, labelEnd)) return null;
    const children = parseRange(context, index + 1, labelEnd, false);
    return {
      end: tail.end,
      link: {
        type: 'link',
        url,
        title: tail.title === null ? null : unescapeBackslashes(tail.title),
        autolink: false,
        children,
      },
    };
  }
  if (after === '[') {
    const refEnd = text.indexOf(']', labelEnd + 2);
    const newline = text.indexOf('\n', labelEnd + 2);
    if (
      refEnd > 0 &&
      refEnd < to &&
      (newline < 0 || newline > refEnd) &&
      !text.slice(labelEnd + 2, refEnd).includes('[')
    ) {
      return { end: refEnd + 1 };
    }
  }
  return null;
}

/** True when the text between `from` and `to` holds an inline link or autolink the policy accepts. */
function containsLinkSyntax(context: Context, from: number, to: number): boolean {
  const label = context.text.slice(from, to);
  if (!label.includes('](') && !label.includes('<')) return false;
  const tokens: Token[] = [];
  tokenize(context, from, to, true, tokens, []);
  return tokens.some((token) => token.kind === 'link');
}

/** CommonMark's delimiter matching (as markdown-it implements it): fills `end` of openers. */
function balancePairs(delimiters: Delimiter[]): void {
  const openersBottom: Record<string, number[]> = {};
  const jumps: number[] = [];
  let headerIndex = 0;
  let lastTokenIndex = -2;
  for (let closerIndex = 0; closerIndex < delimiters.length; closerIndex++) {
    const closer = delimiters[closerIndex]!;
    jumps.push(0);
    if (delimiters[headerIndex]!.marker !== closer.marker || lastTokenIndex !== closer.token - 1) {
      headerIndex = closerIndex;
    }
    lastTokenIndex = closer.token;
    if (!closer.close) continue;
    const bottoms = (openersBottom[closer.marker] ??= [-1, -1, -1, -1, -1, -1]);
    const bottomSlot = (closer.open ? 3 : 0) + (closer.length % 3);
    const minOpenerIndex = bottoms[bottomSlot]!;
    let openerIndex = headerIndex - jumps[headerIndex]! - 1;
    let newMinOpenerIndex = openerIndex;
    for (; openerIndex > minOpenerIndex; openerIndex -= jumps[openerIndex]! + 1) {
      const opener = delimiters[openerIndex]!;
      if (opener.marker !== closer.marker) continue;
      if (opener.open && opener.end < 0) {
        let isOddMatch = false;
        if (opener.close || closer.open) {
          if ((opener.length + closer.length) % 3 === 0 && (opener.length % 3 !== 0 || closer.length % 3 !== 0)) {
            isOddMatch = true;
          }
        }
        if (!isOddMatch) {
          const lastJump = openerIndex > 0 && !delimiters[openerIndex - 1]!.open ? jumps[openerIndex - 1]! + 1 : 0;
          jumps[closerIndex] = closerIndex - openerIndex + lastJump;
          jumps[openerIndex] = lastJump;
          closer.open = false;
          opener.end = closerIndex;
          opener.close = false;
          newMinOpenerIndex = -1;
          lastTokenIndex = -2;
          break;
        }
      }
    }
    if (newMinOpenerIndex !== -1) bottoms[bottomSlot] = newMinOpenerIndex;
  }
}

/** Turns matched delimiter pairs into open/close tokens (adjacent `*` pairs make strong). */
function applyEmphasis(tokens: Token[], delimiters: Delimiter[]): void {
  for (let index = delimiters.length - 1; index >= 0; index--) {
    const start = delimiters[index]!;
    if (start.end === -1) continue;
    const end = delimiters[start.end]!;
    if (start.marker === '~' || start.marker === '=') {
      const format = start.marker === '~' ? FORMAT_STRIKETHROUGH : FORMAT_HIGHLIGHT;
      tokens[start.token] = { kind: 'open', format };
      tokens[end.token] = { kind: 'close', format };
      continue;
    }
    const previous = delimiters[index - 1];
    const following = delimiters[start.end + 1];
    const isStrong =
      previous !== undefined &&
      following !== undefined &&
      previous.end === start.end + 1 &&
      previous.marker === start.marker &&
      previous.token === start.token - 1 &&
      following.token === end.token + 1;
    const format = isStrong ? FORMAT_BOLD : FORMAT_ITALIC;
    tokens[start.token] = { kind: 'open', format };
    tokens[end.token] = { kind: 'close', format };
    if (isStrong) {
      tokens[previous.token] = { kind: 'text', text: '' };
      tokens[following.token] = { kind: 'text', text: '' };
      index--;
    }
  }
}

function withFormat(nodes: readonly InlineNode[], format: number): InlineNode[] {
  if (format === 0) return [...nodes];
  return nodes.map((node) => {
    if (node.type === 'text') return { ...node, format: node.format | format };
    if (node.type === 'link') return { ...node, children: withFormat(node.children, format) };
    if (node.type === 'wikilink') return { ...node, format: node.format | format };
    return node;
  });
}

function buildNodes(tokens: readonly Token[]): InlineNode[] {
  const nodes: InlineNode[] = [];
  const counts = new Map<number, number>();
  let format = 0;
  const pushText = (text: string, textFormat: number): void => {
    if (text === '') return;
    if (text.includes('\n')) {
      // Only a literal (a comment, raw HTML…) can span lines; its line ends are breaks.
      text.split('\n').forEach((part, index) => {
        if (index > 0) nodes.push({ type: 'break', marker: '' });
        pushText(part, textFormat);
      });
      return;
    }
    const last = nodes[nodes.length - 1];
    if (last && last.type === 'text' && last.format === textFormat) {
      nodes[nodes.length - 1] = { type: 'text', text: last.text + text, format: textFormat };
    } else {
      nodes.push({ type: 'text', text, format: textFormat });
    }
  };
  for (const token of tokens) {
    switch (token.kind) {
      case 'open':
      case 'close': {
        const count = (counts.get(token.format) ?? 0) + (token.kind === 'open' ? 1 : -1);
        counts.set(token.format, count);
        format = count > 0 ? format | token.format : format & ~token.format;
        break;
      }
      case 'text':
        pushText(token.text, format);
        break;
      case 'code':
        pushText(token.text, format | FORMAT_CODE);
        break;
      case 'break':
        nodes.push({ type: 'break', marker: token.marker });
        break;
      case 'link':
        nodes.push({ ...token.link, children: withFormat(token.link.children, format) });
        break;
      case 'wiki':
        nodes.push({ ...token.link, format });
        break;
    }
  }
  return nodes;
}

/** Removes the whitespace that ends a block (not inside code). */
function trimEnd(nodes: InlineNode[]): InlineNode[] {
  const last = nodes[nodes.length - 1];
  if (last && last.type === 'text' && (last.format & FORMAT_CODE) === 0) {
    const text = trimTrailing(last.text);
    const result = nodes.slice(0, -1);
    if (text !== '') result.push({ ...last, text } satisfies TextInline);
    return result;
  }
  return nodes;
}
