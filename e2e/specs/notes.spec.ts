import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { GlossaryPane } from '../pages/GlossaryPane';
import { LaunchPage } from '../pages/LaunchPage';
import { NotesPane } from '../pages/NotesPane';
import { OpenVaultDialog } from '../pages/OpenVaultDialog';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('write a note with Markdown shortcuts and the toolbar; it is on disk and survives a reload', async ({
  notebook,
}) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Cell Biology');
  await notes.type('# Membranes\n');
  await notes.type('The membrane is a **lipid bilayer** today.\n');
  await notes.type('- phospholipids\n');
  await notes.type('proteins\n\n');
  await notes.type('> Structure follows function.\n\n');
  await notes.type('Selective permeability');
  // Select the last word with the keyboard and make it italic with the toolbar.
  for (let i = 0; i < 'permeability'.length; i++) await notebook.page.keyboard.press('Shift+ArrowLeft');
  await notes.toolbar.getByRole('button', { name: /^Italic/ }).click();
  await expect(notes.toolbar.getByRole('button', { name: /^Italic/ })).toHaveAttribute('aria-pressed', 'true');
  await notes.waitSaved();

  const file = readFileSync(join(notebook.vaultDir, 'Cell Biology.md'), 'utf8');
  expect(file).toContain('# Membranes');
  expect(file).toContain('The membrane is a **lipid bilayer** today.');
  expect(file).toMatch(/^- phospholipids$/m);
  expect(file).toMatch(/^- proteins$/m);
  expect(file).toContain('> Structure follows function.');
  expect(file).toMatch(/Selective [*_]permeability[*_]/);

  await notebook.page.reload();
  const again = new NotesPane(notebook.page);
  await expect(again.title).toHaveValue('Cell Biology');
  await expect(again.editor.getByRole('heading', { level: 1 })).toHaveText('Membranes');
  await expect(again.editor.locator('strong, b, .editor-text-bold').first()).toHaveText('lipid bilayer');
  await expect(again.editor.getByRole('listitem')).toHaveText(['phospholipids', 'proteins']);
  await expect(again.editor.locator('blockquote')).toHaveText('Structure follows function.');
});

test('a note opened and closed without edits is never rewritten', async ({ notebook }) => {
  const original = '---\ntags: [biology]\ncustom:   kept\n---\n\n*  odd   spacing*\n\n1) a list\n';
  writeFileSync(join(notebook.vaultDir, 'Untouched.md'), original);
  const notes = new NotesPane(notebook.page);
  await notes.open('Untouched');
  await notes.editor.click();
  await notebook.page.keyboard.press('ArrowDown');
  await notes.newNoteButton.click();
  await expect(notes.title).toBeFocused();
  await notes.open('Untouched');
  expect(readFileSync(join(notebook.vaultDir, 'Untouched.md'), 'utf8')).toBe(original);
});

test('an edit made outside the app appears in the open note', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Outside');
  await notes.type('First version.');
  await notes.waitSaved();
  writeFileSync(join(notebook.vaultDir, 'Outside.md'), 'Changed by another editor.\n');
  await expect(notes.editor).toHaveText('Changed by another editor.', { timeout: 5_000 });
});

test('an outside edit of another paragraph merges with unsaved typing', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Merged');
  await notes.type('First paragraph.');
  await notebook.page.keyboard.press('Enter');
  await notes.type('Second paragraph.');
  await notes.waitSaved();
  await notes.type(' Mine, unsaved.');
  writeFileSync(join(notebook.vaultDir, 'Merged.md'), 'First paragraph, edited elsewhere.\n\nSecond paragraph.\n');
  await expect(notes.editor).toContainText('First paragraph, edited elsewhere.');
  // The caret stayed at the end of the second paragraph.
  await notes.type(' And more.');
  await expect
    .poll(() => readFileSync(join(notebook.vaultDir, 'Merged.md'), 'utf8'))
    .toBe('First paragraph, edited elsewhere.\n\nSecond paragraph. Mine, unsaved. And more.\n');
  expect(readdirSync(notebook.vaultDir).filter((name) => name.includes('(conflict'))).toEqual([]);
});

