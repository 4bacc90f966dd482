import { expect, type Locator, type Page } from '@playwright/test';
import { optionNamed } from './optionName';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The search view in the sidebar: query field, scope switch, result count and results. */
export class SearchPanel {
  readonly panel: Locator;
  readonly field: Locator;
  readonly results: Locator;
  readonly items: Locator;
  readonly summary: Locator;
  /** Shown when no result has every word of the query. */
  readonly partialNotice: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Search' });
    this.field = this.panel.getByRole('searchbox', { name: 'Search notes and glossary' });
    this.results = this.panel.getByRole('listbox', { name: 'Search results' });
    this.items = this.results.getByRole('option');
    this.summary = this.panel.locator('.search-summary');
    this.partialNotice = this.panel.getByText('No result has every word; showing closest matches');
  }

  /** Opens the panel with its shortcut; the query field gets the focus. */
  async open(): Promise<void> {
    // Shortcuts work once the notebook is on screen (not while it loads).
    await this.page.getByRole('complementary', { name: 'Sidebar' }).waitFor();
    await this.page.keyboard.press(`${mod}+Shift+F`);
    await expect(this.field).toBeFocused();
  }

  /** Types a query key by key, as a user would. */
  async search(query: string): Promise<void> {
    await this.field.fill('');
    await this.field.pressSequentially(query, { delay: 10 });
  }

  result(title: string): Locator {
    return this.results.getByRole('option', { name: optionNamed(title) });
  }

  /** The marked words of a result's snippets. */
  snippetMarks(title: string): Locator {
    return this.result(title).locator('.search-snippet mark');
  }

  scope(label: 'All' | 'Glossary' | 'Notes'): Locator {
    return this.panel.getByRole('radio', { name: label });
  }

  async titles(): Promise<string[]> {
    return this.items.evaluateAll((items) =>
      items.map((item) => item.querySelector('.search-hit-title')?.textContent ?? ''),
    );
  }
}
