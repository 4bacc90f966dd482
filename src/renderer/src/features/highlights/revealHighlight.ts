import { cssString } from './cssString';

/** How long to wait for the entry and its highlights to be shown before giving up. */
const WAIT_MS = 3000;
/** How long the flash lasts (highlights.css's animation, or the still outline with reduced motion). */
const FLASH_MS = 1600;

/** Makes every piece of a highlight flash once (a CSS animation; a still outline with reduced motion). */
export function flashHighlight(pieces: readonly HTMLElement[]): void {
  for (const piece of pieces) {
    piece.classList.remove('hl-flash');
    // Restarts the animation when it is flashed again before the last one ended.
    void piece.offsetWidth;
    piece.classList.add('hl-flash');
  }
  setTimeout(() => pieces.forEach((piece) => piece.classList.remove('hl-flash')), FLASH_MS);
}

/**
 * Shows highlight `highlightId` of entry `entryId` — what a `[[Entry#^h-…]]` link points
 * at — once the entry (in the main view or the reference pane) shows it: scrolls it into
 * view, flashes it and focuses it. Gives up quietly after a few seconds (an orphaned
 * highlight has no place in the text: the side panel lists it).
 */
export function revealHighlight(entryId: string, highlightId: string): void {
  const started = performance.now();
  const look = () => {
    const articles = [...document.querySelectorAll<HTMLElement>(`article[data-entry-id=${cssString(entryId)}]`)];
    for (const article of articles) {
      const pieces = [...article.querySelectorAll<HTMLElement>(`mark[data-highlight-id=${cssString(highlightId)}]`)];
      const first = pieces.find((piece) => piece.hasAttribute('data-first')) ?? pieces[0];
      if (!first) continue;
      first.scrollIntoView({ block: 'center' });
      first.focus({ preventScroll: true });
      flashHighlight(pieces);
      return;
    }
    if (performance.now() - started < WAIT_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
