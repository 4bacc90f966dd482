import { writeFileSync } from 'node:fs';
import { expect, test } from '../fixtures/app';
import { GlossaryPane } from '../pages/GlossaryPane';
import { AddPackDialog, openGlossaryMenu } from '../pages/PackDialogs';

const ROWS = 20_000;

/** A TSV of `ROWS` terms: "Term 00000" … with a one-sentence definition each. */
function writeLargeTsv(path: string): void {
  const lines: string[] = [];
  for (let n = 0; n < ROWS; n++) {
    const id = String(n).padStart(5, '0');
    lines.push(`Term ${id}\tDefinition of term ${id}, one sentence long.`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

test('a 20,000-row TSV imported through the UI: the glossary renders only the rows in view, and keys and filter still reach every row', async ({
  notebook,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = notebook.page;
  const glossary = new GlossaryPane(page);
  await glossary.titles();
  const source = testInfo.outputPath('dictionary.tsv');
  writeLargeTsv(source);

  await openGlossaryMenu(page, 'Add reference pack…');
  const dialog = new AddPackDialog(page);
  await dialog.choose(source);
  await expect(dialog.preview).toContainText(`${ROWS.toLocaleString('en')} entries`, { timeout: 30_000 });
  await dialog.name.fill('Big');
  await dialog.importButton.click();
  await expect(dialog.summary).toContainText('Imported', { timeout: 60_000 });
  await dialog.done();

  // The count says every entry is there; the DOM holds only a screenful of them.
  const total = ROWS + 5;
  await expect(glossary.list.locator('xpath=..').locator('.count')).toHaveText(total.toLocaleString('en-US'), {
    timeout: 30_000,
  });
  await expect(glossary.items.first()).toHaveAttribute('aria-setsize', String(total));
  const rendered = await glossary.items.count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThanOrEqual(100);

  // End from the list reaches the last entry, rendered and announced as the last of all.
  await glossary.list.focus();
  await page.keyboard.press('End');
  const last = glossary.list.locator('[data-active]');
  await expect(last).toContainText('Term 19999');
  await expect(last).toHaveAttribute('aria-posinset', String(total));
  await expect(last).toBeInViewport();
  expect(await glossary.items.count()).toBeLessThanOrEqual(100);
  await page.keyboard.press('Enter');
  await expect(glossary.readerTitle()).toHaveText('Term 19999');

  // Scrolled up by the wheel, the arrows go on from the rows in view, not from the last one left behind.
  const box = (await glossary.list.boundingBox())!;
  const viewport = page.viewportSize()!;
  await page.mouse.move(box.x + box.width / 2, Math.min(box.y + box.height, viewport.height) - 20);
  await page.mouse.wheel(0, -4000);
  await expect(glossary.list.getByRole('option', { name: /Term 1999\d/ })).toHaveCount(0);
  await glossary.list.focus();
  await page.keyboard.press('ArrowDown');
  await expect(last).toBeInViewport();
  await expect(last).not.toContainText('Term 1999');

  // Typing narrows (from the previous result as the query grows), Escape brings all back.
  await glossary.filter.fill('term 1234');
  // Term 01234, Term 11234 and Term 12340 … 12349.
  await expect(glossary.items).toHaveCount(12);
  await glossary.filter.pressSequentially('5');
  await expect(glossary.items).toHaveCount(1);
  await expect(glossary.items.first()).toContainText('Term 12345');
  await glossary.filter.press('Escape');
  await expect(glossary.items.first()).toHaveAttribute('aria-setsize', String(total));
  expect(await glossary.items.count()).toBeLessThanOrEqual(100);
});
