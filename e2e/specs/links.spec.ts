import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { BacklinksPanel } from '../pages/BacklinksPanel';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';

const ENTRY = 'GABA Glutamate Ratio';

function read(vaultDir: string, file: string): string {
  return readFileSync(join(vaultDir, file), 'utf8');
}

test('type [[gaba, pick the glossary entry from the menu, and a link chip appears and is saved', async ({
  notebook,
}) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Study plan');
  await notes.type('Read [[gaba');
  const menu = notes.linkMenu;
  await expect(menu).toBeVisible();
  const option = menu.getByRole('option', { name: new RegExp(ENTRY) });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Glossary');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await notebook.page.keyboard.press('Enter');
  await expect(menu).toBeHidden();

  const chip = notes.linkChip(ENTRY);
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAttribute('data-link-kind', 'entry');
  await notes.type(' today.');
  await notes.waitSaved();
  expect(read(notebook.vaultDir, 'Study plan.md')).toBe(`Read [[${ENTRY}]] today.\n`);

  // Reloaded from disk, the link is a chip again.
  await notebook.page.reload();
  await notes.open('Study plan');
  await expect(notes.linkChip(ENTRY)).toHaveAttribute('data-link-kind', 'entry');
});

test('clicking a link chip to a glossary entry opens the entry in the reference pane', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'Reading list.md'), `Start with [[${ENTRY}|the ratio]] first.\n`);
  const notes = new NotesPane(notebook.page);
  await notes.open('Reading list');
  const chip = notes.linkChip('the ratio');
  await expect(chip).toHaveAttribute('data-link-kind', 'entry');
  await chip.click();
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText(ENTRY);
  // The note stays open in the editor.
  await expect(notes.title).toHaveValue('Reading list');
});

test('open the entry and see the linking note under Linked mentions with its sentence; the sidebar counts it', async ({
  notebook,
}) => {
  writeFileSync(
    join(notebook.vaultDir, 'Neuro notes.md'),
    `# Inhibition\n\nFirst a paragraph.\n\n## Balance\n\nThe brain keeps [[${ENTRY}]] within a narrow band.\n`,
  );
  const notes = new NotesPane(notebook.page);
  await expect(notes.item('Neuro notes')).toBeVisible();
  const glossary = new GlossaryPane(notebook.page);
  const entryOption = glossary.list.getByRole('option', { name: new RegExp(`^${ENTRY}`) });
  await expect(entryOption).toHaveAccessibleName(new RegExp(`^${ENTRY} ?, 1 note links here$`));
  await entryOption.click();
  await glossary.readerTitle().filter({ hasText: ENTRY }).waitFor();

  const panel = new BacklinksPanel(notebook.page);
  await panel.showBacklinks();
  await expect(panel.count(panel.linked)).toHaveText('1');
  const group = panel.group(panel.linked, 'Neuro notes');
  const mention = panel.mentions(group).first();
  await expect(mention).toContainText('The brain keeps GABA Glutamate Ratio within a narrow band.');
  await expect(mention).toContainText('Inhibition');
  await expect(mention).toContainText('Balance');
  await expect(mention.locator('mark')).toHaveText(ENTRY);

  // Following the mention opens the note with the link selected.
  await mention.click();
  await expect(notes.title).toHaveValue('Neuro notes');
  await expect(notes.editor).toBeFocused();
  await expect.poll(() => notebook.page.evaluate(() => window.getSelection()?.toString())).toBe(ENTRY);
});

test('write the title plainly in another note, link it from Unlinked mentions, find the link on disk, undo', async ({
  notebook,
}) => {
  const original = 'Lecture 3: the gaba/glutamate ratio shifts during sleep.\n';
  writeFileSync(join(notebook.vaultDir, 'Lecture 3.md'), original);
  const notes = new NotesPane(notebook.page);
  await expect(notes.item('Lecture 3')).toBeVisible();
  await new GlossaryPane(notebook.page).open(ENTRY);

  const panel = new BacklinksPanel(notebook.page);
  await panel.showBacklinks();
  await expect(panel.count(panel.unlinked)).toHaveText('1');
  await panel.expand(panel.unlinked);
  const group = panel.group(panel.unlinked, 'Lecture 3');
  await expect(panel.mentions(group).first()).toContainText('the gaba/glutamate ratio shifts during sleep');
  await group.getByRole('button', { name: /^Link “/ }).click();

  await expect
    .poll(() => read(notebook.vaultDir, 'Lecture 3.md'))
    .toBe(`Lecture 3: the [[${ENTRY}|gaba/glutamate ratio]] shifts during sleep.\n`);
  await expect(panel.count(panel.linked)).toHaveText('1');
  await expect(panel.count(panel.unlinked)).toHaveText('0');

  await panel.feedback.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => read(notebook.vaultDir, 'Lecture 3.md')).toBe(original);
  await expect(panel.count(panel.unlinked)).toHaveText('1');
});

