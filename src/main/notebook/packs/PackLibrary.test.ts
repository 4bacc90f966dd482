import { promises as fs, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import type { DraftEntry, ParsedSource } from './DraftEntry';
import { PackImportError } from './PackImportError';
import { BUILT_IN_PACK_ID, namesOf, PackLibrary } from './PackLibrary';
import { readPackSource } from './readPackSource';
import { nameKeysOf, type NameKeys } from '../titles/NameKeys';

const dirs = tempDirs();
afterEach(() => {
  vi.restoreAllMocks();
  dirs.cleanup();
});

const draft = (title: string, definition = `${title} is defined here.`, line = 2): DraftEntry => ({
  title,
  aliases: [],
  definition,
  sections: [],
  tags: [],
  source: `words.tsv, line ${line}`,
  editorialTitle: false,
  at: { line },
});

function parsed(entries: DraftEntry[], fields: Partial<ParsedSource> = {}): ParsedSource {
  return {
    format: 'tsv',
    encoding: 'utf-8',
    encodingDetected: true,
    columns: [],
    entries,
    problems: [],
    suggestedName: 'words',
    ...fields,
  };
}

const target = { sourceHash: 'h1', sourceName: 'words.tsv' };

describe('PackLibrary', () => {
  it('stores a pack as a manifest and one entries file, and lists its entries with the others by title', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir, now: () => new Date('2026-01-02T03:04:05Z') });
    const result = await library.importPack(
      parsed([draft('Zeta'), draft('bank', 'A river side.'), draft('Bank', 'A money house.')]),
      {
        ...target,
        name: 'My Dictionary',
      },
    );
    expect(result.pack).toEqual({
      id: 'my-dictionary',
      name: 'My Dictionary',
      source: { name: 'words.tsv', format: 'tsv' },
      entryCount: 3,
      skippedCount: 0,
      importedAt: '2026-01-02T03:04:05.000Z',
      hidden: false,
      builtIn: false,
    });
    expect(readdirSync(dir)).toEqual(['my-dictionary']);
    expect(readdirSync(join(dir, 'my-dictionary')).sort()).toEqual([
      'catalog.json',
      'entries.ndjson',
      'manifest.json',
      'names.json',
    ]);
    expect(
      readFileSync(join(dir, 'my-dictionary', 'entries.ndjson'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(3);
    expect(library.entries().map((e) => [e.id, e.title, e.packId])).toEqual([
      ['my-dictionary--bank', 'bank', 'my-dictionary'],
      ['my-dictionary--bank-2', 'Bank', 'my-dictionary'],
      ['my-dictionary--zeta', 'Zeta', 'my-dictionary'],
    ]);

    // A second start reads the same, two files per pack however many entries it has.
    const reads = vi.spyOn(fs, 'readFile');
    const again = await PackLibrary.open({ dir });
    expect(again.entries()).toEqual(library.entries());
    expect(again.list()).toEqual(library.list());
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('reads a large pack at start-up from its two files, not one per entry', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    const many = Array.from({ length: 5000 }, (_, i) => draft(`Term ${i % 1000}`, `Sense ${i}.`, i + 2));
    await library.importPack(parsed(many), target);
    const opened = vi.spyOn(fs, 'open');
    const reads = vi.spyOn(fs, 'readFile');
    const again = await PackLibrary.open({ dir });
    expect(again.entries()).toHaveLength(5000);
    expect(reads.mock.calls.length + opened.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('lists left-out rows with their lines, and refuses a source with no entry without writing anything', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    const result = await library.importPack(
      parsed([draft('Good'), draft('', 'orphan definition', 5), draft('Empty', ' ', 9)], {
        problems: [{ line: 3, reason: 'a quote is never closed' }],
      }),
      target,
    );
    expect(result.pack.entryCount).toBe(1);
    expect(result.problems).toEqual([
      { line: 3, reason: 'a quote is never closed' },
      { line: 5, reason: 'no term' },
      { line: 9, reason: 'no definition for “Empty”' },
    ]);
    expect(result.pack.skippedCount).toBe(3);

    const error = await library.importPack(parsed([draft('', 'x', 2)]), target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackImportError);
    expect((error as Error).message).toBe('No entry could be read from words.tsv: line 2: no term');
    expect(readdirSync(dir)).toEqual(['words']);
    expect(library.list()).toHaveLength(1);
  });

  it('re-imports keeping the ids of unchanged terms, the name and hidden state, all or nothing', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    const { pack } = await library.importPack(parsed([draft('Cell'), draft('Axon'), draft('Gone')]), target);
    await library.rename(pack.id, 'Neuro words');
    const before = new Map(library.entries().map((e) => [e.title, e.id]));

    // A failure while the new version is switched in leaves the old one whole.
    const rename = vi.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(
      library.importPack(parsed([draft('Cell', 'New text.')]), { ...target, replace: pack.id }),
    ).rejects.toThrow('EIO');
    rename.mockRestore();
    expect(readdirSync(dir)).toEqual(['words']);
    expect((await PackLibrary.open({ dir })).entries().map((e) => e.title)).toEqual(['Axon', 'Cell', 'Gone']);

    const result = await library.importPack(parsed([draft('cell', 'New text.'), draft('Axon'), draft('Dendrite')]), {
      ...target,
      replace: pack.id,
    });
    expect(result.keptIds).toBe(2);
    expect(result.pack.name).toBe('Neuro words');
    expect(library.entries().map((e) => [e.title, e.id])).toEqual([
      ['Axon', before.get('Axon')],
      ['cell', before.get('Cell')],
      ['Dendrite', 'words--dendrite'],
    ]);
    expect(readdirSync(dir)).toEqual(['words']);
  });

  it('hides a pack without reading it at start-up, shows it again, and removes it', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    const { pack } = await library.importPack(parsed([draft('Cell')]), target);
    expect((await library.setHidden(pack.id, true)).hidden).toBe(true);
    expect(library.entries()).toEqual([]);
    expect(library.entry('words--cell')).toBeUndefined();

    const reads = vi.spyOn(fs, 'readFile');
    const reopened = await PackLibrary.open({ dir });
    expect(reads.mock.calls.map(([path]) => String(path).replace(/^.*[/\\]/, ''))).toEqual(['manifest.json']);
    expect(reopened.list()[0]).toMatchObject({ id: 'words', hidden: true, entryCount: 1 });

    await reopened.setHidden(pack.id, false);
    expect(reopened.entry('words--cell')?.title).toBe('Cell');
    await reopened.remove(pack.id);
    expect(reopened.list()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    await expect(reopened.remove(pack.id)).rejects.toThrow('There is no reference pack “words”.');
  });

  it('gives packs with the same name their own ids, and ids that never meet', async () => {
    const library = await PackLibrary.open({ dir: join(dirs.make(), 'packs') });
    const a = await library.importPack(parsed([draft('Cell')]), { ...target, name: 'Bio' });
    const b = await library.importPack(parsed([draft('Cell')]), { ...target, name: 'Bio' });
    expect([a.pack.id, b.pack.id]).toEqual(['bio', 'bio-2']);
    expect(library.entries().map((e) => e.id)).toEqual(['bio--cell', 'bio-2--cell']);
  });

  it('finishes or undoes an import a crash cut short, and lists a damaged pack without stopping', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    await library.importPack(parsed([draft('Cell')]), target);
    await library.importPack(parsed([draft('Axon')]), { ...target, name: 'other' });
    // A crash between moving the old version aside and renaming the new one in…
    await fs.rename(join(dir, 'words'), join(dir, '.words.previous-abc123'));
    // …and one while a new pack was being written.
    mkdirSync(join(dir, '.half.staging-XyZ123'));
    writeFileSync(join(dir, '.half.staging-XyZ123', 'entries.ndjson'), '{"id":');
    writeFileSync(join(dir, 'other', 'entries.ndjson'), '{"id": "other--axon", "title":');

    const log = vi.fn();
    const reopened = await PackLibrary.open({ dir, log });
    expect(readdirSync(dir).sort()).toEqual(['other', 'words']);
    expect(reopened.entries().map((e) => e.title)).toEqual(['Cell']);
    expect(reopened.pack('other')).toMatchObject({ problem: 'its entries file is damaged at line 1' });
    expect(log).toHaveBeenCalled();
  });

  it('starts from the catalog without parsing the entries, and reads a body when asked', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    await library.importPack(parsed([draft('Cell', 'A unit of life.'), draft('Axon')]), target);

    const reads = vi.spyOn(fs, 'readFile');
    const reopened = await PackLibrary.open({ dir });
    const names = reads.mock.calls.map(([path]) => String(path).replace(/^.*[/\\]/, ''));
    expect(names.sort()).toEqual(['catalog.json', 'manifest.json']);
    expect(reopened.entries().map((e) => e.title)).toEqual(['Axon', 'Cell']);
    expect(reopened.entry('words--cell')?.definition).toBe('A unit of life.');
  });

  it('makes the catalog again when it is missing, damaged or not of these entries, never trusting it', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    await library.importPack(parsed([draft('Cell', 'A unit of life.'), draft('Axon', 'A long fibre.')]), target);
    const catalogPath = join(dir, 'words', 'catalog.json');
    const good = readFileSync(catalogPath, 'utf8');
    const damaged = [
      '',
      '{"format":1,"entriesSize":',
      good.replace('"words--axon"', '"words--cell"'),
      good.replace('"Axon"', '"Other"').replace('"words--axon","words--cell"', '"words--cell","words--axon"'),
    ];
    for (const text of [null, ...damaged]) {
      if (text === null) await fs.rm(catalogPath);
      else writeFileSync(catalogPath, text);
      const log = vi.fn();
      const reopened = await PackLibrary.open({ dir, log });
      expect(reopened.entries().map((e) => [e.id, e.title, e.definition])).toEqual([
        ['words--axon', 'Axon', 'A long fibre.'],
        ['words--cell', 'Cell', 'A unit of life.'],
      ]);
      expect(readFileSync(catalogPath, 'utf8')).toBe(good);
      expect(log).toHaveBeenCalledTimes(text === null ? 0 : 1);
    }
  });

  it('makes the name keys once, stores them, and reads them at the next start unless they are not of these entries', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir, builtIn: () => readPackSource(SHIPPED_GLOSSARY) });
    await library.importPack(
      parsed([draft('Cell', 'A unit of life.'), draft('Axon'), { ...draft('Bank'), aliases: ['Riverside'] }]),
      target,
    );
    // Over the merged list of both packs, as if folded and sorted at once.
    const expected = () => {
      const all = library.entries();
      return nameKeysOf(all.length, (at) => namesOf(all[at]!));
    };
    const plain = (keys: NameKeys | null) =>
      keys && { ...keys, keys: [...keys.keys], owners: [...keys.owners], flags: [...keys.flags] };
    expect(library.nameKeys()).toBeNull();
    expect(plain(await library.loadNameKeys())).toEqual(plain(expected()));
    expect(library.nameKeys()).toBe(await library.loadNameKeys());
    await library.idle();
    const path = join(dir, 'words', 'names.json');
    const good = readFileSync(path, 'utf8');

    const reads = vi.spyOn(fs, 'readFile');
    const quiet = vi.fn();
    const reopened = await PackLibrary.open({ dir, log: quiet, builtIn: () => readPackSource(SHIPPED_GLOSSARY) });
    const stamp = statSync(path).mtimeMs;
    expect(plain(await reopened.loadNameKeys())).toEqual(plain(expected()));
    await reopened.idle();
    // Read, found good, not made again.
    expect(reads.mock.calls.map(([file]) => String(file))).toContain(path);
    expect(quiet).not.toHaveBeenCalled();
    expect(statSync(path).mtimeMs).toBe(stamp);

    const parsedGood = JSON.parse(good) as { keys: string[]; owners: string };
    const ownerCount = Buffer.from(parsedGood.owners, 'base64').length / 4;
    const damaged = [
      '{"format":1,',
      good.replace(/"format":\d+/, '"format":0'),
      JSON.stringify({ ...JSON.parse(good), entriesSize: 1 }),
      // Keys of other names (the folding changed, say): found by folding a sample again.
      JSON.stringify({ ...JSON.parse(good), keys: parsedGood.keys.map((key) => (key === 'cell' ? 'celk' : key)) }),
      JSON.stringify({
        ...JSON.parse(good),
        owners: Buffer.from(new Int32Array(ownerCount).fill(99).buffer).toString('base64'),
      }),
      JSON.stringify({ ...JSON.parse(good), owners: parsedGood.owners.slice(0, 6) }),
      JSON.stringify({ ...JSON.parse(good), owners: [1, 2] }),
      JSON.stringify({ ...JSON.parse(good), keys: [...parsedGood.keys].reverse() }),
    ];
    for (const text of damaged) {
      writeFileSync(path, text);
      const log = vi.fn();
      const again = await PackLibrary.open({ dir, log, builtIn: () => readPackSource(SHIPPED_GLOSSARY) });
      expect(plain(await again.loadNameKeys())).toEqual(plain(expected()));
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining('name keys of the reference pack words'),
        expect.any(Error),
      );
      await again.idle();
      expect(readFileSync(path, 'utf8')).toBe(good);
    }
  });

  it('drops name keys being made when the entries change meanwhile', async () => {
    const dir = join(dirs.make(), 'packs');
    const library = await PackLibrary.open({ dir });
    await library.importPack(parsed([draft('Cell'), draft('Axon')]), target);
    // The stored keys' file is looked for first: held there until the other import is in.
    let release = () => undefined as void;
    const stat = fs.stat.bind(fs);
    vi.spyOn(fs, 'stat').mockImplementation(async (path, ...rest) => {
      if (String(path).endsWith('names.json')) await new Promise<void>((resolve) => (release = resolve));
      return stat(path, ...(rest as []));
    });
    const loading = library.loadNameKeys();
    await library.importPack(parsed([draft('Dendrite')]), { ...target, name: 'more' });
    release();
    expect(await loading).toBeNull();
    vi.restoreAllMocks();
    const keys = await library.loadNameKeys();
    expect(keys?.count).toBe(3);
  });

  describe('the built-in pack', () => {
    const shipped = () => readPackSource(SHIPPED_GLOSSARY);

    it('is seeded from the shipped glossary’s sources with the ids its entries always had', async () => {
      const dir = join(dirs.make(), 'packs');
      const library = await PackLibrary.open({ dir, builtIn: shipped });
      expect(library.list()).toEqual([
        expect.objectContaining({ id: BUILT_IN_PACK_ID, name: 'Neurochemistry', builtIn: true, entryCount: 5 }),
      ]);
      expect(library.entries().map((e) => e.id)).toEqual([
        'gaba-glutamate-ratio',
        'neurochemical-balance-state',
        'neurotransmitter-balance-metrics',
        'neurotransmitter-balance-science',
        'optimized-neurotransmitter-balance',
      ]);
      await expect(library.remove(BUILT_IN_PACK_ID)).rejects.toThrow(/ships with the app and cannot be removed/);
      await expect(library.importPack(parsed([draft('X')]), { ...target, replace: BUILT_IN_PACK_ID })).rejects.toThrow(
        /updated with it/,
      );
    });

    it('is not rewritten while its sources are unchanged, and updated (ids, name and hidden kept) when they change', async () => {
      const base = dirs.make();
      const sources = join(base, 'sources');
      await fs.cp(SHIPPED_GLOSSARY, sources, { recursive: true });
      const dir = join(base, 'packs');
      const first = await PackLibrary.open({ dir, builtIn: () => readPackSource(sources) });
      await first.rename(BUILT_IN_PACK_ID, 'Brain chemistry');
      const manifest = readFileSync(join(dir, BUILT_IN_PACK_ID, 'manifest.json'), 'utf8');
      await PackLibrary.open({ dir, builtIn: () => readPackSource(sources) });
      expect(readFileSync(join(dir, BUILT_IN_PACK_ID, 'manifest.json'), 'utf8')).toBe(manifest);

      const page = join(sources, '002_ff0cfc8c2bdff7b5.txt');
      writeFileSync(
        page,
        readFileSync(page, 'utf8').replace('Origin', 'A second paragraph of the definition.\nOrigin'),
      );
      const updated = await PackLibrary.open({ dir, builtIn: () => readPackSource(sources) });
      expect(updated.list()[0]).toMatchObject({ name: 'Brain chemistry' });
      expect(updated.entry('neurochemical-balance-state')?.definition).toMatch(
        /A second paragraph of the definition\.$/,
      );
    });

    it('stops the start of a broken install that has no earlier copy, and keeps the earlier copy otherwise', async () => {
      const base = dirs.make();
      const dir = join(base, 'packs');
      const missing = () => readPackSource(join(base, 'nowhere'));
      await expect(PackLibrary.open({ dir, builtIn: missing })).rejects.toThrow(/does not exist/);
      await PackLibrary.open({ dir, builtIn: shipped });
      const library = await PackLibrary.open({ dir, builtIn: missing, log: () => undefined });
      expect(library.entries()).toHaveLength(5);
    });
  });
});
