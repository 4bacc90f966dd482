import { expect, type Locator, type Page } from '@playwright/test';

/** A glossary entry's reader (main view or reference pane) as a student studies it: highlights and their popover. */
export class Reader {
  readonly article: Locator;
  readonly marks: Locator;
  readonly popover: Locator;

  constructor(
    readonly page: Page,
    within: Locator = page.locator('main'),
  ) {
    this.article = within.getByRole('article');
    this.marks = this.article.locator('mark[data-highlight-id]');
    this.popover = page.getByRole('toolbar', { name: /^Highlight (the selection|actions)$/ });
  }

  /** Selects `passage` (a run of text inside one paragraph) with the mouse, as a reader would drag over it. */
  async select(passage: string): Promise<void> {
    const box = await this.article.evaluate((article, wanted) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const rects = range.getClientRects();
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        };
      }
      return null;
    }, passage);
    if (!box) throw new Error(`"${passage}" is not in the reader.`);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
    await expect
      .poll(() => this.page.evaluate(() => document.getSelection()?.toString().replace(/\s+/g, ' ').trim()))
      .toBe(passage);
  }

  mark(passage: string): Locator {
    return this.marks.filter({ hasText: passage }).first();
  }
}
