import type { Locator, Page } from '@playwright/test';

/** The glossary as a user meets it: the sidebar list with its filter, and the reader. */
export class GlossaryPane {
  readonly list: Locator;
  readonly items: Locator;
  readonly filter: Locator;
  readonly reader: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('listbox', { name: 'Glossary' });
    this.items = this.list.getByRole('option');
    this.filter = page.getByRole('searchbox', { name: 'Filter glossary' });
    this.reader = page.getByRole('article');
  }

  async titles(): Promise<string[]> {
    await this.items.first().waitFor();
    return (await this.items.allTextContents()).map((text) => text.trim());
  }

  item(title: string): Locator {
    return this.list.getByRole('option', { name: title, exact: true });
  }

  async open(title: string): Promise<void> {
    await this.item(title).click();
    await this.readerTitle().filter({ hasText: title }).waitFor();
  }

  readerTitle(): Locator {
    return this.reader.getByRole('heading', { level: 1 });
  }

  section(name: 'Origin' | 'Mechanism'): Locator {
    return this.reader.getByRole('region', { name });
  }
}
