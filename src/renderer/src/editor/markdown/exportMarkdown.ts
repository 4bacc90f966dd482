/**
 * Saving the editor's content as a note body. Each top-level node is written by its
 * transformer — or, when it has not changed since it was loaded (its serialization still
 * equals the one recorded at import), as its exact original source. Nodes are joined by
 * the original separator where they were neighbours in the file, by a blank line
 * elsewhere. So `$exportMarkdown()` right after `$importMarkdown(x)` returns `x`, and an
 * edit changes only the edited block.
 */
import { $isListItemNode, $isListNode, type ListNode } from '@lexical/list';
import type { ElementTransformer, MultilineElementTransformer } from '@lexical/markdown';
import { scanBlocks } from '@shared/markdown/scanBlocks';
import { serializeBlock, writeBlock } from '@shared/markdown/serializeBlock';
import { $getRoot, $isElementNode, type ElementNode, type LexicalNode } from 'lexical';
import { $readBlock, $readInline } from './convert/readModel';
import { $originOf, $writeInline, DIALECT_OPTIONS, toLineEnding } from './convert/writeNodes';
import { TRANSFORMERS } from './dialect';
import { $documentOrigin } from './convert/writeNodes';
import type { DocumentOrigin, UnitOrigin } from './fidelity/states';

/** What one top-level node contributes. */
interface Chunk {
  readonly text: string;
  readonly isList: boolean;
  /** True when the node's first (last) unit is written as its original source. */
  readonly firstVerbatim: boolean;
  readonly lastVerbatim: boolean;
  /** Origin of the node's first and last units, when they come from the current import. */
  readonly first: UnitOrigin | null;
  readonly last: UnitOrigin | null;
  /** For a verbatim code block that ran to the end of the note: what to write when it is not last. */
  readonly closedText?: string;
}

interface CacheEntry {
  readonly nodes: readonly LexicalNode[];
  readonly doc: string;
  readonly eol: string;
  readonly chunk: Chunk | null;
}

/**
 * Chunks of top-level nodes, by node version. Lexical nodes are immutable per editor
 * state (a change clones the node), so a node whose every descendant is still the same
 * object has the same chunk: an export after typing in one paragraph recomputes one chunk.
 */
const chunkCache = new WeakMap<LexicalNode, CacheEntry>();

const BLOCK_TRANSFORMERS = TRANSFORMERS.filter(
  (transformer): transformer is ElementTransformer | MultilineElementTransformer =>
    (transformer.type === 'element' || transformer.type === 'multiline-element') && transformer.export !== undefined,
);

/** The editor's content as a note body (no front matter). Needs a read or update context. */
export function $exportMarkdown(): string {
  const document = $documentOrigin();
  const chunks: Chunk[] = [];
  for (const node of $getRoot().getChildren()) {
    const chunk = $cachedChunk(node, document);
    if (chunk !== null) chunks.push(chunk);
  }
  if (chunks.length === 0) return document.empty ? document.leading : '';
  const eol = document.eol;
  let out = document.empty ? '' : document.leading;
  chunks.forEach((chunk, index) => {
    const next = chunks[index + 1];
    const text = next && chunk.closedText !== undefined ? chunk.closedText : chunk.text;
    out += text;
    if (next) out += separator(chunk, text, next, eol);
  });
  return out + (document.empty ? eol : document.trailing);
}

/**
 * What one top-level node contributes to `$exportMarkdown()` (before the separators), or
 * null for a node that writes nothing (an empty paragraph). Needs a read or update context.
 */
export function $blockMarkdown(node: LexicalNode): string | null {
  return $cachedChunk(node, $documentOrigin())?.text ?? null;
}

/**
 * Computes and caches the serialization of top-level nodes ahead of the next save, from
 * child `start` on, while `hasTime()` says so (checked after each node). Returns where to
 * continue, or -1 once every node is done. The first export after a load otherwise
 * serializes every block at once (to tell which ones changed), a long task in a long note.
 * Needs a read or update context; changes nothing in the document.
 */
export function $warmExportCache(start: number, hasTime: () => boolean): number {
  const document = $documentOrigin();
  const children = $getRoot().getChildren();
  for (let index = start; index < children.length; index++) {
    $cachedChunk(children[index]!, document);
    if (!hasTime()) return index + 1 < children.length ? index + 1 : -1;
  }
  return -1;
}

/**
 * What goes between two top-level chunks: the original separator when they were
 * neighbours, else a blank line. A separator without a blank line is kept only while the
 * two still read as two blocks (an edit can make a block lazily absorb the next line).
 */
function separator(chunk: Chunk, text: string, next: Chunk, eol: string): string {
  const original = chunk.last && next.first && chunk.last.id + 1 === next.first.id ? chunk.last.sep : null;
  if (original !== null) {
    // The two units that meet here are unchanged: so is how they meet.
    if (chunk.lastVerbatim && next.firstVerbatim && text === chunk.text) return original;
    // Neighbouring lists are lists of different kinds (Lexical merges the others), which
    // the parser always reads apart.
    if (chunk.isList && next.isList) return original;
  }
  const blank = eol + eol;
  const candidates = original === null ? [blank] : [original, blank];
  for (const candidate of candidates) if (keepsApart(text, candidate, next.text)) return candidate;
  return original !== null && countLineEndings(original) >= 2 ? original : blank;
}

