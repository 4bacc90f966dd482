import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import axe, { type AxeResults } from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, test, type NotebookApp } from '../fixtures/app';
import { writeLargeVault } from '../fixtures/largeVault';
import { BacklinksPanel } from '../pages/BacklinksPanel';
import { CommandPalette } from '../pages/CommandPalette';
import { EntryHighlights } from '../pages/EntryHighlights';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';
import { OpenVaultDialog } from '../pages/OpenVaultDialog';
import { AddPackDialog, ManagePacksDialog, openGlossaryMenu } from '../pages/PackDialogs';
import { QuickSwitcher } from '../pages/QuickSwitcher';
import { SearchPanel } from '../pages/SearchPanel';

/**
 * Every screen of the app, in the light and the dark theme, checked by axe-core against
 * WCAG 2.0 and 2.1, levels A and AA. A violation fails the test and is printed with its
 * rule id and the selectors of the elements at fault.
 *
 * A new screen is one entry in SCREENS: its name and how a user gets there.
 */

const ENTRY = 'GABA Glutamate Ratio';

/** A small vault with every kind of content a screen can show: links, a missing link, a mention, properties, lists. */
const VAULT: Record<string, string> = {
  'Lecture 4.md': `---
aliases: [L4]
tags: [neuro, exam]
---
# Inhibition and excitation

The brain keeps a **balance** between *glutamate* and GABA, see [[${ENTRY}]] and [[Missing idea]].

## Key points

- Glutamate depolarises neurons
- GABA hyperpolarises them
  - via GABA-A receptors
- [x] Read the Mechanism section
- [ ] Summarise the Origin section

1. First
2. Second

> Excitation without inhibition is noise.

\`\`\`
ratio = GABA / glutamate
\`\`\`

A [plain link](https://example.org) too.
`,
  'Exam prep.md': `# Exam prep\n\nReview [[Lecture 4]] and the [[${ENTRY}|ratio]].\n`,
  'Sleep.md': `During sleep the ${ENTRY} tilts toward inhibition.\n`,
  'Rich.md': `---
course: Neuro 201
lecture: 4
reviewed: true
tags: [neuro]
---
> [!tip] Mnemonic
> Sodium in, *potassium* out.

> [!warning]- Careful
> Not the threshold.

> [!quote]
> > [!danger] Nested
> > Inner.

Resting potential is -70 mV.[^kandel] A missing source[^none] and an aside.^[Measured at rest.]

[^kandel]: Kandel, Principles of Neural Science, 2013.
`,
  'Cell cycle.md':
    '# Cell cycle\n\nFrom the slides: ![[cycle.svg|200]] and ![[lost.png]]\n\n' +
    'See [the exam list](Exam%20prep.md). %% check with the tutor %%\n\n' +
    'Reading: ![[syllabus.pdf]] and a chart from the web: ![chart](https://example.org/chart.png)\n',
  'syllabus.pdf': '%PDF-1.4\n% a syllabus\n',
  'Embeds.md':
    '# Embeds\n\n![[Lecture 4#Key points]]\n\n![[GABA Glutamate Ratio#Origin]]\n\n![[Missing idea]]\n\n![[Embeds]]\n\nA fact. ^fact-1\n',
  'cycle.svg':
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" rx="10" fill="#4f8cff"/></svg>',
};

/** Shows a screen; one that relaunches the app returns the new page. */
type Screen = (page: Page, notebook: NotebookApp) => Promise<Page | void>;

async function openNote(page: Page, title: string): Promise<NotesPane> {
  const notes = new NotesPane(page);
  await notes.open(title);
  await expect(notes.editor).toBeVisible();
  return notes;
}

/** Opens the note and the entry beside it, in the reference pane. */
async function noteBesideEntry(page: Page): Promise<NotesPane> {
  const notes = await openNote(page, 'Lecture 4');
  await openEntry(page, ENTRY);
  await expect(notes.reference.getByRole('heading', { level: 1, name: ENTRY })).toBeVisible();
  return notes;
}

