import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type NotebookApp } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';
import { QuickSwitcher } from '../pages/QuickSwitcher';
import { SearchPanel } from '../pages/SearchPanel';

const FILLER = Array.from(
  { length: 60 },
  (_, i) => `Paragraph ${i + 1} is about membranes, cells and other things.`,
).join('\n\n');

/**
 * Puts notes in the vault and relaunches the app on it, so they are there from the start
 * (indexed by the first build, listed at once). Returns the new page.
 */
async function seedNotes(notebook: NotebookApp, notes: Record<string, string>): Promise<Page> {
  const page = await notebook.restart({
    beforeStart: () => {
      for (const [title, text] of Object.entries(notes)) writeFileSync(join(notebook.vaultDir, `${title}.md`), text);
    },
  });
  const list = new NotesPane(page);
  for (const title of Object.keys(notes)) await expect(list.item(title)).toBeVisible();
  return page;
}

/** What the CSS Custom Highlight API paints in the page, and whether the first match is in view. */
function searchHighlights(page: Page) {
  return page.evaluate(() => {
    const matches = CSS.highlights.get('search-match');
    if (!matches || matches.size === 0) return { count: 0, firstInView: false, firstText: '' };
    const first = [...matches][0] as Range;
    const rect = first.getBoundingClientRect();
    const scroller = (first.startContainer.parentElement?.closest('.note-body, .content-scroll, .reference-scroll') ??
      document.documentElement) as HTMLElement;
    const view = scroller.getBoundingClientRect();
    return {
      count: matches.size,
      firstInView: rect.top >= view.top && rect.bottom <= view.bottom && rect.height > 0,
      firstText: first.toString(),
    };
  });
}

test('search shows highlighted snippets from the glossary and from notes as you type, with a count and filters', async ({
  notebook,
}) => {
  const page = await seedNotes(notebook, {
    Excitation: 'Glutamate depolarises neurons.\n\nToo much glutamate is excitotoxic.\n',
  });
  const search = new SearchPanel(page);
  await search.open();
  await search.search('glutamate');

  await expect(search.result('GABA Glutamate Ratio')).toBeVisible();
  await expect(search.result('Excitation')).toBeVisible();
  await expect(search.result('GABA Glutamate Ratio')).toContainText('Glossary');
  await expect(search.result('Excitation')).toContainText('Note');
  await expect(search.snippetMarks('Excitation').first()).toHaveText(/^glutamate$/i);
  await expect(search.snippetMarks('GABA Glutamate Ratio').first()).toHaveText(/^glutamate$/i);
  const count = await search.items.count();
  await expect(search.summary).toContainText(new RegExp(`^${count} results?`));

  await search.scope('Notes').click();
  await expect(search.field).toHaveValue('in:notes glutamate');
  await expect(search.items).toHaveCount(1);
  await expect(search.result('Excitation')).toBeVisible();
  await expect(search.summary).toContainText('1 result');

  await search.scope('Glossary').click();
  await expect(search.result('Excitation')).toBeHidden();
  await expect(search.result('GABA Glutamate Ratio')).toBeVisible();
  for (const kind of await search.items.locator('.kind-badge').allTextContents()) expect(kind).toBe('Glossary');

  await search.search('zzyzx');
  await expect(search.panel).toContainText('No results for');

  await search.field.press('Escape');
  await expect(search.panel).toBeHidden();
  await expect(new NotesPane(page).list).toBeVisible();
});

test('a result opens scrolled to its first match, highlighted, until the next edit or Escape', async ({ notebook }) => {
  const page = await seedNotes(notebook, {
    'Long note': `# Long\n\n${FILLER}\n\nSynaptic pruning removes weak connections; pruning continues.\n`,
  });
  const search = new SearchPanel(page);
  const notes = new NotesPane(page);
  await search.open();
  await search.search('pruning');
  await expect(search.result('Long note')).toBeVisible();
  await search.field.press('Enter');
  await expect(notes.title).toHaveValue('Long note');

  await expect.poll(() => searchHighlights(page)).toEqual({ count: 2, firstInView: true, firstText: 'pruning' });

  // Escape closes the panel first, then clears the highlights.
  await page.keyboard.press('Escape');
  await expect(search.panel).toBeHidden();
  await page.keyboard.press('Escape');
  await expect.poll(() => searchHighlights(page).then((h) => h.count)).toBe(0);

  // Opened again, the highlights go away as soon as the user types.
  await search.open();
  await search.field.press('Enter');
  await expect.poll(() => searchHighlights(page).then((h) => h.count)).toBe(2);
  await notes.editor.click();
  await page.keyboard.type('x');
  await expect.poll(() => searchHighlights(page).then((h) => h.count)).toBe(0);
});

test('a glossary result opens in the reader, or beside an open note, with its matches highlighted', async ({
  notebook,
}) => {
  const page = await seedNotes(notebook, { Draft: 'Some text.\n' });
  const search = new SearchPanel(page);
  const glossary = new GlossaryPane(page);
  await search.open();
  await search.search('hyperpolarize');
  await expect(search.result('GABA Glutamate Ratio')).toBeVisible();
  await search.result('GABA Glutamate Ratio').click();
  await expect(glossary.readerTitle()).toHaveText('GABA Glutamate Ratio');
  await expect.poll(() => searchHighlights(page)).toMatchObject({ firstInView: true, firstText: 'hyperpolarize' });

  // With a note open, the entry opens in the reference pane beside it.
  await page.keyboard.press('Escape');
  const notes = new NotesPane(page);
  await notes.open('Draft');
  await search.open();
  await search.search('homeostasis');
  await search.field.press('Enter');
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText('GABA Glutamate Ratio');
  await expect(notes.title).toHaveValue('Draft');
  await expect.poll(() => searchHighlights(page)).toMatchObject({ firstInView: true, firstText: 'homeostasis' });
});

