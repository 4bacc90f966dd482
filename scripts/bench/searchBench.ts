/**
 * The search benchmark (issue: search). For generated vaults of 1,000, 10,000 and 50,000
 * notes (deterministic: generateVault, Zipf vocabulary, headings, links, tags), written to
 * a temporary folder once per size, it measures three engines side by side:
 *
 * - ours: the indexer exactly as it runs in the search worker (IndexerCore: reads the
 *   note files, extracts fields, indexes; answers parsed queries), called in-process so
 *   the timings are the engine's; one extra row times the typeahead queries through a
 *   real worker thread (postMessage round trip included);
 * - MiniSearch with default options (fields title and text, the whole note as text):
 *   default search options (OR, no prefix, no typos); a second column runs the same
 *   index with our query options (AND, last word as prefix, typos), to compare engines
 *   on equal semantics;
 * - a naive scan: `includes` of every lowercased query word over every note's
 *   lowercased text kept in memory.
 *
 * Per size it prints: index build time; cache load time (ours: its binary cache, the
 * notes unchanged; MiniSearch: loadJSON of its JSON); index memory against the raw text
 * (heap delta with global.gc, typed-array buffers included, after the build's garbage is
 * collected; each engine first builds a small warm-up vault, so the heap holds its compiled
 * code before the measurement starts and only the index is counted); update per save (p95 over 200 edits of random notes: the old version
 * removed, the new one extracted and indexed; on Linux without the time the thread waited
 * for a core, see coreWait.ts, with the wall-clock p95 on a row of its own); and query latency p50/p95 for a fixed mix
 * (one word, two words, typeahead prefixes of 2–5 characters, a phrase, a typo), with the
 * ratios against the naive scan. Targets: typeahead p95 ≤ 0.5× naive at 10,000 and
 * 50,000 notes; memory ≤ 3× raw text; cache load ≤ 0.3× build; update p95 ≤ 5 ms.
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/searchBench.ts [--sizes 1000,10000,50000] [--reps 7] [--json]
 * (global.gc is enabled automatically when node was not started with --expose-gc).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { parseQuery, type ParsedQuery } from '../../src/shared/search/parseQuery';
import { readFrontMatterFields, splitFrontMatter } from '../../src/shared/markdown/frontMatter';
import type { IndexSearchResult } from '../../src/main/notebook/search/FullTextIndex';
import { CACHE_FILE_NAME } from '../../src/main/notebook/search/indexCache';
import { IndexerCore, readVaultNote } from '../../src/main/notebook/search/IndexerCore';
import type { NoteMeta } from '../../src/main/notebook/search/indexDocs';
import type { FromIndexer, ToIndexer } from '../../src/main/notebook/search/indexerProtocol';
import { createSourceWorker } from '../../src/main/notebook/search/testing/sourceWorker';
import { versionOf } from '../../src/main/notebook/vault/noteVersion';
import { coreWaitMs, timeRun, type Timed } from './coreWait';
import { createRandom, generateVault, makeVocabulary, type GeneratedNote } from './generateVault';
import { formatTable, percentile, stringArgument } from './benchCli';

export interface SearchBenchOptions {
  /** Vault sizes. Default 1,000, 10,000 and 50,000 notes. */
  sizes?: number[];
  /** Timed runs of each query per engine (after one warm-up). Default 7 (at most 3 for MiniSearch with our options). */
  reps?: number;
  /** Edits timed for the update-per-save row. Default 200. */
  saves?: number;
  seed?: number;
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
}

/** One measurement at one vault size, for the three engines where it applies. */
export interface SearchBenchRow {
  size: number;
  name: string;
  unit: 'ms' | 'MB' | 'x';
  ours: number;
  minisearch?: number;
  /** MiniSearch's index queried with our options (AND, prefix, typos). */
  minisearchSameOptions?: number;
  naive?: number;
  /** The ratio the target is about, and the target it must not exceed. */
  ratio?: number;
  target?: number;
  ok?: boolean;
  detail?: string;
}

type Category = 'one word' | 'two words' | 'typeahead' | 'phrase' | 'typo';

interface BenchQuery {
  category: Category;
  text: string;
}

const CATEGORIES: Category[] = ['one word', 'two words', 'typeahead', 'phrase', 'typo'];
const MB = 1024 * 1024;

