import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndexStatus, SearchResults } from '@shared/domain/search';
import { tokenize } from '@shared/search/tokenize';
import { fold, FOLD_VERSION } from '@shared/text/fold';
import { openNotebook, type NotebookService } from '../openNotebook';
import { vaultStateDir } from '../workspace/vaultStateDir';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import { CACHE_FILE_NAME } from './indexCache';
import { readVaultNote, type NoteReader } from './IndexerCore';
import type { IndexerHost } from './IndexerClient';
import { FIXTURE_VAULT, openFixtureNotebook } from './testing/fixtureVault';
import { BUILT_WORKER, createSourceWorker } from './testing/sourceWorker';

/** Every highlight covers whole words that fold to one of the hit's terms. */
function expectHighlightsOnTerms(results: SearchResults): void {
  for (const hit of results.hits) {
    const terms = new Set(hit.terms);
    for (const snippet of hit.snippets) {
      for (const [start, end] of snippet.highlights) {
        expect(start).toBeLessThan(end);
        const words = tokenize(snippet.text.slice(start, end)).map((t) => t.term);
        expect(
          words.some((w) => terms.has(w)),
          `${snippet.text.slice(start, end)} in ${hit.title}`,
        ).toBe(true);
        // Never a piece of a word.
        expect(/[\p{L}\p{N}]/u.test(snippet.text[start - 1] ?? ' ')).toBe(false);
        expect(/[\p{L}\p{N}]/u.test(snippet.text[end] ?? ' ')).toBe(false);
      }
    }
  }
}

