import { $getSelection, $isRangeSelection, type LexicalEditor, type LexicalNode } from 'lexical';

/**
 * A top-level block of a long document far from the viewport gets `hidden="until-found"`:
 * skipped as `content-visibility: hidden` (editor.css), and still searched by the browser's
 * find-in-page, which removes the attribute from a block it finds and scrolls to it.
 */
export const FAR_BLOCK_ATTRIBUTE = 'hidden';
const FAR_VALUE = 'until-found';

/**
 * The blocks that may be far: those skipped out of view in a long document (editor.css).
 * Raw blocks and rules are not (their outline and label draw outside their box).
 */
const MAY_BE_FAR = ':not(.md-raw-block, hr), .md-raw-block--math';

/** True when `block` is marked far by this module. */
export function isFar(block: Element): boolean {
  return block.getAttribute(FAR_BLOCK_ATTRIBUTE) === FAR_VALUE;
}

function markFar(block: Element, far: boolean): void {
  if (far === isFar(block)) return;
  if (!far) block.removeAttribute(FAR_BLOCK_ATTRIBUTE);
  // Never over a `hidden` the block has of its own.
  else if (!block.hasAttribute(FAR_BLOCK_ATTRIBUTE) && block.matches(MAY_BE_FAR))
    block.setAttribute(FAR_BLOCK_ATTRIBUTE, FAR_VALUE);
}

/** How far from the viewport a block stays near, in viewport heights above and below. */
export const NEAR_VIEWPORTS = 2;

/** The nearest ancestor of `element` that scrolls vertically, or null for the page. */
function scrollerOf(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return parent;
  }
  return null;
}

/**
 * Keeps only the top-level blocks near the viewport of a long document observed by the
 * browser. Every block of a long document is `content-visibility: auto` (editor.css), and
 * the browser checks each one against the viewport in every frame that changed layout,
 * every keystroke included: with 500 blocks that was 1–1.6 ms a key (issue #14). A block
 * further than NEAR_VIEWPORTS viewport heights from the view gets `hidden="until-found"`
 * (`content-visibility: hidden`): skipped as before, with the same remembered (or
 * estimated) height, but no longer observed. The window follows scrolling (one listener
 * on the scroller, at most one update a frame, a binary search over the blocks' boxes, which
 * are laid out even when skipped), resizing and blocks added or removed; the blocks holding
 * the selection's ends are never far, so the caret is always in rendered text.
 *
 * A far block is still found by the browser's find-in-page (`until-found`). Assistive
 * technology does not see the contents of a skipped block, far or not (Chromium leaves
 * both out of the accessibility tree). Copying, selecting all and deleting go through the
 * editor's model, not through the page.
 *
 * @returns a function that stops watching and makes every block near again.
 */
export function watchFarBlocks(editor: LexicalEditor, root: HTMLElement): () => void {
  let scroller: HTMLElement | null = null;
  let target: HTMLElement | Window = window;
  let frame = 0;
  let pinned: HTMLElement[] = [];

  const update = () => {
    frame = 0;
    const blocks = root.children;
    const count = blocks.length;
    if (count === 0) return;
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = Math.max(view.top, 0);
    const bottom = Math.min(view.bottom, window.innerHeight);
    const margin = Math.max(bottom - top, 0) * NEAR_VIEWPORTS;
    // The first block ending below the window's top, then the first starting below its bottom.
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.getBoundingClientRect().bottom < top - margin) low = middle + 1;
      else high = middle;
    }
    const first = low;
    high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (blocks[middle]!.getBoundingClientRect().top <= bottom + margin) low = middle + 1;
      else high = middle;
    }
    const end = low;
    for (let index = 0; index < count; index++) {
      const block = blocks[index]!;
      markFar(block, (index < first || index >= end) && !pinned.includes(block as HTMLElement));
    }
  };
  const schedule = () => {
    if (frame === 0) frame = requestAnimationFrame(update);
  };

  /** The top-level blocks holding the selection's ends: never far. O(1) a keystroke. */
  const pin = () => {
    const next = editor.getEditorState().read(() => {
      const selection = $getSelection();
      if (selection === null) return [];
      const nodes: LexicalNode[] = $isRangeSelection(selection)
        ? [selection.anchor.getNode(), selection.focus.getNode()]
        : selection.getNodes().slice(0, 1);
      const elements: HTMLElement[] = [];
      for (const node of nodes) {
        const block = node.getTopLevelElement() ?? node;
        const element = editor.getElementByKey(block.getKey());
        if (element && element.parentElement === root && !elements.includes(element)) elements.push(element);
      }
      return elements;
    });
    if (next.length === pinned.length && next.every((element, index) => element === pinned[index])) return;
    const released = pinned.some((element) => !next.includes(element));
    pinned = next;
    for (const element of next) markFar(element, false);
    if (released) schedule();
  };

  const children = new MutationObserver(schedule);
  const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
  let stopPinning = () => {};
  // Set up in the next frame: this may be called inside an editor update (the note has just
  // become long), where reading styles would make the browser style the page early.
  let starting = requestAnimationFrame(() => {
    starting = 0;
    scroller = scrollerOf(root);
    target = scroller ?? window;
    children.observe(root, { childList: true });
    resized?.observe(scroller ?? document.documentElement);
    target.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    stopPinning = editor.registerUpdateListener(pin);
    pin();
    update();
  });
  return () => {
    cancelAnimationFrame(starting);
    cancelAnimationFrame(frame);
    children.disconnect();
    resized?.disconnect();
    target.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
    stopPinning();
    for (const block of Array.from(root.children)) markFar(block, false);
  };
}