export async function run(options: SearchBenchOptions = {}): Promise<SearchBenchRow[]> {
  const gc = enableGc();
  const sizes = options.sizes ?? [1000, 10_000, 50_000];
  const reps = options.reps ?? 7;
  const saves = options.saves ?? 200;
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => undefined);
  const rows: SearchBenchRow[] = [];
  const base = mkdtempSync(join(tmpdir(), 'search-bench-'));
  try {
    await warmUp(base);
    for (const size of sizes) {
      log(`${size} notes: generating`);
      const notes = generateVault({ notes: size, seed, extraTargets: ['GABA Glutamate Ratio'] });
      const vaultPath = join(base, `vault-${size}`);
      for (const note of notes) {
        const abs = join(vaultPath, ...note.path.split('/'));
        mkdirSync(dirname(abs), { recursive: true });
        writeFileSync(abs, note.content);
      }
      const rawBytes = notes.reduce((sum, note) => sum + Buffer.byteLength(note.content), 0);
      const metas = notes.map((note) => metaOf(note));
      const queries = queryMix(notes, seed);
      const push = (row: Omit<SearchBenchRow, 'size'>) => rows.push({ size, ...row });
      push({ name: 'raw text', unit: 'MB', ours: rawBytes / MB, detail: `${size} notes` });

      // The same edits for every engine: random notes get a sentence appended.
      const random = createRandom(seed + 7);
      const edits = Array.from({ length: saves }, (_, i) => ({
        index: Math.floor(random() * notes.length),
        line: `\nEdit ${i}: revised cortex plasticity note.\n`,
      }));
      const parsed = queries.map((q) => parseQuery(q.text));
      // Engines run one after another, each on a collected heap with the others released,
      // so none pays for another's memory or garbage.

      // ---- ours -------------------------------------------------------------------------
      log(`${size} notes: our index`);
      const cachePath = join(base, `cache-${size}`, CACHE_FILE_NAME);
      mkdirSync(dirname(cachePath), { recursive: true });
      const heapBefore = await heapNow(gc);
      let started = performance.now();
      const ours = await startCore(vaultPath, metas, cachePath);
      const buildMs = performance.now() - started;
      const oursMemory = (await heapNow(gc)) - heapBefore;
      await ours.flush();
      started = performance.now();
      const reloaded = await startCore(vaultPath, metas, cachePath);
      const loadMs = performance.now() - started;
      if (reloaded.status.indexed !== size) throw new Error('the cache did not hold every note');
      await reloaded.dispose();
      const contents = notes.map((note) => note.content);
      const oursUpdates = edits.map(({ index, line }) => {
        contents[index] += line;
        const path = notes[index]!.path;
        const upsert = { ...metaOf({ path, content: contents[index]! }), text: contents[index]! };
        return timeRun(() => ours.apply(upsert));
      });
      log(`${size} notes: our queries`);
      await heapNow(gc);
      const oursTimes = timeQueries(queries, reps, (i) => ours.search(parsed[i]!));
      await ours.dispose();
      log(`${size} notes: worker round trips`);
      const worker = await startWorker(vaultPath, metas, cachePath);
      const typeahead = queries.map((q, i) => ({ q, i })).filter(({ q }) => q.category === 'typeahead');
      const workerTimes: number[] = [];
      for (let r = 0; r <= reps; r++) {
        for (const { i } of typeahead) {
          const start = performance.now();
          await worker.search(parsed[i]!);
          if (r > 0) workerTimes.push(performance.now() - start);
        }
      }
      await worker.close();

      // ---- MiniSearch with default options ------------------------------------------------
      log(`${size} notes: MiniSearch`);
      const msBefore = await heapNow(gc);
      started = performance.now();
      let mini: MiniSearch | null = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'] });
      mini.addAll(notes.map((note, id) => ({ id, title: titleOf(note.path), text: note.content })));
      const msBuildMs = performance.now() - started;
      const msMemory = (await heapNow(gc)) - msBefore;
      let json: string | null = JSON.stringify(mini);
      started = performance.now();
      MiniSearch.loadJSON(json, { fields: ['title', 'text'], storeFields: ['title'] });
      const msLoadMs = performance.now() - started;
      json = null;
      const msContents = notes.map((note) => note.content);
      const msUpdates = edits.map(({ index, line }) => {
        msContents[index] += line;
        return timeRun(() => {
          mini!.discard(index);
          mini!.add({ id: index, title: titleOf(notes[index]!.path), text: msContents[index]! });
        });
      });
      log(`${size} notes: MiniSearch queries`);
      await heapNow(gc);
      const msTimes = timeQueries(queries, reps, (i) => mini!.search(queries[i]!.text).length);
      const sameOptions = {
        combineWith: 'AND' as const,
        prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
        fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : false),
      };
      await heapNow(gc);
      const msSameTimes = timeQueries(queries, Math.min(reps, 3), (i) => {
        const q = queries[i]!;
        const words = q.text.replace(/"/g, '');
        return mini!.search(words, q.category === 'typeahead' ? sameOptions : { ...sameOptions, prefix: false }).length;
      });
      mini = null;

      // ---- naive scan ---------------------------------------------------------------------------
      log(`${size} notes: naive scan`);
      const naiveBefore = await heapNow(gc);
      started = performance.now();
      const lowered = contents.map((content) => (' ' + content).toLowerCase().slice(1));
      const naiveBuildMs = performance.now() - started;
      const naiveMemory = (await heapNow(gc)) - naiveBefore;
      const naiveTimes = timeQueries(queries, reps, (i) => naiveSearch(lowered, queries[i]!.text));

      push({
        name: 'index build',
        unit: 'ms',
        ours: buildMs,
        minisearch: msBuildMs,
        naive: naiveBuildMs,
        detail: 'ours reads the files; MiniSearch gets the texts in memory; naive lowercases',
      });
      push({
        name: 'cache load',
        unit: 'ms',
        ours: loadMs,
        minisearch: msLoadMs,
        ratio: loadMs / buildMs,
        target: 0.3,
        ok: loadMs / buildMs <= 0.3,
        detail: 'ratio: cache load / full build (ours); MiniSearch: loadJSON',
      });
      push({
        name: 'index memory',
        unit: 'MB',
        ours: oursMemory / MB,
        minisearch: msMemory / MB,
        naive: naiveMemory / MB,
        ratio: oursMemory / rawBytes,
        target: 3,
        ok: oursMemory / rawBytes <= 3,
        detail: `× raw text: ours ${(oursMemory / rawBytes).toFixed(2)}, MiniSearch ${(msMemory / rawBytes).toFixed(2)}, naive ${(naiveMemory / rawBytes).toFixed(2)}`,
      });
      const updateP95 = percentile(oursUpdates.map(running), 95);
      const waits = coreWaitMs() !== null;
      push({
        name: 'update per save p95',
        unit: 'ms',
        ours: updateP95,
        minisearch: percentile(msUpdates.map(running), 95),
        target: 5,
        ok: updateP95 <= 5,
        detail: `${saves} edits; ours: remove + extract + index; MiniSearch: discard + add${waits ? '; time waiting for a core left out (see coreWait.ts)' : ''}`,
      });
      if (waits) {
        const slowed = (timings: Timed[]) => timings.filter((t) => t.waited > 1).length / timings.length;
        push({
          name: 'update per save p95, wall clock',
          unit: 'ms',
          ours: percentile(
            oursUpdates.map((t) => t.wall),
            95,
          ),
          minisearch: percentile(
            msUpdates.map((t) => t.wall),
            95,
          ),
          detail: `saves that waited > 1 ms for a core: ours ${percent(slowed(oursUpdates))}, MiniSearch ${percent(slowed(msUpdates))}`,
        });
      }
      for (const category of CATEGORIES) {
        const pick = (times: number[][]) => times.filter((_, i) => queries[i]!.category === category).flat();
        const o = pick(oursTimes);
        const m = pick(msTimes);
        const s = pick(msSameTimes);
        const n = pick(naiveTimes);
        const count = queries.filter((q) => q.category === category).length;
        for (const p of [50, 95]) {
          const ratio = percentile(o, p) / percentile(n, p);
          const targeted = category === 'typeahead' && p === 95 && size >= 10_000;
          push({
            name: `query p${p}: ${category}`,
            unit: 'ms',
            ours: percentile(o, p),
            minisearch: percentile(m, p),
            minisearchSameOptions: percentile(s, p),
            naive: percentile(n, p),
            ratio,
            ...(targeted ? { target: 0.5, ok: ratio <= 0.5 } : {}),
            detail: `${count} queries × ${reps} runs; ratio ours / naive`,
          });
        }
      }
      push({
        name: 'typeahead p95 via worker',
        unit: 'ms',
        ours: percentile(workerTimes, 95),
        detail: 'same queries, postMessage round trip to the search worker included',
      });
      gc();
      log(`${size} notes: done`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return rows;
}

// ---- the engines ---------------------------------------------------------------------------

/**
 * Builds, queries and drops a 50-note index with each engine, so the code each one runs
 * is compiled (V8 keeps bytecode on the heap) before any memory is measured.
 */
async function warmUp(base: string): Promise<void> {
  const notes = generateVault({ notes: 50, seed: 99 });
  const vaultPath = join(base, 'warm-up');
  for (const note of notes) {
    const abs = join(vaultPath, ...note.path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, note.content);
  }
  const cachePath = join(base, 'warm-up-cache', CACHE_FILE_NAME);
  mkdirSync(dirname(cachePath), { recursive: true });
  const queries = queryMix(notes, 99).map((q) => q.text);
  const core = await startCore(vaultPath, notes.map(metaOf), cachePath);
  for (const query of queries) core.search(parseQuery(query));
  await core.flush();
  await core.dispose();
  const mini = new MiniSearch({ fields: ['title', 'text'], storeFields: ['title'] });
  mini.addAll(notes.map((note, id) => ({ id, title: titleOf(note.path), text: note.content })));
  for (const query of queries) mini.search(query);
}

interface CoreHandle {
  status: { state: string; indexed: number; total: number };
  search(query: ParsedQuery): IndexSearchResult;
  apply(upsert: NoteMeta & { text: string }): void;
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

/** Starts the indexer in this thread and resolves when it is ready. */
async function startCore(vaultPath: string, notes: NoteMeta[], cachePath: string): Promise<CoreHandle> {
  let nextId = 1;
  const replies = new Map<number, (message: FromIndexer) => void>();
  let status = { state: 'building', indexed: 0, total: 0 };
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const core = new IndexerCore((message) => {
    if (message.type === 'status') {
      status = message.status;
      if (status.state === 'ready') onReady();
    } else if (message.type === 'reply') {
      replies.get(message.id)?.(message);
    }
  }, readVaultNote);
  core.handle({ type: 'init', vaultPath, cachePath, entries: [], notes, options: { cacheDebounceMs: 60_000 } });
  await ready;
  const request = (build: (id: number) => ToIndexer): Promise<FromIndexer> =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      core.handle(build(id));
    });
  return {
    get status() {
      return status;
    },
    search(query) {
      let result: IndexSearchResult | null = null;
      const id = nextId++;
      replies.set(id, (message) => {
        if (message.type === 'reply' && message.ok) result = message.value;
      });
      core.handle({ type: 'search', id, query, scope: 'all', limit: 30 });
      replies.delete(id);
      return result!;
    },
    apply(upsert) {
      core.handle({ type: 'apply', upserts: [upsert], removals: [] });
    },
    async flush() {
      await request((id) => ({ type: 'flush', id }));
    },
    async dispose() {
      await request((id) => ({ type: 'close', id }));
    },
  };
}

/** The indexer in a worker thread (from source, through tsx), loading the cache. */
async function startWorker(vaultPath: string, notes: NoteMeta[], cachePath: string) {
  const worker = createSourceWorker();
  let nextId = 1;
  const replies = new Map<number, () => void>();
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  worker.on('message', (message: FromIndexer) => {
    if (message.type === 'status' && message.status.state === 'ready') onReady();
    if (message.type === 'reply') replies.get(message.id)?.();
  });
  worker.postMessage({ type: 'init', vaultPath, cachePath, entries: [], notes, options: {} } satisfies ToIndexer);
  await ready;
  return {
    search(query: ParsedQuery): Promise<void> {
      return new Promise((resolve) => {
        const id = nextId++;
        replies.set(id, resolve);
        worker.postMessage({ type: 'search', id, query, scope: 'all', limit: 30 } satisfies ToIndexer);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The naive engine: every query word (or quoted phrase) must occur in the lowercased text. */
function naiveSearch(texts: string[], query: string): number {
  const needles: string[] = [];
  const text = query.toLowerCase();
  for (const match of text.matchAll(/"([^"]*)"?|(\S+)/g)) {
    const needle = (match[1] ?? match[2] ?? '').trim();
    if (needle) needles.push(needle);
  }
  let count = 0;
  const first: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const doc = texts[i]!;
    let all = true;
    for (const needle of needles) {
      if (!doc.includes(needle)) {
        all = false;
        break;
      }
    }
    if (all) {
      count++;
      if (first.length < 30) first.push(i);
    }
  }
  return count;
}

// ---- the query mix -------------------------------------------------------------------------

/**
 * A fixed query mix from the generator's own vocabulary (the same seed gives the same
 * words): words at Zipf ranks from common to rare, pairs of them, prefixes of 2–5
 * letters of words being typed, phrases of adjacent words taken from the notes, and
 * words of 8+ letters with one letter dropped.
 */
function queryMix(notes: GeneratedNote[], seed: number): BenchQuery[] {
  const vocabulary = makeVocabulary(20_000, createRandom(seed));
  const at = (rank: number, minLength = 1) => {
    for (let r = rank; r < vocabulary.length; r++) if (vocabulary[r]!.length >= minLength) return vocabulary[r]!;
    return vocabulary[rank]!;
  };
  const queries: BenchQuery[] = [];
  for (const rank of [0, 10, 100, 1000, 5000]) queries.push({ category: 'one word', text: `${at(rank)} ` });
  for (const [a, b] of [
    [2, 40],
    [15, 300],
    [60, 1500],
    [400, 4000],
  ] as const) {
    queries.push({ category: 'two words', text: `${at(a)} ${at(b)} ` });
  }
  for (const rank of [3, 30, 300, 3000]) {
    const word = at(rank, 6);
    for (let length = 2; length <= 5; length++) queries.push({ category: 'typeahead', text: word.slice(0, length) });
  }
  for (const index of [7, Math.floor(notes.length / 2), notes.length - 3]) {
    const words = splitFrontMatter(notes[index]!.content)
      .body.split(/\s+/)
      .filter((w) => /^[a-z]+$/.test(w));
    const start = Math.min(5, Math.max(0, words.length - 2));
    queries.push({ category: 'phrase', text: `"${words[start]} ${words[start + 1]}"` });
  }
  for (const rank of [50, 500, 5000]) {
    const word = at(rank, 8);
    queries.push({ category: 'typo', text: `${word.slice(0, 3)}${word.slice(4)} ` });
  }
  return queries;
}

// ---- helpers ------------------------------------------------------------------------------------

function metaOf(note: GeneratedNote): NoteMeta {
  const fields = readFrontMatterFields(splitFrontMatter(note.content).frontMatter);
  return { path: note.path, version: versionOf(Buffer.from(note.content)), aliases: fields.aliases, tags: fields.tags };
}

function titleOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
}

/** Per query, the timed runs (one untimed warm-up first). */
function timeQueries(queries: BenchQuery[], reps: number, runQuery: (index: number) => unknown): number[][] {
  return queries.map((_, index) => {
    runQuery(index);
    const times: number[] = [];
    for (let r = 0; r < reps; r++) {
      const start = performance.now();
      runQuery(index);
      times.push(performance.now() - start);
    }
    return times;
  });
}

/** A timing without the time the thread waited for a core (see coreWait.ts). */
function running(timed: Timed): number {
  return timed.wall - timed.waited;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The JS heap plus array buffers, after full collections. Array buffers (the files the
 * build read, the index's typed arrays) are swept a little after their objects die, so
 * it collects until two readings agree within half a megabyte.
 */
async function heapNow(gc: () => void): Promise<number> {
  const read = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  let previous = Infinity;
  for (let attempt = 0; attempt < 20; attempt++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = read();
    if (Math.abs(now - previous) < 0.5 * MB) return now;
    previous = now;
  }
  return previous;
}

function enableGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

// ---- output ----------------------------------------------------------------------------------------

function formatValue(value: number | undefined, unit: SearchBenchRow['unit']): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === 'x') return `${value.toFixed(2)}×`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

/** The rows as a text table, one block per vault size. */
export function formatRows(rows: SearchBenchRow[]): string {
  const header = ['metric', 'ours', 'MiniSearch', 'MS, our options', 'naive scan', 'ratio', 'target', '', 'detail'];
  const blocks: string[] = [];
  for (const size of [...new Set(rows.map((row) => row.size))]) {
    const cells = rows
      .filter((row) => row.size === size)
      .map((row) => [
        row.name,
        formatValue(row.ours, row.unit),
        formatValue(row.minisearch, row.unit),
        formatValue(row.minisearchSameOptions, row.unit),
        formatValue(row.naive, row.unit),
        row.ratio === undefined ? '' : row.ratio.toFixed(row.ratio < 0.01 ? 4 : 2),
        row.target === undefined ? '' : `≤ ${row.target}`,
        row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
        row.detail ?? '',
      ]);
    blocks.push(
      [
        `search benchmark: ${size.toLocaleString('en-US')} notes`,
        formatTable(header, cells, (i) => i >= 1 && i <= 6),
      ].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

if (require.main === module) {
  const sizes = stringArgument('sizes')?.split(',').map(Number);
  const reps = stringArgument('reps');
  const started = performance.now();
  run({ sizes, reps: reps ? Number(reps) : undefined, log: (line) => console.error(line) }).then(
    (rows) => {
      console.log(process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : formatRows(rows));
      console.error(`search benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (rows.some((row) => row.ok === false)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
