/**
 * Embeds and block ids, in one launch: `![[Note]]`, `![[Note#Heading]]`,
 * `![[Note#^block-id]]` and a glossary entry show their content read-only in a frame whose
 * title opens the source; a missing target and a cycle show notices; an embed follows its
 * source's changes; an embed alone in a list item shows in the item; a block id (also one
 * alone after a list) is hidden and `[[Note#^id]]` opens the note at its block; the note
 * saves byte for byte.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { NotesPane } from '../pages/NotesPane';

const HUB = [
  '# Study hub',
  '',
  '![[Cells]]',
  '',
  '![[Cells#Organelles]]',
  '',
  'See the key fact: [[Cells#^atp-fact]]. ^hub-intro',
  '',
  '![[Cells#^atp-fact]]',
  '![[GABA Glutamate Ratio]]',
  '',
  '![[Nowhere note]]',
  '',
  '![[Loop A]]',
  '',
  'In a sentence, ![[Cells#Membranes]] shows in its line.',
  '',
  '- ![[Cells#Membranes]]',
  '- a plain item',
  '',
  '^hub-list',
  '',
].join('\n');

const CELLS = [
  '# Cells',
  '',
  'Cells are the units of life.',
  '',
  '## Organelles',
  '',
  'Mitochondria make **ATP**. ^atp-fact',
  '',
  '## Membranes',
  '',
  'Lipid bilayer.',
  '',
].join('\n');

test('embeds show their source read-only, missing and cycles as notices; block ids hide and open', async ({
  notebook,
}) => {
  const { vaultDir, page } = notebook;
  writeFileSync(join(vaultDir, 'Cells.md'), CELLS);
  writeFileSync(join(vaultDir, 'Loop A.md'), 'A embeds B:\n\n![[Loop B]]\n');
  writeFileSync(join(vaultDir, 'Loop B.md'), 'B embeds A:\n\n![[Loop A]]\n');
  writeFileSync(join(vaultDir, 'Study hub.md'), HUB);

  const notes = new NotesPane(page);
  await notes.open('Study hub');
  const embed = (name: string) => notes.editor.getByRole('group', { name: `Embed: ${name}`, exact: true });

  // The whole note, a heading's section (up to the next heading of its level), a block.
  const whole = embed('Cells').first();
  await expect(whole.getByRole('heading', { name: 'Membranes' })).toBeVisible();
  const section = embed('Cells › Organelles');
  await expect(section.getByText('Mitochondria make')).toBeVisible();
  await expect(section.getByText('Lipid bilayer.')).toHaveCount(0);
  const block = embed('Cells').nth(1);
  await expect(block.locator('strong, b, .ed-text-bold').filter({ hasText: 'ATP' })).toBeVisible();
  await expect(block.getByText('Cells are the units')).toHaveCount(0);
  // The block id is hidden in the embed (and in the note until the caret is in its block).
  await expect(block.locator('.ed-block-id')).toBeHidden();
  await expect(notes.editor.locator('[data-block-id="hub-intro"]')).toBeHidden();

  // A glossary entry, a missing note, a cycle.
  await expect(embed('GABA Glutamate Ratio').getByRole('heading', { name: 'Origin' })).toBeVisible();
  await expect(embed('Nowhere note')).toHaveAttribute('data-embed-state', 'missing');
  await expect(embed('Nowhere note')).toContainText('is not in your notes or the glossary yet');
  // Frames load as they near the view: scrolled to, A shows B, B would show A again.
  await embed('Loop A').first().scrollIntoViewIfNeeded();
  await embed('Loop B').scrollIntoViewIfNeeded();
  const cycle = notes.editor.locator('[data-embed-state="cycle"]');
  await cycle.scrollIntoViewIfNeeded();
  await expect(cycle).toContainText('embed cycle');
  await expect(cycle).toHaveCount(1);

  // An embed alone in a list item shows in the item; a lone id after a list is hidden.
  const inItem = notes.editor
    .getByRole('listitem')
    .filter({ has: page.getByRole('group', { name: 'Embed: Cells › Membranes', exact: true }) });
  await inItem.scrollIntoViewIfNeeded();
  await expect(inItem.getByText('Lipid bilayer.')).toBeVisible();
  await expect(notes.editor.locator('[data-block-id="hub-list"]')).toBeHidden();
  // So does an embed in the middle of a line, between its words.
  const inLine = notes.editor.locator('p', { hasText: 'In a sentence,' });
  await expect(inLine.getByRole('group', { name: 'Embed: Cells › Membranes', exact: true })).toContainText(
    'Lipid bilayer.',
  );
  await expect(inLine).toContainText('shows in its line.');

  // The embed follows its source.
  writeFileSync(join(vaultDir, 'Cells.md'), CELLS.replace('Mitochondria make', 'Mitochondria, edited, make'));
  await expect(section.getByText('Mitochondria, edited, make')).toBeVisible({ timeout: 20_000 });

  // Nothing was written: an untouched note with embeds and block ids stays byte for byte.
  expect(readFileSync(join(vaultDir, 'Study hub.md'), 'utf8')).toBe(HUB);

  // The caret in the block shows its id faintly.
  await notes.editor.getByText('See the key fact:').click();
  await expect(notes.editor.locator('[data-block-id="hub-intro"]')).toBeVisible();

  // Selecting an embed block shows its source; its edit button opens it for editing.
  await section.locator('.ed-embed__body').click();
  await expect(notes.editor.getByLabel('Embed source', { exact: true })).toHaveText('![[Cells#Organelles]]');
  await section.getByRole('button', { name: /Edit the embed source/ }).click();
  const source = page.getByRole('textbox', { name: 'Edit embed source' });
  await expect(source).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(source).toHaveCount(0);

  // A link to a block opens the note with the caret in that block, its id showing.
  await notes.editor.locator('[data-wiki-target]', { hasText: 'Cells' }).first().click();
  await expect(page.getByRole('textbox', { name: 'Note: Cells' })).toBeVisible();
  await expect(page.locator('[data-caret-block] [data-block-id="atp-fact"]')).toBeVisible();

  // The title of an embed opens its source.
  // Frames above it load and grow as the note opens: click once they have settled, so the
  // click lands on the title rather than on whatever a late frame pushed under the pointer.
  await notes.open('Study hub');
  await expect(embed('Cells').first()).toHaveAttribute('data-embed-state', 'note');
  await expect(embed('Cells › Organelles')).toHaveAttribute('data-embed-state', 'note');
  await embed('Cells › Organelles').getByRole('button', { name: 'Cells › Organelles', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Note: Cells' })).toBeVisible();
  expect(readFileSync(join(vaultDir, 'Study hub.md'), 'utf8')).toBe(HUB);
});
