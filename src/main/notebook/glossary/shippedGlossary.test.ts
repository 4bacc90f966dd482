/**
 * The glossary that ships with the app: the built-in reference pack, seeded into the state
 * folder from the web-page texts in resources/glossary/sources at the first start.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import { BUILT_IN_PACK_ID, PackLibrary } from '../packs/PackLibrary';
import { readPackSource } from '../packs/readPackSource';

const dirs = tempDirs();
let packDir: string;
let entries: readonly GlossaryEntry[];

beforeAll(async () => {
  const dir = join(dirs.make(), 'packs');
  const library = await PackLibrary.open({ dir, builtIn: () => readPackSource(SHIPPED_GLOSSARY) });
  packDir = join(dir, BUILT_IN_PACK_ID);
  entries = library.entries();
});
afterAll(() => dirs.cleanup());

describe('the shipped glossary', () => {
  it('has the expected entries, titles and ids', () => {
    expect(entries.map((e) => [e.id, e.title, e.editorialTitle, e.aliases, e.source])).toEqual([
      ['gaba-glutamate-ratio', 'GABA Glutamate Ratio', false, ['GABA/glutamate ratio'], '000_1daa4b43b52795c7.txt'],
      ['neurochemical-balance-state', 'Neurochemical Balance State', false, [], '002_ff0cfc8c2bdff7b5.txt'],
      ['neurotransmitter-balance-metrics', 'Neurotransmitter Balance Metrics', false, [], '001_2eb92d2a3b155aba.txt'],
      ['neurotransmitter-balance-science', 'Neurotransmitter Balance Science', false, [], '003_019170934b6d787e.txt'],
      [
        'optimized-neurotransmitter-balance',
        'Optimized Neurotransmitter Balance',
        true,
        [],
        '004_7544fc4d081ca7b6.txt',
      ],
    ]);
  });

  it('keeps every sentence of the definition, Origin and Mechanism of each source exactly', async () => {
    const sourceNames = (await fs.readdir(SHIPPED_GLOSSARY)).filter((name) => name.endsWith('.txt')).sort();
    expect(entries.map((e) => e.source).sort()).toEqual(sourceNames);
    for (const name of sourceNames) {
      // Read independently of the importer: the seed layout is line 1 definition, 2 "Origin", 3 text, 4 "Mechanism", 5 text.
      const lines = (await fs.readFile(join(SHIPPED_GLOSSARY, name), 'utf8')).split('\n');
      expect([lines[1], lines[3]]).toEqual(['Origin', 'Mechanism']);
      const entry = entries.find((e) => e.source === name);
      expect(entry?.definition).toBe(lines[0]);
      expect(entry?.sections).toEqual([
        { heading: 'Origin', text: lines[2] },
        { heading: 'Mechanism', text: lines[4] },
      ]);
    }
  });

  it('stores nothing of the web pages’ cookie banners', async () => {
    for (const name of await fs.readdir(packDir)) {
      expect(await fs.readFile(join(packDir, name), 'utf8'), name).not.toMatch(/cookie|consent|preferences/i);
    }
  });
});
