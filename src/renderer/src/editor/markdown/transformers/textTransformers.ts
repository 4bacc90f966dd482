/**
 * Inline transformers of the dialect: the text formats (bold, italic, strikethrough,
 * Obsidian's highlight, inline code), links and wiki links. Typing `**x**`, `*x*`, `__x__`,
 * `_x_`, `~~x~~`, `==x==`, `` `x` ``, `[text](https://…)` or `[[Target]]` formats as you
 * type; saving writes `**`, `*`, `~~`, `==`, backticks, `[text](url)` and `[[…]]` (see
 * `@shared/markdown/dialect`).
 */
import { $isAutoLinkNode, $isLinkNode, LinkNode } from '@lexical/link';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  INLINE_CODE,
  ITALIC_STAR,
  HIGHLIGHT,
  ITALIC_UNDERSCORE,
  LINK as LEXICAL_LINK,
  STRIKETHROUGH,
  type TextFormatTransformer,
  type TextMatchTransformer,
} from '@lexical/markdown';
import { scanWikiLinks } from '@shared/links/parseWikiLinks';
import { decodeLinkDestination } from '@shared/markdown/inlineSyntax';
import type { LinkInline } from '@shared/markdown/model';
import { serializeInline } from '@shared/markdown/serializeInline';
import { $getState } from 'lexical';
import { $createWikiLinkNode, $isWikiLinkNode, WikiLinkNode } from '../../nodes/WikiLinkNode';
import { $readInline } from '../convert/readModel';
import { DIALECT_OPTIONS } from '../convert/writeNodes';
import { autolinkState } from '../fidelity/states';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';

/** Order matters for typing: code first, then longer tags before shorter ones. */
export const TEXT_FORMAT_TRANSFORMERS: readonly TextFormatTransformer[] = [
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  HIGHLIGHT,
];

/**
 * `[text](url)` typed becomes a link only for http, https and mailto URLs (anything else
 * stays text); a link is saved as `[text](url "title")`, or `<url>` if it was written so.
 */
export const LINK: TextMatchTransformer = {
  ...LEXICAL_LINK,
  dependencies: [LinkNode],
  export: (node) => {
    if (!$isLinkNode(node) || $isAutoLinkNode(node)) return null;
    const link: LinkInline = {
      type: 'link',
      url: node.getURL(),
      title: node.getTitle() ?? null,
      autolink: $getState(node, autolinkState),
      children: $readInline(node),
    };
    return serializeInline([link], DIALECT_OPTIONS);
  },
  replace: (textNode, match) => {
    const destination = match[2] ?? match[3] ?? '';
    const url = decodeLinkDestination(destination);
    if (url === null || !isAllowedLinkUrl(url)) return;
    return LEXICAL_LINK.replace?.(textNode, match);
  },
};

/**
 * `[[Target]]`, `[[Target|label]]`, `[[Target#Heading]]`… typed (the closing `]` is the
 * trigger) becomes a wiki link node; an embed `![[…]]` or an escaped `\[[…]]` stays text.
 * The `[[` autocomplete usually inserts the link before the brackets are closed.
 */
export const WIKI_LINK: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [WikiLinkNode],
  trigger: ']',
  // The innermost `[[` (not after `!` or a backslash) up to the `]]` just typed, on one line.
  regExp: /(?<![!\\])\[\[(?!\[)((?:(?!\[\[|\]\])[^\n])+)\]\]$/,
  importRegExp: /(?<![!\\])\[\[(?!\[)((?:(?!\[\[|\]\])[^\n])+)\]\]/,
  export: (node) => {
    if (!$isWikiLinkNode(node)) return null;
    return serializeInline([{ type: 'wikilink', ...node.getParts(), format: node.getFormat() }], DIALECT_OPTIONS);
  },
  replace: (textNode, match) => {
    const [link] = scanWikiLinks(match[0]);
    // The pattern is looser than the link rules (a blank target, say): such text stays text.
    if (!link || link.embed || link.source !== match[0]) return;
    const node = $createWikiLinkNode(link).setFormat(textNode.getFormat());
    textNode.replace(node);
    node.selectNext(0, 0);
  },
};
