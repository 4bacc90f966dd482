import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { NotesPane } from '../pages/NotesPane';

/**
 * The properties panel and the `#` tag menu, on one app launch: a property edited in the
 * panel rewrites only its key (CRLF kept), an outside change merges with it, unsupported
 * shapes stay read-only, a type changed from its icon is saved in `.obsidian/types.json` (and
 * one changed there by another program shows),
 * "Add property" creates front matter, and typing `#` offers the vault's tags.
 */

const LECTURE = [
  '---',
  'course: "Neuro 201"',
  '# reviewed by hand',
  'lecture: 4',
  'reviewed: false',
  'tags:',
  '  - neuro/synapse',
  '  - exam',
  'related: "[[Tagged]]"',
  'author:',
  '  name: Ada',
  '---',
  'Chemical synapses use transmitters.',
  '',
].join('\r\n');

const TAGGED = 'Revise #neuro/synapse and #neurons, #exam twice #exam.\n';
/** Obsidian's property types, as it writes them. */
const TYPES = '{\n  "types": {\n    "aliases": "aliases",\n    "reviewed": "checkbox"\n  }\n}';
// Long enough to scroll, so the `#` menu can be seen following its place.
const PLAIN = `A note without properties.\n\n${Array.from({ length: 40 }, (_, i) => `Filler ${i + 1}.`).join('\n\n')}\n`;

function read(vaultDir: string, file: string): string {
  return readFileSync(join(vaultDir, file), 'utf8');
}

