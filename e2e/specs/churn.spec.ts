import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { NotesPane } from '../pages/NotesPane';

/**
 * A sync tool (Syncthing, a cloud drive, git pull) changing notes while the user types.
 * Where its change and the user's typing do not overlap, the app merges them: no conflict
 * copy, both changes in the file, the caret where it was. Where they overlap, the typing goes
 * to one conflict copy (not one per rewrite) in which the user goes on. Nothing typed is ever
 * lost or split, and the app never writes to notes it is not editing.
 */

/** Unique words, so each one the user typed can be looked for in the files afterwards. */
const words = (count: number) => Array.from({ length: count }, (_, i) => ` w${String(i).padStart(3, '0')}`);

/**
 * Writes a file the way sync tools do: a temporary file renamed over it. `change` gets the
 * current text; if the file changed while the new one was being written (the app saved),
 * the tool starts again from the new text rather than overwrite the app's save.
 */
function syncWrite(path: string, change: (current: string) => string): void {
  const temp = join(dirname(path), `.${basename(path)}.sync-tmp`);
  for (;;) {
    const current = readFileSync(path, 'utf8');
    writeFileSync(temp, change(current));
    if (readFileSync(path, 'utf8') !== current) continue;
    renameSync(temp, path);
    return;
  }
}

/** Runs `step` every 80–150 ms (a sync tool's rhythm, not a wait for anything) until stopped. */
function syncTool(step: (n: number) => void): { stop(): Promise<number> } {
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 80 + ((n * 37) % 70)));
      if (running) step(++n);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return n;
    },
  };
}

const conflictCopies = (vaultDir: string) => readdirSync(vaultDir).filter((name) => name.includes('(conflict'));

test('a sync tool rewriting another part of the open note while the user types: merged, no copy, the caret goes on', async ({
  notebook,
}) => {
  test.setTimeout(90_000);
  const { vaultDir, page } = notebook;
  const file = (name: string) => join(vaultDir, `${name}.md`);
  const others = new Map<string, string>();
  for (let i = 0; i < 4; i++) {
    const text = `Other note ${i}, kept by the sync tool.\n`;
    writeFileSync(file(`Other ${i}`), text);
    others.set(`Other ${i}`, text);
  }
  writeFileSync(file('Typing'), 'Status: synced 0 times.\n\nStart of the note.\n');
  const notes = new NotesPane(page);
  await notes.open('Typing');
  await notes.editor.getByText('Start of the note.').click();
  await page.keyboard.press('End');

  // The sync tool: rewrites the status line of the note as it is on disk, touches the note,
  // renames another note, and creates and deletes one of its own.
  let rewrites = 0;
  const tool = syncTool((n) => {
    switch (n % 4) {
      case 0:
      case 2:
        rewrites = n;
        syncWrite(file('Typing'), (text) => text.replace(/^Status: .*$/m, `Status: synced ${n} times.`));
        break;
      case 1: {
        const now = new Date();
        utimesSync(file('Typing'), now, now);
        const name = `Synced ${n}`;
        writeFileSync(file(name), 'Here for a moment.\n');
        rmSync(file(name));
        break;
      }
      case 3: {
        const name = [...others.keys()][n % others.size]!;
        const renamed = `${name.replace(/ r\d+$/, '')} r${n}`;
        renameSync(file(name), file(renamed));
        others.set(renamed, others.get(name)!);
        others.delete(name);
        break;
      }
    }
  });

  // The user types on, whatever happens to the text above the caret.
  const typed = words(40);
  for (const word of typed) await notes.editor.pressSequentially(word, { delay: 8 });
  await tool.stop();
  expect(rewrites).toBeGreaterThan(4);

  // Both changes end up in the note, the typing in one piece where the caret was.
  const expected = `Status: synced ${rewrites} times.\n\nStart of the note.${typed.join('')}\n`;
  await expect.poll(() => readFileSync(file('Typing'), 'utf8'), { timeout: 15_000 }).toBe(expected);
  await notes.waitSaved();
  await expect(notes.editor).toHaveText(`Status: synced ${rewrites} times.Start of the note.${typed.join('')}`);
  expect(conflictCopies(vaultDir)).toEqual([]);
  await expect(notes.title).toHaveValue('Typing');
  await expect(page.getByRole('button', { name: 'Open the original' })).toHaveCount(0);

  // The notes the sync tool moved are where it put them, untouched; the ones it deleted stay deleted.
  const listed = readdirSync(vaultDir)
    .filter((name) => name.endsWith('.md') && name !== 'Typing.md')
    .map((name) => name.replace(/\.md$/, ''))
    .sort();
  expect(listed).toEqual([...others.keys()].sort());
  for (const [name, text] of others) expect(readFileSync(file(name), 'utf8')).toBe(text);
});

