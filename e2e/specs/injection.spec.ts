import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, type NotebookApp, test } from '../fixtures/app';
import { guardPage } from '../fixtures/injectionGuard';
import { FILE_NAME_PAYLOADS, PAYLOADS, TITLE_PAYLOADS } from '../fixtures/injectionPayloads';
import { startTrap } from '../fixtures/trapServer';
import { BacklinksPanel } from '../pages/BacklinksPanel';
import { CommandPalette } from '../pages/CommandPalette';
import { EntryHighlights } from '../pages/EntryHighlights';
import { GlossaryPane } from '../pages/GlossaryPane';
import { NotesPane } from '../pages/NotesPane';
import { AddPackDialog, openGlossaryMenu } from '../pages/PackDialogs';
import { QuickSwitcher } from '../pages/QuickSwitcher';
import { SearchPanel } from '../pages/SearchPanel';

/**
 * The injection corpus (e2e/fixtures/injectionPayloads.ts) delivered through every path
 * that carries user content into the UI. Each test asserts, through the guard, that no
 * script ran, no HTML got in (not even HTML the CSP then stopped), the page did not
 * navigate and nothing was opened; and where the content is shown, that it is shown as text.
 */

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Every payload as one Markdown document, each under a heading naming it. */
/** Footnote ids and texts (definitions, inline footnotes, the card on hover) carrying payloads. */
const FOOTNOTE_ID = '<svg/onload=window.__canary=1>';
const FOOTNOTE_PAYLOADS =
  `## footnotes\n\nCited[^${FOOTNOTE_ID}] and ^[<img src=x onerror=window.__canary=1>].\n\n` +
  `[^${FOOTNOTE_ID}]: <script>window.__canary=1</script> <img src=x onerror="window.__canary=1">\n` +
  `  <iframe srcdoc="<script>parent.__canary=1</script>"></iframe>\n`;
const ALL_PAYLOADS = `${PAYLOADS.map((p) => `## ${p.name}\n\n${p.markdown}\n`).join('\n')}\n${FOOTNOTE_PAYLOADS}`;

/** How many times the canary assignment is written in a text. */
function canaries(text: string): number {
  return text.split('__canary=1').length - 1;
}

/**
 * The text of an element with every typeset formula and rendered HTML block read as its
 * source (`$…$`, `<div>…`) and every callout's type and footnote definition's label (not
 * shown as text) before it, as the note holds them.
 */
function sourceText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    for (const callout of copy.querySelectorAll('[data-callout-type]')) {
      callout.prepend(`[!${callout.getAttribute('data-callout-type')}]`);
    }
    for (const footnote of copy.querySelectorAll('[data-footnote-label]')) {
      footnote.prepend(`[^${footnote.getAttribute('data-footnote-label')}]: `);
    }
    for (const formula of copy.querySelectorAll('[data-math-source]')) {
      formula.replaceWith(formula.getAttribute('data-math-source') ?? '');
    }
    // An HTML block shows its sanitized rendering; the note holds its source.
    for (const html of copy.querySelectorAll('[data-html-source]')) {
      html.replaceWith(html.getAttribute('data-html-source') ?? '');
    }
    return copy.textContent ?? '';
  });
}

/** One line of text holding a payload (block payloads flattened), for inline places. */
function inline(markdown: string): string {
  return markdown.replace(/\n+/g, ' ');
}

