/**
 * The Markdown dialect of the editor, defined once: the node classes it needs and the
 * transformers that give each node its Markdown syntax. The same list drives typing
 * shortcuts (MarkdownShortcutPlugin) and saving (`$exportMarkdown` writes every changed
 * block through its transformer's `export`; a paragraph, which has no block syntax, is
 * written directly); loading parses the same syntax (`@shared/markdown`), in the
 * spellings listed in `@shared/markdown/dialect`.
 */
import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import type { Transformer } from '@lexical/markdown';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { CalloutNode, CalloutTitleNode } from '../callouts/CalloutNode';
import { BlockIdNode } from '../blockIds/BlockIdNode';
import { EmbedBlockNode } from '../embeds/EmbedBlockNode';
import { ItemEmbedNode } from '../embeds/ItemEmbedNode';
import { CommentNode } from '../nodes/CommentNode';
import { ImageNode } from '../nodes/ImageNode';
import { RawBlockNode } from '../nodes/RawBlockNode';
import { MathInlineNode } from '../math/MathInlineNode';
import { TagNode } from '../tags/TagNode';
import { FootnoteRefNode } from '../footnotes/FootnoteRefNode';
import { WikiLinkNode } from '../nodes/WikiLinkNode';
import {
  CHECK_LIST,
  CODE,
  HEADING,
  HORIZONTAL_RULE,
  ORDERED_LIST,
  QUOTE,
  RAW_BLOCK,
  TABLE,
  UNORDERED_LIST,
} from './transformers/blockTransformers';
import { LINK, TEXT_FORMAT_TRANSFORMERS, WIKI_LINK } from './transformers/textTransformers';

/** Every node class the editor registers. */
export const EDITOR_NODES: Array<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  CodeNode,
  CodeHighlightNode,
  LinkNode,
  AutoLinkNode,
  HorizontalRuleNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  RawBlockNode,
  WikiLinkNode,
  CalloutNode,
  CalloutTitleNode,
  CommentNode,
  MathInlineNode,
  TagNode,
  FootnoteRefNode,
  ImageNode,
  EmbedBlockNode,
  ItemEmbedNode,
  BlockIdNode,
];

/**
 * The dialect: used by the Markdown shortcut plugin and by the exporter. Order matters
 * for shortcuts: the horizontal rule before lists (`---`), task lists before bullets.
 */
export const TRANSFORMERS: Transformer[] = [
  RAW_BLOCK,
  TABLE,
  HORIZONTAL_RULE,
  HEADING,
  QUOTE,
  CHECK_LIST,
  UNORDERED_LIST,
  ORDERED_LIST,
  CODE,
  ...TEXT_FORMAT_TRANSFORMERS,
  LINK,
  WIKI_LINK,
];