test('search forgives word forms and typos, and shows the closest matches when no result has every word', async ({
  notebook,
}) => {
  const page = await seedNotes(notebook, {
    Excitation: 'Glutamate depolarises neurons.\n\nToo much glutamate is excitotoxic.\n',
  });
  const search = new SearchPanel(page);
  await search.open();
  // "releasing" is another form of "release"; "neurotransmiters" lacks a letter.
  await search.search('releasing neurotransmiters');
  await expect(search.result('Neurotransmitter Balance Science')).toBeVisible();
  await expect(
    search.snippetMarks('Neurotransmitter Balance Science').filter({ hasText: /^release$/i }),
  ).not.toHaveCount(0);
  await expect(search.partialNotice).toBeHidden();

  // No document has "zzyzx": the ones with "glutamate" are listed, saying what they lack.
  const announcements = page.getByRole('status', { name: 'Search announcements' });
  await search.search('glutamate zzyzx');
  await expect(search.partialNotice).toBeVisible();
  await expect(search.result('Excitation')).toContainText('Missing: zzyzx');
  await expect(announcements).toContainText('No result has every word; showing closest matches');
  if (process.env.DOC_SCREENSHOTS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: `docs/search-partial-${colorScheme}.png` });
    }
  }
});

test('the quick switcher opens notes and entries by title, lists recent ones first, and creates notes', async ({
  notebook,
}) => {
  const page = await seedNotes(notebook, { 'Cell biology': 'Cells.\n', 'Inhibition basics': 'GABA.\n' });
  const switcher = new QuickSwitcher(page);
  const notes = new NotesPane(page);

  await switcher.open('O');
  await switcher.type('inhib bas');
  // The option's name is all it shows (label in name), title first.
  await expect(switcher.options.first()).toHaveAccessibleName(/^Inhibition basics ?, Note$/);
  await expect(switcher.option('Inhibition basics').locator('mark').first()).toBeVisible();
  await switcher.field.press('Enter');
  await expect(switcher.dialog).toBeHidden();
  await expect(notes.title).toHaveValue('Inhibition basics');
  await expect(notes.editor).toBeFocused();

  await switcher.open('P');
  await switcher.type('gaba glut');
  await expect(switcher.option('GABA Glutamate Ratio')).toContainText('Glossary');
  await switcher.option('GABA Glutamate Ratio').click();
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText('GABA Glutamate Ratio');

  // Empty query: what was opened recently, most recent first.
  await switcher.open('O');
  await expect(switcher.dialog.getByRole('group', { name: 'Recent' })).toBeVisible();
  expect((await switcher.names()).slice(0, 2)).toEqual(['GABA Glutamate Ratio', 'Inhibition basics']);
  await switcher.field.press('Escape');
  await expect(switcher.dialog).toBeHidden();

  // The last choice creates a note with the typed title.
  await switcher.open('O');
  await switcher.type('Synaptic plasticity');
  const create = switcher.option('Create note “Synaptic plasticity”');
  await expect(create).toBeVisible();
  expect((await switcher.names()).at(-1)).toBe('Create note “Synaptic plasticity”');
  await switcher.field.press('ArrowUp');
  await switcher.field.press('Enter');
  await expect(notes.title).toHaveValue('Synaptic plasticity');
  await expect(notes.item('Synaptic plasticity')).toBeVisible();
  expect(existsSync(join(notebook.vaultDir, 'Synaptic plasticity.md'))).toBe(true);
});

test('the command palette lists commands with their shortcuts and runs them', async ({ notebook }) => {
  const { page } = notebook;
  const palette = new CommandPalette(page);
  const notes = new NotesPane(page);
  const ctrl = process.platform === 'darwin' ? '⌘' : 'Ctrl';

  await palette.open();
  await expect(palette.command('Note: New note')).toContainText(ctrl);
  await expect(palette.command('Note: New note').locator('kbd').last()).toHaveText('N');
  await expect(palette.command('Go: Search notes and glossary')).toBeVisible();
  await expect(palette.command('Go: Quick switcher: open a note or entry')).toBeVisible();
  await expect(palette.command('Vault: Open vault…')).toBeVisible();
  // Commands that do not apply now are not offered.
  await expect(palette.command('Note: Move note to trash')).toHaveCount(0);

  await palette.run('new note');
  await expect(notes.title).toBeFocused();
  await expect(notes.title).toHaveValue('Untitled');
  await expect(notes.item('Untitled')).toBeVisible();

  // With a note open, the editor's formatting commands act on the selection.
  await notes.title.fill('Palette');
  await notes.title.press('Enter');
  await expect(notes.editor).toBeFocused();
  await notes.type('make this bold');
  for (let i = 0; i < 'bold'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await palette.open();
  await expect(palette.command('Format: Bold')).toContainText(`${ctrl}`);
  await palette.run('bold');
  await expect(notes.editor.locator('strong, b, .editor-text-bold').first()).toHaveText('bold');
  await expect(notes.editor).toBeFocused();
});
