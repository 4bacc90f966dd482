import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';
import { AddPackDialog, ManagePacksDialog, openGlossaryMenu } from '../pages/PackDialogs';
import { EntryHighlights } from '../pages/EntryHighlights';

/**
 * Studying the reference (issue #17) end to end: a passage highlighted and annotated in the
 * entry beside a note, quoted into the note with a link back, the link followed back to the
 * passage, everything still there after a reload; and highlights kept through a re-import
 * of their pack that moves and rewords passages.
 */

function highlightFiles(vaultDir: string): string[] {
  try {
    return readdirSync(join(vaultDir, 'Highlights')).filter((name) => name.endsWith('.md'));
  } catch {
    return [];
  }
}

test('highlight → margin note → quote in the note → follow the link back → reload', async ({ notebook }) => {
  const page = notebook.page;
  writeFileSync(join(notebook.vaultDir, 'Essay.md'), 'Why inhibition matters.\n');
  const notes = new NotesPane(page);
  const glossary = new GlossaryPane(page);
  await notes.open('Essay');
  // Opened while writing, the entry goes beside the note.
  await glossary.item('GABA Glutamate Ratio').click();
  const reader = new EntryHighlights(page, notes.reference.getByRole('article'));
  await expect(reader.reader.getByRole('heading', { level: 1 })).toHaveText('GABA Glutamate Ratio');
  const paragraph = (await reader.reader.locator('.definition p').first().textContent())!;
  // Its first words, up to a word's end.
  const passage = paragraph.slice(0, 60).replace(/\s+\S*$/, '');

  await reader.select(passage);
  await reader.toolbar.getByRole('button', { name: 'Highlight green' }).click();
  const mark = reader.mark(passage);
  await expect(mark).toHaveClass(/hl-green/);
  await expect.poll(() => highlightFiles(notebook.vaultDir)).toHaveLength(1);

  // A margin note on it.
  await mark.click();
  await reader.toolbar.getByRole('button', { name: 'Note', exact: true }).click();
  const note = page.getByRole('textbox', { name: /^Margin note on the green highlight/ });
  await note.fill('Compare with the excitation/inhibition balance in epilepsy.');
  await note.press('Control+Enter');
  await expect(notes.reference).toContainText('Compare with the excitation/inhibition balance in epilepsy.');

  // Quoted at the caret of the note, with a link back to the passage.
  await notes.editor.click();
  await page.keyboard.press('Control+End');
  await mark.click();
  await reader.toolbar.getByRole('button', { name: 'Quote in note' }).click();
  await expect(notes.editor.locator('blockquote')).toContainText(passage);
  await notes.waitSaved();
  const saved = readFileSync(join(notebook.vaultDir, 'Essay.md'), 'utf8');
  const [, highlightId] = /\[\[GABA Glutamate Ratio#\^(h-[a-z0-9]+)\|GABA Glutamate Ratio\]\]/.exec(saved) ?? [];
  expect(highlightId, saved).toBeTruthy();
  expect(saved).toContain(`Why inhibition matters.\n\n> ${passage}`);
  const file = readFileSync(join(notebook.vaultDir, 'Highlights', highlightFiles(notebook.vaultDir)[0]!), 'utf8');
  expect(file).toContain(`id: "${highlightId}"`);
  expect(file).toContain('Compare with the excitation/inhibition balance in epilepsy.');

  // Following the link from the note brings the passage back into view, flashed and focused.
  await notes.reference.getByRole('region', { name: 'Reference entry' }).evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.getByRole('button', { name: 'Close reference' }).click();
  await expect(notes.reference).toBeHidden();
  await notes.linkChip('GABA Glutamate Ratio').click();
  await expect(mark).toBeFocused();
  await expect(mark).toBeInViewport();
  // Dragging the highlight onto the note quotes it where it is dropped: here, before the first line.
  await mark.dragTo(notes.editor.getByText('Why inhibition matters.'), { targetPosition: { x: 2, y: 4 } });
  await expect(notes.editor.locator('blockquote')).toHaveCount(2);
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Essay.md'), 'utf8')).toMatch(
    /^> The GABA Glutamate Ratio[^]*\n\nWhy inhibition matters\.\n\n> The GABA/,
  );

  // After a reload: the quote, the highlight and its note, and the entry knows who quotes it.
  await page.reload();
  await expect(notes.editor.locator('blockquote')).toHaveCount(2);
  // The workspace comes back as it was: the entry beside the note.
  await expect(reader.mark(passage)).toHaveClass(/hl-green/);
  await expect(reader.reader).toContainText('Compare with the excitation/inhibition balance in epilepsy.');
  // In the main view, the entry's side panel lists its highlights and the notes quoting it.
  await notes.reference.getByRole('button', { name: 'Open full view' }).click();
  await expect(new EntryHighlights(page).mark(passage)).toBeVisible();
  const side = page.getByRole('region', { name: 'Side panel' });
  await side.getByRole('tab', { name: /^Highlights/ }).click();
  const quoted = side.getByRole('region', { name: /^Quoted in/ });
  await expect(quoted.getByRole('button', { name: /^Essay/ })).toHaveText([`Essay${passage}`, `Essay${passage}`]);
  // … and the backlinks show the quote with its passage.
  await side.getByRole('tab', { name: /^Backlinks/ }).click();
  await expect(side.locator('.mention-quote')).toHaveCount(2);
  await expect(side.locator('.mention-quote').first()).toContainText(passage);
});

const V1 = {
  'Synapse.md':
    '# Synapse\n\nThe junction where one neuron passes a signal to another cell.\n\n' +
    '## Mechanism\n\nVesicles release neurotransmitter into the synaptic cleft after an action potential arrives.\n\n' +
    'Receptors on the far side open ion channels within a millisecond.\n\n' +
    '## History\n\nSherrington named the synapse in 1897 while writing a textbook chapter.\n',
};
const V2 = {
  'Synapse.md':
    '# Synapse\n\nThe junction where one neuron passes a signal to another cell, chemical or electrical.\n\n' +
    // The receptors' paragraph moved up to a new first section, slightly reworded.
    '## Overview\n\nReceptors on the far side open their ion channels within a millisecond.\n\n' +
    '## Mechanism\n\nVesicles release neurotransmitter into the synaptic cleft after an action potential arrives.\n\n' +
    // The history section is gone.
    '## Notes\n\nElectrical synapses pass ions through gap junctions.\n',
};

function writePack(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('a pack re-imported with moved, reworded and deleted passages keeps every highlight', async ({
  notebook,
}, testInfo) => {
  const page = notebook.page;
  const v1 = writePack(testInfo.outputPath('v1', 'cells'), V1);
  const v2 = writePack(testInfo.outputPath('v2', 'cells'), V2);
  await openGlossaryMenu(page, 'Add reference pack…');
  const add = new AddPackDialog(page);
  await add.choose(v1, { folder: true });
  await add.importAll();
  await add.done();

  const glossary = new GlossaryPane(page);
  await glossary.list.getByRole('option', { name: /^Synapse/ }).click();
  const reader = new EntryHighlights(page);
  await expect(reader.reader).toContainText('Sherrington');
  for (const passage of ['synaptic cleft', 'open ion channels within a millisecond', 'named the synapse in 1897']) {
    await reader.select(passage);
    await page.keyboard.press('Control+Shift+H');
    await expect(reader.mark(passage)).toBeVisible();
  }

  await openGlossaryMenu(page, 'Manage reference packs…');
  const manage = new ManagePacksDialog(page);
  await manage.button('Re-import', 'cells').click();
  const again = new AddPackDialog(page);
  await again.choose(v2, { folder: true });
  await again.importAll();
  await again.done();
  await manage.dialog.getByRole('button', { name: 'Done' }).click();

  // The moved and reworded passage and the unchanged one are highlighted where they are now.
  await expect(reader.reader).toContainText('gap junctions');
  await expect(reader.mark('synaptic cleft')).toBeVisible();
  await expect(reader.reader.getByRole('region', { name: 'Overview' }).locator('mark')).toContainText(
    'open their ion channels within a millisecond',
  );
  // The deleted one is listed, with its text, to re-attach or delete: never dropped.
  const side = page.getByRole('region', { name: 'Side panel' });
  await side.getByRole('tab', { name: /^Highlights/ }).click();
  await expect(side).toContainText('named the synapse in 1897');
  await expect(reader.body.locator('mark[data-first]')).toHaveCount(2);
  // Re-attached to a passage selected in the reader, it is a highlight there, no longer an orphan.
  await reader.select('pass ions through gap junctions');
  await side.getByRole('button', { name: 'Re-attach to selection' }).click();
  await expect(reader.mark('pass ions through gap junctions')).toBeVisible();
  await expect(side.getByRole('region', { name: 'Orphaned highlights' })).toHaveCount(0);

  // Quoted with no note open: it goes to "Notes on Synapse", made for it, saved with the quote.
  await reader.mark('pass ions through gap junctions').click();
  await reader.toolbar.getByRole('button', { name: 'Quote in note' }).click();
  const notes = new NotesPane(page);
  await expect(notes.title).toHaveValue('Notes on Synapse');
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText('Synapse');
  await expect
    .poll(() => readFileSync(join(notebook.vaultDir, 'Notes on Synapse.md'), 'utf8'))
    .toMatch(/^> pass ions through gap junctions\n> — \[\[Synapse#\^h-[a-z0-9]+\|Synapse\]\]\n$/);
});
