import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';
import { AddPackDialog, ManagePacksDialog, openGlossaryMenu } from '../pages/PackDialogs';

const PACKS = join(__dirname, '..', 'fixtures', 'packs');
/** A note naming entries of the pack imported below like a folder (a plain [[Neuron]] is not the pack's name). */
const READING = 'See [[Flashcards/Neuron|the cell]], [[flashcards/bank#Sense]] and [[Neuron]].\n';

/** The pack folders in the app's data folder (the shipped glossary's is "builtin"). */
function storedPacks(stateDir: string): string[] {
  return readdirSync(join(stateDir, 'packs'))
    .filter((name) => !name.startsWith('.'))
    .sort();
}

test('a TSV imported from the glossary menu: previewed, then listed with its pack, read-only, and findable', async ({
  notebook,
}) => {
  writeFileSync(join(notebook.vaultDir, 'Reading.md'), READING);
  const page = notebook.page;
  const glossary = new GlossaryPane(page);
  await glossary.titles();
  // In the vault (and so in the link index) before the pack is renamed.
  await expect(new NotesPane(page).item('Reading')).toBeVisible();
  await openGlossaryMenu(page, 'Add reference pack…');
  const dialog = new AddPackDialog(page);
  await expect(dialog.dialog).toBeVisible();
  await dialog.choose(join(PACKS, 'flashcards.tsv'));

  await expect(dialog.preview).toContainText('TSV · UTF-8 (detected) · tab-separated');
  await expect(dialog.preview).toContainText('4 entries');
  await expect(dialog.table.getByRole('rowheader')).toHaveText(['Neuron', 'Glia', 'bank', 'bank']);
  await expect(dialog.table).toContainText('e.g. "astrocytes"');
  // Nothing is written before the import.
  expect(storedPacks(notebook.stateDir)).toEqual(['builtin']);

  await dialog.name.fill('Flashcards');
  await dialog.importButton.click();
  await expect(dialog.summary).toHaveText('Imported 4 entries into “Flashcards”.');
  await dialog.done();
  // Focus goes back to where the dialog was opened from.
  await expect(page.getByRole('button', { name: 'Glossary options' })).toBeFocused();
  expect(storedPacks(notebook.stateDir)).toEqual(['builtin', 'flashcards']);

  // Two entries titled "bank", told apart by their definitions; each names its pack in the list.
  await expect(glossary.list.getByRole('option', { name: /^bank Flashcards/ })).toHaveCount(2);
  // … each with the first words of its definition beside the pack's name.
  await expect(glossary.list.getByRole('option', { name: /^bank Flashcards The land alongside a river/ })).toHaveCount(
    1,
  );
  await expect(
    glossary.list.getByRole('option', { name: /^bank Flashcards An institution that keeps money, lends it,…/ }),
  ).toHaveCount(1);
  await glossary.list.getByRole('option', { name: /^Neuron Flashcards/ }).click();
  await expect(glossary.readerTitle()).toHaveText('Neuron');
  await expect(glossary.reader).toContainText('A cell that carries electrical signals');
  await expect(glossary.reader.locator('[contenteditable="true"]')).toHaveCount(0);
  await expect(glossary.reader).toContainText('Source: flashcards.tsv, line 1');

  // Rename, hide (the entries leave the glossary), show again, remove after a confirmation.
  await openGlossaryMenu(page, 'Manage reference packs…');
  const manage = new ManagePacksDialog(page);
  await expect(manage.row('Flashcards')).toContainText('4 entries · flashcards.tsv');
  await manage.button('Rename', 'Flashcards').click();
  const field = manage.dialog.getByRole('textbox', { name: 'New name for Flashcards' });
  await expect(field).toBeFocused();
  await field.fill('Neuro cards');
  await field.press('Enter');
  // A note names the pack like a folder: the app offers to update those links too, the focus on that action.
  const links = page.getByRole('dialog', { name: 'Update 2 links in 1 note?' });
  await expect(links.getByRole('button', { name: 'Update links' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(manage.row('Neuro cards')).toBeVisible();
  await expect(manage.dialog.getByRole('status')).toHaveText(
    'Renamed “Flashcards” to “Neuro cards”. Updated 2 links in 1 note.',
  );
  expect(readFileSync(join(notebook.vaultDir, 'Reading.md'), 'utf8')).toBe(
    READING.replace(/flashcards/gi, 'Neuro cards'),
  );
  await expect(manage.button('Rename', 'Neuro cards')).toBeFocused();
  await manage.dialog.getByRole('button', { name: 'Done' }).click();
  const notes = new NotesPane(page);
  await notes.open('Reading');
  await expect(notes.linkChip('the cell')).toHaveAttribute('data-link-kind', 'entry');
  await openGlossaryMenu(page, 'Manage reference packs…');
  await manage.button('Hide', 'Neuro cards').click();
  await expect(manage.row('Neuro cards')).toContainText('Hidden');
  await expect(manage.button('Show', 'Neuro cards')).toBeFocused();
  await expect(glossary.list.getByRole('option', { name: /^Neuron/ })).toHaveCount(0);
  await manage.button('Show', 'Neuro cards').click();
  await expect(glossary.list.getByRole('option', { name: /^Neuron Neuro cards/ })).toHaveCount(1);
  await expect(manage.button('Remove', 'Neurochemistry')).toHaveCount(0);
  await manage.button('Remove', 'Neuro cards').click();
  const confirm = page.getByRole('dialog', { name: 'Remove “Neuro cards”?' });
  await expect(confirm).toContainText('Its 4 entries leave the glossary');
  await confirm.getByRole('button', { name: 'Remove pack' }).click();
  await expect(manage.row('Neuro cards')).toHaveCount(0);
  await expect(glossary.list.getByRole('option', { name: /^Neuron/ })).toHaveCount(0);
  expect(storedPacks(notebook.stateDir)).toEqual(['builtin']);
  await manage.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(manage.dialog).toBeHidden();
});

test('a CSV with quoted line breaks, commas and quotes, imported from the command palette', async ({ notebook }) => {
  const page = notebook.page;
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.run('add reference pack');
  const dialog = new AddPackDialog(page);
  await dialog.choose(join(PACKS, 'quoted.csv'));
  await expect(dialog.preview).toContainText('2 entries');
  await expect(dialog.preview.getByRole('list', { name: 'Columns' }).getByRole('listitem')).toHaveText([
    'Term: term',
    'Definition: definition',
    'Aliases: aliases',
  ]);
  await expect(dialog.table.getByRole('rowheader').first()).toHaveText('Action potentialAP, spike');
  await dialog.importAll();
  await dialog.done();

  const glossary = new GlossaryPane(page);
  await glossary.list.getByRole('option', { name: /^Action potential/ }).click();
  await expect(glossary.reader.locator('.definition p')).toHaveText([
    'A brief reversal of the membrane potential.',
    'It travels along the axon, without losing strength.',
  ]);
  await expect(glossary.reader).toContainText('Also known as AP, spike');
  await glossary.list.getByRole('option', { name: /^Myelin/ }).click();
  await expect(glossary.reader).toContainText(
    'The fatty sheath around axons; it speeds conduction, roughly "tenfold".',
  );
});

test('a folder of Markdown files, picked as a folder', async ({ notebook }) => {
  // The browser build picks folders with the browser's own folder dialog (a file input with
  // webkitdirectory); the desktop app shows the system's. Either way the page sends the files
  // it was given; the backend never reads a path the page names.
  const page = notebook.page;
  await openGlossaryMenu(page, 'Add reference pack…');
  const dialog = new AddPackDialog(page);
  await dialog.choose(join(PACKS, 'neuro-notes'), { folder: true });
  await expect(dialog.dialog).toContainText('neuro-notes (2 files)');
  await expect(dialog.preview).toContainText('Markdown folder · UTF-8 (detected)');
  await expect(dialog.table.getByRole('rowheader')).toHaveText(['Serotonin', 'HippocampusHippocampal formation']);
  await expect(dialog.name).toHaveValue('neuro-notes');
  await dialog.importAll();
  await dialog.done();

  const glossary = new GlossaryPane(page);
  await glossary.list.getByRole('option', { name: /^Hippocampus/ }).click();
  await expect(glossary.reader).toContainText('central to forming new memories');
  await expect(glossary.reader.getByRole('region', { name: 'Function' })).toContainText('Consolidates');
  await expect(glossary.reader).toContainText('Also known as Hippocampal formation');
});

test('a broken file: a clear message, no import offered, nothing written', async ({ notebook }) => {
  const page = notebook.page;
  await openGlossaryMenu(page, 'Add reference pack…');
  const dialog = new AddPackDialog(page);
  await dialog.choose(join(PACKS, 'broken.csv'));
  await expect(dialog.error).toHaveText(
    'broken.csv, line 3: a quoted field opened here is never closed, so nothing after it can be read. Close the quote (a quote inside a quoted field is written twice: "").',
  );
  await expect(dialog.importButton).toBeDisabled();
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.dialog).toBeHidden();
  expect(storedPacks(notebook.stateDir)).toEqual(['builtin']);
  const glossary = new GlossaryPane(page);
  await expect(glossary.items).toHaveCount(5);
});
