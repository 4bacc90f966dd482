/** Selection.modify's directions and granularities (Chromium, WebKit and Firefox have it; jsdom not). */
type Direction = 'forward' | 'backward';
type Granularity = 'character' | 'word' | 'line' | 'lineboundary';
type Modify = (alter: 'extend', direction: Direction, granularity: Granularity) => void;

/** What Shift plus a key does to the selection: [direction, granularity]; Ctrl/⌥ with ←/→ go by word. */
function stepOf(event: KeyboardEvent): [Direction, Granularity] | null {
  if (!event.shiftKey || event.metaKey) return null;
  const byWord = event.ctrlKey || event.altKey;
  switch (event.key) {
    case 'ArrowRight':
      return ['forward', byWord ? 'word' : 'character'];
    case 'ArrowLeft':
      return ['backward', byWord ? 'word' : 'character'];
    case 'ArrowDown':
      return byWord ? null : ['forward', 'line'];
    case 'ArrowUp':
      return byWord ? null : ['backward', 'line'];
    case 'End':
      return byWord ? null : ['forward', 'lineboundary'];
    case 'Home':
      return byWord ? null : ['backward', 'lineboundary'];
    default:
      return null;
  }
}

/** Where a keyboard selection starts when there is none in the body: the focused highlight, else the first block in view. */
function startOf(body: HTMLElement, direction: Direction): Range | null {
  const document = body.ownerDocument;
  const focused = document.activeElement;
  const from =
    focused instanceof HTMLElement && body.contains(focused) && focused.matches('mark[data-highlight-id]')
      ? focused
      : ([...body.querySelectorAll<HTMLElement>('[data-offset]')].find(
          (block) => block.getBoundingClientRect().bottom > 0,
        ) ?? body.querySelector<HTMLElement>('[data-offset]'));
  if (!from) return null;
  const range = document.createRange();
  range.selectNodeContents(from);
  range.collapse(direction === 'forward');
  return range;
}

/**
 * Selecting the reader's text from the keyboard, without caret browsing: Shift with the arrow
 * keys (Ctrl or ⌥ for words), Home and End extends the document's selection from where it is
 * in `body`, or from the focused highlight or the first paragraph in view. The focus stays
 * where it is. Returns whether the key was used (the caller then prevents its default).
 */
export function extendSelectionByKey(body: HTMLElement, event: KeyboardEvent): boolean {
  const step = stepOf(event);
  const selection = body.ownerDocument.getSelection();
  const modify = (selection as (Selection & { modify?: Modify }) | null)?.modify;
  if (!step || !selection || typeof modify !== 'function') return false;
  if (selection.rangeCount === 0 || !selection.anchorNode || !body.contains(selection.anchorNode)) {
    const start = startOf(body, step[0]);
    if (!start) return false;
    selection.removeAllRanges();
    selection.addRange(start);
  }
  modify.call(selection, 'extend', step[0], step[1]);
  return true;
}
