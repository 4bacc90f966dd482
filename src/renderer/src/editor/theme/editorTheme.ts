import type { EditorThemeClasses } from 'lexical';

/**
 * The Lexical theme: the class each node gets in the editing surface. The look lives in
 * `editor.css` (design tokens only, so light and dark follow the app theme).
 */
export const editorTheme: EditorThemeClasses = {
  paragraph: 'ed-paragraph',
  heading: {
    h1: 'ed-h1',
    h2: 'ed-h2',
    h3: 'ed-h3',
    h4: 'ed-h4',
    h5: 'ed-h5',
    h6: 'ed-h6',
  },
  quote: 'ed-quote',
  list: {
    ul: 'ed-ul',
    ol: 'ed-ol',
    checklist: 'ed-checklist',
    listitem: 'ed-li',
    listitemChecked: 'ed-li-checked',
    listitemUnchecked: 'ed-li-unchecked',
    nested: { list: 'ed-nested-list', listitem: 'ed-nested-li' },
    olDepth: ['ed-ol1', 'ed-ol2', 'ed-ol3', 'ed-ol4', 'ed-ol5'],
    ulDepth: ['ed-ul1', 'ed-ul2', 'ed-ul3', 'ed-ul4', 'ed-ul5'],
  },
  link: 'ed-link',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    strikethrough: 'ed-strike',
    code: 'ed-code',
    underline: 'ed-underline',
    underlineStrikethrough: 'ed-underline-strike',
    highlight: 'ed-highlight',
  },
  code: 'ed-codeblock',
  codeHighlight: {},
  hr: 'ed-hr',
  hrSelected: 'ed-hr-selected',
  table: 'ed-table',
  tableRow: 'ed-tr',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  tableCellSelected: 'ed-cell-selected',
  tableSelection: 'ed-table-selection',
  tableScrollableWrapper: 'ed-table-scroll',
  indent: 'ed-indent',
  ltr: 'ed-ltr',
  rtl: 'ed-rtl',
};