describe('search over the fixture vault', () => {
  let service: NotebookService;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ service, cleanup } = await openFixtureNotebook());
  });
  afterAll(async () => cleanup());

  it('finds glossary entries and notes, labelled, with highlighted snippets and the terms to highlight', async () => {
    const results = await service.search({ query: 'glutamate' });
    expect(results.status.state).toBe('ready');
    expect(results.total).toBeGreaterThanOrEqual(results.hits.length);
    const kinds = new Set(results.hits.map((hit) => hit.kind));
    expect(kinds).toEqual(new Set(['entry', 'note']));
    const entry = results.hits.find((hit) => hit.kind === 'entry')!;
    expect(entry).toMatchObject({ folder: '', ref: { kind: 'entry' } });
    const note = results.hits.find((hit) => hit.title === 'Glutamate Excitotoxicity')!;
    expect(note).toMatchObject({ folder: 'Neuro', ref: { kind: 'note', path: 'Neuro/Glutamate Excitotoxicity.md' } });
    expect(note.terms).toContain('glutamate');
    expect(note.snippets.length).toBeGreaterThan(0);
    expect(note.snippets[0]!.highlights.length).toBeGreaterThan(0);
    // Snippets are plain text: no Markdown markers, no front matter.
    for (const snippet of note.snippets) expect(snippet.text).not.toMatch(/^#|\[\[|\*\*|^---/);
    expectHighlightsOnTerms(results);
  });

  it('tolerates typos but highlights the closest words only', async () => {
    const results = await service.search({ query: 'glutamte' });
    expect(results.hits[0]!.terms).toEqual(['glutamate']);
    expectHighlightsOnTerms(results);
  });

  it('forgives other word forms and typos, and highlights what matched them', async () => {
    const results = await service.search({ query: 'releasing neurotransmiters' });
    const entry = results.hits.find((hit) => hit.title === 'Neurotransmitter Balance Science');
    expect(entry, results.hits.map((hit) => hit.title).join(' | ')).toBeDefined();
    expect(results.hits.indexOf(entry!)).toBeLessThan(3);
    expect(entry!.terms).toEqual(expect.arrayContaining(['release', 'neurotransmitters']));
    const lit = entry!.snippets.flatMap((snippet) =>
      snippet.highlights.map(([start, end]) => fold(snippet.text.slice(start, end))),
    );
    expect(lit).toContain('release');
    expect(entry!.missing).toBeUndefined();
    expectHighlightsOnTerms(results);
  });

  it('shows the closest matches when no document has every word, each saying what it lacks', async () => {
    const results = await service.search({ query: 'glutamate zzyzxq' });
    expect(results.hits.length).toBeGreaterThan(0);
    for (const hit of results.hits) expect(hit.missing).toEqual(['zzyzxq']);
  });

  it('highlights every word of a phrase and keeps only documents holding it', async () => {
    const results = await service.search({ query: '"synaptic cleft"' });
    expect(results.hits.map((h) => h.title).sort()).toEqual([
      'Neurotransmitter Balance Metrics',
      'SSRIs',
      'Synaptic Transmission',
    ]);
    for (const hit of results.hits) {
      const snippet = hit.snippets[0]!;
      const lit = snippet.highlights.map(([s, e]) => fold(snippet.text.slice(s, e)));
      expect(lit).toEqual(expect.arrayContaining(['synaptic', 'cleft']));
    }
  });

  it('applies scope and tag filters, from the query or the scope argument', async () => {
    const glossary = await service.search({ query: 'balance in:glossary' });
    expect(glossary.hits.length).toBeGreaterThan(0);
    expect(glossary.hits.every((hit) => hit.kind === 'entry')).toBe(true);
    const notes = await service.search({ query: 'balance', scope: 'notes' });
    expect(notes.hits.every((hit) => hit.kind === 'note')).toBe(true);
    const tagged = await service.search({ query: 'tag:pharmacology' });
    expect(tagged.hits.map((h) => h.title).sort()).toEqual([
      'Benzodiazepines',
      'GABA Receptors',
      'Receptor Agonists and Antagonists',
      'SSRIs',
    ]);
    const inline = await service.search({ query: '#exam-topic' });
    expect(inline.hits.map((h) => h.title).sort()).toEqual(['Action Potential', 'Exam Plan']);
  });

  it('answers malformed and operator-only queries without failing', async () => {
    for (const query of ['', '   ', '-', 'OR', '"', '""', '- OR "', 'AND', '"unclosed phr', 'in:', 'tag:', '((']) {
      const results = await service.search({ query });
      expect(results.total).toBeGreaterThanOrEqual(results.hits.length);
    }
    expect((await service.search({ query: '"synaptic cl' })).hits.length).toBeGreaterThan(0);
  });

  it('never fails, whatever the query (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('all' as const, 'glossary' as const, 'notes' as const),
        async (query, scope) => {
          const results = await service.search({ query, scope, limit: 3 });
          expect(results.hits.length).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('switches by title, alias, word prefixes, letters in order and typos, with highlights', async () => {
    const title = (items: Awaited<ReturnType<NotebookService['quickSwitch']>>) => items.map((i) => i.title);
    expect(title(await service.quickSwitch({ query: 'krebs' }))[0]).toBe('Krebs Cycle');
    const tca = (await service.quickSwitch({ query: 'tca' }))[0]!;
    expect(tca).toMatchObject({ title: 'Krebs Cycle', matchedAlias: 'TCA cycle', highlights: [[0, 3]] });
    const ggr = (await service.quickSwitch({ query: 'ggr' }))[0]!;
    expect(ggr.title).toBe('GABA Glutamate Ratio');
    expect(ggr.highlights).toEqual([
      [0, 1],
      [5, 6],
      [15, 16],
    ]);
    expect(title(await service.quickSwitch({ query: 'neuroplastcity' }))[0]).toBe('Neuroplasticity');
    expect(title(await service.quickSwitch({ query: 'long pot' }))[0]).toBe('Long-Term Potentiation');
    expect(await service.quickSwitch({ query: 'qqqqzzz' })).toEqual([]);
  });

  it('lists recently opened documents first for an empty query, then recent notes', async () => {
    await service.updateWorkspaceState({
      patch: {
        recent: [
          { kind: 'entry', id: 'gaba-glutamate-ratio' },
          { kind: 'note', path: 'Biology/Glycolysis.md' },
          { kind: 'note', path: 'Gone/Deleted.md' },
        ],
      },
    });
    const items = await service.quickSwitch({ query: '', limit: 5 });
    expect(items.map((i) => i.title).slice(0, 2)).toEqual(['GABA Glutamate Ratio', 'Glycolysis']);
    expect(items).toHaveLength(5);
    expect(items.slice(2).every((i) => i.kind === 'note')).toBe(true);
  });
});

describe('search keeps up with the vault', () => {
  let service: NotebookService;
  let vaultPath: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ service, vaultPath, cleanup } = await openFixtureNotebook());
  });
  afterAll(async () => cleanup());

  const titles = async (query: string) => (await service.search({ query })).hits.map((h) => h.title);

  it('finds a note right after it is created, saved, renamed or deleted in the app', async () => {
    const created = await service.createNote({ title: 'Zyxomorph Notes', content: 'All about the quokkabrain.' });
    expect(await titles('quokkabrain')).toEqual(['Zyxomorph Notes']);
    const saved = await service.saveNote({
      path: created.path,
      content: 'Now about the wombatcortex instead.',
      baseVersion: created.version,
    });
    expect(saved.status).toBe('saved');
    expect(await titles('quokkabrain')).toEqual([]);
    expect(await titles('wombatcortex')).toEqual(['Zyxomorph Notes']);
    await service.renameNote({ path: created.path, title: 'Renamed Zyx' });
    expect(await titles('wombatcortex')).toEqual(['Renamed Zyx']);
    expect((await service.quickSwitch({ query: 'renamed zyx' }))[0]!.title).toBe('Renamed Zyx');
    await service.deleteNote({ path: 'Renamed Zyx.md' });
    expect(await titles('wombatcortex')).toEqual([]);
    expect(await service.quickSwitch({ query: 'renamed zyx' })).toEqual([]);
  });

  it('picks up changes made by other programs', async () => {
    writeFileSync(join(vaultPath, 'Biology', 'Outside.md'), '# Outside\n\nWritten by another editor: platypusgland.');
    await (await service.vault()).rescan();
    expect(await titles('platypusgland')).toEqual(['Outside']);
    rmSync(join(vaultPath, 'Biology', 'Outside.md'));
    await (await service.vault()).rescan();
    expect(await titles('platypusgland')).toEqual([]);
  });
});

