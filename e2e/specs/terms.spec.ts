import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { NotesPane } from '../pages/NotesPane';

/** The words underlined in the note (the ranges of `::highlight(glossary-term)`). */
function underlined(notes: NotesPane): Promise<string[]> {
  return notes.page.evaluate(() => [...(CSS.highlights.get('glossary-term') ?? [])].map((range) => range.toString()));
}

test('a glossary term typed in a note is underlined, its card links it, and the note can turn definitions off', async ({
  notebook,
}) => {
  const { page } = notebook;
  const notes = new NotesPane(page);
  await notes.create('Terms');
  await notes.type('Balance the GABA glutamate ratio daily.');
  await expect.poll(() => underlined(notes)).toEqual(['GABA glutamate ratio']);

  // Hovering the term shows its definition.
  const box = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('glossary-term') ?? [])][0] as Range;
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.move(box.x - 40, box.y);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  const card = page.getByRole('dialog', { name: 'Definition of GABA glutamate ratio' });
  await expect(card).toBeVisible();
  await expect(card.getByText('GABA Glutamate Ratio', { exact: true })).toBeVisible();
  await expect(card.locator('.wiki-preview-text')).not.toBeEmpty();

  // "Link" makes it a wiki link, saved in the file.
  await card.getByRole('button', { name: /^Link/ }).click();
  await expect(notes.linkChip('GABA glutamate ratio')).toBeVisible();
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Terms.md'), 'utf8')).toContain(
    '[[GABA Glutamate Ratio|GABA glutamate ratio]]',
  );
  await expect.poll(() => underlined(notes)).toEqual([]);

  // A new occurrence is underlined again; the note's switch takes it off.
  await notes.type(' The GABA glutamate ratio again.');
  await expect.poll(() => underlined(notes)).toEqual(['GABA glutamate ratio']);
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.field.fill('Turn definitions off for this note');
  await palette.command('Note: Turn definitions off for this note').click();
  await expect.poll(() => underlined(notes)).toEqual([]);
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Terms.md'), 'utf8')).toMatch(/^---\ndefinitions: false\n---\n/);
});
