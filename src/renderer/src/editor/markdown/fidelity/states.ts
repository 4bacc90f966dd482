/**
 * What the editor remembers about the Markdown a note was loaded from, as Lexical
 * NodeState: it lives inside the nodes, so it follows them through undo/redo snapshots
 * and JSON round trips, and a node copied with `$copyNode` (a split, an Enter) starts
 * without it.
 */
import { createState } from 'lexical';

/** Where a unit (a top-level block, or a list item) came from. */
export interface UnitOrigin {
  /** Id of the import that created it (see {@link DocumentOrigin.doc}). */
  readonly doc: string;
  /** Position among the units of that import; the next unit had `id + 1`. */
  readonly id: number;
  /** The unit's exact text (for a list item: its own lines). */
  readonly source: string;
  /** The exact text between this unit and the next one (blank lines, or the end of the note). */
  readonly sep: string;
  /** The unit's serialization right after import: it is unchanged while this still matches. */
  readonly signature: string;
  /** A fenced code block that ran to the end of the note: verbatim only while it is last. */
  readonly openEnded?: boolean;
  /** How a list item was written (list items only). */
  readonly item?: {
    readonly indent: string;
    readonly marker: string;
    readonly gap: string;
    readonly checkbox: string;
    readonly checkboxGap: string;
    readonly depth: number;
  };
}

/** The parts of a note body that belong to no block (kept on the root node). */
export interface DocumentOrigin {
  /** Id of the import (random), so units pasted from another note are not mistaken for this one's. */
  readonly doc: string;
  /** Text before the first block (blank lines, a byte order mark). */
  readonly leading: string;
  /** Text after the last block (its line ending and any blank lines). */
  readonly trailing: string;
  /** The line ending written in new and edited blocks. */
  readonly eol: string;
  /** True when the note had no blocks at all. */
  readonly empty: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function parseUnitOrigin(value: unknown): UnitOrigin | null {
  if (!isRecord(value)) return null;
  const { doc, id, source, sep, signature, openEnded, item } = value;
  if (!isString(doc) || typeof id !== 'number' || !isString(source) || !isString(sep) || !isString(signature)) {
    return null;
  }
  let parsedItem: UnitOrigin['item'];
  if (isRecord(item)) {
    const { indent, marker, gap, checkbox, checkboxGap, depth } = item;
    if (
      isString(indent) &&
      isString(marker) &&
      isString(gap) &&
      isString(checkbox) &&
      isString(checkboxGap) &&
      typeof depth === 'number'
    ) {
      parsedItem = { indent, marker, gap, checkbox, checkboxGap, depth };
    }
  }
  return {
    doc,
    id,
    source,
    sep,
    signature,
    ...(openEnded === true ? { openEnded: true } : {}),
    ...(parsedItem ? { item: parsedItem } : {}),
  };
}

/** On top-level blocks and list items created by the importer. */
export const unitOriginState = createState('studyNotebookMdOrigin', {
  parse: parseUnitOrigin,
  resetOnCopyNode: true,
});

export const EMPTY_DOCUMENT: DocumentOrigin = { doc: '', leading: '', trailing: '\n', eol: '\n', empty: true };

/** On the root node. */
export const documentOriginState = createState('studyNotebookMdDocument', {
  parse: (value): DocumentOrigin => {
    if (!isRecord(value)) return EMPTY_DOCUMENT;
    const { doc, leading, trailing, eol, empty } = value;
    if (!isString(doc) || !isString(leading) || !isString(trailing) || !isString(eol) || typeof empty !== 'boolean') {
      return EMPTY_DOCUMENT;
    }
    return { doc, leading, trailing, eol, empty };
  },
});

/** The fence and info-string tail of a code block (CodeNode only models the language). */
export interface CodeFence {
  readonly fence: string;
  readonly meta: string;
}

export const codeFenceState = createState('studyNotebookMdCodeFence', {
  parse: (value): CodeFence => {
    if (isRecord(value) && isString(value.fence) && /^(?:`{3,}|~{3,})$/.test(value.fence) && isString(value.meta)) {
      return { fence: value.fence, meta: value.meta };
    }
    return { fence: '```', meta: '' };
  },
  isEqual: (a, b) => a.fence === b.fence && a.meta === b.meta,
});

/** How a hard line break was written (`'  '`, `'\\'`); '' for a soft break. */
export const lineBreakMarkerState = createState('studyNotebookMdBreak', {
  parse: (value): string => (isString(value) && /^(?: {2,}|\\)$/.test(value) ? value : ''),
});

/** True for a link written as an autolink (`<https://…>`). */
export const autolinkState = createState('studyNotebookMdAutolink', {
  parse: (value): boolean => value === true,
});

/**
 * Literal-looking text of a block that was escaped in the file (`\$x\$`, `\#tag`):
 * written escaped again when the block is saved, so it does not turn into math or a tag.
 * (Text that would read as a wiki link is escaped whenever it is written.) On paragraphs,
 * headings, quotes and list items.
 */
export const escapedLiteralsState = createState('studyNotebookMdEscaped', {
  parse: (value): readonly string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : [],
  isEqual: (a, b) => a.length === b.length && a.every((item, index) => item === b[index]),
});

/** A GFM table row's line as written and its signature at import (on TableRowNode). */
export const tableRowOriginState = createState('studyNotebookMdTableRow', {
  parse: (value): { readonly source: string; readonly signature: string } | null =>
    isRecord(value) && isString(value.source) && isString(value.signature)
      ? { source: value.source, signature: value.signature }
      : null,
  resetOnCopyNode: true,
});

/** Column alignments of a GFM table and its delimiter row as written (on TableNode). */
export interface TableFormat {
  readonly align: ReadonlyArray<'left' | 'center' | 'right' | null>;
  readonly delimiter: string | null;
}

export const tableFormatState = createState('studyNotebookMdTable', {
  parse: (value): TableFormat => {
    if (!isRecord(value) || !Array.isArray(value.align)) return { align: [], delimiter: null };
    const align = value.align.map((item: unknown) =>
      item === 'left' || item === 'center' || item === 'right' ? item : null,
    );
    return { align, delimiter: isString(value.delimiter) ? value.delimiter : null };
  },
  isEqual: (a, b) =>
    a.delimiter === b.delimiter &&
    a.align.length === b.align.length &&
    a.align.every((item, index) => item === b.align[index]),
});
