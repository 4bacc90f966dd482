import type { Locator, Page } from '@playwright/test';

/** "Open vault…" in the browser build: the dialog listing the user's vaults and taking a path. */
export class OpenVaultDialog {
  readonly dialog: Locator;
  readonly path: Locator;
  /** The vaults it offers (opened before, or named when `npm run serve` started). */
  readonly vaults: Locator;
  /** Why the last folder was refused. */
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Open a vault' });
    this.path = this.dialog.getByRole('textbox', { name: 'Folder path' });
    this.vaults = this.dialog.getByRole('list', { name: 'Your vaults' }).getByRole('button');
    this.error = this.dialog.getByRole('alert');
  }

  /** Shows the dialog from the vault footer. */
  async show(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open vault…' }).click();
    await this.dialog.waitFor();
  }

  /** Types a folder path and presses Open. */
  async openPath(path: string): Promise<void> {
    await this.path.fill(path);
    await this.dialog.getByRole('button', { name: 'Open', exact: true }).click();
  }
}
