import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { EntryHighlights } from '../pages/EntryHighlights';
import { GlossaryPane } from '../pages/GlossaryPane';

const ENTRY = 'GABA Glutamate Ratio';
const PASSAGE = 'crucial neurochemical index';
const NOTE = 'Exam: a ratio, not a level <b>raw</b>';
const FILE = join('Highlights', `${ENTRY} highlights.md`);

test('a highlight and its margin note, made with the mouse and with the keyboard, survive a reload in a vault file', async ({
  notebook,
}) => {
  const page = notebook.page;
  await new GlossaryPane(page).open(ENTRY);
  const reader = new EntryHighlights(page);

  // Mouse: select, pick a colour in the toolbar, then add a margin note from the highlight's toolbar.
  await reader.highlight(PASSAGE, 'green');
  await expect(reader.mark(PASSAGE)).toHaveAccessibleName(`Highlight, green: ${PASSAGE}`);
  await reader.addNote(PASSAGE, NOTE);

  // Keyboard: the entry's text is a Tab stop; Shift+Ctrl+→ selects word by word (Shift+→ by
  // character) from the first paragraph in view, and the editor's Highlight shortcut highlights.
  await page.mouse.click(5, 5);
  await reader.body.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('ControlOrMeta+Shift+H');
  await expect(reader.mark('The GABA Glutamate')).toHaveAccessibleName('Highlight, yellow: The GABA Glutamate Rati');
  // Moving between highlights and opening one's toolbar, keyboard only.
  await reader.mark('The GABA Glutamate').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(reader.mark(PASSAGE)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reader.toolbar.getByRole('button', { name: 'Green' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader.mark(PASSAGE)).toBeFocused();

  await expect.poll(() => existsSync(join(notebook.vaultDir, FILE))).toBe(true);
  await page.reload();
  const again = new EntryHighlights(page);
  await expect(again.mark(PASSAGE)).toHaveClass(/hl-green/);
  await expect(again.mark('The GABA Glutamate')).toHaveClass(/hl-yellow/);
  await expect(again.marginNote(NOTE)).toHaveText(NOTE);
  // The note stays text: no element was made from it.
  await expect(again.reader.locator('.margin-note b')).toHaveCount(0);

  const file = readFileSync(join(notebook.vaultDir, FILE), 'utf8');
  expect(file).toContain(`> ${PASSAGE}`);
  expect(file).toContain('> The GABA Glutamate Rati\n');
  expect(file).toContain(NOTE);
});
