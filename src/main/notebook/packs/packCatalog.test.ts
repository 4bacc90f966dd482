import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import {
  catalogFromEntriesFile,
  entriesOf,
  EntryFile,
  finishCatalog,
  formatCatalog,
  formatEntriesWithCatalog,
  parseCatalog,
  StoredEntry,
} from './packCatalog';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const entry = (id: string, title: string, definition: string, extra: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id: `p--${id}`,
  title,
  aliases: [],
  source: 'words.tsv',
  editorialTitle: false,
  definition,
  sections: [],
  ...extra,
});

// Multi-byte text on purpose: offsets are bytes, titles are characters.
const ENTRIES = [
  entry('bank', 'bank', 'The side of a river, where the water meets the land and more words follow.'),
  entry('bank-2', 'Bank', 'A house for money.', { aliases: ['Banque', 'Bänk'] }),
  entry('cafe', 'Café', 'Où l’on boit — ☕ 𝄞 — du café.', { sections: [{ heading: 'Origin', text: 'Turkish.' }] }),
  entry('ramon', 'Ramón y Cajal', 'A neuroscientist.', { tags: ['people'] }),
];

function stored(entries = ENTRIES) {
  const dir = dirs.make();
  const { text, catalog } = formatEntriesWithCatalog(entries);
  writeFileSync(join(dir, 'entries.ndjson'), text);
  writeFileSync(join(dir, 'catalog.json'), formatCatalog(catalog));
  const log = vi.fn();
  const file = new EntryFile(join(dir, 'entries.ndjson'), join(dir, 'catalog.json'), 'p', log);
  return { dir, text, catalog, file, log };
}

describe('the pack catalog', () => {
  it('round-trips: titles, aliases and first words from the catalog, bodies read by byte offset', () => {
    const { text, catalog, file } = stored();
    const parsed = parseCatalog(formatCatalog(catalog), { entriesSize: Buffer.byteLength(text), entryCount: 4 });
    expect(parsed).toEqual(catalog);
    expect(parsed.leads[0]).toBe('The side of a river, where the…');
    expect(finishCatalog(structuredClone(parsed)).leads).toEqual([parsed.leads[0], parsed.leads[1], null, null]);
    const entries = entriesOf(parsed, file);
    for (const [at, original] of ENTRIES.entries()) {
      expect(entries[at]).toBeInstanceOf(StoredEntry);
      expect(entries[at]!.toEntry()).toEqual({ ...original, packId: 'p' });
      expect(entries[at]!.definition).toBe(original.definition);
    }
    // The same catalog from the entries file alone (a pack stored before catalogs).
    expect(catalogFromEntriesFile(Buffer.from(text), 'p').catalog).toEqual(finishCatalog(structuredClone(catalog)));
  });

  it('reads the bodies of several entries together, into the cache their reads answer from', () => {
    const { dir, catalog, file, log } = stored();
    const entries = entriesOf(catalog, file);
    // In any order, with entries of no file (plain objects) and gaps between the lines.
    StoredEntry.readBodies([entries[3], ENTRIES[1], undefined, entries[0], entries[2]]);
    // The file gone: what was read together still answers, as the entries it holds.
    rmSync(join(dir, 'entries.ndjson'));
    for (const at of [0, 2, 3]) expect(entries[at]!.toEntry()).toEqual({ ...ENTRIES[at]!, packId: 'p' });
    expect(log).not.toHaveBeenCalled();
    // Not read together: read alone, and (the file gone) reported.
    expect(entries[1]!.definition).toBe('');
    expect(log).toHaveBeenCalled();
  });

  it('leaves a line that is not the entry asked for to the single read, which reports it', () => {
    const { catalog, file, log } = stored();
    const entries = entriesOf({ ...catalog, ids: [catalog.ids[1]!, catalog.ids[0]!, ...catalog.ids.slice(2)] }, file);
    StoredEntry.readBodies(entries);
    expect(log).not.toHaveBeenCalled();
    // The single read finds the mismatch and reads the whole file instead.
    expect(entries[0]!.definition).toBe(ENTRIES[1]!.definition);
    expect(log).toHaveBeenCalledOnce();
  });

  it('is refused when it does not describe the entries file', () => {
    const { text, catalog } = stored();
    const size = Buffer.byteLength(text);
    const json = formatCatalog(catalog);
    const parse =
      (value: string, entriesSize = size, entryCount = 4) =>
      () =>
        parseCatalog(value, { entriesSize, entryCount });
    expect(parse('{"format":1,')).toThrow('not valid JSON');
    expect(parse(json.replace('"format":1', '"format":9'))).toThrow('unknown format');
    expect(parse(json, size + 1)).toThrow('another version');
    expect(parse(json, size, 5)).toThrow('does not list every entry');
    expect(parse(formatCatalog({ ...catalog, ids: ['p--bank', 'p--bank', 'p--cafe', 'p--ramon'] }))).toThrow(
      'invalid id',
    );
    expect(parse(formatCatalog({ ...catalog, ids: ['P B', ...catalog.ids.slice(1)] }))).toThrow('invalid id');
    expect(parse(formatCatalog({ ...catalog, starts: [0, 0, ...catalog.starts.slice(2)] }))).toThrow('invalid offset');
    expect(parse(formatCatalog({ ...catalog, ends: [...catalog.ends.slice(0, 3), size + 5] }))).toThrow(
      'invalid offset',
    );
    expect(parse(formatCatalog({ ...catalog, titles: ['', ...catalog.titles.slice(1)] }))).toThrow('no title');
  });

  it('checks a sample of lines against the entries file', () => {
    const { catalog, file } = stored();
    expect(() => file.verifySample(catalog)).not.toThrow();
    const swapped = { ...catalog, ids: [catalog.ids[1]!, catalog.ids[0]!, ...catalog.ids.slice(2)] };
    expect(() => file.verifySample(swapped)).toThrow('does not match');
  });

  it('is never trusted for a body: a line that is not the entry reads the whole file and drops the catalog', () => {
    const { dir, catalog, file, log } = stored();
    // Same size, entries in another order: the offsets now point at other entries.
    const reordered = formatEntriesWithCatalog([ENTRIES[1]!, ENTRIES[0]!, ENTRIES[2]!, ENTRIES[3]!]).text;
    writeFileSync(join(dir, 'entries.ndjson'), reordered);
    const entries = entriesOf(catalog, file);
    expect(entries[2]!.sections).toEqual(ENTRIES[2]!.sections);
    expect(entries[0]!.definition).toBe(ENTRIES[0]!.definition);
    expect(entries[1]!.toEntry().aliases).toEqual(['Banque', 'Bänk']);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('does not match'), expect.anything());
    expect(existsSync(join(dir, 'catalog.json'))).toBe(false);
  });

  it('names the damaged line of an entries file it is made from', () => {
    const text = `${formatEntriesWithCatalog(ENTRIES.slice(0, 2)).text}\n{"id": "p--x", "title":\n`;
    expect(() => catalogFromEntriesFile(Buffer.from(text), 'p')).toThrow('its entries file is damaged at line 4');
  });
});