test('properties: edit in place byte for byte, merge, add; # offers the vault tags', async ({ notebook }) => {
  const { page, vaultDir } = notebook;
  writeFileSync(join(vaultDir, 'Lecture.md'), LECTURE);
  writeFileSync(join(vaultDir, 'Tagged.md'), TAGGED);
  writeFileSync(join(vaultDir, 'Plain.md'), PLAIN);
  mkdirSync(join(vaultDir, '.obsidian'));
  writeFileSync(join(vaultDir, '.obsidian', 'types.json'), TYPES);
  const notes = new NotesPane(page);
  await expect(notes.items).toHaveCount(3);
  const panel = page.getByRole('region', { name: 'Properties' });

  await test.step('the panel shows each type; read-only shapes say why', async () => {
    await notes.open('Lecture');
    await expect(panel.getByRole('textbox', { name: 'course (text)' })).toHaveValue('Neuro 201');
    await expect(panel.getByRole('spinbutton', { name: 'lecture (number)' })).toHaveValue('4');
    await expect(panel.getByRole('checkbox', { name: 'reviewed (checkbox)' })).not.toBeChecked();
    await expect(panel.getByRole('group', { name: 'tags (tags)' }).getByRole('listitem')).toHaveText([
      /#neuro\/synapse/,
      /#exam/,
    ]);
    await expect(panel.getByText(/Read-only: It holds nested properties/)).toBeVisible();
    expect(read(vaultDir, 'Lecture.md')).toBe(LECTURE);
  });

  await test.step('editing a value rewrites only its line, CRLF kept', async () => {
    const course = panel.getByRole('textbox', { name: 'course (text)' });
    await course.fill('Neuro 202');
    await course.press('Enter');
    await panel.getByRole('checkbox', { name: 'reviewed (checkbox)' }).check();
    await notes.waitSaved();
    await expect
      .poll(() => read(vaultDir, 'Lecture.md'))
      .toBe(LECTURE.replace('"Neuro 201"', '"Neuro 202"').replace('reviewed: false', 'reviewed: true'));
  });

  await test.step('a tag added from the keyboard, a property removed and restored', async () => {
    const add = panel.getByRole('textbox', { name: 'Add to tags' });
    await add.fill('week3');
    await add.press('Enter');
    await panel.getByRole('button', { name: 'Remove property lecture' }).click();
    await expect(panel.getByRole('spinbutton', { name: 'lecture (number)' })).toHaveCount(0);
    await panel.getByRole('button', { name: 'Undo' }).click();
    await expect(panel.getByRole('spinbutton', { name: 'lecture (number)' })).toHaveValue('4');
    await notes.waitSaved();
    await expect
      .poll(() => read(vaultDir, 'Lecture.md'))
      .toBe(
        LECTURE.replace('"Neuro 201"', '"Neuro 202"')
          .replace('reviewed: false', 'reviewed: true')
          .replace('  - exam\r\n', '  - exam\r\n  - week3\r\n'),
      );
  });

  await test.step('an outside change to the body merges with a property edit', async () => {
    const before = read(vaultDir, 'Lecture.md');
    const rating = panel.getByRole('spinbutton', { name: 'lecture (number)' });
    await rating.fill('5');
    // Written on disk meanwhile: another line of the body.
    writeFileSync(join(vaultDir, 'Lecture.md'), before.replace('transmitters.', 'transmitters.\r\nAnd gap junctions.'));
    await rating.press('Enter');
    await expect(notes.editor).toContainText('And gap junctions.', { timeout: 15_000 });
    await notes.waitSaved();
    await expect
      .poll(() => read(vaultDir, 'Lecture.md'), { timeout: 15_000 })
      .toBe(before.replace('lecture: 4', 'lecture: 5').replace('transmitters.', 'transmitters.\r\nAnd gap junctions.'));
  });

  await test.step('the type icon changes a type: saved in .obsidian/types.json, the note untouched', async () => {
    const before = read(vaultDir, 'Lecture.md');
    await panel.getByRole('button', { name: 'Type of lecture: Number. Change type' }).click();
    await page.getByRole('menu', { name: 'Type of lecture' }).getByRole('menuitemradio', { name: 'Text' }).click();
    await expect(panel.getByRole('textbox', { name: 'lecture (text)' })).toHaveValue('5');
    await expect
      .poll(() => read(vaultDir, '.obsidian/types.json'))
      .toBe(TYPES.replace('"checkbox"', '"checkbox",\n    "lecture": "text"'));
    expect(read(vaultDir, 'Lecture.md')).toBe(before);
  });

  await test.step('types.json changed outside the app (Obsidian, a sync tool): the panel follows', async () => {
    writeFileSync(
      join(vaultDir, '.obsidian', 'types.json'),
      TYPES.replace('"checkbox"', '"checkbox",\n    "lecture": "number"'),
    );
    await expect(panel.getByRole('button', { name: 'Type of lecture: Number. Change type' })).toBeVisible({
      timeout: 15_000,
    });
  });

  await test.step('a wiki link in a property opens its note', async () => {
    await panel.getByRole('button', { name: 'Tagged' }).click();
    await expect(notes.title).toHaveValue('Tagged');
  });

  await test.step('a note without front matter: no panel; "Add property" from the palette', async () => {
    await notes.open('Plain');
    await expect(panel).toHaveCount(0);
    await new CommandPalette(page).open();
    await new CommandPalette(page).run('Add property');
    const name = page.getByRole('textbox', { name: 'New property name' });
    await expect(name).toBeFocused();
    await name.fill('due');
    await page.getByRole('combobox', { name: 'New property type' }).selectOption('date');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const due = panel.getByLabel('due (date)');
    await due.fill('2026-12-24');
    await notes.waitSaved();
    await expect.poll(() => read(vaultDir, 'Plain.md')).toBe(`---\ndue: 2026-12-24\n---\n${PLAIN}`);
  });

  await test.step('typing # offers the vault tags, most used first; Enter inserts', async () => {
    await notes.editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await notes.type(' See #ne');
    const menu = page.getByRole('listbox', { name: 'Tags' });
    await expect(menu.getByRole('option')).toHaveText([/#neuro\/synapse\s*2 notes/, /#neurons\s*1 note/]);
    // The menu stays under its `#` when the note scrolls.
    const top = async () => (await menu.boundingBox())!.y;
    const before = await top();
    await page.locator('.note-body').evaluate((body) => body.scrollBy(0, -120));
    await expect.poll(top).toBeGreaterThan(before + 100);
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('option', { name: /#neurons/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(menu).toHaveCount(0);
    await notes.type('ok');
    await notes.waitSaved();
    await expect.poll(() => read(vaultDir, 'Plain.md')).toContain('Filler 40. See #neurons ok');
  });

  await test.step('Escape closes the menu; a heading or a URL anchor opens none', async () => {
    await page.keyboard.press('Enter');
    await notes.type('#ex');
    const menu = page.getByRole('listbox', { name: 'Tags' });
    await expect(menu.getByRole('option')).toHaveText([/#exam/]);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await notes.type(' https://example.org/#neuro and ## Heading');
    await expect(menu).toHaveCount(0);
  });
});
