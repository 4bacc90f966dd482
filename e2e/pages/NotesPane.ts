import { expect, type Locator, type Page } from '@playwright/test';
import { optionNamed } from './optionName';

/** The notes as a user works with them: the sidebar list, the open note, its editor and toolbar. */
export class NotesPane {
  readonly list: Locator;
  readonly items: Locator;
  readonly filter: Locator;
  readonly newNoteButton: Locator;
  readonly title: Locator;
  readonly editor: Locator;
  readonly toolbar: Locator;
  readonly saveStatus: Locator;
  readonly reference: Locator;
  /** The `[[` link menu under the caret. */
  readonly linkMenu: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByRole('listbox', { name: 'Notes' });
    this.items = this.list.getByRole('option');
    this.filter = page.getByRole('searchbox', { name: 'Filter notes' });
    this.newNoteButton = page.getByRole('button', { name: 'New note', exact: true }).first();
    this.title = page.getByRole('textbox', { name: 'Note title' });
    this.editor = page.getByRole('textbox', { name: /^Note: / });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
    this.reference = page.getByRole('complementary', { name: 'Reference' });
    this.linkMenu = page.getByRole('listbox', { name: 'Link suggestions' });
  }

  /** A wiki link chip in the editor, by the text it shows. */
  linkChip(text: string): Locator {
    return this.editor.locator('[data-wiki-target]', { hasText: text });
  }

  item(title: string): Locator {
    return this.list.getByRole('option', { name: optionNamed(title) });
  }

  async titles(): Promise<string[]> {
    return this.items.locator('.item-title').allTextContents();
  }

  /** Creates a note with the button and gives it a title. */
  async create(title: string): Promise<void> {
    await this.newNoteButton.click();
    await expect(this.title).toBeFocused();
    await this.title.fill(title);
    await this.title.press('Enter');
    await expect(this.item(title)).toBeVisible();
    await expect(this.editor).toBeFocused();
  }

  async open(title: string): Promise<void> {
    await this.item(title).click();
    await expect(this.title).toHaveValue(title);
  }

  /** Types into the editor like a user, key by key. */
  async type(text: string): Promise<void> {
    await this.editor.pressSequentially(text, { delay: 5 });
  }

  /**
   * Where Lexical itself has the caret, as `text of its node|offset` (null when it has none).
   * Lexical takes the caret from the page's selectionchange a moment after a click or a key:
   * poll this before a key that acts on Lexical's selection.
   */
  lexicalCaret(): Promise<string | null> {
    return this.editor.evaluate((root) => {
      type Editor = {
        getEditorState(): { _selection: { anchor?: { key: string; offset: number } } | null };
        getElementByKey(key: string): HTMLElement | null;
      };
      const editor = (root as HTMLElement & { __lexicalEditor?: Editor }).__lexicalEditor;
      const anchor = editor?.getEditorState()._selection?.anchor;
      if (!editor || !anchor) return null;
      return `${editor.getElementByKey(anchor.key)?.textContent ?? ''}|${anchor.offset}`;
    });
  }

  async waitSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved', { timeout: 10_000 });
  }
}
