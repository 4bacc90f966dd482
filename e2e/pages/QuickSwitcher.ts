import { expect, type Locator, type Page } from '@playwright/test';
import { optionNamed } from './optionName';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The quick switcher (Mod+O / Mod+P): a modal field over titles and aliases. */
export class QuickSwitcher {
  readonly dialog: Locator;
  readonly field: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Quick switcher' });
    this.field = this.dialog.getByRole('combobox', { name: 'Quick switcher' });
    this.options = this.dialog.getByRole('option');
  }

  async open(key: 'O' | 'P' = 'O'): Promise<void> {
    // Shortcuts work once the notebook is on screen (not while it loads).
    await this.page.getByRole('complementary', { name: 'Sidebar' }).waitFor();
    await this.page.keyboard.press(`${mod}+${key}`);
    await expect(this.field).toBeFocused();
  }

  async type(query: string): Promise<void> {
    await this.field.pressSequentially(query, { delay: 10 });
  }

  option(name: string | RegExp): Locator {
    return this.dialog.getByRole('option', { name: typeof name === 'string' ? optionNamed(name) : name });
  }

  /** The titles the options show ("Create note “…”" for the last). */
  async names(): Promise<string[]> {
    return this.options.locator('.qp-title').allTextContents();
  }
}