test('a conflict keeps both versions and says so, and editing goes on in the copy', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Contested');
  await notes.type('Base text.');
  await notes.waitSaved();
  await notes.type(' Mine, unsaved.');
  // The other program added its words at the very place the user is typing.
  writeFileSync(join(notebook.vaultDir, 'Contested.md'), 'Base text. Theirs, from a sync tool.\n');
  await expect(notebook.page.getByRole('alert')).toContainText('Both versions are kept', { timeout: 5_000 });
  const copies = readdirSync(notebook.vaultDir).filter((name) => name.startsWith('Contested (conflict'));
  expect(copies).toHaveLength(1);
  await expect(notes.title).toHaveValue(copies[0]!.replace(/\.md$/, ''));
  await expect(notes.editor).toHaveText('Base text. Mine, unsaved.');
  expect(readFileSync(join(notebook.vaultDir, copies[0]!), 'utf8')).toBe('Base text. Mine, unsaved.\n');
  expect(readFileSync(join(notebook.vaultDir, 'Contested.md'), 'utf8')).toBe('Base text. Theirs, from a sync tool.\n');

  await notes.type(' Still mine.');
  await expect
    .poll(() => readFileSync(join(notebook.vaultDir, copies[0]!), 'utf8'))
    .toBe('Base text. Mine, unsaved. Still mine.\n');
  await notebook.page.getByRole('button', { name: 'Open the original' }).click();
  await expect(notes.title).toHaveValue('Contested');
  await expect(notes.editor).toHaveText('Base text. Theirs, from a sync tool.');
});

test('notes created, renamed and deleted outside the app appear and disappear', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await expect(notes.list).toBeAttached();
  writeFileSync(join(notebook.vaultDir, 'Synced In.md'), 'hello');
  await expect(notes.item('Synced In')).toBeVisible({ timeout: 3_000 });
  renameSync(join(notebook.vaultDir, 'Synced In.md'), join(notebook.vaultDir, 'Renamed Elsewhere.md'));
  await expect(notes.item('Renamed Elsewhere')).toBeVisible({ timeout: 3_000 });
  await expect(notes.item('Synced In')).toHaveCount(0);
  rmSync(join(notebook.vaultDir, 'Renamed Elsewhere.md'));
  await expect(notes.items).toHaveCount(0, { timeout: 3_000 });
});

test('the notes list is most recently modified first and can be filtered', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Older');
  await notes.type('a');
  await notes.waitSaved();
  await notes.create('Newer');
  await notes.type('b');
  await notes.waitSaved();
  await expect.poll(() => notes.titles()).toEqual(['Newer', 'Older']);
  await notes.open('Older');
  await notes.type(' more');
  await notes.waitSaved();
  await expect.poll(() => notes.titles()).toEqual(['Older', 'Newer']);
  await notes.filter.fill('new');
  await expect.poll(() => notes.titles()).toEqual(['Newer']);
});

test('renaming by editing the title renames the file; a clash is refused with a message', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Alpha');
  await notes.type('alpha text');
  await notes.waitSaved();
  await notes.create('Beta');
  await notes.title.fill('Beta: part 1/2');
  await notes.title.press('Enter');
  await expect(notes.title).toHaveValue('Beta part 1 2');
  expect(existsSync(join(notebook.vaultDir, 'Beta part 1 2.md'))).toBe(true);
  expect(existsSync(join(notebook.vaultDir, 'Beta.md'))).toBe(false);

  await notes.title.fill('alpha');
  await notes.title.press('Enter');
  await expect(notebook.page.getByRole('alert')).toContainText('already');
  await expect(notes.title).toHaveValue('Beta part 1 2');
  expect(readFileSync(join(notebook.vaultDir, 'Alpha.md'), 'utf8')).toBe('alpha text\n');
});

test('deleting a note moves it to the trash, never a hard delete', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Scratch');
  await notes.type('keep me somewhere');
  await notes.waitSaved();
  await notebook.page.getByRole('button', { name: 'Move note to trash' }).click();
  await notebook.page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await expect(notes.item('Scratch')).toHaveCount(0);
  expect(existsSync(join(notebook.vaultDir, 'Scratch.md'))).toBe(false);
  expect(readFileSync(join(notebook.vaultDir, '.trash', 'Scratch.md'), 'utf8')).toContain('keep me somewhere');
});

test('a glossary entry opens beside the note, read-only, and the note stays editable', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await notes.create('Neuro notes');
  await notes.type('Inhibition and excitation.');
  await new GlossaryPane(notebook.page).item('GABA Glutamate Ratio').click();
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText('GABA Glutamate Ratio');
  await expect(notes.reference.locator('[contenteditable="true"], input, textarea')).toHaveCount(0);
  await expect(notes.title).toHaveValue('Neuro notes');
  await notes.editor.click();
  await notebook.page.keyboard.press('End');
  await notes.type(' Balance matters.');
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Neuro notes.md'), 'utf8')).toContain('Balance matters.');

  const splitter = notebook.page.getByRole('separator', { name: 'Resize reference pane' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await notebook.page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16));
});

