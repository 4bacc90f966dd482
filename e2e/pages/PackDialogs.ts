import { expect, type Locator, type Page } from '@playwright/test';

/** "Add a reference pack" (or "Re-import …"): source, reading options, preview, import. */
export class AddPackDialog {
  readonly dialog: Locator;
  readonly fileInput: Locator;
  readonly folderInput: Locator;
  readonly preview: Locator;
  readonly table: Locator;
  readonly problems: Locator;
  readonly error: Locator;
  readonly importButton: Locator;
  readonly name: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^(Add a reference pack|Re-import )/ });
    this.fileInput = this.dialog.getByLabel('File to import');
    this.folderInput = this.dialog.getByLabel('Folder to import');
    this.preview = this.dialog.getByRole('region', { name: 'Preview' });
    this.table = this.preview.getByRole('table');
    this.problems = this.preview.locator('.pack-problems');
    this.error = this.dialog.getByRole('alert');
    this.importButton = this.dialog.getByRole('button', { name: /^Import/ });
    this.name = this.dialog.getByRole('textbox', { name: 'Pack name' });
    this.summary = this.dialog.locator('.pack-summary');
  }

  /** Picks a file (or, with `folder`, a folder) as the file dialog would, and waits for the preview. */
  async choose(path: string, options: { folder?: boolean } = {}): Promise<void> {
    await (options.folder ? this.folderInput : this.fileInput).setInputFiles(path);
  }

  async importAll(): Promise<void> {
    await this.importButton.click();
    await expect(this.summary).toBeVisible();
  }

  async done(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** "Reference packs": the list of packs and what can be done with each. */
export class ManagePacksDialog {
  readonly dialog: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Reference packs' });
    this.rows = this.dialog.getByRole('list', { name: 'Reference packs' }).getByRole('listitem');
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.locator('.pack-row-name', { hasText: name }) });
  }

  button(action: 'Rename' | 'Hide' | 'Show' | 'Re-import' | 'Remove', pack: string): Locator {
    return this.dialog.getByRole('button', { name: `${action} ${pack}`, exact: true });
  }
}

/** The glossary section's menu ("Glossary options"). */
export async function openGlossaryMenu(page: Page, item: 'Add reference pack…' | 'Manage reference packs…') {
  await page.getByRole('button', { name: 'Glossary options' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}
