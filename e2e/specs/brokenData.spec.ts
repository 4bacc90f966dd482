import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { BacklinksPanel } from '../pages/BacklinksPanel';
import { NotesPane } from '../pages/NotesPane';
import { SearchPanel } from '../pages/SearchPanel';
import { writeBrokenNotes } from '../../src/main/notebook/testing/brokenNotes';

/**
 * Broken data never stops the app: notes it cannot edit safely open read-only with a
 * notice saying why, the others open as they are, and damaged caches and state files are
 * ignored and rebuilt.
 */

test('a vault of broken notes: the app starts, lists them all and opens each, read-only where it must', async ({
  notebook,
}) => {
  // The 10 MB line takes ~14 s to load into the editor on a 2-vCPU machine, 200,000 words ~7 s.
  test.setTimeout(120_000);
  let notes: ReturnType<typeof writeBrokenNotes> = [];
  const page = await notebook.restart({ beforeStart: () => (notes = writeBrokenNotes(notebook.vaultDir)) });
  const pane = new NotesPane(page);
  for (const note of notes) await expect(pane.item(note.title)).toBeVisible();

  for (const note of notes) {
    await pane.item(note.title).click();
    await expect(pane.title).toHaveValue(note.title, { timeout: 40_000 });
    const notice = page.getByText('This note is shown read-only:');
    if (note.opens === 'read-only') {
      await expect(notice).toContainText(/not valid UTF-8|binary data/);
      await expect(pane.editor).toHaveAttribute('contenteditable', 'false');
      await expect(pane.title).not.toBeEditable();
    } else {
      await expect(notice).toHaveCount(0);
      await expect(pane.editor).toHaveAttribute('contenteditable', 'true');
      await expect(pane.editor).toContainText(note.marker!, { timeout: 40_000 });
    }
  }
  // Search found the readable ones; nothing was rewritten by opening them.
  const search = new SearchPanel(page);
  await search.open();
  await search.search('unclosedmarker');
  await expect(search.result('Unclosed front matter')).toBeVisible();
  for (const note of notes) {
    expect(readFileSync(join(notebook.vaultDir, `${note.title}.md`)).equals(note.bytes), note.title).toBe(true);
  }
});

test('an edit to a note with broken front matter keeps the front matter byte for byte', async ({ notebook }) => {
  const broken = '---\naliases: [one, two\ntags: : : [\n---\n\nBody.\n';
  writeFileSync(join(notebook.vaultDir, 'Broken YAML.md'), broken);
  const notes = new NotesPane(notebook.page);
  await notes.open('Broken YAML');
  await notes.editor.click();
  await notebook.page.keyboard.press('End');
  await notes.type(' More.');
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Broken YAML.md'), 'utf8')).toBe(broken.replace('Body.', 'Body. More.'));
});

test('damaged caches and state files: the app starts, works, and rebuilds them', async ({ notebook }) => {
  const { vaultDir, stateDir } = notebook;
  writeFileSync(join(vaultDir, 'Alpha.md'), 'Alpha links to [[Bravo]].\n');
  writeFileSync(join(vaultDir, 'Bravo.md'), 'Bravo stands alone, zulumarker.\n');
  const notes = new NotesPane(notebook.page);
  await notes.open('Alpha');
  // Quit normally so every cache and state file is written, then damage each of them.
  const page = await notebook.restart({
    beforeStart: () => {
      const vaultState = join(stateDir, 'vaults', readdirSync(join(stateDir, 'vaults'))[0]!);
      const files = [
        join(vaultState, 'links-index.json'),
        join(vaultState, 'search-index.bin'),
        join(vaultState, 'workspace.json'),
        join(stateDir, 'settings.json'),
      ];
      for (const file of files) writeFileSync(file, readFileSync(file).subarray(0, 9));
      mkdirSync(join(vaultState, 'drafts'), { recursive: true });
      writeFileSync(join(vaultState, 'drafts', `${'0'.repeat(32)}.json`), '{"path":"Alpha.md","content":');
    },
  });

  const again = new NotesPane(page);
  await expect(again.item('Alpha')).toBeVisible();
  await expect(again.item('Bravo')).toBeVisible();
  await expect(page.getByText('Recovered unsaved edits')).toHaveCount(0);
  const search = new SearchPanel(page);
  await search.open();
  await search.search('zulumarker');
  await expect(search.result('Bravo')).toBeVisible();
  await search.result('Bravo').click();
  await expect(again.title).toHaveValue('Bravo');
  const panel = new BacklinksPanel(page);
  await panel.showBacklinks();
  await expect(panel.group(panel.linked, 'Alpha')).toBeVisible();

  // Rebuilt: the next start reads the caches again (and the note opened last comes back).
  const third = await notebook.restart();
  await expect(new NotesPane(third).title).toHaveValue('Bravo');
  const vaultState = join(stateDir, 'vaults', readdirSync(join(stateDir, 'vaults'))[0]!);
  expect(JSON.parse(readFileSync(join(vaultState, 'links-index.json'), 'utf8'))).toMatchObject({
    notes: { 'Alpha.md': expect.any(Object), 'Bravo.md': expect.any(Object) },
  });
  const searchCache = readFileSync(join(vaultState, 'search-index.bin'));
  expect(searchCache.subarray(0, 8).toString()).toBe('SNSEARCH');
  expect(searchCache.length).toBeGreaterThan(100);
});
