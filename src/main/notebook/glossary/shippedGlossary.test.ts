/**
 * The glossary that ships with the app: resources/glossary/entries is the committed output of
 * importing resources/glossary/sources, and must stay exactly that.
 */
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGlossary } from './importGlossary';
import { loadGlossary } from './loadGlossary';

const GLOSSARY = join(import.meta.dirname, '../../../../resources/glossary');
const SOURCES = join(GLOSSARY, 'sources');
const ENTRIES = join(GLOSSARY, 'entries');
const REGENERATE = 'npm run glossary:import -- resources/glossary/sources resources/glossary/entries';

async function readFolder(dir: string): Promise<Map<string, Buffer>> {
  const names = (await fs.readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await fs.readFile(join(dir, name))] as const)));
}

describe('the shipped glossary', () => {
  it('has the expected entries, titles and ids', async () => {
    const entries = await loadGlossary(ENTRIES);
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
    const entries = await loadGlossary(ENTRIES);
    const sourceNames = (await fs.readdir(SOURCES)).filter((name) => name.endsWith('.txt')).sort();
    expect(entries.map((e) => e.source).sort()).toEqual(sourceNames);
    for (const name of sourceNames) {
      // Read independently of the importer: the seed layout is line 1 definition, 2 "Origin", 3 text, 4 "Mechanism", 5 text.
      const lines = (await fs.readFile(join(SOURCES, name), 'utf8')).split('\n');
      expect([lines[1], lines[3]]).toEqual(['Origin', 'Mechanism']);
      const entry = entries.find((e) => e.source === name);
      expect(entry?.definition).toBe(lines[0]);
      expect(entry?.sections).toEqual([
        { heading: 'Origin', text: lines[2] },
        { heading: 'Mechanism', text: lines[4] },
      ]);
      const sentences = [lines[0], lines[2], lines[4]].flatMap((p) => (p ?? '').split(/(?<=\.)\s+/));
      const file = await fs.readFile(join(ENTRIES, `${entry?.id}.md`), 'utf8');
      for (const sentence of sentences) expect(file).toContain(sentence);
    }
  });

  it('contains nothing of the web pages’ cookie banners', async () => {
    for (const [name, bytes] of await readFolder(ENTRIES)) {
      expect(bytes.toString('utf8'), name).not.toMatch(/cookie|consent|preferences/i);
    }
  });

  it('is stored with LF line endings and a single trailing newline', async () => {
    for (const [name, bytes] of await readFolder(ENTRIES)) {
      const text = bytes.toString('utf8');
      expect(text, name).not.toContain('\r');
      expect(text.endsWith('\n') && !text.endsWith('\n\n'), name).toBe(true);
    }
  });

  describe('re-imported from its sources', () => {
    let root: string;

    beforeAll(async () => {
      root = await fs.mkdtemp(join(tmpdir(), 'shipped-glossary-'));
    });

    afterAll(async () => {
      await fs.rm(root, { recursive: true, force: true });
    });

    it(`is reproduced byte for byte, with no extra or missing file (else run: ${REGENERATE})`, async () => {
      const sourcesBefore = await readFolder(SOURCES);
      await importGlossary(SOURCES, join(root, 'entries'));
      const expected = await readFolder(ENTRIES);
      const actual = await readFolder(join(root, 'entries'));
      expect([...actual.keys()]).toEqual([...expected.keys()]);
      for (const [name, bytes] of actual)
        expect(bytes.toString('utf8'), name).toBe(expected.get(name)?.toString('utf8'));
      expect(Buffer.concat([...actual.values()]).equals(Buffer.concat([...expected.values()]))).toBe(true);
      expect(await readFolder(SOURCES)).toEqual(sourcesBefore);
    });
  });
});