test('a sync tool rewriting the very sentence the user types in: one conflict copy holds all the typing, and editing goes on there', async ({
  notebook,
}) => {
  test.setTimeout(90_000);
  const { vaultDir, page } = notebook;
  const file = join(vaultDir, 'Typing.md');
  writeFileSync(file, 'Start of the note.\n');
  const notes = new NotesPane(page);
  await notes.open('Typing');
  await notes.editor.getByText('Start of the note.').click();
  await page.keyboard.press('End');
  const typed = words(40);
  await notes.editor.pressSequentially(typed[0]!, { delay: 8 });

  // A burst of rewrites of the whole note, while the user goes on typing.
  let last = 0;
  const tool = syncTool((n) => {
    last = n;
    syncWrite(file, () => `Rewritten by the sync tool (${n}).\n`);
  });
  for (const word of typed.slice(1)) await notes.editor.pressSequentially(word, { delay: 8 });
  await tool.stop();
  expect(last).toBeGreaterThan(4);

  // One copy, holding every word typed, in order, and the editor is on it.
  await expect.poll(() => conflictCopies(vaultDir), { timeout: 15_000 }).toHaveLength(1);
  const [copy] = conflictCopies(vaultDir);
  await expect(notes.title).toHaveValue(copy!.replace(/\.md$/, ''));
  await expect
    .poll(() => readFileSync(join(vaultDir, copy!), 'utf8'), { timeout: 15_000 })
    .toBe(`Start of the note.${typed.join('')}\n`);
  await notes.waitSaved();
  expect(readFileSync(file, 'utf8')).toBe(`Rewritten by the sync tool (${last}).\n`);
  await expect(notes.item(copy!.replace(/\.md$/, ''))).toBeVisible();

  // The original has the sync tool's text; the notice opens it.
  await expect(page.getByRole('alert')).toContainText('Both versions are kept');
  await page.getByRole('button', { name: 'Open the original' }).click();
  await expect(notes.title).toHaveValue('Typing');
  await expect(notes.editor).toHaveText(`Rewritten by the sync tool (${last}).`);
  expect(conflictCopies(vaultDir)).toEqual([copy]);
});

test('keys typed just before following a link are saved with the note left behind', async ({ notebook }) => {
  writeFileSync(join(notebook.vaultDir, 'From.md'), 'Go to [[To]] now.\n');
  writeFileSync(join(notebook.vaultDir, 'To.md'), 'Arrived.\n');
  const notes = new NotesPane(notebook.page);
  await notes.open('From');
  await notes.editor.click();
  await notebook.page.keyboard.press('End');
  // No pause before the click: the autosave has not run, and the editor never loses focus.
  await notebook.page.keyboard.type(' Written on the way out.');
  await notes.linkChip('To').click();
  await expect(notes.title).toHaveValue('To');
  await expect
    .poll(() => readFileSync(join(notebook.vaultDir, 'From.md'), 'utf8'))
    .toBe('Go to [[To]] now. Written on the way out.\n');
});

test('a note left while its save was failing opens again with those edits, and they reach the file', async ({
  notebook,
}) => {
  const { vaultDir, page } = notebook;
  mkdirSync(join(vaultDir, 'Course'));
  writeFileSync(join(vaultDir, 'Course', 'Lecture.md'), 'Start.\n');
  writeFileSync(join(vaultDir, 'Other.md'), 'Elsewhere.\n');
  const notes = new NotesPane(page);
  await notes.open('Lecture');
  await notes.editor.click();
  await page.keyboard.press('End');
  await notes.type(' Unsaved words.');
  // Before the autosave runs, a sync tool swaps the note's folder for a file: saving there is refused.
  rmSync(join(vaultDir, 'Course'), { recursive: true });
  writeFileSync(join(vaultDir, 'Course'), 'not a folder');
  await expect(notes.saveStatus).toContainText('Not saved', { timeout: 10_000 });
  await notes.open('Other');

  // The folder comes back; the note, opened again, shows the edits and saves them.
  rmSync(join(vaultDir, 'Course'));
  mkdirSync(join(vaultDir, 'Course'));
  writeFileSync(join(vaultDir, 'Course', 'Lecture.md'), 'Start.\n');
  await notes.open('Lecture');
  await expect(notes.editor).toContainText('Start. Unsaved words.');
  await notes.editor.click();
  await page.keyboard.press('End');
  await notes.type(' And more.');
  await notes.waitSaved();
  expect(readFileSync(join(vaultDir, 'Course', 'Lecture.md'), 'utf8')).toBe('Start. Unsaved words. And more.\n');
});
