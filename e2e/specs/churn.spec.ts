import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { NotesPane } from '../pages/NotesPane';

/**
 * A sync tool (Syncthing, a cloud drive, git pull) rewriting, renaming and deleting notes
 * while the user types. Whatever it does, every word the user typed ends up in the note
 * or in a conflict copy beside it, and the app never writes to notes it is not editing.
 */

/** Unique words, so each one the user typed can be looked for in the files afterwards. */
const WORDS = Array.from({ length: 90 }, (_, i) => `w${String(i).padStart(3, '0')}`);

test('a sync tool rewriting the open note and moving others while the user types loses none of the typing', async ({
  notebook,
}) => {
  test.setTimeout(60_000);
  const { vaultDir, page } = notebook;
  const file = (name: string) => join(vaultDir, `${name}.md`);
  const others = new Map<string, string>();
  for (let i = 0; i < 6; i++) {
    const text = `Other note ${i}, kept by the sync tool.\n`;
    writeFileSync(file(`Other ${i}`), text);
    others.set(`Other ${i}`, text);
  }
  writeFileSync(file('Typing'), 'Start of the note.\n');
  const notes = new NotesPane(page);
  await notes.open('Typing');
  await notes.editor.click();
  await page.keyboard.press('End');

  // The sync tool: every ~120 ms it rewrites the note, touches it, renames or deletes another note.
  let step = 0;
  let running = true;
  const syncTool = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 90 + ((step * 37) % 60)));
      step++;
      const names = [...others.keys()];
      switch (step % 4) {
        case 0:
          writeFileSync(file('Typing'), `Rewritten by the sync tool (${step}).\n`);
          break;
        case 1: {
          const now = new Date();
          if (existsSync(file('Typing'))) utimesSync(file('Typing'), now, now);
          break;
        }
        case 2: {
          const name = names[step % names.length];
          if (!name) break;
          const renamed = `${name.replace(/ r\d+$/, '')} r${step}`;
          renameSync(file(name), file(renamed));
          others.set(renamed, others.get(name)!);
          others.delete(name);
          break;
        }
        case 3: {
          // Deletes a note it created itself a moment ago (what was synced in, synced out).
          const name = `Synced ${step}`;
          writeFileSync(file(name), 'Here for a moment.\n');
          await new Promise((resolve) => setTimeout(resolve, 30));
          rmSync(file(name));
          break;
        }
      }
    }
  })();

  // The user types on, whatever happens to the text around the caret.
  for (const word of WORDS) await notes.editor.pressSequentially(` ${word}`, { delay: 8 });
  running = false;
  await syncTool;

  // Every keystroke reaches the note or a conflict copy (the last rewrite may still be on its way).
  const copies = () => readdirSync(vaultDir).filter((name) => name.startsWith('Typing (conflict'));
  const texts = () =>
    [file('Typing'), ...copies().map((name) => join(vaultDir, name))].map((path) => readFileSync(path, 'utf8'));
  await expect
    .poll(() => uncovered(WORDS.join(''), texts()), {
      message: 'typing missing from the note and its conflict copies',
      timeout: 10_000,
    })
    .toBe('');
  await notes.waitSaved();
  expect(copies().length).toBeGreaterThan(0);

  // The notes the sync tool moved are where it put them, untouched; the ones it deleted stay deleted.
  const listed = readdirSync(vaultDir)
    .filter((name) => name.endsWith('.md') && name !== 'Typing.md' && !name.startsWith('Typing (conflict'))
    .map((name) => name.replace(/\.md$/, ''))
    .sort();
  expect(listed).toEqual([...others.keys()].sort());
  for (const [name, text] of others) expect(readFileSync(file(name), 'utf8')).toBe(text);
  await expect(notes.item('Typing')).toBeVisible();
});

/**
 * What of `typed` (the user's keystrokes, spaces left out) the files do not hold, or ''.
 * Each file holds the text the sync tool wrote with one stretch of the user's typing in it
 * (the keys typed between two outside rewrites), so `typed` must be the concatenation of
 * those stretches, in order. Spaces are left out because a paragraph's leading space has
 * no Markdown form: the app writes the words, not that space.
 */
function uncovered(typed: string, texts: string[]): string {
  const stretches = texts
    .map((text) =>
      text
        .replace(/Start of the note\./g, '')
        .replace(/Rewritten by the sync tool \(\d+\)\./g, '')
        .replace(/\s+/g, ''),
    )
    .filter((stretch) => stretch !== '');
  let at = 0;
  while (at < typed.length) {
    const next = stretches.filter((stretch) => typed.startsWith(stretch, at)).sort((a, b) => b.length - a.length)[0];
    if (next === undefined) return `from "${typed.slice(at, at + 24)}…" (files: ${JSON.stringify(texts)})`;
    at += next.length;
  }
  return '';
}

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
