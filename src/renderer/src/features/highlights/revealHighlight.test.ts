import { afterEach, describe, expect, it, vi } from 'vitest';
import { revealHighlight } from './revealHighlight';

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** An entry's article with one highlight in two pieces, as the reader renders it. */
function article(entryId: string): HTMLElement[] {
  const element = document.createElement('article');
  element.setAttribute('data-entry-id', entryId);
  const pieces = ['first', 'second'].map((text, index) => {
    const mark = document.createElement('mark');
    mark.setAttribute('data-highlight-id', 'h-1');
    if (index === 0) mark.setAttribute('data-first', '');
    mark.tabIndex = index === 0 ? 0 : -1;
    mark.append(text);
    mark.scrollIntoView = vi.fn();
    return mark;
  });
  element.append(...pieces);
  document.body.append(element);
  return pieces;
}

describe('revealHighlight', () => {
  it('waits for the entry to show the highlight, then scrolls to it, focuses and flashes it', async () => {
    revealHighlight('gaba', 'h-1');
    // Not shown yet: it keeps looking on the next frames.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    article('other');
    const pieces = article('gaba');
    await vi.waitFor(() => expect(document.activeElement).toBe(pieces[0]));
    expect(pieces[0]!.scrollIntoView).toHaveBeenCalledWith({ block: 'center' });
    expect(pieces.map((piece) => piece.classList.contains('hl-flash'))).toEqual([true, true]);
    await vi.waitFor(() => expect(pieces[0]!.classList.contains('hl-flash')).toBe(false), { timeout: 3000 });
  });
});