test('a failed save says so, keeps the edits, and a retry saves them', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  writeFileSync(join(notebook.vaultDir, 'Lecture.md'), 'Start.\n');
  await notes.open('Lecture');
  await notes.editor.click();
  await notebook.page.keyboard.press('End');
  await notes.type(' Typed while the vault vanished.');
  // The whole vault disappears (an unplugged drive) before the autosave runs.
  rmSync(notebook.vaultDir, { recursive: true });
  await expect(notes.saveStatus).toContainText('Not saved', { timeout: 10_000 });
  await expect(notes.saveStatus).toContainText('is gone');
  await expect(notes.editor).toContainText('Typed while the vault vanished.');
  mkdirSync(notebook.vaultDir);
  await notes.saveStatus.getByRole('button', { name: 'Retry' }).click();
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Lecture.md'), 'utf8')).toContain('Typed while the vault vanished.');
});

test('edits that could not be saved are offered back after a restart', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  writeFileSync(join(notebook.vaultDir, 'Draft.md'), 'Start.\n');
  await notes.open('Draft');
  await notes.editor.click();
  await notebook.page.keyboard.press('End');
  await notes.type(' Precious words.');
  rmSync(notebook.vaultDir, { recursive: true });
  await expect(notes.saveStatus).toContainText('Not saved', { timeout: 10_000 });

  // The app is killed before anything can flush; the vault comes back before the next start.
  const page = await notebook.restart({
    crash: true,
    beforeStart: () => {
      mkdirSync(notebook.vaultDir);
      writeFileSync(join(notebook.vaultDir, 'Draft.md'), 'Start.\n');
    },
  });
  await expect(page.getByText('Recovered unsaved edits')).toBeVisible();
  await page.getByRole('button', { name: 'Restore' }).click();
  const again = new NotesPane(page);
  await expect(again.editor).toContainText('Precious words.');
  await expect(again.saveStatus).toHaveText('Saved', { timeout: 10_000 });
  expect(readFileSync(join(notebook.vaultDir, 'Draft.md'), 'utf8')).toContain('Precious words.');
});

test('Ctrl/Cmd+N creates a note', async ({ notebook }) => {
  const notes = new NotesPane(notebook.page);
  await expect(notes.list).toBeAttached();
  await notebook.page.keyboard.press(`${mod}+n`);
  await expect(notes.title).toHaveValue('Untitled');
  await expect(notes.item('Untitled')).toBeVisible();
  expect(existsSync(join(notebook.vaultDir, 'Untitled.md'))).toBe(true);
});

