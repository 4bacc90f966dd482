import { findTermRanges } from './findTermRanges';
import './highlight.css';

/** The CSS highlight every match is painted with (`::highlight(search-match)`). */
export const MATCH_HIGHLIGHT = 'search-match';
/** The CSS highlight of the match scrolled to (the first one). */
export const CURRENT_MATCH_HIGHLIGHT = 'search-match-current';

/**
 * True where the CSS Custom Highlight API exists (Chromium ≥ 105, so every Electron we ship;
 * not jsdom). Without it, matches are still found and scrolled to, just not painted.
 */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface ShownHighlights {
  /** How many matches were found (and painted, where the API exists). */
  readonly count: number;
  readonly ranges: readonly Range[];
  /** Removes the highlights, unless someone else's have replaced them since. */
  dispose(): void;
}

function scrollParentOf(element: Element): Element | null {
  for (let current = element.parentElement; current; current = current.parentElement) {
    const { overflowY } = getComputedStyle(current);
    if ((overflowY === 'auto' || overflowY === 'scroll') && current.scrollHeight > current.clientHeight) return current;
  }
  return document.scrollingElement;
}

/**
 * Scrolls the nearest scrolling ancestor so `range` sits about a third of the way down, the
 * way editors reveal a search match (a long paragraph may be taller than the view, so
 * scrolling its element into view is not enough).
 */
export function scrollRangeIntoView(range: Range): void {
  const anchor = range.startContainer.parentElement;
  if (!anchor) return;
  const rect = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  const scroller = scrollParentOf(anchor);
  if (!rect || !scroller || (rect.top === 0 && rect.bottom === 0)) {
    anchor.scrollIntoView?.({ block: 'center' });
    return;
  }
  const view =
    scroller === document.scrollingElement ? { top: 0, height: window.innerHeight } : scroller.getBoundingClientRect();
  const target = view.top + view.height / 3;
  scroller.scrollTop += rect.top - target;
}

/**
 * Paints every occurrence of `terms` under `root` with the CSS Custom Highlight API, so no
 * DOM is changed (safe inside Lexical and React trees), and optionally scrolls the first one
 * into view. The ranges are a snapshot: callers redo this when the text under `root` changes.
 */
export function showTermHighlights(
  root: HTMLElement,
  terms: readonly string[],
  options: { scroll?: boolean } = {},
): ShownHighlights {
  const ranges = findTermRanges(root, terms);
  const first = ranges[0];
  if (first && options.scroll) scrollRangeIntoView(first);
  if (ranges.length === 0 || !supportsHighlights()) return { count: ranges.length, ranges, dispose() {} };
  const all = new Highlight(...ranges);
  const current = new Highlight(first!);
  current.priority = 1;
  CSS.highlights.set(MATCH_HIGHLIGHT, all);
  CSS.highlights.set(CURRENT_MATCH_HIGHLIGHT, current);
  return {
    count: ranges.length,
    ranges,
    dispose() {
      if (CSS.highlights.get(MATCH_HIGHLIGHT) === all) CSS.highlights.delete(MATCH_HIGHLIGHT);
      if (CSS.highlights.get(CURRENT_MATCH_HIGHLIGHT) === current) CSS.highlights.delete(CURRENT_MATCH_HIGHLIGHT);
    },
  };
}