/** Reads notes one at a time, each after a delay, recording which. */
function slowReader(delayMs: number, counter?: { reads: string[] }): NoteReader {
  let turn: Promise<unknown> = Promise.resolve();
  return (root, path) => {
    counter?.reads.push(path);
    const read = turn.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return readVaultNote(root, path);
    });
    turn = read.catch(() => undefined);
    return read;
  };
}

describe('the index builds in the background and is cached', () => {
  const dirs = tempDirs();
  afterAll(() => dirs.cleanup());

  async function open(host: IndexerHost, base: string): Promise<NotebookService> {
    return openNotebook(
      {
        vaultPath: join(base, 'vault'),
        glossaryDir: SHIPPED_GLOSSARY,
        stateDir: join(base, 'state'),
        host: 'web',
        appVersion: '0.0.0-test',
      },
      { watch: { pollIntervalMs: 0 }, searchHost: host, log: () => undefined },
    );
  }

  function freshVault(): string {
    const base = dirs.make('search-cache-');
    cpSync(FIXTURE_VAULT, join(base, 'vault'), { recursive: true });
    return base;
  }

  it('answers from the glossary at once and reports progress until every note is indexed', async () => {
    const base = freshVault();
    // The vault's notes known from its metadata cache, the search index's cache gone: the
    // indexer reads every note itself (on a first start the notes reach it as the vault reads them).
    const first = await open({ kind: 'inline' }, base);
    await (await first.searchService()).whenReady();
    await first.close();
    rmSync(join(vaultStateDir(join(base, 'state'), join(base, 'vault')), CACHE_FILE_NAME));
    const statuses: IndexStatus[] = [];
    const service = await open({ kind: 'inline', readNote: slowReader(15) }, base);
    service.events.on('index-status', (status) => statuses.push(status));
    try {
      const early = await service.search({ query: 'gaba glutamate ratio' });
      expect(early.status.state).toBe('building');
      expect(early.hits[0]!.ref).toEqual({ kind: 'entry', id: 'gaba-glutamate-ratio' });
      expect((await service.getIndexStatus()).state).toBe('building');
      await (await service.searchService()).whenReady();
      const status = await service.getIndexStatus();
      // Notes counted as notes, the glossary's entries apart ("n of N notes" means the user's notes).
      expect(status).toEqual({ state: 'ready', indexed: 44, total: 44, entries: { indexed: 5, total: 5 } });
      expect(statuses.at(-1)).toEqual(status);
      expect(statuses.some((s) => s.state === 'building' && s.indexed < s.total)).toBe(true);
      expect(statuses.every((s) => s.total === 44)).toBe(true);
      expect((await service.search({ query: 'krebs' })).hits[0]!.title).toBe('Krebs Cycle');
    } finally {
      await service.close();
    }
  });

  it('reloads the cache on the next start and reads only the notes that changed', async () => {
    const base = freshVault();
    const first = await open({ kind: 'inline' }, base);
    await (await first.searchService()).whenReady();
    await first.close();
    const cacheFile = join(vaultStateDir(join(base, 'state'), join(base, 'vault')), CACHE_FILE_NAME);
    expect(existsSync(cacheFile)).toBe(true);

    writeFileSync(join(base, 'vault', 'Biology', 'Glycolysis.md'), '# Glycolysis\n\nRewritten: echidnaferment.');
    writeFileSync(join(base, 'vault', 'New note.md'), 'Fresh: narwhalsynapse.');
    rmSync(join(base, 'vault', 'Biology', 'Photosynthesis.md'));
    const counter = { reads: [] as string[] };
    const second = await open({ kind: 'inline', readNote: slowReader(0, counter) }, base);
    try {
      await (await second.searchService()).whenReady();
      // The index loads from its cache for the versions the vault's metadata cache gives; the
      // vault's check against the disk then announces the two changed notes, which reach the
      // index as changes (read through the vault) before it says it is ready: the indexer
      // itself reads nothing.
      expect(counter.reads).toEqual([]);
      expect((await second.search({ query: 'echidnaferment' })).hits.map((h) => h.title)).toEqual(['Glycolysis']);
      expect((await second.search({ query: 'narwhalsynapse' })).hits.map((h) => h.title)).toEqual(['New note']);
      expect((await second.search({ query: 'photosynthesis calvin' })).hits).toEqual([]);
      expect((await second.search({ query: 'krebs' })).hits[0]!.title).toBe('Krebs Cycle');
    } finally {
      await second.close();
    }
  });

  it.each([
    ['garbage', () => Buffer.from('this is not an index at all')],
    ['empty', () => Buffer.alloc(0)],
    ['truncated', (valid: Buffer) => valid.subarray(0, Math.floor(valid.length / 2))],
    ['bit-flipped', (valid: Buffer) => Buffer.from(valid.map((b, i) => (i === valid.length - 10 ? b ^ 0xff : b)))],
    ['another format version', (valid: Buffer) => Buffer.from(valid.map((b, i) => (i === 8 ? b + 1 : b)))],
    [
      'another tokenizer',
      (valid: Buffer) => Buffer.from(valid.toString('latin1').replace('tokenizer 1', 'tokenizer 0'), 'latin1'),
    ],
    [
      'stale folding',
      (valid: Buffer) => Buffer.from(valid.toString('latin1').replace(`fold ${FOLD_VERSION};`, 'fold 0;'), 'latin1'),
    ],
  ])('rebuilds silently from a %s cache file and rewrites it', async (_name, damage) => {
    const base = freshVault();
    const first = await open({ kind: 'inline' }, base);
    await (await first.searchService()).whenReady();
    await first.close();
    const cacheFile = join(vaultStateDir(join(base, 'state'), join(base, 'vault')), CACHE_FILE_NAME);
    const valid = readFileSync(cacheFile);
    writeFileSync(cacheFile, damage(valid));
    const counter = { reads: [] as string[] };
    const logs: string[] = [];
    const second = await openNotebook(
      {
        vaultPath: join(base, 'vault'),
        glossaryDir: SHIPPED_GLOSSARY,
        stateDir: join(base, 'state'),
        host: 'web',
        appVersion: '0.0.0-test',
      },
      {
        watch: { pollIntervalMs: 0 },
        searchHost: { kind: 'inline', readNote: slowReader(0, counter) },
        log: (message) => logs.push(message),
      },
    );
    try {
      await (await second.searchService()).whenReady();
      expect(counter.reads).toHaveLength(44);
      expect((await second.search({ query: 'krebs' })).hits[0]!.title).toBe('Krebs Cycle');
      expect(logs.some((m) => /cache was (stale|corrupt)/.test(m))).toBe(true);
      await (await second.searchService()).flush();
      expect(readFileSync(cacheFile).subarray(0, 8).toString()).toBe('SNSEARCH');
    } finally {
      await second.close();
    }
  });

  it('runs the indexer in a worker thread (started from source)', async () => {
    const base = freshVault();
    let threadId = -1;
    const service = await open(
      {
        kind: 'worker',
        create: () => {
          const worker = createSourceWorker();
          threadId = worker.threadId;
          return worker;
        },
      },
      base,
    );
    try {
      await (await service.searchService()).whenReady();
      expect(threadId).toBeGreaterThan(0);
      const results = await service.search({ query: 'glutamte' });
      expect(results.hits.map((h) => h.kind)).toContain('entry');
      expect(results.hits.map((h) => h.title)).toContain('Glutamate Excitotoxicity');
      await service.saveNote({
        path: 'Inbox.md',
        content: 'capybarathalamus',
        baseVersion: (await service.readNote({ path: 'Inbox.md' })).version,
      });
      expect((await service.search({ query: 'capybarathalamus' })).hits.map((h) => h.title)).toEqual(['Inbox']);
    } finally {
      await service.close();
    }
    const cacheFile = join(vaultStateDir(join(base, 'state'), join(base, 'vault')), CACHE_FILE_NAME);
    expect(readFileSync(cacheFile).subarray(0, 8).toString()).toBe('SNSEARCH');
  });

  it('keeps searching when the worker keeps failing: restarts it, then indexes in this thread', async () => {
    const logs: string[] = [];
    let started = 0;
    const service = await openNotebook(
      {
        vaultPath: join(freshVault(), 'vault'),
        glossaryDir: SHIPPED_GLOSSARY,
        stateDir: join(dirs.make('search-state-'), 'state'),
        host: 'web',
        appVersion: '0.0.0-test',
      },
      {
        watch: { pollIntervalMs: 0 },
        searchHost: {
          kind: 'worker',
          create: () => {
            started++;
            return new Worker('throw new Error("broken worker")', { eval: true });
          },
        },
        log: (message) => logs.push(message),
      },
    );
    try {
      await (await service.searchService()).whenReady();
      expect(started).toBe(3);
      expect(logs.filter((m) => m === 'The search worker failed')).toHaveLength(3);
      expect((await service.search({ query: 'krebs' })).hits[0]!.title).toBe('Krebs Cycle');
    } finally {
      await service.close();
    }
  });

  it.skipIf(!existsSync(BUILT_WORKER))('runs the built worker (out/main/searchWorker.js)', async () => {
    const service = await open({ kind: 'worker', file: BUILT_WORKER }, freshVault());
    try {
      await (await service.searchService()).whenReady();
      expect((await service.search({ query: 'krebs' })).hits[0]!.title).toBe('Krebs Cycle');
    } finally {
      await service.close();
    }
  });
});
