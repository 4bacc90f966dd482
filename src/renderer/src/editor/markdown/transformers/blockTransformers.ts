/**
 * Block transformers of the dialect. Their `regExp`/`replace` are Lexical's (what typing
 * `# `, `> `, `- `, `1. `, `[ ] `, ``` or `---` does); their `export` writes the block in
 * the dialect (see `convert/writeNodes.ts`), which is what saving uses.
 */
import { $isCodeNode, CodeNode } from '@lexical/code';
import { $isListNode, ListItemNode, ListNode } from '@lexical/list';
import {
  CHECK_LIST as LEXICAL_CHECK_LIST,
  CODE as LEXICAL_CODE,
  type ElementTransformer,
  HEADING as LEXICAL_HEADING,
  type MultilineElementTransformer,
  ORDERED_LIST as LEXICAL_ORDERED_LIST,
  QUOTE as LEXICAL_QUOTE,
  UNORDERED_LIST as LEXICAL_UNORDERED_LIST,
} from '@lexical/markdown';
import {
  $createHorizontalRuleNode,
  $isHorizontalRuleNode,
  HorizontalRuleNode,
} from '@lexical/react/LexicalHorizontalRuleNode';
import { $isHeadingNode, $isQuoteNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $isTableNode, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { THEMATIC_BREAK } from '@shared/markdown/dialect';
import { $isRawBlockNode, RawBlockNode } from '../../nodes/RawBlockNode';
import { $documentOrigin, $writeBlockNode, $writeList, $writeTable, toLineEnding } from '../convert/writeNodes';

/** Headings: `# `, `## ` and `### ` as shortcuts (the editor offers h1–h3); h4–h6 load and save too. */
export const HEADING: ElementTransformer = {
  ...LEXICAL_HEADING,
  dependencies: [HeadingNode],
  regExp: /^(#{1,3})\s/,
  export: (node) => ($isHeadingNode(node) ? $writeBlockNode(node) : null),
};

export const QUOTE: ElementTransformer = {
  ...LEXICAL_QUOTE,
  dependencies: [QuoteNode],
  export: (node) => ($isQuoteNode(node) ? $writeBlockNode(node) : null),
};

const exportList: ElementTransformer['export'] = (node) => ($isListNode(node) ? $writeList(node) : null);

export const CHECK_LIST: ElementTransformer = {
  ...LEXICAL_CHECK_LIST,
  dependencies: [ListNode, ListItemNode],
  export: exportList,
};

export const UNORDERED_LIST: ElementTransformer = {
  ...LEXICAL_UNORDERED_LIST,
  dependencies: [ListNode, ListItemNode],
  export: exportList,
};

export const ORDERED_LIST: ElementTransformer = {
  ...LEXICAL_ORDERED_LIST,
  dependencies: [ListNode, ListItemNode],
  export: exportList,
};

export const CODE: MultilineElementTransformer = {
  ...LEXICAL_CODE,
  dependencies: [CodeNode],
  export: (node) => ($isCodeNode(node) ? $writeBlockNode(node) : null),
};

/** `---`, `***` or `___` then a space inserts a horizontal rule; saved as `---`. */
export const HORIZONTAL_RULE: ElementTransformer = {
  dependencies: [HorizontalRuleNode],
  export: (node) => ($isHorizontalRuleNode(node) ? THEMATIC_BREAK : null),
  regExp: /^(---|\*\*\*|___)\s?$/,
  replace: (parentNode, _children, _match, isImport) => {
    const rule = $createHorizontalRuleNode();
    if (isImport || parentNode.getNextSibling() !== null) parentNode.replace(rule);
    else parentNode.insertBefore(rule);
    rule.selectNext();
  },
  type: 'element',
};

/** Raw Markdown blocks are saved as their text; they have no typing shortcut. */
export const RAW_BLOCK: ElementTransformer = {
  dependencies: [RawBlockNode],
  export: (node) => ($isRawBlockNode(node) ? toLineEnding(node.getText(), $documentOrigin().eol) : null),
  regExp: /(?!)/,
  replace: () => false,
  type: 'element',
};

/** GFM tables are saved row by row; they are inserted from the toolbar, not typed. */
export const TABLE: ElementTransformer = {
  dependencies: [TableNode, TableRowNode, TableCellNode],
  export: (node) => ($isTableNode(node) ? $writeTable(node) : null),
  regExp: /(?!)/,
  replace: () => false,
  type: 'element',
};
