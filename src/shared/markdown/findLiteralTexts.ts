/**
 * The constructs in inline text that the parser keeps literal (wiki links in a link's
 * text, math, tags, comments, raw HTML, bare URLs, images, links to refused URLs…). The
 * serializer writes them as they are instead of escaping them; the parser records them so
 * text that only looks like one is written escaped again.
 */
import { type InlineContainer, canonicalInline } from './canonicalInline';
import {
  BacktickRuns,
  BracketPairs,
  decodeLinkDestination,
  matchAutolink,
  matchBareUrl,
  matchBlockId,
  matchComment,
  matchEntity,
  matchFootnoteReference,
  matchInlineMath,
  matchRawHtml,
  matchTag,
  matchWikiLink,
  parseLinkTail,
} from './inlineSyntax';
import { isMarkdownNoteLink } from '../links/markdownLinkTarget';
import { imageEmbedAt, markdownImageAt } from './imageEmbeds';
import { isAllowedLinkUrl as defaultPolicy, type LinkUrlPolicy } from './linkPolicy';
import { FORMAT_CODE, type InlineNode } from './model';

/** Backticks in text are always escaped, so they never form code spans the parser would skip. */
const NO_BACKTICK_RUNS = new BacktickRuns('');
/** Stands for a link in the plain text of a container, so no literal spans across it. */
export const LINK_PLACEHOLDER = '\uFFFC';

/**
 * The constructs in inline content that the serializer would write as they are (wiki
 * links, math, tags…), as their text — per container, links' labels included.
 */
export function findLiteralTexts(
  nodes: readonly InlineNode[],
  options: { readonly isAllowedLinkUrl?: LinkUrlPolicy; readonly container?: InlineContainer } = {},
): string[] {
  const texts: string[] = [];
  const visit = (container: readonly InlineNode[], kind: ContainerKind): void => {
    const segments: Segment[] = [];
    let plain = '';
    for (const node of container) {
      const start = plain.length;
      plain += node.type === 'text' ? node.text : node.type === 'break' ? '\n' : LINK_PLACEHOLDER;
      segments.push({ node, start, end: plain.length });
      if (node.type === 'link') visit(node.children, 'link');
    }
    const segmentAt = new Int32Array(plain.length);
    segments.forEach((segment, index) => segmentAt.fill(index, segment.start, segment.end));
    markLiterals(plain, segments, segmentAt, options.isAllowedLinkUrl ?? defaultPolicy, kind, (start, end) => {
      texts.push(plain.slice(start, end));
    });
  };
  visit(canonicalInline(nodes, options.container), 'block');
  return texts;
}

export type ContainerKind = 'block' | 'heading' | 'link';

export interface Segment {
  readonly node: InlineNode;
  readonly start: number;
  readonly end: number;
}

/**
 * Marks the characters of constructs the parser keeps literal, so they are written as
 * they are. A construct is only protected when it lies in text of one format.
 */
export function markLiterals(
  plain: string,
  segments: readonly Segment[],
  segmentAt: Int32Array,
  policy: LinkUrlPolicy,
  kind: ContainerKind,
  found: (start: number, end: number) => void,
): void {
  const brackets = new BracketPairs(plain, NO_BACKTICK_RUNS);
  const protect = (start: number, end: number): void => {
    let format = -1;
    for (let index = start; index < end; index++) {
      const node = segments[segmentAt[index]!]!.node;
      if (node.type === 'link' || node.type === 'wikilink') return;
      if (node.type === 'text') {
        if ((node.format & FORMAT_CODE) !== 0) return;
        if (format === -1) format = node.format;
        else if (format !== node.format) return;
      }
    }
    found(start, end);
  };
  let index = 0;
  while (index < plain.length) {
    const end = literalEnd(plain, index, brackets, policy, kind === 'link');
    if (end > index) {
      protect(index, end);
      index = end;
    } else {
      index++;
    }
  }
}

/**
 * End of the literal construct at `index`, or -1. `wikiIsText`: in a link's text, where the
 * parser keeps `[[x]]` as literal text (elsewhere it is a wiki link, so text that looks
 * like one is escaped instead).
 */
function literalEnd(
  plain: string,
  index: number,
  brackets: BracketPairs,
  policy: LinkUrlPolicy,
  wikiIsText: boolean,
): number {
  switch (plain[index]) {
    case '<': {
      const autolink = matchAutolink(plain, index);
      if (autolink) return policy(autolink.url) ? -1 : autolink.end;
      return matchRawHtml(plain, index);
    }
    case '&':
      return matchEntity(plain, index);
    case '!': {
      if (plain[index + 1] !== '[') return -1;
      const embed = matchWikiLink(plain, index, true);
      const image = bracketedLiteralEnd(plain, index + 1, brackets, policy, true);
      // An image of the vault is not text to the parser: written as text, it must be escaped.
      if (embed > 0 && imageEmbedAt(plain, index, embed)) return -1;
      if (embed < 0 && image > 0 && markdownImageAt(plain, index, image)) return -1;
      return Math.max(embed, image);
    }
    case '[': {
      const wiki = wikiIsText ? matchWikiLink(plain, index) : -1;
      if (wiki > 0) return wiki;
      const footnote = matchFootnoteReference(plain, index);
      if (footnote > 0) return footnote;
      return bracketedLiteralEnd(plain, index, brackets, policy, false);
    }
    case '$':
      return matchInlineMath(plain, index);
    case '%':
      return matchComment(plain, index);
    case '#':
      return matchTag(plain, index);
    case '^':
      return matchBlockId(plain, index);
    case 'h':
    case 'H':
    case 'w':
    case 'W':
      return matchBareUrl(plain, index);
    default:
      return -1;
  }
}

/** End of a bracketed construct the parser keeps literal (image, reference link, link to a refused URL). */
function bracketedLiteralEnd(
  plain: string,
  index: number,
  brackets: BracketPairs,
  policy: LinkUrlPolicy,
  isImage: boolean,
): number {
  const labelEnd = brackets.close(index);
  if (labelEnd < 0) return -1;
  if (plain[labelEnd + 1] === '(') {
    const tail = parseLinkTail(plain, labelEnd + 1);
    if (!tail) return -1;
    if (isImage || labelEnd === index + 1) return tail.end;
    const url = decodeLinkDestination(tail.destination);
    if (url === null) return tail.end;
    // A Markdown link to a vault path is a note link to the parser (see parseInline), not text.
    return policy(url) || isMarkdownNoteLink(url, plain.slice(index + 1, labelEnd)) ? -1 : tail.end;
  }
  if (plain[labelEnd + 1] === '[') {
    const close = plain.indexOf(']', labelEnd + 2);
    const newline = plain.indexOf('\n', labelEnd + 2);
    if (close > 0 && (newline < 0 || newline > close) && !plain.slice(labelEnd + 2, close).includes('[')) {
      return close + 1;
    }
  }
  return -1;
}
