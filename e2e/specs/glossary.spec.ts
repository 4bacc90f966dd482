import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { seedTexts } from '../fixtures/seedTexts';
import { GlossaryPane } from '../pages/GlossaryPane';

const TITLES = [
  'GABA Glutamate Ratio',
  'Neurochemical Balance State',
  'Neurotransmitter Balance Metrics',
  'Neurotransmitter Balance Science',
  'Optimized Neurotransmitter Balance',
];

test('the sidebar lists exactly the five glossary titles, alphabetically', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  expect(await glossary.titles()).toEqual(TITLES);
});

test('each entry opens and shows its definition, Origin and Mechanism text', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  const seeds = seedTexts();
  expect(seeds).toHaveLength(5);
  for (const title of TITLES) {
    await glossary.open(title);
    const text = await glossary.reader.innerText();
    const seed = seeds.find((s) => text.includes(s.definition));
    expect(seed, `the definition of "${title}" comes from a source file`).toBeDefined();
    await expect(glossary.section('Origin')).toContainText(seed!.origin);
    await expect(glossary.section('Mechanism')).toContainText(seed!.mechanism);
    await expect(glossary.section('Origin').getByRole('heading', { level: 2 })).toHaveText('Origin');
    await expect(glossary.section('Mechanism').getByRole('heading', { level: 2 })).toHaveText('Mechanism');
  }
});

test('the filter narrows the list and says when nothing matches', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  await glossary.titles();
  await glossary.filter.fill('neurotransmitter');
  await expect(glossary.items).toHaveText([
    'Neurotransmitter Balance Metrics',
    'Neurotransmitter Balance Science',
    'Optimized Neurotransmitter Balance',
  ]);
  await glossary.filter.fill('gaba/glutamate');
  await expect(glossary.items).toHaveText(['GABA Glutamate Ratio']);
  await glossary.filter.fill('serotonin reuptake');
  await expect(glossary.items).toHaveCount(0);
  await expect(notebook.page.getByText('Nothing matches')).toBeVisible();
  await glossary.filter.press('Escape');
  await expect(glossary.items).toHaveCount(5);
});

test('the list is keyboard navigable with arrows and Enter', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  await glossary.titles();
  await glossary.filter.focus();
  await notebook.page.keyboard.press('ArrowDown');
  await notebook.page.keyboard.press('ArrowDown');
  await notebook.page.keyboard.press('Enter');
  await expect(glossary.readerTitle()).toHaveText('Neurotransmitter Balance Metrics');
  await expect(glossary.item('Neurotransmitter Balance Metrics')).toHaveAttribute('aria-selected', 'true');

  await glossary.list.focus();
  await notebook.page.keyboard.press('End');
  await notebook.page.keyboard.press('Enter');
  await expect(glossary.readerTitle()).toHaveText('Optimized Neurotransmitter Balance');
  await notebook.page.keyboard.press('Home');
  await notebook.page.keyboard.press('ArrowDown');
  await notebook.page.keyboard.press('Enter');
  await expect(glossary.readerTitle()).toHaveText('Neurochemical Balance State');
});

/** The document the vault's workspace file names as last opened (what a start restores). */
function lastOpenedOnDisk(stateDir: string): string | null {
  const vaults = join(stateDir, 'vaults');
  for (const vault of existsSync(vaults) ? readdirSync(vaults) : []) {
    const file = join(vaults, vault, 'workspace.json');
    if (!existsSync(file)) continue;
    try {
      const state = JSON.parse(readFileSync(file, 'utf8')) as { lastOpened?: { id?: string } | null };
      return state.lastOpened?.id ?? null;
    } catch {
      return null; // being replaced right now: read again
    }
  }
  return null;
}

test('a reload and a restart both restore the last entry read', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  // The page tells the backend what it opened as it opens it, but the entry shows on its own
  // answer, which may come first: a reload or a quit in the same instant could beat the
  // telling. Each step waits until the backend has written it (milliseconds).
  await glossary.open('Neurotransmitter Balance Science');
  await expect.poll(() => lastOpenedOnDisk(notebook.stateDir)).toBe('neurotransmitter-balance-science');
  await notebook.page.reload();
  await expect(new GlossaryPane(notebook.page).readerTitle()).toHaveText('Neurotransmitter Balance Science');

  await glossary.open('Optimized Neurotransmitter Balance');
  await expect.poll(() => lastOpenedOnDisk(notebook.stateDir)).toBe('optimized-neurotransmitter-balance');
  const page = await notebook.restart();
  await expect(new GlossaryPane(page).readerTitle()).toHaveText('Optimized Neurotransmitter Balance');
});

test('no boilerplate reaches any screen', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  const banned = /cookie|consent|preferences/i;
  expect(await notebook.page.locator('body').innerText()).not.toMatch(banned);
  for (const title of TITLES) {
    await glossary.open(title);
    expect(await notebook.page.locator('body').innerText()).not.toMatch(banned);
  }
});

test('a glossary entry has no editable surface', async ({ notebook }) => {
  const glossary = new GlossaryPane(notebook.page);
  await glossary.open('GABA Glutamate Ratio');
  await expect(glossary.reader.locator('[contenteditable="true"], input, textarea')).toHaveCount(0);
  await expect(glossary.reader).toContainText('read-only');
});
