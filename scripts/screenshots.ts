/**
 * Takes the README's screenshots: starts `serve` on a scratch vault, drives the UI in
 * Chromium, and writes PNGs in light and dark themes to docs/ (or the folder given).
 *
 *   npm run build && npx tsx scripts/screenshots.ts [outDir]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { openLaunchUrl, stopProcess } from '../e2e/fixtures/app';
import { CHROMIUM_ARGS, findChromium } from '../e2e/fixtures/findChromium';
import { EntryHighlights } from '../e2e/pages/EntryHighlights';
import { optionNamed } from '../e2e/pages/optionName';
import { prepareBenchPackCaches, writeBenchPack } from './bench/generatePack';

const root = resolve(__dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'docs'));

export type Scene = (page: Page) => Promise<void>;

const SAMPLE_NOTE = `---
tags: [neuro, exam]
---
# Inhibition and excitation

The brain keeps a **balance** between excitatory *glutamate* and inhibitory GABA. See the GABA Glutamate Ratio entry.

## Key points

- Glutamate depolarises neurons
- GABA hyperpolarises them
  - via GABA-A receptors
- [x] Read the Mechanism section
- [ ] Summarise the Origin section

> Excitation without inhibition is noise.

\`\`\`
ratio = GABA / glutamate
\`\`\`
`;

/** Notes that link to the glossary (and one that only mentions it), for the links scenes. */
const LINKED_NOTES: Record<string, string> = {
  'Sleep and the brain.md': `# Sleep

## Deep sleep

During deep sleep the [[GABA Glutamate Ratio]] tilts toward inhibition, which is why a steady [[Neurochemical Balance State|balance]] matters for rest.

## Waking up

Cortisol rises and excitation takes over again.
`,
  'Exam prep.md': `# Exam prep

- Define the [[GABA Glutamate Ratio|GABA/glutamate ratio]] in one line
- Explain how [[Anxiety]] relates to excitation
- Review [[Sleep and the brain#Deep sleep]]
`,
  'Lecture 4.md': `Lecture 4 covered how the GABA/glutamate ratio changes with caffeine and stress.
`,
  'Link drafts.md': `Drafts.
`,
};

/**
 * A note using everything a student's Obsidian notes hold: properties, callouts, a pasted
 * diagram, inline and block formulas, an embed (in a callout), tags and a Markdown link.
 */
const RICH_NOTE = `---
course: Neuroscience 201
lecture: 4
reviewed: true
date: 2026-12-04
tags: [neuro, exam]
---
# Action potentials

> [!abstract] Summary
> A neuron fires when its membrane reaches the **threshold**, about $-55\\,\\text{mV}$. #neuro/membranes

The membrane must reach about $-55\\,\\text{mV}$ before the neuron fires. ^threshold

![[action potential.svg|400]]

The ==resting potential== follows the Goldman equation[^goldman]:

$$
V_m = \\frac{RT}{F}\\ln\\frac{P_K[K^+]_o + P_{Na}[Na^+]_o}{P_K[K^+]_i + P_{Na}[Na^+]_i}
$$

> [!tip] From my sleep notes
> ![[Sleep and the brain#Deep sleep]]

> [!question] Check yourself
> Why does the [[GABA Glutamate Ratio]] matter for $\\Delta V$? Revise with [my exam prep](Exam%20prep.md).

[^goldman]: Goldman, 1943; Hodgkin & Katz, 1949.
`;

/** The diagram of RICH_NOTE: an action potential, membrane voltage over time. */
const ACTION_POTENTIAL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="880" height="300" viewBox="0 0 880 300">
<rect width="880" height="300" rx="18" fill="#f6f8fc"/>
<g font-family="Helvetica, Arial, sans-serif" font-size="20" fill="#4a5468">
<line x1="90" y1="40" x2="90" y2="250" stroke="#c3cad8" stroke-width="2"/>
<line x1="90" y1="250" x2="840" y2="250" stroke="#c3cad8" stroke-width="2"/>
<line x1="90" y1="175" x2="840" y2="175" stroke="#e0605a" stroke-width="2" stroke-dasharray="8 8"/>
<text x="848" y="181" text-anchor="end" dy="-10" fill="#c0443e">threshold −55 mV</text>
<text x="80" y="66" text-anchor="end">+40</text><text x="80" y="206" text-anchor="end">−70</text>
<text x="465" y="284" text-anchor="middle">time (ms)</text>
</g>
<path d="M90 200 H300 C330 200 335 185 350 175 C370 160 380 60 400 55 C420 52 430 120 450 215 C465 250 490 236 520 214 C560 200 600 200 840 200"
 fill="none" stroke="#4f6cf0" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>
