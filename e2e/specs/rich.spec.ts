import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { CommandPalette } from '../pages/CommandPalette';
import { NotesPane } from '../pages/NotesPane';

/**
 * Rich notes as Obsidian writes them: callouts, math, tags, highlights and properties. One app launch
 * for the file (each step works on its own note of the same vault).
 */

const CALLOUTS = `# Callouts

> [!tip] Remember
> Sodium in, potassium out.

> [!faq]- Why?
> Because of the gradient.

Text after.
`;

const MATH = `Energy $E = mc^2$ here.

$$
\\frac{a}{b}
$$

Bad $\\frac{1}{$ one.
`;

const TAGS = `Revise #neuro/membranes before the exam, not \\#this.
`;

const HIGHLIGHTS = `The ==resting potential== is about -70 mV, and a == b stays text.

Threshold is -55 mV.
`;

const FOOTNOTES = `Sodium channels open first.[^hodgkin] Potassium follows.^[About a millisecond later.]

[^hodgkin]: Hodgkin & Huxley, 1952.
  A second line of the same footnote.
`;

function read(vaultDir: string, file: string): string {
  return readFileSync(join(vaultDir, file), 'utf8');
}

test('rich notes: callouts render, edit in place and save byte for byte', async ({ notebook }) => {
  const { page, vaultDir } = notebook;
  writeFileSync(join(vaultDir, 'Callouts.md'), CALLOUTS);
  writeFileSync(join(vaultDir, 'Math.md'), MATH);
  writeFileSync(join(vaultDir, 'Tags.md'), TAGS);
  writeFileSync(join(vaultDir, 'Highlights.md'), HIGHLIGHTS);
  writeFileSync(join(vaultDir, 'Footnotes.md'), FOOTNOTES);
  const notes = new NotesPane(page);
  await expect(notes.items).toHaveCount(5);

  await test.step('callouts show with their type, title and fold state', async () => {
    await notes.open('Callouts');
    const tip = notes.editor.locator('.callout[data-callout="tip"]');
    await expect(tip).toBeVisible();
    await expect(tip.locator('.callout-title')).toHaveText('Remember');
    await expect(tip).toContainText('Sodium in, potassium out.');
    const faq = notes.editor.locator('.callout[data-callout="question"]');
    await expect(faq.getByText('Because of the gradient.')).toBeHidden();
    await faq.getByRole('button', { name: 'Fold callout' }).click();
    await expect(faq.getByText('Because of the gradient.')).toBeVisible();
    // Folding is a view state: nothing is saved.
    expect(read(vaultDir, 'Callouts.md')).toBe(CALLOUTS);
  });

  await test.step('typing in a callout body rewrites only that callout', async () => {
    await notes.editor.getByText('Sodium in, potassium out.').click();
    await page.keyboard.press('End');
    await notes.type(' Always.');
    await notes.waitSaved();
    expect(read(vaultDir, 'Callouts.md')).toBe(CALLOUTS.replace('potassium out.', 'potassium out. Always.'));
  });

  await test.step('Insert callout from the palette; Enter on an empty last line leaves it', async () => {
    // Click past the end of the last line, so the caret the editor took from the click and
    // the one Ctrl+End puts are the same (a click mid-word once left Enter splitting the word).
    const last = notes.editor.getByText('Text after.');
    const box = (await last.boundingBox())!;
    await last.click({ position: { x: box.width - 2, y: box.height / 2 } });
    await page.keyboard.press('ControlOrMeta+End');
    // The editor itself has the caret at the end of the note before Enter: not only the page
    // (a click's caret may land mid-word), but Lexical, which takes it from the page's
    // selectionchange a moment later (Enter before that split the callout typed in above).
    await expect.poll(() => notes.lexicalCaret()).toBe('Text after.|11');
    await page.keyboard.press('Enter');
    const palette = new CommandPalette(page);
    await palette.open();
    await palette.run('Callout');
    await expect(notes.editor.locator('.callout[data-callout="note"]')).toBeVisible();
    await notes.type('New body');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await notes.type('Outside');
    await notes.waitSaved();
    expect(read(vaultDir, 'Callouts.md')).toMatch(/Text after\.\n\n> \[!note\]\n> New body\n\nOutside\n$/);
  });

  await test.step('formulas are typeset; a click shows the source; TeX errors show in place', async () => {
    await notes.open('Math');
    const inline = notes.editor.getByRole('img', { name: 'Formula: E = mc^2' });
    await expect(inline.locator('.katex')).toBeVisible();
    const block = notes.editor.getByRole('img', { name: 'Formula: \\frac{a}{b}' });
    await expect(block.locator('.katex-display')).toBeVisible();
    await expect(notes.editor.getByRole('img', { name: /^Formula: \\frac\{1\}\{ \(error\)/ })).toBeVisible();

    await inline.click();
    await expect(notes.editor).toContainText('Energy $E = mc^2$ here.');
    await page.keyboard.press('Backspace');
    await notes.type('3');
    await notes.editor.getByText('Bad').click();
    await expect(notes.editor.getByRole('img', { name: 'Formula: E = mc^3' })).toBeVisible();
    await notes.waitSaved();
    expect(read(vaultDir, 'Math.md')).toBe(MATH.replace('mc^2', 'mc^3'));

    await block.click();
    const source = notes.editor.getByRole('textbox', { name: 'Edit formula source' });
    await expect(source).toBeFocused();
    await expect(source).toHaveValue('$$\n\\frac{a}{b}\n$$');
  });

  await test.step('==highlights== show marked; Mod+Shift+H highlights what is typed, saved as ==…==', async () => {
    await notes.open('Highlights');
    await expect(notes.editor.locator('mark', { hasText: 'resting potential' })).toBeVisible();
    await expect(notes.editor).toContainText('a == b stays text.');
    // The shortcut turns the highlight on for what is typed next, as the toolbar button shows.
    await notes.editor.getByText('Threshold').click();
    await page.keyboard.press('End');
    // Lexical takes the caret from the page's selectionchange: the shortcut acts on Lexical's.
    await expect.poll(() => notes.lexicalCaret()).toBe('Threshold is -55 mV.|20');
    await page.keyboard.press('ControlOrMeta+Shift+H');
    await expect(page.getByRole('button', { name: /^Highlight/ })).toHaveAttribute('aria-pressed', 'true');
    await notes.type(' key point');
    await expect(notes.editor.locator('mark', { hasText: 'key point' })).toBeVisible();
    await notes.waitSaved();
    await expect
      .poll(() => read(vaultDir, 'Highlights.md'))
      .toBe(HIGHLIGHTS.replace('-55 mV.', '-55 mV. ==key point=='));
  });

  await test.step('footnotes show numbered markers with their text on hover; a click goes to the definition', async () => {
    await notes.open('Footnotes');
    const reference = notes.editor.locator('.footnote-ref[data-footnote="hodgkin"]');
    await expect(reference).toHaveAttribute('data-footnote-number', '1');
    await expect(notes.editor.locator('.footnote-ref[data-footnote-inline]')).toHaveAttribute(
      'data-footnote-number',
      '2',
    );
    const definition = notes.editor.locator('.md-footnote[data-footnote-label="hodgkin"]');
    await expect(definition.locator('.md-footnote__number')).toHaveText('1');
    await expect(definition.locator('.md-footnote__text')).toHaveText(
      'Hodgkin & Huxley, 1952.\nA second line of the same footnote.',
    );
    await reference.hover();
    const card = page.getByRole('tooltip');
    await expect(card).toHaveText('Hodgkin & Huxley, 1952.\nA second line of the same footnote.');
    await reference.click();
    await expect(definition).toHaveClass(/md-footnote--selected/);
    // Enter on the selected definition edits its source, as any raw block; Escape leaves it as it was.
    await page.keyboard.press('Enter');
    const source = notes.editor.getByRole('textbox', { name: 'Edit footnote source' });
    await expect(source).toBeFocused();
    await expect(source).toHaveValue('[^hodgkin]: Hodgkin & Huxley, 1952.\n  A second line of the same footnote.');
    await page.keyboard.press('Escape');
    await expect(source).toBeHidden();
    expect(read(vaultDir, 'Footnotes.md')).toBe(FOOTNOTES);
  });

  await test.step('tags are pills; clicking one searches tag:…', async () => {
    await notes.open('Tags');
    const pill = notes.editor.locator('.tag-pill');
    await expect(pill).toHaveCount(1);
    await expect(pill).toHaveText('#neuro/membranes');
    await pill.click();
    await expect(page.getByRole('searchbox', { name: 'Search notes and glossary' })).toHaveValue('tag:neuro/membranes');
    expect(read(vaultDir, 'Tags.md')).toBe(TAGS);
  });
});
