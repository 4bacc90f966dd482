import type { Locator, Page } from '@playwright/test';

/**
 * Highlights in a glossary reader (the main view's or the reference pane's), as a user makes
 * them: selecting a passage with the mouse, the toolbar that appears, the marks and the
 * margin notes.
 */
export class EntryHighlights {
  readonly body: Locator;
  readonly toolbar: Locator;

  constructor(
    readonly page: Page,
    readonly reader: Locator = page.getByRole('main').getByRole('article'),
  ) {
    this.body = reader.locator('.reader-body');
    this.toolbar = reader.getByRole('toolbar');
  }

  /** Where `passage` (within one block or across blocks) starts and ends on screen. */
  private async edges(passage: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
    await this.body.locator('[data-offset]').first().waitFor();
    // No named functions inside: the script runner's transform would wrap them in a helper
    // the page does not have.
    return this.body.evaluate((body, wanted) => {
      const blocks = [...body.querySelectorAll('[data-offset]')];
      const text = blocks.map((block) => block.textContent).join('\n\n');
      const at = text.indexOf(wanted);
      if (at < 0) throw new Error(`Not in the entry: ${wanted}`);
      const points: { x: number; y: number }[] = [];
      for (const after of [false, true]) {
        // The character the point is at: the first of the passage, or its last.
        let left = after ? at + wanted.length - 1 : at;
        for (const block of blocks) {
          const length = block.textContent!.length;
          if (left >= length) {
            left -= length + 2;
            continue;
          }
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            if (left >= node.data.length) {
              left -= node.data.length;
              continue;
            }
            const range = document.createRange();
            range.setStart(node, left);
            range.setEnd(node, left + 1);
            const rect = range.getClientRects()[0]!;
            points.push({ x: after ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 });
            break;
          }
          break;
        }
      }
      if (points.length !== 2) throw new Error(`Not on screen: ${wanted}`);
      return { x1: points[0]!.x, y1: points[0]!.y, x2: points[1]!.x, y2: points[1]!.y };
    }, passage);
  }

  /** Selects `passage` by dragging the mouse over it, as a user does; the toolbar appears. */
  async select(passage: string): Promise<void> {
    await this.reader.scrollIntoViewIfNeeded();
    await this.body.getByText(passage.split('\n')[0]!.slice(0, 20), { exact: false }).first().scrollIntoViewIfNeeded();
    const { x1, y1, x2, y2 } = await this.edges(passage);
    await this.page.mouse.move(x1, y1);
    await this.page.mouse.down();
    await this.page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
    await this.page.mouse.move(x2, y2, { steps: 4 });
    await this.page.mouse.up();
  }

  /** Selects `passage` and highlights it from the toolbar in `colour` (e.g. "yellow"). */
  async highlight(passage: string, colour = 'yellow'): Promise<void> {
    await this.select(passage);
    await this.toolbar.getByRole('button', { name: `Highlight ${colour}` }).click();
    await this.mark(passage).first().waitFor();
  }

  /** The marks showing a highlight that starts with `passage`'s first words. */
  mark(passage: string): Locator {
    return this.body.locator('mark[data-first]', { hasText: passage.slice(0, 24) });
  }

  /** Opens the highlight of `passage`, adds or replaces its margin note and saves it (Ctrl+Enter). */
  async addNote(passage: string, note: string): Promise<void> {
    await this.mark(passage).click();
    await this.toolbar.getByRole('button', { name: /^(Note|Edit note)$/ }).click();
    const field = this.reader.getByRole('textbox', { name: /^Margin note/ });
    await field.fill(note);
    await field.press('ControlOrMeta+Enter');
    await this.marginNote(note).waitFor();
  }

  /** A margin note shown in the reader, by its text. */
  marginNote(text: string): Locator {
    return this.reader.locator('.margin-note-text', { hasText: text });
  }
}