/** Opens the entry from the sidebar (its option's name also counts the notes linking to it). */
async function openEntry(page: Page, title: string): Promise<void> {
  const glossary = new GlossaryPane(page);
  await glossary.list.getByRole('option', { name: new RegExp(`^${title}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: title }).first()).toBeVisible();
}

async function runCommand(page: Page, query: string): Promise<void> {
  const palette = new CommandPalette(page);
  await palette.open();
  await palette.run(query);
}

/**
 * The screens, each as a user reaches it from a fresh start on VAULT. Adding a screen is
 * adding one line here.
 */
const SCREENS: Record<string, Screen> = {
  welcome: async (page) => {
    await expect(page.getByRole('main')).toBeVisible();
  },
  'a large vault being indexed (sidebar and search say so)': async (_page, notebook) => {
    const page = await notebook.restart({
      beforeStart: () => writeLargeVault(notebook.vaultDir, notebook.stateDir),
    });
    await expect(page.getByTestId('vault-indexing')).toBeVisible({ timeout: 30_000 });
    const search = new SearchPanel(page);
    await search.open();
    await search.search('synapse');
    return page;
  },
  'glossary reader': async (page) => {
    await openEntry(page, ENTRY);
    await expect(page.getByRole('main').getByRole('heading', { level: 1, name: ENTRY })).toBeVisible();
  },
  'glossary reader with highlights, a margin note, the Highlights tab and a highlight toolbar': async (page) => {
    await openEntry(page, ENTRY);
    const reader = new EntryHighlights(page);
    await reader.highlight('crucial neurochemical index', 'pink');
    await reader.addNote('crucial neurochemical index', 'Exam definition');
    await reader.highlight('Glutamate activates its receptors', 'purple');
    const tab = page.getByRole('tab', { name: /^Highlights/ });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: /^Backlinks/ }).click();
    await tab.click();
    await expect(page.getByRole('region', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(2);
    await reader.mark('Glutamate activates').click();
    await expect(reader.toolbar.getByRole('button', { name: 'Purple' })).toHaveAttribute('aria-pressed', 'true');
  },
  'a margin note being edited in the reference pane': async (page) => {
    const notes = await noteBesideEntry(page);
    const reader = new EntryHighlights(page, notes.reference.getByRole('article'));
    await reader.select('The concept is rooted');
    await reader.toolbar.getByRole('button', { name: 'Note', exact: true }).click();
    await expect(reader.reader.getByRole('textbox', { name: /^Margin note/ })).toBeFocused();
  },
  'an entry quoted in a note: its Highlights tab lists the quote, its backlinks show it as a quote': async (page) => {
    const notes = await noteBesideEntry(page);
    const reader = new EntryHighlights(page, notes.reference.getByRole('article'));
    await notes.editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await reader.highlight('crucial neurochemical index', 'blue');
    await reader.mark('crucial neurochemical index').click();
    await reader.toolbar.getByRole('button', { name: 'Quote in note' }).click();
    await expect(notes.editor.locator('blockquote', { hasText: 'crucial neurochemical index' })).toBeVisible();
    await notes.waitSaved();
    await notes.reference.getByRole('button', { name: 'Open full view' }).click();
    const side = page.getByRole('region', { name: 'Side panel' });
    await expect(side.locator('.mention-quote')).toContainText('crucial neurochemical index');
    await side.getByRole('tab', { name: /^Highlights/ }).click();
    await expect(side.getByRole('region', { name: /^Quoted in/ }).getByRole('button')).toHaveCount(1);
  },
  'settings dialog': async (page) => {
    await page.keyboard.press('ControlOrMeta+,');
    await expect(
      page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Highlights folder' }),
    ).toHaveValue('Highlights');
  },
  'glossary filter with no match': async (page) => {
    await new GlossaryPane(page).filter.fill('zzz');
    await expect(page.getByText('Nothing matches “zzz”.')).toBeVisible();
  },
  'a note beside an entry': async (page) => {
    await noteBesideEntry(page);
  },
  'a note being edited': async (page) => {
    const notes = await openNote(page, 'Lecture 4');
    await notes.editor.click();
    await notes.type(' more');
    await notes.waitSaved();
  },
  'a note with images, a missing image, a Markdown link and a comment': async (page) => {
    const notes = await openNote(page, 'Cell cycle');
    await expect(notes.editor.locator('img.ed-image')).toBeVisible();
    await expect(notes.editor.getByRole('img', { name: 'Missing image: lost.png' })).toBeVisible();
  },
  'a selected image with its resize handle, a file chip and a web image waiting for consent': async (page) => {
    const notes = await openNote(page, 'Cell cycle');
    await notes.editor.locator('img.ed-image').click();
    await expect(notes.editor.getByRole('slider', { name: 'Width of image cycle.svg' })).toBeVisible();
    await expect(notes.editor.getByRole('button', { name: /^Open PDF syllabus\.pdf/ })).toBeVisible();
    await expect(notes.editor.getByRole('button', { name: 'Load for this note' })).toBeVisible();
  },
  'a note with embeds (a section, an entry, a missing note, a cycle)': async (page) => {
    const notes = await openNote(page, 'Embeds');
    await expect(notes.editor.locator('[data-embed-state="note"]')).toBeVisible();
    await expect(notes.editor.locator('[data-embed-state="entry"]')).toBeVisible();
    await expect(notes.editor.locator('[data-embed-state="missing"]')).toBeVisible();
    await expect(notes.editor.locator('[data-embed-state="cycle"]')).toBeVisible();
  },
  'an entry with its backlinks': async (page) => {
    await openEntry(page, ENTRY);
    const panel = new BacklinksPanel(page);
    await panel.showBacklinks();
    await expect(panel.group(panel.linked, 'Exam prep')).toBeVisible();
    await panel.expand(panel.unlinked);
    await expect(panel.group(panel.unlinked, 'Sleep')).toBeVisible();
  },
  'outgoing links of a note': async (page) => {
    await openNote(page, 'Lecture 4');
    const panel = new BacklinksPanel(page);
    await panel.showBacklinks();
    await panel.tab('Outgoing links').click();
    await expect(panel.body.getByRole('region', { name: 'Not created yet' })).toContainText('Missing idea');
  },
  'search results': async (page) => {
    const search = new SearchPanel(page);
    await search.open();
    await search.search('glutamate');
    await expect(search.result('Lecture 4')).toBeVisible();
    await expect(search.summary).toContainText('result');
  },
  'search with closest matches (no result has every word)': async (page) => {
    const search = new SearchPanel(page);
    await search.open();
    await search.search('glutamate zzyzx');
    await expect(search.partialNotice).toBeVisible();
    await expect(search.items.first()).toContainText('Missing: zzyzx');
  },
  'search with no results': async (page) => {
    const search = new SearchPanel(page);
    await search.open();
    await search.search('in:notes zzyzx');
    await expect(search.panel).toContainText('No results for');
  },
  'command palette': (page) => new CommandPalette(page).open(),
  'add reference pack, with its preview': async (page) => {
    await openGlossaryMenu(page, 'Add reference pack…');
    const dialog = new AddPackDialog(page);
    await dialog.choose(join(__dirname, '..', 'fixtures', 'packs', 'flashcards.tsv'));
    await expect(dialog.preview).toContainText('4 entries');
  },
  'manage reference packs': async (page) => {
    await openGlossaryMenu(page, 'Manage reference packs…');
    await expect(new ManagePacksDialog(page).rows.first()).toBeVisible();
  },
  'rename a reference pack named in links: update them?': async (page, notebook) => {
    writeFileSync(join(notebook.vaultDir, 'Pack links.md'), `[[Neurochemistry/${ENTRY}]]\n`);
    await expect(new NotesPane(page).item('Pack links')).toBeVisible();
    await openGlossaryMenu(page, 'Manage reference packs…');
    const manage = new ManagePacksDialog(page);
    await manage.button('Rename', 'Neurochemistry').click();
    const field = manage.dialog.getByRole('textbox', { name: 'New name for Neurochemistry' });
    await field.fill('Neuro');
    await field.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Update 1 link in 1 note?' })).toBeVisible();
  },
  'quick switcher': async (page) => {
    const switcher = new QuickSwitcher(page);
    await switcher.open();
    await switcher.type('lec');
    await expect(switcher.option('Lecture 4')).toBeVisible();
  },
  'the [[ link menu': async (page) => {
    const notes = await openNote(page, 'Exam prep');
    await notes.editor.click();
    await page.keyboard.press('Control+End');
    await notes.type(' [[ga');
    await expect(notes.linkMenu.getByRole('option').first()).toBeVisible();
  },
  'a link preview card': async (page) => {
    const notes = await openNote(page, 'Exam prep');
    const card = page.getByRole('tooltip');
    await expect(async () => {
      await page.mouse.move(0, 0);
      await notes.linkChip('Lecture 4').hover();
      await expect(card).toBeVisible({ timeout: 1_000 });
    }).toPass();
  },
  'a definition card of a glossary term in a note (from the keyboard)': async (page) => {
    const notes = await openNote(page, 'Exam prep');
    await notes.editor.click();
    await page.keyboard.press('Control+End');
    await notes.type(' Compare the GABA/glutamate ratio');
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('glossary-term')?.size ?? 0)).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Shift+D');
    const card = page.getByRole('dialog', { name: /^Definition of / });
    await expect(card.getByRole('button', { name: 'Open beside' })).toBeFocused();
  },
  'the link dialog': async (page) => {
    const notes = await openNote(page, 'Exam prep');
    await notes.editor.click();
    await page.keyboard.press('Control+K');
    await expect(page.getByRole('dialog', { name: 'Insert link' })).toBeVisible();
  },
  'the delete confirmation': async (page) => {
    await openNote(page, 'Sleep');
    await page.getByRole('button', { name: 'Move note to trash' }).click();
    await expect(page.getByRole('dialog', { name: /^Move “Sleep” to the trash\?/ })).toBeVisible();
  },
  'the rename-links question': async (page) => {
    const notes = await openNote(page, 'Lecture 4');
    await notes.title.fill('Lecture four');
    await notes.title.press('Enter');
    await expect(page.getByRole('dialog', { name: /^Update 2 links/ })).toBeVisible();
  },
  'a rename refused': async (page) => {
    const notes = await openNote(page, 'Sleep');
    await notes.title.fill('Exam prep');
    await notes.title.press('Enter');
    await expect(page.getByRole('alert')).toBeVisible();
  },
  'unresolved links': async (page) => {
    await runCommand(page, 'unresolved');
    await expect(page.getByRole('dialog', { name: /unresolved/i })).toBeVisible();
  },
  'create a missing note?': async (page) => {
    const notes = await openNote(page, 'Lecture 4');
    await notes.linkChip('Missing idea').click();
    await expect(page.getByRole('dialog', { name: 'Create “Missing idea”?' })).toBeVisible();
  },
  'a note with callouts, math, tags, footnotes (a footnote card shown) and properties': async (page) => {
    const notes = await openNote(page, 'Rich');
    await expect(notes.editor.locator('.callout[data-callout="tip"]')).toBeVisible();
    await expect(notes.editor.locator('.md-footnote')).toBeVisible();
    await notes.editor.locator('.footnote-ref[data-footnote="kandel"]').hover();
    await expect(page.getByRole('tooltip')).toHaveText('Kandel, Principles of Neural Science, 2013.');
  },
  'the properties panel with several types, a type menu open': async (page) => {
    await openNote(page, 'Rich');
    await expect(page.getByRole('group', { name: 'tags (tags)' })).toBeVisible();
    await page
      .getByRole('button', { name: /^Type of .*Change type$/ })
      .first()
      .click();
    await expect(page.getByRole('menu').getByRole('menuitemradio')).toHaveCount(6);
  },
  'the # tag menu': async (page) => {
    const notes = await openNote(page, 'Lecture 4');
    await notes.editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    await notes.type(' #ne');
    await expect(page.getByRole('listbox', { name: 'Tags' }).getByRole('option')).not.toHaveCount(0);
  },
  'open vault': (page) => new OpenVaultDialog(page).show(),
};

/** Known violations left in place, each with the reason. Empty: every screen must be clean. */
const EXCEPTIONS: ReadonlyArray<{ rule: string; target: RegExp; reason: string }> = [];

/** Puts VAULT's notes in the vault and waits until the app lists them (a restart would cost more). */
async function seedVault(notebook: NotebookApp): Promise<Page> {
  for (const [file, text] of Object.entries(VAULT)) writeFileSync(join(notebook.vaultDir, file), text);
  await expect(new NotesPane(notebook.page).items).toHaveCount(
    Object.keys(VAULT).filter((file) => file.endsWith('.md')).length,
  );
  return notebook.page;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules whose findings depend on colours, and so on the theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Puts axe-core in every frame of the page that lacks it, configured as
 * `@axe-core/playwright`'s AxeBuilder does in legacy mode. AxeBuilder injects the whole of
 * axe (over half a megabyte of script) twice per check; a screen checked in both themes
 * needs it once, as long as the page is not reloaded in between.
 */
async function injectAxe(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    if (await frame.evaluate(() => 'axe' in window)) continue;
    await frame.evaluate(axe.source);
    await frame.evaluate(() => {
      const { axe } = window as unknown as { axe: { configure(spec: object): void } };
      axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });
    });
  }
}

/** The violations axe finds on the page as it is now, one line each: rule, elements, what is wrong. */
async function violations(page: Page, rules: 'all' | 'colours' = 'all'): Promise<string[]> {
  // A theme switch may fade colours: judge them once the transitions are over.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.effect?.getTiming().iterations === Infinity),
  );
  // Run in the page itself (the app has no frames), as AxeBuilder's legacy mode does, instead of
  // opening a blank page per check to merge frame results: the same rules and findings, 2.5–3× faster.
  await injectAxe(page);
  const runOnly = rules === 'all' ? { type: 'tag', values: AXE_TAGS } : { type: 'rule', values: COLOUR_RULES };
  // Only violations are read: axe then skips detailing every passing node (its option for large pages).
  const results = await page.evaluate(
    (only) =>
      (window as unknown as { axe: { run(context: object, options: object): Promise<AxeResults> } }).axe.run(
        { exclude: [], include: [] },
        { runOnly: only, resultTypes: ['violations'] },
      ),
    runOnly,
  );
  const lines: string[] = [];
  for (const violation of results.violations) {
    for (const node of violation.nodes) {
      const target = node.target.map(String).join(' ');
      if (EXCEPTIONS.some((exception) => exception.rule === violation.id && exception.target.test(target))) continue;
      const why = node.failureSummary?.split('\n').slice(1).join(' ').trim() ?? '';
      lines.push(`${violation.id} (${violation.impact}): ${target} — ${violation.help}. ${why}`);
    }
  }
  return lines;
}

for (const [name, show] of Object.entries(SCREENS)) {
  test(`a11y: ${name}`, async ({ notebook }) => {
    const page = (await show(await seedVault(notebook), notebook)) ?? notebook.page;
    const found: string[] = [];
    // Every rule in the light theme; in the dark one the rules a theme can change: a theme
    // swaps colours only (the same DOM, names, roles and focus order).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const lines = await violations(page, colorScheme === 'light' ? 'all' : 'colours');
      found.push(...lines.map((line) => `[${colorScheme}] ${line}`));
    }
    expect(found, `axe found violations on "${name}"`).toEqual([]);
  });
}

test('screen readers: landmarks and headings, and the result count read out once typing settles', async ({
  notebook,
}) => {
  const page = await seedVault(notebook);
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Sidebar' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Sidebar' }).getByRole('heading', { level: 2 })).toHaveText([
    /^Notes/,
    /^Glossary/,
  ]);

  // The reader: the entry's title, then its sections, as headings.
  await openEntry(page, ENTRY);
  const reader = page.getByRole('main').getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(ENTRY);
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(['Origin', 'Mechanism']);

  // The editor: the note's title as a heading, its own headings inside the text.
  const notes = await openNote(page, 'Lecture 4');
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: 'Lecture 4' })).toBeAttached();
  await expect(notes.editor.getByRole('heading', { level: 2, name: 'Key points' })).toBeVisible();

  const search = new SearchPanel(page);
  await search.open();
  await expect(page.getByRole('search', { name: 'Search notes and glossary' })).toBeVisible();
  const announcements = page.getByRole('status', { name: 'Search announcements' });
  await search.search('glutamate');
  await expect(search.summary).toContainText('results');
  const count = await search.items.count();
  await expect(announcements).toHaveText(`${count} results`);
  await search.search('zzyzx');
  await expect(announcements).toHaveText('No results for “zzyzx”');
});

test('reduced motion stops every animation and transition; more contrast darkens greys and borders', async ({
  notebook,
}) => {
  const page = await seedVault(notebook);
  await noteBesideEntry(page);
  const moving = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        [null, '::before', '::after'].flatMap((pseudo) => {
          const style = getComputedStyle(element, pseudo);
          const durations = [...style.transitionDuration.split(','), ...style.animationDuration.split(',')];
          return durations.some((duration) => parseFloat(duration) > 0)
            ? [`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`]
            : [];
        }),
      ),
    );
  expect((await moving()).length).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await moving()).toEqual([]);

  const tokens = () =>
    page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return ['--text-muted', '--text-faint', '--border'].map((name) => root.getPropertyValue(name).trim());
    });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, contrast: 'no-preference' });
    const normal = await tokens();
    await page.emulateMedia({ colorScheme, contrast: 'more' });
    const more = await tokens();
    normal.forEach((value, i) => expect(more[i], `${colorScheme} ${value}`).not.toBe(value));
    expect(await violations(page), `${colorScheme}, more contrast`).toEqual([]);
  }
});

test('at 200 % zoom every control of a note beside an entry stays within the window', async ({ notebook }) => {
  const page = await seedVault(notebook);
  // 200 % of a 1280 × 800 window: the page lays out in 640 × 400 CSS pixels.
  await page.setViewportSize({ width: 640, height: 400 });
  await noteBesideEntry(page);
  const outside = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, [role="tab"], [tabindex="0"], h1')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > window.innerWidth + 1);
      })
      .map((element) => element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40)),
  );
  expect(outside).toEqual([]);
});
