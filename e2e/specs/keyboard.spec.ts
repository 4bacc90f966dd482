import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { NotesPane } from '../pages/NotesPane';
import { OpenVaultDialog } from '../pages/OpenVaultDialog';

/** What has the focus now, and whether a sighted keyboard user can see it. */
function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: 'body', visible: false };
    const probe = document.createElement('div');
    probe.style.color = 'var(--focus)';
    document.body.append(probe);
    const focusColor = getComputedStyle(probe).color;
    probe.remove();
    const style = getComputedStyle(element);
    const ring = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    // A listbox shows its focus on the active option (aria-activedescendant), in the focus colour.
    const activeId = element.getAttribute('aria-activedescendant');
    const active = activeId ? document.getElementById(activeId) : null;
    const activeShown =
      active !== null && (ring(getComputedStyle(active)) || getComputedStyle(active).borderTopColor === focusColor);
    // A splitter lights up its bar (a pseudo-element) instead.
    const bar = getComputedStyle(element, '::after').backgroundColor;
    const barShown = bar !== 'rgba(0, 0, 0, 0)' && bar !== 'transparent';
    // Text fields show a caret.
    const editable = element.isContentEditable || element.tagName === 'INPUT' || element.tagName === 'TEXTAREA';
    const name =
      element.getAttribute('aria-label') ??
      element.getAttribute('role') ??
      `${element.tagName.toLowerCase()} ${element.textContent?.trim().slice(0, 30) ?? ''}`;
    return { name, visible: ring(style) || activeShown || barShown || editable };
  });
}

test('Tab reaches every control of the notebook, each shows its focus, and the focus never gets stuck', async ({
  notebook,
}) => {
  writeFileSync(join(notebook.vaultDir, 'Plain.md'), 'A paragraph to read.\n\nAnother one.\n');
  const notes = new NotesPane(notebook.page);
  const page = notebook.page;
  await notes.open('Plain');
  await page.getByRole('listbox', { name: 'Glossary' }).getByRole('option').first().click();
  await expect(notes.reference).toBeVisible();
  await page.locator('body').click({ position: { x: 1, y: 1 } });

  const seen: string[] = [];
  let previous = '';
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    // Past the last control the page lets go of the focus (to the browser), and the next Tab starts over.
    if (state.name === 'body' && seen.length > 0) break;
    expect(state.name, `Tab ${i + 1} moved the focus`).not.toBe(previous);
    // (Polled: a focus ring may fade in.)
    await expect
      .poll(async () => (await focusState(page)).visible, {
        message: `the focus on "${state.name}" (after ${seen.join(' → ')}) is visible`,
      })
      .toBe(true);
    previous = state.name;
    seen.push(state.name);
  }
  // The main controls are all on the way (one Tab each: the lists and the toolbar use the arrows inside).
  for (const name of ['Search', 'Filter notes', 'Notes', 'Glossary', 'Note title', 'Block type', 'Reference entry']) {
    expect(
      seen.some((seenName) => seenName === name || seenName.startsWith(name)),
      `${name} in ${seen}`,
    ).toBe(true);
  }
  expect(seen.some((name) => name.startsWith('Note: Plain'))).toBe(true);
});

test('in a list Tab nests items; Escape leaves the editor, and Tab or Shift+Tab goes on from there', async ({
  notebook,
}) => {
  const notes = new NotesPane(notebook.page);
  const page = notebook.page;
  await notes.create('Keys');
  await notes.type('- first');
  await page.keyboard.press('Enter');
  await notes.type('second');
  await page.keyboard.press('Tab');
  await expect(notes.editor.locator('ul ul li', { hasText: 'second' })).toBeVisible();
  await expect(notes.editor).toBeFocused();

  // Escape lets go of the editor (Lexical); the next Tab goes to what follows it, not to the top of the page.
  await page.keyboard.press('Escape');
  await expect(notes.editor).not.toBeFocused();
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => {
    const editor = document.querySelector('[contenteditable="true"]')!;
    const focused = document.activeElement!;
    return focused !== document.body && !!(editor.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(after).toBe(true);
  await expect(notes.editor.locator('ul ul li', { hasText: 'second' })).toBeVisible();

  // Back into the editor with Shift+Tab, then out backwards: Escape, Shift+Tab reaches the toolbar.
  await page.keyboard.press('Shift+Tab');
  await expect(notes.editor).toBeFocused();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await expect(notes.toolbar.locator(':focus')).toHaveCount(1);
});

test('closing a dialog or a picker gives the focus back to what opened it', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'Draft.md'), 'Text.\n');
  const notes = new NotesPane(notebook.page);
  const page = notebook.page;
  await notes.open('Draft');

  const trash = page.getByRole('button', { name: 'Move note to trash' });
  await trash.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: /^Move “Draft” to the trash/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(trash).toBeFocused();

  const vault = new OpenVaultDialog(page);
  const opener = page.getByRole('button', { name: 'Open vault…' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(vault.dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(vault.dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await notes.list.focus();
  const palette = new CommandPalette(page);
  await palette.open();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
  await expect(notes.list).toBeFocused();
});