test('"Open vault…" switches to a folder the user named, and refuses /etc or a bad path with a message', async ({
  notebook,
  host,
}) => {
  test.skip(host !== 'web', 'The desktop app opens a new vault through its native folder picker.');
  const other = mkdtempSync(join(tmpdir(), 'sn-e2e-other-'));
  try {
    writeFileSync(join(other, 'From another vault.md'), 'Hello from elsewhere.\n');
    // The browser build opens only vaults opened before or named when it started.
    const page = await notebook.restart({ serveArgs: ['--allow-vault', other] });
    const notes = new NotesPane(page);
    await expect(notes.list).toBeAttached();
    const dialog = new OpenVaultDialog(page);
    await dialog.show();
    await expect(dialog.vaults).toHaveText([
      `${basename(notebook.vaultDir)}${notebook.vaultDir} (open)`,
      `${basename(other)}${other}`,
    ]);
    await dialog.openPath(join(other, 'missing', '..', '..', 'nope\u0000'));
    await expect(dialog.error).not.toBeEmpty();
    // A folder the user never chose is refused, with what to do instead; nothing changes.
    for (const refused of ['/etc', '~']) {
      await dialog.openPath(refused);
      await expect(dialog.error).toContainText('is not one of your vaults');
      await expect(dialog.error).toContainText('npm run serve -- --vault');
    }
    await expect(page.getByLabel('Vault', { exact: true })).toHaveText(basename(notebook.vaultDir));
    await dialog.openPath(other);
    await expect(notes.item('From another vault')).toBeVisible();
    await expect(page.getByLabel('Vault', { exact: true })).toHaveText(basename(other));
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});

test('a script in the page cannot make the backend open /etc or the home folder', async ({ notebook, host }) => {
  test.skip(host !== 'web', 'The page reaches the backend through the HTTP host here.');
  const notes = new NotesPane(notebook.page);
  await expect(notes.list).toBeAttached();
  const page = new LaunchPage(notebook.page);
  for (const path of ['/etc', homedir(), '~', join(tmpdir(), 'sn-e2e-never-chosen')]) {
    expect(await page.callStatus('openVault', { path })).toBe(403);
  }
  expect(existsSync(join(tmpdir(), 'sn-e2e-never-chosen'))).toBe(false);
  await expect(notebook.page.getByLabel('Vault', { exact: true })).toHaveText(basename(notebook.vaultDir));
});

test('saving while typing in a long note never makes the page walk the whole note', async ({ notebook }) => {
  // About 20,000 words: 400 paragraphs with bold and italic runs (many DOM nodes each).
  const paragraph = (i: number) =>
    `Paragraph ${i} on **synaptic** transmission and *receptor* kinetics, with inhibition, excitation and balance ` +
    'between neurons that fire together and wire together over the long run of learning and memory.';
  const body = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n\n');
  writeFileSync(join(notebook.vaultDir, 'Long.md'), `${body}\n`);
  const notes = new NotesPane(notebook.page);
  await notes.open('Long');
  // A long note is read-only until its last slice is in: on a loaded machine that takes longer than 5 s.
  await expect(notes.editor).toHaveAttribute('contenteditable', 'true', { timeout: 30_000 });
  await notes.editor.getByText('Paragraph 0 on').click();
  // To the end of the note (in a long note the editor does this, not the browser).
  await notebook.page.keyboard.press(process.platform === 'darwin' ? 'Meta+ArrowDown' : 'Control+End');
  // Blocks far from the view are skipped without the browser watching them (hidden until
  // found); the block holding the caret never is, and it was scrolled into view.
  const paragraphs = notes.editor.locator(':scope > p');
  await expect(paragraphs.first()).toHaveAttribute('hidden', 'until-found');
  await expect(paragraphs.last()).not.toHaveAttribute('hidden');
  await expect(paragraphs.last()).toBeInViewport();
  // From now on, count how often any script steps into a DOM node, and the calls the page
  // sends itself (they should all go through the call worker).
  const nodes = await notebook.page.evaluate(() => {
    const counter = { reads: 0, pageFetches: 0 };
    Object.defineProperty(window, '__counter', { value: counter });
    const native = Object.getOwnPropertyDescriptor(Node.prototype, 'firstChild')!;
    Object.defineProperty(Node.prototype, 'firstChild', {
      configurable: true,
      get(this: Node) {
        counter.reads++;
        return native.get!.call(this);
      },
    });
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      counter.pageFetches++;
      return fetch(input, init);
    };
    const surface = document.querySelector('.editor-content')!;
    const walker = document.createTreeWalker(surface);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  });
  await notes.type(' Typed here.');
  await notes.waitSaved();
  const counted = await notebook.page.evaluate(
    () => (window as unknown as { __counter: { reads: number; pageFetches: number } }).__counter,
  );
  expect(nodes).toBeGreaterThan(2_000);
  // Typing re-renders the toolbar, saving the save status, the notes list and the link
  // panels; none of them may read the note's DOM node by node (React would, to keep the
  // caret position, on each render).
  expect(counted.reads).toBeLessThan(nodes / 4);
  expect(counted.pageFetches).toBe(0);
  // The surface is still a rich-text editing surface for the browser and for the user.
  expect(await notes.editor.evaluate((el) => (el as HTMLElement).isContentEditable)).toBe(true);
  expect(readFileSync(join(notebook.vaultDir, 'Long.md'), 'utf8')).toBe(`${body} Typed here.\n`);

  // Selecting all reaches the blocks far from the view: copied whole, then typed over.
  await notebook.page.keyboard.press(process.platform === 'darwin' ? 'Meta+A' : 'Control+A');
  const copied = await notes.editor.evaluate((surface) => {
    const data = new DataTransfer();
    surface.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
  expect(copied).toContain(paragraph(0).replace(/\*/g, ''));
  expect(copied).toContain(`${paragraph(399).replace(/\*/g, '')} Typed here.`);
  await notes.type('Replaced.');
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Long.md'), 'utf8')).toBe('Replaced.\n');
});