test('a mention just linked opens as a link chip, with the link selected', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'Open note.md'), '# Why\n\nWhy the GABA Glutamate Ratio matters.\n');
  const notes = new NotesPane(notebook.page);
  await expect(notes.item('Open note')).toBeVisible();
  await new GlossaryPane(notebook.page).open(ENTRY);
  const panel = new BacklinksPanel(notebook.page);
  await panel.showBacklinks();
  await panel.expand(panel.unlinked);
  await panel
    .group(panel.unlinked, 'Open note')
    .getByRole('button', { name: /^Link “/ })
    .click();
  await expect.poll(() => read(notebook.vaultDir, 'Open note.md')).toContain(`[[${ENTRY}]]`);
  await panel.mentions(panel.group(panel.linked, 'Open note')).first().click();
  await expect(notes.title).toHaveValue('Open note');
  await expect(notes.linkChip(ENTRY)).toHaveAttribute('data-link-kind', 'entry');
  await expect.poll(() => notebook.page.evaluate(() => window.getSelection()?.toString())).toBe(ENTRY);
});

test('rename a note and the links in other notes follow; labels and prose stay', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'Neurons.md'), 'Cells that fire.\n');
  writeFileSync(
    join(notebook.vaultDir, 'Synapses.md'),
    'Between [[Neurons]] and [[Neurons|other cells]], see [[neurons#Axon]].\n',
  );
  writeFileSync(join(notebook.vaultDir, 'Glia.md'), 'Support for [[Neurons]].\n');
  const notes = new NotesPane(notebook.page);
  // Every note is in the vault (and so in the link index) before the rename counts links.
  for (const title of ['Synapses', 'Glia']) await expect(notes.item(title)).toBeVisible();
  await notes.open('Neurons');
  await notes.title.fill('Nerve cells');
  await notes.title.press('Enter');

  const dialog = notebook.page.getByRole('dialog', { name: 'Update 4 links in 2 notes?' });
  await expect(dialog).toBeVisible();
  // The focus is on the main action (not on Cancel): Enter updates the links.
  await expect(dialog.getByRole('button', { name: 'Update links' })).toBeFocused();
  await notebook.page.keyboard.press('Enter');
  await expect(notes.item('Nerve cells')).toBeVisible();
  // The notes are rewritten one after another; the report comes when all are done.
  await expect(notebook.page.getByRole('status').filter({ hasText: 'Updated 4 links in 2 notes.' })).toBeVisible();
  expect(read(notebook.vaultDir, 'Synapses.md')).toBe(
    'Between [[Nerve cells]] and [[Nerve cells|other cells]], see [[Nerve cells#Axon]].\n',
  );
  expect(read(notebook.vaultDir, 'Glia.md')).toBe('Support for [[Nerve cells]].\n');
});

test('an unresolved link is marked, listed under Outgoing links, and can be created', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'Plans.md'), `See [[Future topic]] and [[${ENTRY}]].\n`);
  const notes = new NotesPane(notebook.page);
  await notes.open('Plans');
  await expect(notes.linkChip('Future topic')).toHaveAttribute('data-link-kind', 'unresolved');
  const panel = new BacklinksPanel(notebook.page);
  await panel.showBacklinks();
  await panel.tab('Outgoing links').click();
  await expect(panel.body.getByRole('region', { name: 'Glossary entries' })).toContainText(ENTRY);
  const missing = panel.body.getByRole('region', { name: 'Not created yet' });
  await expect(missing).toContainText('Future topic');
  await missing.getByRole('button', { name: 'Create note “Future topic”' }).click();
  await expect(notes.title).toHaveValue('Future topic');
  await notes.open('Plans');
  await expect(notes.linkChip('Future topic')).toHaveAttribute('data-link-kind', 'note');
});
