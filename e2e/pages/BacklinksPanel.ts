import type { Locator, Page } from '@playwright/test';

/** The side panel beside the open document: its tabs, backlinks (linked and unlinked mentions), outgoing links. */
export class BacklinksPanel {
  readonly tabs: Locator;
  readonly body: Locator;
  readonly linked: Locator;
  readonly unlinked: Locator;
  readonly toggle: Locator;
  readonly feedback: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('tablist', { name: 'Side panel' });
    this.body = page.getByRole('tabpanel');
    this.linked = page.getByRole('region', { name: /^Linked mentions/ });
    this.unlinked = page.getByRole('region', { name: /^Unlinked mentions/ });
    this.toggle = page.getByRole('button', { name: /^Backlinks/ });
    this.feedback = this.body.locator('.backlinks-feedback');
  }

  tab(name: 'Backlinks' | 'Outgoing links' | 'Reference'): Locator {
    return this.tabs.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** Shows the Backlinks tab (opening the panel if needed). */
  async showBacklinks(): Promise<void> {
    if (!(await this.tabs.isVisible())) await this.toggle.click();
    await this.tab('Backlinks').click();
  }

  /** The count shown in a section's header. */
  count(section: Locator): Locator {
    return section.locator('.backlinks-count');
  }

  /** Expands a section (Unlinked mentions starts collapsed). */
  async expand(section: Locator): Promise<void> {
    const header = section.getByRole('heading').getByRole('button');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  }

  /** The group of mentions from one note. */
  group(section: Locator, noteTitle: string): Locator {
    return section
      .locator('.mention-group')
      .filter({ has: this.page.locator('.mention-group-title', { hasText: noteTitle }) });
  }

  /** The mentions (context buttons) of a section, or of one note's group in it. */
  mentions(scope: Locator): Locator {
    return scope.locator('button.mention');
  }
}