function countLineEndings(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Longest text before a separator that is scanned whole; a longer one is scanned from its last blank line. */
const MAX_CONTEXT = 20_000;

/** True when `before + sep + after` scans with a block boundary exactly at `sep`. */
function keepsApart(before: string, sep: string, after: string): boolean {
  let head = before;
  if (head.length > MAX_CONTEXT) {
    const blank = head.search(/\n[ \t]*\r?\n(?![^]*\n[ \t]*\r?\n)/);
    if (blank >= 0) head = head.slice(blank + 1).replace(/^[ \t]*\r?\n/, '');
  }
  const tail = after.length > MAX_CONTEXT ? after.slice(0, MAX_CONTEXT) : after;
  const { blocks } = scanBlocks(head + sep + tail);
  const boundary = head.length + sep.length;
  return blocks.some((block) => block.end === head.length) && blocks.some((block) => block.start === boundary);
}

function $descendants(node: LexicalNode, into: LexicalNode[]): void {
  into.push(node);
  if (!$isElementNode(node)) return;
  for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) $descendants(child, into);
}

function $isUnchanged(node: LexicalNode, nodes: readonly LexicalNode[]): boolean {
  let index = 0;
  const visit = (current: LexicalNode): boolean => {
    if (nodes[index++] !== current) return false;
    if (!$isElementNode(current)) return true;
    for (let child = current.getFirstChild(); child !== null; child = child.getNextSibling()) {
      if (!visit(child)) return false;
    }
    return true;
  };
  return visit(node) && index === nodes.length;
}

function $cachedChunk(node: LexicalNode, document: DocumentOrigin): Chunk | null {
  const cached = chunkCache.get(node);
  if (cached && cached.doc === document.doc && cached.eol === document.eol && $isUnchanged(node, cached.nodes)) {
    return cached.chunk;
  }
  const chunk = $chunk(node, document);
  const nodes: LexicalNode[] = [];
  $descendants(node, nodes);
  chunkCache.set(node, { nodes, doc: document.doc, eol: document.eol, chunk });
  return chunk;
}

/** The node written by the first transformer that knows it; paragraphs and unknown nodes otherwise. */
function $writeNode(node: LexicalNode): string {
  for (const transformer of BLOCK_TRANSFORMERS) {
    const text = transformer.export?.(node, $writeInline);
    if (text !== null && text !== undefined) return text;
  }
  const document = $documentOrigin();
  const block = $readBlock(node, document.doc);
  if (block !== null) return toLineEnding(writeBlock(block, DIALECT_OPTIONS), document.eol);
  // A node the dialect does not know keeps its text rather than vanish.
  return toLineEnding(node.getTextContent(), document.eol);
}

function $chunk(node: LexicalNode, document: DocumentOrigin): Chunk | null {
  if ($isListNode(node)) {
    const text = $writeNode(node);
    if (text === '') return null;
    const [first, last] = $edgeItems(node);
    const firstOrigin = first ? $originOf(first, document.doc) : null;
    const lastOrigin = last ? $originOf(last, document.doc) : null;
    return {
      text,
      isList: true,
      firstVerbatim: firstOrigin !== null && text.startsWith(firstOrigin.source),
      lastVerbatim: lastOrigin !== null && text.endsWith(lastOrigin.source),
      first: firstOrigin,
      last: lastOrigin,
    };
  }
  const origin = $originOf(node, document.doc);
  const block = $readBlock(node, document.doc);
  if (origin !== null && block !== null && origin.signature === serializeBlock(block, DIALECT_OPTIONS)) {
    return {
      text: origin.source,
      isList: false,
      firstVerbatim: true,
      lastVerbatim: true,
      first: origin,
      last: origin,
      ...(origin.openEnded ? { closedText: toLineEnding(writeBlock(block, DIALECT_OPTIONS), document.eol) } : {}),
    };
  }
  if (block === null && $isElementNode(node) && $readInline(node).length === 0 && node.getTextContent() === '') {
    return null;
  }
  const text = $writeNode(node);
  return text === ''
    ? null
    : { text, isList: false, firstVerbatim: false, lastVerbatim: false, first: origin, last: origin };
}

/** The first and last content items of a list, nested lists included. */
function $edgeItems(list: ListNode): [LexicalNode | null, LexicalNode | null] {
  let first: LexicalNode | null = null;
  let last: LexicalNode | null = null;
  const visit = (element: ElementNode): void => {
    for (const child of element.getChildren()) {
      if (!$isListItemNode(child)) continue;
      const children = child.getChildren();
      const nested = children.filter($isListNode);
      if (nested.length === 0 || nested.length < children.length) {
        first ??= child;
        last = child;
      }
      for (const sublist of nested) visit(sublist);
    }
  };
  visit(list);
  return [first, last];
}