/** Rests the pointer on a link until its preview card shows (scrolling to it closes a card). */
async function hoverPreview(page: Page, link: Locator): Promise<Locator> {
  const card = page.getByRole('tooltip');
  await link.scrollIntoViewIfNeeded();
  await expect(async () => {
    await page.mouse.move(0, 0);
    await link.hover();
    await expect(card).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return card;
}

test('a note file on disk full of payloads: the editor, link previews, backlinks and search snippets run nothing', async ({
  notebook,
}) => {
  const { vaultDir } = notebook;
  // Every sample must be one search hit below: search shows 50 at most.
  expect(PAYLOADS.length, 'more samples than search shows: merge some').toBeLessThanOrEqual(50);
  // The preview card shows this note's first paragraph; the backlinks show each sample's.
  writeFileSync(join(vaultDir, 'Target.md'), `Target text: ${PAYLOADS.map((p) => inline(p.markdown)).join(' ')}\n`);
  const allPayloads = `${ALL_PAYLOADS}\nSee [[Target]] and [[<img src=x onerror=window.__canary=1>]].\n`;
  writeFileSync(join(vaultDir, 'All payloads.md'), allPayloads);
  writeFileSync(join(vaultDir, 'Embeds payloads.md'), '![[All payloads]]\n');
  PAYLOADS.forEach((p, i) => {
    const n = String(i + 1).padStart(2, '0');
    writeFileSync(join(vaultDir, `Sample ${n}.md`), `hostile ${inline(p.markdown)} [[Target]]\n\n${p.markdown}\n`);
  });
  const guard = await guardPage(notebook.page);
  const page = notebook.page;
  const notes = new NotesPane(page);
  await expect(notes.item(`Sample ${PAYLOADS.length}`)).toBeVisible();

  // The editor: every payload is on screen, as text.
  await notes.open('All payloads');
  await expect(notes.editor).toContainText('onerror');
  // Polled: formulas and HTML blocks are typeset as they come near the view.
  await expect.poll(async () => canaries(await sourceText(notes.editor))).toBe(canaries(allPayloads));
  await guard.assertNothingRan('the note in the editor');

  // Footnotes: a marker's card shows its definition as text (the corpus's `[^1]` and ours).
  const footnoteCard = page.getByRole('tooltip');
  const footnoteCards: Array<[string, string]> = [
    ['1', '<img src=x onerror=window.__canary=1>'],
    [FOOTNOTE_ID, '<script>window.__canary=1</script> <img src=x onerror="window.__canary=1">'],
  ];
  for (const [label, text] of footnoteCards) {
    const marker = notes.editor.locator(`.footnote-ref[data-footnote="${label}"]`);
    await expect(marker).toHaveAttribute('data-footnote-number', /\d+/);
    await marker.scrollIntoViewIfNeeded();
    await marker.hover();
    await expect(footnoteCard).toHaveText(text);
    await page.mouse.move(0, 0);
    await expect(footnoteCard).toBeHidden();
  }
  await guard.assertNothingRan('footnote cards');

  // The preview card of [[Target]] (its first paragraph, all payloads) and of the link whose target is HTML.
  const card = await hoverPreview(page, notes.linkChip('Target'));
  // Plain text, tags and all (emphasis markers such as `__` are dropped as Markdown).
  await expect(card).toContainText('Target text: Text <svg/onload=');
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();
  await hoverPreview(page, notes.linkChip('<img src=x onerror=window.__canary=1>').last());
  await expect(card).toContainText('<img src=x onerror=window.__canary=1>');
  await guard.assertNothingRan('link preview cards');

  // The same note embedded in another (`![[All payloads]]`): shown read-only, as text.
  await notes.open('Embeds payloads');
  const embedded = notes.editor.locator('.ed-embed__content');
  await expect(embedded).toContainText('onerror');
  await expect.poll(async () => canaries(await sourceText(embedded))).toBe(canaries(allPayloads));
  await guard.assertNothingRan('an embedded note');

  // Backlinks of Target: one group per sample, each with the paragraph around the link.
  await notes.open('Target');
  const panel = new BacklinksPanel(page);
  await panel.showBacklinks();
  await expect(panel.count(panel.linked)).toHaveText(String(PAYLOADS.length + 1));
  await expect(panel.mentions(panel.group(panel.linked, 'Sample 01'))).toContainText('hostile');
  await guard.assertNothingRan('backlinks');

  // Search: every sample is a hit, its snippet holding its payload.
  const search = new SearchPanel(page);
  await search.open();
  await search.search('hostile');
  await expect(search.items).toHaveCount(PAYLOADS.length);
  // Snippets are plain text: what is left of the markup is shown as characters.
  await expect(search.results.locator('.search-snippet', { hasText: '<iframe srcdoc="' })).toHaveCount(1);
  await expect(search.results.locator('.search-snippet', { hasText: 'javascript:window.__canary=1' })).toHaveCount(1);
  await guard.assertNothingRan('search snippets');

  expect(readFileSync(join(vaultDir, 'All payloads.md'), 'utf8')).toBe(allPayloads);
});

test('links from content: clicking Markdown and wiki links, and the link dialog given javascript: URLs, open nothing', async ({
  notebook,
}) => {
  const links = [
    '[https link](https://example.org/page)',
    ...PAYLOADS.filter((p) => /\]\(|<a |\[\[/.test(p.markdown)).map((p) => p.markdown),
    '[[<img src=x onerror=window.__canary=1>]]',
    '[[javascript:window.__canary=1|label]]',
    '[[GABA Glutamate Ratio|<svg onload=window.__canary=1>]]',
  ];
  writeFileSync(join(notebook.vaultDir, 'Links.md'), links.map((l) => `${l}\n`).join('\n'));
  const guard = await guardPage(notebook.page);
  const page = notebook.page;
  const notes = new NotesPane(page);
  await notes.open('Links');

  // Only the https link became a link; Ctrl+click opens it (through window.open), a plain click does not.
  const anchors = notes.editor.locator('a');
  await expect(anchors).toHaveCount(1);
  await anchors.click();
  await anchors.click({ modifiers: [mod] });
  expect(await guard.takeOpened()).toEqual(['https://example.org/page']);
  // The refused links are text, clicked plainly and with the modifier.
  for (const text of await notes.editor.getByText('click me').all()) {
    await text.click();
    await text.click({ modifiers: [mod] });
  }
  await guard.assertNothingRan('clicking Markdown links');

  // A wiki link whose target is HTML offers to create a note, named as text.
  await notes.linkChip('<img src=x onerror=window.__canary=1>').first().click();
  const ask = page.getByRole('dialog', { name: 'Create “<img src=x onerror=window.__canary=1>”?' });
  await expect(ask).toContainText('No note or glossary entry is called “<img src=x onerror=window.__canary=1>” yet.');
  await ask.getByRole('button', { name: 'Create note' }).click();
  await expect(notes.title).toHaveValue('img src=x onerror=window.__canary=1');
  await notes.open('Links');
  await notes.linkChip('<svg onload=window.__canary=1>').first().click();
  await expect(notes.reference.getByRole('heading', { level: 1 })).toHaveText('GABA Glutamate Ratio');
  await notes.linkChip('label').click();
  await page
    .getByRole('dialog', { name: 'Create “javascript:window.__canary=1”?' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await guard.assertNothingRan('clicking wiki links');

  // The link dialog refuses every scheme but http, https and mailto, whatever its spelling.
  await notes.create('Dialog');
  await notes.type('click here');
  await page.keyboard.press(`${mod}+a`);
  for (const url of [
    'javascript:window.__canary=1',
    'JaVaScRiPt:window.__canary=1',
    ' javascript:window.__canary=1',
    'java\tscript:window.__canary=1',
    'data:text/html,<script>window.__canary=1</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'app://renderer/index.html',
  ]) {
    await page.keyboard.press(`${mod}+k`);
    const dialog = page.getByRole('dialog', { name: 'Insert link' });
    const field = dialog.getByRole('textbox', { name: 'Link URL' });
    await field.fill(url);
    await field.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('status')).toContainText(/not allowed|does not look like/);
    await field.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await expect(notes.editor.locator('a')).toHaveCount(0);
  await notes.waitSaved();
  expect(readFileSync(join(notebook.vaultDir, 'Dialog.md'), 'utf8')).toBe('click here\n');
  await guard.assertNothingRan('the link dialog');
});

test('pasting HTML and text full of payloads inserts text and safe formatting only', async ({ notebook }) => {
  const guard = await guardPage(notebook.page);
  const page = notebook.page;
  const notes = new NotesPane(page);

  // Rich paste: the HTML payloads as a web page would put them on the clipboard, and links.
  await notes.create('Pasted HTML');
  const markup = [
    ...PAYLOADS.filter((p) => p.markdown.startsWith('<')).map((p) => p.markdown),
    '<a href="javascript:window.__canary=1">js link</a>',
    '<a href="  JaVaScRiPt:window.__canary=1">spaced js link</a>',
    '<a href="data:text/html,<script>window.__canary=1</script>">data link</a>',
    '<a href="/relative">relative link</a>',
    '<a href="https://example.org/" target="_blank" onclick="window.__canary=1">good link</a>',
  ];
  const html = `<meta charset="utf-8"><div>${markup.map((m) => `<p>${m}</p>`).join('')}<p>end of paste</p></div>`;
  await paste(notes, { 'text/html': html, 'text/plain': 'plain fallback' });
  await expect(notes.editor).toContainText('end of paste');
  await notes.waitSaved();
  await guard.assertNothingRan('HTML paste');
  const saved = readFileSync(join(notebook.vaultDir, 'Pasted HTML.md'), 'utf8');
  // Links keep their text; only the https one stays a link, without its handler or target.
  expect(saved).toContain('js link');
  expect(saved).toContain('relative link');
  expect(saved.match(/\]\([^)]*\)/g)).toEqual(['](https://example.org/)']);
  expect(saved).not.toMatch(/<(script|iframe|img|svg|object|embed|base|meta|link|style)\b/i);
  expect(saved).not.toMatch(/onclick|onerror|onload/i);

  // Plain paste: every payload arrives as the characters it is made of, and stays so after a reload.
  await notes.create('Pasted text');
  const text = PAYLOADS.map((p) => inline(p.markdown)).join('\n');
  await paste(notes, { 'text/plain': text });
  await expect(notes.editor).toContainText(inline(PAYLOADS.at(-1)!.markdown));
  await notes.waitSaved();
  await guard.assertNothingRan('text paste');
  await page.reload();
  const again = new NotesPane(page);
  await expect(again.title).toHaveValue('Pasted text');
  const lines = await Promise.all((await again.editor.locator('p').all()).map(sourceText));
  expect(lines).toEqual(text.split('\n'));
});

/**
 * Over LARGE_PASTE_CHARS (100,000) of hostile HTML: each block tries to run (handlers of
 * every kind, a script, a frame's srcdoc, javascript: links) and to load an image from
 * `trap`, a server of the test's own (so a fetch is seen even when nothing else reports it).
 */
function largeHostilePaste(trap: string): string {
  const blocks: string[] = [];
  for (let i = 0; blocks.join('').length <= 120_000; i++) {
    blocks.push(
      `<p>Block ${i}: <b>bold ${i}</b> <a href="https://example.org/${i}">good ${i}</a>` +
        ` <a href="javascript:window.__canary='js link ${i}'">js ${i}</a></p>` +
        `<img src="${trap}/img-${i}.png" onerror="window.__canary='img ${i}'">` +
        `<svg onload="window.__canary='svg ${i}'"><circle r="1"/></svg>` +
        `<details open ontoggle="window.__canary='details ${i}'"><summary>summary ${i}</summary>details ${i}</details>` +
        `<script>window.__canary='script ${i}'</script>` +
        `<iframe srcdoc="<script>parent.__canary='iframe ${i}'</script>"></iframe>` +
        `<p style="background:url(${trap}/bg-${i}.png)" onclick="window.__canary='p ${i}'">text ${i}</p>`,
    );
  }
  return `<meta charset="utf-8">${blocks.join('\n')}<p>end of the large paste</p>`;
}

/** Pastes the large hostile HTML into a new note and checks what the note keeps. */
async function pasteLargeHostileHtml(notebook: NotebookApp, trap: string): Promise<void> {
  const notes = new NotesPane(notebook.page);
  await notes.create('Large paste');
  const html = largeHostilePaste(trap);
  expect(html.length).toBeGreaterThan(100_000);
  await paste(notes, { 'text/html': html, 'text/plain': 'plain fallback' });
  await expect(notes.editor).toContainText('end of the large paste', { timeout: 15_000 });
  await notes.waitSaved();
  const saved = readFileSync(join(notebook.vaultDir, 'Large paste.md'), 'utf8');
  expect(saved).toContain('Block 0: **bold 0** [good 0](https://example.org/0) js 0');
  expect(saved).toContain('summary 0details 0');
  expect(saved).toContain('end of the large paste');
  expect(saved).not.toMatch(/javascript:|__canary|<(script|iframe|img|svg|details)\b|onerror|ontoggle|onload/i);
}

test.describe('a paste of over 100,000 characters of hostile HTML', () => {
  test('inserts text and safe formatting only: nothing enters the page, loads or runs', async ({ notebook }) => {
    const trap = await startTrap();
    try {
      const guard = await guardPage(notebook.page);
      await pasteLargeHostileHtml(notebook, trap.url);
      await guard.assertNothingRan('large HTML paste');
      // Parsed in an inert document: Chromium reported its handlers there, and only there.
      expect((await guard.inertParsing()).handlers).toBeGreaterThan(0);
      expect(trap.hits).toEqual([]);
    } finally {
      await trap.close();
    }
  });

  test.describe('with the CSP bypassed', () => {
    test.use({ bypassCSP: true });

    test('still nothing loads or runs: the defence is the inert document, not the CSP', async ({ notebook }) => {
      const trap = await startTrap();
      try {
        const guard = await guardPage(notebook.page, { csp: false });
        await pasteLargeHostileHtml(notebook, trap.url);
        await guard.assertNothingRan('large HTML paste without a CSP');
        expect(trap.hits).toEqual([]);
      } finally {
        await trap.close();
      }
    });
  });
});

/** Pastes clipboard data into the editor at the caret, as the browser delivers a paste. */
async function paste(notes: NotesPane, data: Record<string, string>): Promise<void> {
  await notes.editor.evaluate((editor, items) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(items)) transfer.setData(type, value);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

test('payloads as note titles and file names: the list, switcher, backlinks, conflict notice and toasts show text', async ({
  notebook,
}) => {
  const { vaultDir } = notebook;
  writeFileSync(join(vaultDir, 'Target.md'), 'The note everyone links to.\n');
  // Names a file system allows but that read as markup or script once decoded or templated.
  for (const name of FILE_NAME_PAYLOADS) writeFileSync(join(vaultDir, `${name}.md`), `From ${name}: [[Target]]\n`);
  // Names the app cannot address (< > : " are refused in note paths): skipped, never fatal.
  for (const name of ['<img src=x onerror=window.__canary=1>', 'javascript:window.__canary=1', '"onmouseover="x']) {
    writeFileSync(join(vaultDir, `${name}.md`), 'unreachable\n');
  }
  const guard = await guardPage(notebook.page);
  const page = notebook.page;
  const notes = new NotesPane(page);
  for (const name of FILE_NAME_PAYLOADS) await expect(notes.item(name)).toContainText(name);
  expect(await notes.titles()).toHaveLength(FILE_NAME_PAYLOADS.length + 1);

  // Backlinks headers name every linking note as text.
  await notes.open('Target');
  const panel = new BacklinksPanel(page);
  await panel.showBacklinks();
  for (const name of FILE_NAME_PAYLOADS) {
    await expect(panel.linked.locator('.mention-group-title', { hasText: name })).toHaveText(name);
  }

  // The quick switcher lists them by the words they share.
  const switcher = new QuickSwitcher(page);
  await switcher.open();
  await switcher.field.fill('canary');
  for (const name of FILE_NAME_PAYLOADS) await expect(switcher.option(name)).toContainText(name);
  await page.keyboard.press('Escape');
  await guard.assertNothingRan('file names in the list, backlinks and switcher');

  // Titles typed in the app are cut to what a file name may hold and shown as typed otherwise.
  for (const [typed, kept] of TITLE_PAYLOADS.map((t) => [t, sanitized(t)] as const)) {
    await notes.newNoteButton.click();
    await expect(notes.title).toBeFocused();
    await notes.title.fill(typed);
    await notes.title.press('Enter');
    await expect(notes.title).toHaveValue(kept);
    await expect(notes.item(kept)).toBeVisible();
  }
  // Renaming to a payload, and a toast naming it.
  await notes.open(FILE_NAME_PAYLOADS[0]!);
  await notes.title.fill(`${FILE_NAME_PAYLOADS[0]} <script>window.__canary=1</script>`);
  await notes.title.press('Enter');
  const renamed = `${FILE_NAME_PAYLOADS[0]} script window.__canary=1 script`;
  await expect(notes.title).toHaveValue(renamed);
  await page.getByRole('button', { name: 'Move note to trash' }).click();
  await expect(page.getByRole('dialog')).toContainText(`Move “${renamed}” to the trash?`);
  await page.getByRole('dialog').getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toHaveText(`Moved “${renamed}” to the trash.`);
  await guard.assertNothingRan('titles typed, renamed and deleted');

  // A conflict on a note named like a payload: the notice names the copy as text.
  const contested = FILE_NAME_PAYLOADS[1]!;
  await notes.open(contested);
  await notes.editor.click();
  await page.keyboard.press('End');
  await notes.type(' mine');
  writeFileSync(join(vaultDir, `${contested}.md`), 'Theirs.\n');
  const notice = page.getByRole('alert').filter({ hasText: 'Both versions are kept' });
  await expect(notice).toContainText(`you are now editing yours, “${contested} (conflict`);
  await expect(notice).toContainText(`“${contested}” has the other`);
  await guard.assertNothingRan('the conflict notice');
});

// One test per field: each sets every payload as its query, and under load each
// field's round of fills takes a third of the time budget on its own.
const ECHOED = '<img src=x onerror="window.__canary=1"> x';

test('payloads typed as queries into search are text', async ({ notebook }) => {
  // 50 queries and three typed key by key, each searched: 25–35 s under load, with nothing wrong.
  test.setTimeout(120_000);
  const guard = await guardPage(notebook.page);
  const search = new SearchPanel(notebook.page);
  await search.open();
  for (const payload of PAYLOADS) await search.field.fill(payload.markdown);
  // Typed key by key, the way a user would (a few, to keep the test fast).
  for (const payload of PAYLOADS.slice(0, 3)) await search.search(payload.markdown);
  await search.field.fill(ECHOED);
  await expect(search.panel.locator('.search-empty-title')).toHaveText(`No results for ${ECHOED}`);
  await guard.assertNothingRan('search queries');
});

test('payloads typed as queries into the quick switcher are text', async ({ notebook }) => {
  const guard = await guardPage(notebook.page);
  const switcher = new QuickSwitcher(notebook.page);
  await switcher.open();
  for (const payload of PAYLOADS) await switcher.field.fill(payload.markdown);
  await switcher.type(PAYLOADS[0]!.markdown);
  await switcher.field.fill(ECHOED);
  await expect(switcher.option(`Create note “${ECHOED}”`)).toContainText(`Create note “${ECHOED}”`);
  await notebook.page.keyboard.press('Escape');
  await guard.assertNothingRan('quick switcher queries');
});

test('payloads typed as queries into the command palette are text', async ({ notebook }) => {
  const guard = await guardPage(notebook.page);
  const page = notebook.page;
  const palette = new CommandPalette(page);
  await palette.open();
  for (const payload of PAYLOADS) await palette.field.fill(payload.markdown);
  await palette.field.fill(ECHOED);
  await expect(palette.dialog).toContainText(`No commands match “${ECHOED}”.`);
  await palette.field.press('Enter');
  await page.keyboard.press('Escape');
  await guard.assertNothingRan('command palette queries');
});

test('a reference pack imported from sources full of payloads shows them as text in the glossary', async ({
  notebook,
}) => {
  const sources = mkdtempSync(join(tmpdir(), 'sn-e2e-pack-'));
  try {
    const half = Math.ceil(PAYLOADS.length / 2);
    const sentences = (list: typeof PAYLOADS) => list.map((p) => `It holds ${inline(p.markdown)} here.`).join(' ');
    writeFileSync(
      join(sources, 'hostile.txt'),
      `The Hostile Entry is a concept that ${sentences(PAYLOADS.slice(0, half))}\nOrigin\n${sentences(PAYLOADS.slice(half))}\nMechanism\nIt links [[Target]] and [click me](javascript:window.__canary=1).\n`,
    );
    writeFileSync(
      join(sources, 'named.txt'),
      'A concept named by its editors is defined here.\nOrigin\nEditors named it.\nMechanism\nIt has no mechanism.\n',
    );
    writeFileSync(
      join(sources, 'manifest.json'),
      JSON.stringify({
        entries: {
          'named.txt': {
            title: '<img src=x onerror=window.__canary=1>',
            aliases: ['<svg onload=window.__canary=1>', 'javascript:window.__canary=1'],
          },
        },
      }),
    );
    const page = await notebook.restart({
      beforeStart: () => {
        importPack(sources, notebook.stateDir);
        writeFileSync(
          join(notebook.vaultDir, 'Reading.md'),
          'See [[Hostile Entry]] and [[<svg onload=window.__canary=1>]].\n',
        );
      },
    });
    const guard = await guardPage(page);
    const glossary = new GlossaryPane(page);
    // The list names each entry (with its pack, and how many notes link to it).
    const named = glossary.list.getByRole('option', {
      name: /^<img src=x onerror=window\.__canary=1> Hostile pack\s*, 1 note/,
    });
    await named.click();
    await expect(glossary.readerTitle()).toHaveText('<img src=x onerror=window.__canary=1>');
    await expect(glossary.reader).toContainText(
      'Also known as <svg onload=window.__canary=1>, javascript:window.__canary=1',
    );
    await glossary.list.getByRole('option', { name: /^Hostile Entry/ }).click();
    await expect(glossary.readerTitle()).toHaveText('Hostile Entry');
    const shown = (await glossary.reader.textContent()) ?? '';
    expect(canaries(shown)).toBe(PAYLOADS.reduce((sum, p) => sum + canaries(p.markdown), 1));
    await guard.assertNothingRan('the entry reader');

    // Previews and search over the imported entries.
    const notes = new NotesPane(page);
    await notes.open('Reading');
    const card = await hoverPreview(page, notes.linkChip('Hostile Entry'));
    await expect(card).toContainText('The Hostile Entry is a concept that It holds');
    await page.mouse.move(0, 0);
    await hoverPreview(page, notes.linkChip('<svg onload=window.__canary=1>'));
    await expect(card).toContainText('<img src=x onerror=window.__canary=1>');
    const search = new SearchPanel(page);
    await search.open();
    await search.search('holds');
    await expect(search.result('Hostile Entry').locator('.search-snippet').first()).toContainText('It holds');
    await guard.assertNothingRan('previews and search of imported entries');

    // A highlight on a passage holding a payload, with every payload as its margin note: text in
    // the mark's name, the margin and the Highlights tab.
    await page.getByRole('button', { name: 'Close search' }).click();
    await glossary.list.getByRole('option', { name: /^Hostile Entry/ }).click();
    await expect(glossary.readerTitle()).toHaveText('Hostile Entry');
    const highlights = new EntryHighlights(page, glossary.reader);
    const passage = `It holds ${inline(PAYLOADS[0]!.markdown)} here.`;
    const note = PAYLOADS.map((p) => p.markdown).join('\n\n');
    await highlights.highlight(passage, 'pink');
    await highlights.addNote(passage, note);
    await expect(highlights.mark(passage)).toHaveAccessibleName(new RegExp(`^Highlight, pink: It holds <img`));
    expect(canaries((await highlights.reader.locator('.margin-note-text').textContent()) ?? '')).toBe(canaries(note));
    // The entry opened beside the note: in the main view, its side panel has the Highlights tab.
    await page.getByRole('button', { name: 'Open full view' }).click();
    const tab = page.getByRole('tab', { name: /^Highlights/ });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: /^Backlinks/ }).click();
    await tab.click();
    const listed = page.getByRole('region', { name: 'Highlights' });
    await expect(listed).toContainText(passage);
    expect(canaries((await listed.textContent()) ?? '')).toBe(canaries(note) + canaries(passage));
    await guard.assertNothingRan('a highlight and margin note holding payloads');
  } finally {
    rmSync(sources, { recursive: true, force: true });
  }
});

test('payloads in a file imported from the app are text in the preview, the glossary list and the reader', async ({
  notebook,
}) => {
  const page = notebook.page;
  const guard = await guardPage(page);
  const dir = mkdtempSync(join(tmpdir(), 'sn-e2e-pack-upload-'));
  try {
    const quote = (text: string) => `"${inline(text).replace(/"/g, '""')}"`;
    const rows = PAYLOADS.map((p, i) => `${quote(`Term ${i} ${p.markdown}`)},${quote(`Defined as ${p.markdown}`)}`);
    writeFileSync(join(dir, 'hostile.csv'), `term,definition\n${rows.join('\n')}\n`);
    await openGlossaryMenu(page, 'Add reference pack…');
    const dialog = new AddPackDialog(page);
    await dialog.choose(join(dir, 'hostile.csv'));
    await expect(dialog.preview).toContainText(`${PAYLOADS.length} entries`);
    const shown = (await dialog.table.textContent()) ?? '';
    // The first 20 entries, term and definition each holding its payload, shown as text.
    expect(canaries(shown)).toBe(PAYLOADS.slice(0, 20).reduce((sum, p) => sum + 2 * canaries(p.markdown), 0));
    await dialog.importAll();
    await dialog.done();
    const glossary = new GlossaryPane(page);
    await glossary.list.getByRole('option', { name: /^Term 0 / }).click();
    await expect(glossary.reader).toContainText(`Defined as ${inline(PAYLOADS[0]!.markdown)}`);
    await guard.assertNothingRan('the pack import dialog, the glossary list and the reader');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs the importer as a user does (`npm run glossary:import -- <sources> --state-dir <dir>`), the app stopped. */
function importPack(sources: string, stateDir: string): void {
  const root = join(__dirname, '..', '..');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      '--tsconfig',
      join(root, 'tsconfig.tools.json'),
      join(root, 'scripts', 'glossaryImport.ts'),
      sources,
      '--state-dir',
      stateDir,
      '--name',
      'Hostile pack',
      '--strict',
    ],
    { cwd: root, stdio: 'pipe' },
  );
}

/** What the app keeps of a typed title (see sanitizeTitle): file-name characters become spaces. */
function sanitized(title: string): string {
  return title
    .replace(/[/\\:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