<g font-family="Helvetica, Arial, sans-serif" font-size="19" font-weight="700" fill="#1d2433">
<text x="412" y="44">depolarisation</text><text x="470" y="246" fill="#2e8a64">refractory</text>
</g></svg>`;

/** A note with a diagram, attachments and a web image, as a student pastes them. */
const MEDIA_NOTE = `# Cell division

The cycle, from the lecture slides:

![[cell cycle.svg|360]]

Reading for Thursday: ![[Mitosis review.pdf]] and the recorded lecture ![[Lecture 7.mp3]]

A chart from the course website: ![Phase durations](https://biology.example.edu/charts/phases.png)

> [!tip] Remember
> Interphase takes about 90% of the cycle.
`;

/** The diagram of MEDIA_NOTE: the four phases of the cell cycle as a ring. */
const CELL_CYCLE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="360" viewBox="0 0 720 360">
<rect width="720" height="360" rx="18" fill="#f4f7fb"/>
<g transform="translate(200 180)" fill="none" stroke-width="46">
<circle r="120" stroke="#4f8cff" stroke-dasharray="452 302"/>
<circle r="120" stroke="#2eaa78" stroke-dasharray="126 628" stroke-dashoffset="-452"/>
<circle r="120" stroke="#f0a030" stroke-dasharray="101 653" stroke-dashoffset="-578"/>
<circle r="120" stroke="#e0605a" stroke-dasharray="75 679" stroke-dashoffset="-679"/>
</g>
<g font-family="Helvetica, Arial, sans-serif" font-size="22" fill="#1d2433">
<text x="200" y="188" text-anchor="middle" font-size="26" font-weight="700">Cell cycle</text>
<rect x="400" y="80" width="22" height="22" rx="5" fill="#4f8cff"/><text x="436" y="98">G1 — growth</text>
<rect x="400" y="130" width="22" height="22" rx="5" fill="#2eaa78"/><text x="436" y="148">S — DNA synthesis</text>
<rect x="400" y="180" width="22" height="22" rx="5" fill="#f0a030"/><text x="436" y="198">G2 — preparation</text>
<rect x="400" y="230" width="22" height="22" rx="5" fill="#e0605a"/><text x="436" y="248">M — mitosis</text>
</g></svg>`;

/** A study note made of embeds: sections of other notes, a block in a sentence, an entry, a missing note, a cycle. */
const EMBEDS_NOTE = `# Revision sheet: inhibition

The core idea, from the lecture:

![[Sleep and the brain#Deep sleep]]

Where it starts: ![[Action potentials#^threshold]] and what follows from it.

![[GABA Glutamate Ratio#Mechanism]]

![[Synaptic plasticity]]

![[Revision sheet]]
`;

/** Opens a glossary entry in the main view (not beside a note restored from the last scene). */
async function openEntryInMain(page: Page, title: string): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Glossary' })
    .getByRole('option', { name: new RegExp(`^${title}`) })
    .click();
  const reference = page.getByRole('complementary', { name: 'Reference' });
  await page.getByRole('heading', { level: 1, name: title }).first().waitFor();
  if (await reference.isVisible()) await reference.getByRole('button', { name: 'Open full view' }).click();
  await page.locator('.content-scroll').getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The vault the scenes run on (set by main), for a scene that needs a note the others must not show. */
let sceneVault = '';
/** A note naming the shipped pack like a folder, written by the pack-rename scene and removed after it. */
const PACK_LINKS_NOTE = 'Pack links.md';

const scenes: Record<string, Scene> = {
  // A note with callouts, formulas, tags and properties beside a glossary entry.
  rich: async (page) => {
    // Taller than the others: the whole note shows, beside the entry.
    await page.setViewportSize({ width: 1440, height: 1300 });
    await page.getByRole('option', { name: optionNamed('Action potentials') }).click();
    await page.getByRole('option', { name: /^GABA Glutamate Ratio/ }).click();
    await page.getByRole('complementary', { name: 'Reference' }).getByRole('heading', { level: 1 }).waitFor();
    const editor = page.getByRole('textbox', { name: /^Note: / });
    await editor.locator('.callout').first().waitFor();
    await editor.locator('[data-embed-state="note"]').waitFor();
    await editor.locator('img.ed-image').waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  },
  // Images and attachments: a selected (resizable) image, file chips, a web image waiting for consent.
  media: async (page) => {
    await page.getByRole('option', { name: optionNamed('Cell division') }).click();
    const editor = page.getByRole('textbox', { name: /^Note: / });
    const image = editor.locator('img.ed-image');
    await image.waitFor();
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    await editor.getByRole('button', { name: /^Open PDF/ }).waitFor();
    await image.click();
    await editor.getByRole('slider').waitFor();
  },
  // A note of embeds: note sections, a block, an entry, a missing note and a cycle notice.
  embeds: async (page) => {
    await page.getByRole('option', { name: optionNamed('Revision sheet') }).click();
    const editor = page.getByRole('textbox', { name: /^Note: / });
    await editor.locator('[data-embed-state="cycle"]').waitFor();
    await editor.locator('[data-embed-state="entry"]').waitFor();
    await page.waitForTimeout(300);
  },
  editor: async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('option', { name: 'GABA Glutamate Ratio' }).click();
    await page.getByRole('complementary', { name: 'Reference' }).getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Note: / }).click();
  },
  reader: async (page) => {
    await page.getByRole('option', { name: /^GABA Glutamate Ratio/ }).click();
    // A note restored from the last scene keeps the entry beside it: show it in the main view.
    const fullView = page.getByRole('button', { name: 'Open full view' });
    if (await fullView.isVisible()) await fullView.click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: 'GABA Glutamate Ratio' }).waitFor();
  },
  // The search view with results from notes and the glossary; the first one opened beside the note, its matches highlighted.
  search: async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('textbox', { name: /^Note: / }).waitFor();
    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('searchbox', { name: 'Search notes and glossary' }).pressSequentially('glutamate');
    await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').nth(2).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Reference' }).getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction(() => (CSS.highlights.get('search-match')?.size ?? 0) > 0);
  },
  switcher: async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('textbox', { name: /^Note: / }).waitFor();
    await page.keyboard.press('Control+O');
    await page.getByRole('combobox', { name: 'Quick switcher' }).pressSequentially('neuro bal');
    await page
      .getByRole('dialog', { name: 'Quick switcher' })
      .getByRole('option', { name: 'Neurochemical Balance State' })
      .waitFor();
  },
  palette: async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('textbox', { name: /^Note: / }).click();
    await page.keyboard.press('Control+Shift+P');
    await page.getByRole('option', { name: 'Note: New note' }).waitFor();
  },
  // A glossary entry with its backlinks: the notes linking to it, and one that mentions it without a link.
  backlinks: async (page) => {
    await openEntryInMain(page, 'GABA Glutamate Ratio');
    const tab = page.getByRole('tab', { name: /^Backlinks/ });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: /^Backlinks/ }).click();
    await tab.click();
    const linked = page.getByRole('region', { name: /^Linked mentions/ });
    await linked.locator('button.mention').first().waitFor();
    const unlinked = page.getByRole('region', { name: /^Unlinked mentions/ });
    const header = unlinked.getByRole('heading').getByRole('button');
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await unlinked.locator('button.mention').first().waitFor();
  },
  // The `[[` menu while typing a link.
  'link-menu': async (page) => {
    await page.getByRole('option', { name: optionNamed('Link drafts') }).click();
    const editor = page.getByRole('textbox', { name: /^Note: / });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await editor.pressSequentially('Compare the evening numbers with the [[gaba', { delay: 5 });
    await page.getByRole('listbox', { name: 'Link suggestions' }).getByRole('option').first().waitFor();
    await page.waitForTimeout(200);
  },
  // Glossary terms underlined in a note, one term's definition card open (#17).
  'term-definitions': async (page) => {
    await page.getByRole('option', { name: optionNamed('Inhibition and excitation') }).click();
    await page.getByRole('textbox', { name: /^Note: / }).waitFor();
    const termBox = () =>
      page.evaluate(() => {
        const ranges = [...(CSS.highlights.get('glossary-term') ?? [])] as Range[];
        const range = ranges.find((candidate) => candidate.toString() === 'GABA Glutamate Ratio') ?? ranges[0];
        const rect = range?.getBoundingClientRect();
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      });
    let box = await termBox();
    for (let tries = 0; box === null && tries < 100; tries++) {
      await page.waitForTimeout(100);
      box = await termBox();
    }
    if (box === null) throw new Error('no glossary term was underlined');
    await page.mouse.move(box.x - 30, box.y);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await page.locator('.term-card[data-state="ready"]').waitFor();
  },
  // The preview card of a link to a glossary entry.
  'link-preview': async (page) => {
    await page.getByRole('option', { name: optionNamed('Sleep and the brain') }).click();
    const chip = page.locator('[data-link-kind="entry"]', { hasText: 'GABA Glutamate Ratio' });
    await chip.waitFor();
    await chip.hover();
    await page.locator('.wiki-preview[data-state="ready"]').waitFor();
  },
  // Renaming a pack that notes name like a folder: the question over the packs dialog.
  'pack-rename': async (page) => {
    writeFileSync(join(sceneVault, PACK_LINKS_NOTE), 'See [[Neurochemistry/GABA Glutamate Ratio]].\n');
    await page.getByRole('option', { name: optionNamed('Pack links') }).waitFor();
    await page.getByRole('button', { name: 'Glossary options' }).click();
    await page.getByRole('menuitem', { name: 'Manage reference packs…' }).click();
    await page.getByRole('button', { name: 'Rename Neurochemistry' }).click();
    const field = page.getByRole('textbox', { name: 'New name for Neurochemistry' });
    await field.fill('Neuroscience glossary');
    await field.press('Enter');
    await page.getByRole('dialog', { name: 'Update 1 link in 1 note?' }).waitFor();
  },
  // An entry with three highlights (two with margin notes) in the wide reader, its Highlights tab beside it.
  highlights: async (page) => {
    await page.setViewportSize({ width: 1600, height: 1240 });
    await openEntryInMain(page, 'GABA Glutamate Ratio');
    const reader = new EntryHighlights(page);
    // Made in the light pass's run of this scene, removed after the next one (see shoot).
    if (!existsSync(join(sceneVault, 'Highlights'))) {
      await reader.highlight('crucial neurochemical index', 'yellow');
      await reader.addNote('crucial neurochemical index', 'Exam definition: a ratio of two transmitters, not a level.');
      await reader.highlight('Glutamate, an amino acid, is the precursor to GABA', 'green');
      await reader.addNote(
        'Glutamate, an amino acid',
        'Same pathway: GAD turns glutamate into GABA.\nCompare with [[Neurochemical Balance State]].',
      );
      await reader.highlight('hyperpolarize neurons, thereby dampening neural activity', 'blue');
    }
    const tab = page.getByRole('tab', { name: /^Highlights/ });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: /^Backlinks/ }).click();
    await tab.click();
    await page.getByRole('region', { name: 'Highlights' }).waitFor();
    // A passage being selected, with the toolbar over it.
    await reader.select('transition smoothly between states of arousal and rest');
    await reader.toolbar.waitFor();
  },
  // The same entry beside a note quoting it: the reference pane shows its margin notes under their paragraphs.
  'highlights-reference': async (page) => {
    await page.setViewportSize({ width: 1440, height: 980 });
    await page.getByRole('option', { name: optionNamed('Inhibition and excitation') }).click();
    await page.getByRole('textbox', { name: /^Note: / }).waitFor();
    await page.getByRole('listbox', { name: 'Glossary' }).getByRole('option', { name: 'GABA Glutamate Ratio' }).click();
    const pane = page.getByRole('complementary', { name: 'Reference' });
    await pane.locator('.margin-note').nth(1).waitFor();
    // The note quotes the first highlight at its end: the passage and the link back to it.
    const editor = page.getByRole('textbox', { name: /^Note: / });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+End');
    const reader = new EntryHighlights(page, pane.getByRole('article'));
    await reader.mark('crucial neurochemical index').click();
    await reader.toolbar.getByRole('button', { name: 'Quote in note' }).click();
    await editor.locator('blockquote', { hasText: 'crucial neurochemical index' }).waitFor();
    await page.keyboard.type('The ratio, not either level, is what the exam asks about.');
    // Saved before the shot, so the next pass finds no unsaved edits to offer back.
    await page
      .getByRole('status', { name: 'Save status' })
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    // The Origin section at the top: its highlight and margin note, and the Mechanism's highlight.
    await pane
      .getByRole('region', { name: 'Origin' })
      .evaluate((section) => section.scrollIntoView({ block: 'start' }));
  },
  // The entry in the main view after the note quoted it: its Highlights tab lists the quoting note.
  'highlights-quoted': async (page) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openEntryInMain(page, 'GABA Glutamate Ratio');
    const tab = page.getByRole('tab', { name: /^Highlights/ });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: /^Backlinks/ }).click();
    await tab.click();
    await page
      .getByRole('region', { name: /^Quoted in/ })
      .getByRole('button')
      .first()
      .waitFor();
  },
  // The settings: the highlights folder and the app's preferences.
  settings: async (page) => {
    await page.getByRole('main').waitFor();
    await page.keyboard.press('ControlOrMeta+,');
    const field = page.getByRole('dialog', { name: 'Settings' }).getByRole('textbox', { name: 'Highlights folder' });
    await expect(field).toHaveValue('Highlights');
    await expect(field).toBeFocused();
  },
};

