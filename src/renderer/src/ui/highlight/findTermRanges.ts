import { findTermRanges as findTermsInText } from '@shared/search/matchTerms';

/** Elements that flow inside a line of text: a match may run across them ("**glu**tamate"). */
const INLINE_ELEMENTS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DEL',
  'DFN',
  'EM',
  'I',
  'INS',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
]);

/** Elements whose text is not reading text. */
const SKIPPED_ELEMENTS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT']);

function blockOf(node: Node, root: Node): Node {
  let current = node.parentNode;
  while (current && current !== root && current instanceof Element && INLINE_ELEMENTS.has(current.tagName)) {
    current = current.parentNode;
  }
  return current ?? root;
}

function isSkipped(node: Node, root: Node): boolean {
  for (let current = node.parentElement; current && current !== root; current = current.parentElement) {
    if (SKIPPED_ELEMENTS.has(current.tagName) || current.hidden || current.getAttribute('aria-hidden') === 'true') {
      return true;
    }
  }
  return false;
}

interface Run {
  nodes: Text[];
  /** Where each node's text starts in the run's joined text. */
  offsets: number[];
  text: string;
}

function locate(run: Run, offset: number, preferNext: boolean): [Text, number] {
  // The last node starting at or before `offset` (or strictly before, for an end position,
  // so a range ends inside the node holding its last character).
  let low = 0;
  let high = run.nodes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const start = run.offsets[mid]!;
    if (preferNext ? start <= offset : start < offset) low = mid;
    else high = mid - 1;
  }
  return [run.nodes[low]!, offset - run.offsets[low]!];
}

/**
 * DOM Ranges over every word under `root` whose folded form is one of `terms` (a search
 * hit's terms), in document order. Words are found by the search tokenizer itself
 * (@shared/search), so what is highlighted is exactly what the index matched: case and
 * diacritics folded, "GABA/glutamate" as one compound. Text is read block by block: a word
 * may span inline elements (bold inside a word) but never runs from one paragraph into the
 * next. Reads the DOM only; nothing is modified. At most `limit` ranges.
 */
export function findTermRanges(root: Node, terms: readonly string[], limit = 2000): Range[] {
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const runs: Run[] = [];
  let current: Run | null = null;
  let currentBlock: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data === '' || isSkipped(text, root)) continue;
    const block = blockOf(text, root);
    if (!current || block !== currentBlock) {
      current = { nodes: [], offsets: [], text: '' };
      currentBlock = block;
      runs.push(current);
    }
    current.nodes.push(text);
    current.offsets.push(current.text.length);
    current.text += text.data;
  }

  const wanted = new Set(terms);
  const ranges: Range[] = [];
  if (wanted.size === 0) return ranges;
  for (const run of runs) {
    for (const [start, end] of findTermsInText(run.text, wanted).slice(0, limit - ranges.length)) {
      const range = document.createRange();
      range.setStart(...locate(run, start, true));
      range.setEnd(...locate(run, end, false));
      ranges.push(range);
    }
    if (ranges.length >= limit) break;
  }
  return ranges;
}
