import { expect, type Locator, type Page } from '@playwright/test';
import { optionNamed } from './optionName';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The command palette (Mod+Shift+P): every command with its shortcut. */
export class CommandPalette {
  readonly dialog: Locator;
  readonly field: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' });
    this.field = this.dialog.getByRole('combobox', { name: 'Command palette' });
    this.options = this.dialog.getByRole('option');
  }

  async open(): Promise<void> {
    // Shortcuts work once the notebook is on screen (not while it loads).
    await this.page.getByRole('complementary', { name: 'Sidebar' }).waitFor();
    await this.page.keyboard.press(`${mod}+Shift+P`);
    await expect(this.field).toBeFocused();
  }

  /** A command by its "Group: Title" label. */
  command(label: string): Locator {
    return this.dialog.getByRole('option', { name: optionNamed(label) });
  }

  /** Filters the list and runs the first command with Enter. */
  async run(query: string): Promise<void> {
    await this.field.fill(query);
    await this.field.press('Enter');
    await expect(this.dialog).toBeHidden();
  }
}