/**
 * Scenes on a second state folder whose reference packs include a 120,000-entry dictionary
 * beside the shipped glossary, generated as the packs benchmark does it (generatePack.ts;
 * about a minute, so only when these scenes are taken).
 */
const bigPackScenes: Record<string, Scene> = {
  // The glossary with the whole pack listed (its count in the heading), an entry beside a note.
  'pack-120k': async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('textbox', { name: /^Note: / }).waitFor();
    const glossary = page.getByRole('listbox', { name: 'Glossary' });
    await glossary.getByRole('option').nth(3).click();
    await page.getByRole('complementary', { name: 'Reference' }).getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Note: / }).click();
  },
};

const wanted = (name: string) => !process.env.SCENES || process.env.SCENES.split(',').includes(name);

/** Starts `serve` on `vault` and `state`, takes `list`'s scenes in both themes, and stops it. */
async function shoot(vault: string, state: string, list: Record<string, Scene>): Promise<void> {
  const server = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--vault', vault, '--state-dir', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^http:\/\/127\.0\.0\.1:\d+\/#code=\S+$/m.exec(out);
      if (match) done(match[0]);
    });
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    // The printed address opens one session (its launch code works once); every page shares it.
    const first = await browser.newPage();
    await openLaunchUrl(first, url);
    const storageState = await first.context().storageState();
    await first.close();
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, scene] of Object.entries(list)) {
        // SCENES=rich,editor takes only those.
        if (!wanted(name)) continue;
        const page = await browser.newPage({
          viewport: { width: 1280, height: 800 },
          colorScheme: scheme,
          storageState,
        });
        await page.goto(new URL('/', url).href);
        await scene(page);
        const file = join(outDir, `${name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
        if (name === 'pack-rename') rmSync(join(vault, PACK_LINKS_NOTE), { force: true });
        // The other scenes show the entry without highlights (and the notes list without their file).
        if (name === 'highlights-quoted') {
          rmSync(join(vault, 'Highlights'), { recursive: true, force: true });
          // The quote it added goes too: the next pass quotes its own highlight again.
          writeFileSync(join(vault, 'Inhibition and excitation.md'), SAMPLE_NOTE);
        }
      }
    }
  } finally {
    await browser.close();
    await stopProcess(server);
  }
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  // The vault's folder has a name a reader can make sense of: the sidebar's foot shows it.
  const vault = join(mkdtempSync(join(tmpdir(), 'sn-shots-vault-')), 'Neuroscience');
  mkdirSync(vault);
  const state = mkdtempSync(join(tmpdir(), 'sn-shots-state-'));
  sceneVault = vault;
  writeFileSync(join(vault, 'Inhibition and excitation.md'), SAMPLE_NOTE);
  writeFileSync(join(vault, 'Action potentials.md'), RICH_NOTE);
  writeFileSync(join(vault, 'Cell division.md'), MEDIA_NOTE);
  mkdirSync(join(vault, 'attachments'), { recursive: true });
  writeFileSync(join(vault, 'attachments', 'cell cycle.svg'), CELL_CYCLE_SVG);
  writeFileSync(join(vault, 'attachments', 'action potential.svg'), ACTION_POTENTIAL_SVG);
  writeFileSync(join(vault, 'attachments', 'Mitosis review.pdf'), `%PDF-1.4\n${'%'.repeat(184_000)}\n`);
  writeFileSync(join(vault, 'attachments', 'Lecture 7.mp3'), Buffer.alloc(3_400_000));
  for (const [file, text] of Object.entries(LINKED_NOTES)) writeFileSync(join(vault, file), text);
  writeFileSync(join(vault, 'Revision sheet.md'), EMBEDS_NOTE);
  if (Object.keys(scenes).some(wanted)) await shoot(vault, state, scenes);
  if (Object.keys(bigPackScenes).some(wanted)) {
    // Two notes (the glossary gets the sidebar), and a state folder of their own holding the
    // big pack (its caches made).
    const packVault = join(mkdtempSync(join(tmpdir(), 'sn-shots-vault-')), 'Neuroscience');
    mkdirSync(packVault);
    writeFileSync(join(packVault, 'Inhibition and excitation.md'), SAMPLE_NOTE);
    writeFileSync(join(packVault, 'Sleep and the brain.md'), LINKED_NOTES['Sleep and the brain.md']!);
    const packState = mkdtempSync(join(tmpdir(), 'sn-shots-pack-state-'));
    writeBenchPack(packState, 120_000, 15, 'Dictionary');
    await prepareBenchPackCaches(packState);
    await shoot(packVault, packState, bigPackScenes);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
