/**
 * From a place in the note's Markdown to the nodes showing it: used to reveal a mention
 * (a backlink, an unlinked mention) or a heading when a note is opened at it.
 *
 * The body is cut into units the way the importer cut it (`parseDocument`); every unit's
 * node carries its unit id (`unitOriginState`), so an offset finds its paragraph or list
 * item exactly while the note is as it was loaded. Inside the unit, a link is the n-th
 * wiki link node (n counted in the unit's source), a plain mention the n-th occurrence of
 * its text. When the note changed since it was loaded, the text is searched instead.
 */
import { $isListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import { normalizeHeading } from '@shared/links/normalizeLinkTarget';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { parseDocument } from '@shared/markdown/parseDocument';
import {
  $createRangeSelection,
  $getRoot,
  $getState,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { $isWikiLinkNode, type WikiLinkNode } from '../nodes/WikiLinkNode';
import { $documentOrigin } from './convert/writeNodes';
import { $exportMarkdown } from './exportMarkdown';
import { unitOriginState } from './fidelity/states';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';

/** A stretch of Markdown to show: `[start, end)` of the body and the text written there. */
export interface SourceSpan {
  start: number;
  end: number;
  source: string;
}

/** What was selected: the node to scroll to. */
export interface Located {
  readonly key: string;
}

function $descendants(node: LexicalNode, into: LexicalNode[]): void {
  into.push(node);
  if ($isElementNode(node)) for (const child of node.getChildren()) $descendants(child, into);
}

/** The inline leaves of a unit's node (a list item's own text, not its nested lists). */
function $leaves(element: ElementNode): LexicalNode[] {
  const leaves: LexicalNode[] = [];
  const visit = (node: ElementNode) => {
    for (const child of node.getChildren()) {
      if ($isListNode(child)) continue;
      if ($isElementNode(child)) visit(child);
      else leaves.push(child);
    }
  };
  visit(element);
  return leaves;
}

function $selectNode(node: WikiLinkNode): Located {
  node.select(0, node.getTextContentSize());
  return { key: node.getKey() };
}

/** Selects the `occurrence`-th case-insensitive occurrence of `needle` in the leaves' text (the first if fewer). */
function $selectText(leaves: readonly LexicalNode[], needle: string, occurrence: number): Located | null {
  const texts = leaves.filter($isTextNode);
  let plain = '';
  const starts: number[] = [];
  for (const text of texts) {
    starts.push(plain.length);
    plain += text.getTextContent();
  }
  const haystack = plain.toLowerCase();
  const wanted = needle.toLowerCase();
  if (wanted === '') return null;
  const found: number[] = [];
  for (let at = haystack.indexOf(wanted); at >= 0; at = haystack.indexOf(wanted, at + 1)) found.push(at);
  const start = found[Math.min(occurrence, found.length - 1)];
  if (start === undefined) return null;
  const end = start + wanted.length;
  const point = (offset: number, isEnd: boolean): [TextNode, number] => {
    for (let index = texts.length - 1; index >= 0; index--) {
      const base = starts[index]!;
      if (isEnd ? offset > base : offset >= base) return [texts[index]!, offset - base];
    }
    return [texts[0]!, 0];
  };
  const [anchorNode, anchorOffset] = point(start, false);
  const [focusNode, focusOffset] = point(end, true);
  const selection = $createRangeSelection();
  selection.anchor.set(anchorNode.getKey(), anchorOffset, 'text');
  selection.focus.set(focusNode.getKey(), focusOffset, 'text');
  $setSelection(selection);
  return { key: anchorNode.getKey() };
}

function countOccurrences(text: string, needle: string, before: number): number {
  const haystack = text.slice(0, before).toLowerCase();
  const wanted = needle.toLowerCase();
  let count = 0;
  for (let at = haystack.indexOf(wanted); at >= 0 && wanted !== ''; at = haystack.indexOf(wanted, at + 1)) count++;
  return count;
}

/**
 * Selects what the body holds at `span` — a wiki link, or text — and returns the node to
 * scroll to; null when it cannot be found. Needs an update context.
 */
export function $selectSource(span: SourceSpan): Located | null {
  const isLink = /^!?\[\[/.test(span.source);
  const body = $exportMarkdown();
  const doc = $documentOrigin().doc;
  const units = parseDocument(body, { isAllowedLinkUrl }).units;
  const id = units.findIndex((unit) => unit.start <= span.start && span.start < unit.end);
  const unit = units[id];
  if (unit && body.slice(span.start, span.end) === span.source) {
    const all: LexicalNode[] = [];
    $descendants($getRoot(), all);
    const node = all.find((candidate) => {
      const origin = $getState(candidate, unitOriginState);
      return origin !== null && origin.doc === doc && origin.id === id;
    });
    if (node && $isElementNode(node)) {
      const unitSource = body.slice(unit.start, unit.end);
      const offset = span.start - unit.start;
      const leaves = $leaves(node);
      if (isLink) {
        const links = leaves.filter($isWikiLinkNode);
        const index = analyzeNote(unitSource).links.filter((link) => !link.embed && link.start < offset).length;
        const link = links[index] ?? links.find((candidate) => candidate.getSource() === span.source);
        if (link) return $selectNode(link);
      } else {
        const located = $selectText(leaves, span.source, countOccurrences(unitSource, span.source, offset));
        if (located) return located;
      }
    }
  }
  // The note changed since it was loaded (or the span is in something not modelled): search.
  const everything: LexicalNode[] = [];
  $descendants($getRoot(), everything);
  const leaves = everything.filter((node) => !$isElementNode(node));
  if (isLink) {
    const link = leaves.filter($isWikiLinkNode).find((candidate) => candidate.getSource() === span.source);
    return link ? $selectNode(link) : null;
  }
  return $selectText(leaves, span.source, 0);
}

/** Puts the caret at the start of the first heading called `heading` (compared loosely). */
export function $selectHeading(heading: string): Located | null {
  const wanted = normalizeHeading(heading);
  const all: LexicalNode[] = [];
  $descendants($getRoot(), all);
  const found = all.find((node) => $isHeadingNode(node) && normalizeHeading(node.getTextContent()) === wanted);
  if (!found || !$isHeadingNode(found)) return null;
  found.selectStart();
  return { key: found.getKey() };
}
