/**
 * The link index benchmark (issue: links and backlinks). In a generated vault of 10,000
 * notes where one glossary entry has exactly 1,000 linking notes, opened through the real
 * openNotebook and VaultStore:
 *
 * (a) backlinks for that entry (the full answer: 1,000 groups, each mention with its
 *     paragraph context, heading path and offsets), p95 over ≥ 50 calls, beside a plain
 *     scan for the same answer (read every note file, regex-scan its links, keep those
 *     naming the entry); target ratio ≤ 0.01. The first call after opening is cold (it
 *     reads the 1,000 linking files for their paragraphs) and is printed on its own row;
 *     the p95 is over the calls after it, which take the contexts from the per-version
 *     cache, as the panel does when it refreshes.
 * (b) the incremental index update after one save that edits a note's links (from the
 *     `notes-changed` event to the index updated, reading the note included), p95 over
 *     ≥ 200 saves, beside a full rebuild of the index (reading every note); target
 *     ratio ≤ 0.001.
 *
 * Also printed: opening times (cold, and from the persisted index) and unlinked mentions.
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/linksBench.ts [--notes N] [--hot N] [--runs N] [--saves N]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { normalizeLinkTarget } from '../../src/shared/links/normalizeLinkTarget';
import { openNotebook, type NotebookService } from '../../src/main/notebook/openNotebook';
import { createRandom, generateVault } from './generateVault';
import { formatTable, numberArgument, percentile } from './benchCli';

export interface LinksBenchOptions {
  /** Notes in the vault. Default 10,000. */
  notes?: number;
  /** Notes linking to the hot entry. Default 1,000. */
  hotLinks?: number;
  /** Backlinks calls timed (after the first). Default 50. */
  backlinkRuns?: number;
  /** Saves timed. Default 200. */
  saves?: number;
  seed?: number;
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
}

export interface BenchRow {
  /** What was measured. */
  name: string;
  /** The measurement (milliseconds unless `unit` says otherwise). */
  value: number;
  unit: 'ms' | 'ratio' | 'count';
  /** For ratios: the target the value must not exceed. */
  target?: number;
  /** True when a target is set and met. */
  ok?: boolean;
  detail?: string;
}

const GLOSSARY_DIR = join(__dirname, '..', '..', 'resources', 'glossary', 'sources');
const HOT_ENTRY = { id: 'gaba-glutamate-ratio', title: 'GABA Glutamate Ratio', aliases: ['GABA/glutamate ratio'] };
const OTHER_ENTRIES = [
  'Neurochemical Balance State',
  'Neurotransmitter Balance Metrics',
  'Neurotransmitter Balance Science',
  'Optimized Neurotransmitter Balance',
];

/** Runs the benchmark and returns its rows (see module doc). */
export async function run(options: LinksBenchOptions = {}): Promise<BenchRow[]> {
  const noteCount = options.notes ?? 10_000;
  const hotLinks = options.hotLinks ?? 1_000;
  const backlinkRuns = Math.max(50, options.backlinkRuns ?? 50);
  const saveCount = Math.max(200, options.saves ?? 200);
  const log = options.log ?? (() => undefined);
  const rows: BenchRow[] = [];
  const base = mkdtempSync(join(tmpdir(), 'links-bench-'));
  const vaultPath = join(base, 'vault');
  const config = {
    vaultPath,
    glossaryDir: GLOSSARY_DIR,
    stateDir: join(base, 'state'),
    host: 'web' as const,
    appVersion: 'bench',
  };
  const notebookOptions = { watch: { pollIntervalMs: 0, strategy: 'none' as const }, log: () => undefined };
  let service: NotebookService | null = null;
  try {
    log(`generating ${noteCount} notes…`);
    const notes = generateVault({
      notes: noteCount,
      seed: options.seed ?? 42,
      extraTargets: OTHER_ENTRIES,
      hotTarget: HOT_ENTRY.title,
      hotLinkCount: hotLinks,
    });
    for (const note of notes) {
      const abs = join(vaultPath, ...note.path.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, note.content);
    }

    log('opening the vault (no persisted index yet)…');
    let started = performance.now();
    service = await openNotebook(config, notebookOptions);
    let links = await service.links();
    await links.idle();
    rows.push({ name: 'open: vault + link index, cold', value: performance.now() - started, unit: 'ms' });
    rows.push({
      name: 'open: link index build, cold',
      value: links.stats.buildMs,
      unit: 'ms',
      detail: `${links.stats.notesRead} notes read`,
    });

    // Nothing else runs while timing: the persisted index is written now, not during the runs.
    await links.persist();

    // (a) backlinks for the hot entry.
    log('backlinks…');
    const ref = { kind: 'entry' as const, id: HOT_ENTRY.id };
    started = performance.now();
    const first = await service.getBacklinks({ ref });
    const cold = performance.now() - started;
    const warm: number[] = [];
    for (let i = 0; i < 5; i++) await service.getBacklinks({ ref });
    for (let i = 0; i < backlinkRuns; i++) {
      started = performance.now();
      await service.getBacklinks({ ref });
      warm.push(performance.now() - started);
    }
    const scans: number[] = [];
    let scanned: string[] = [];
    for (let i = 0; i < 5; i++) {
      started = performance.now();
      scanned = await plainScan(
        vaultPath,
        notes.map((n) => n.path),
      );
      scans.push(performance.now() - started);
    }
    const found = first.groups.flatMap((g) => g.mentions.map((m) => `${g.path}@${m.start}`)).sort();
    if (first.groups.length !== hotLinks || found.join('\n') !== scanned.sort().join('\n')) {
      throw new Error(
        `backlinks (${first.groups.length} notes, ${found.length} links) differ from the plain scan (${scanned.length} links)`,
      );
    }
    const scanTime = median(scans);
    const backlinksP95 = percentile(warm, 95);
    rows.push({
      name: 'backlinks: first call after open (reads 1,000 files)',
      value: cold,
      unit: 'ms',
      detail: `${first.count} mentions in ${first.groups.length} notes`,
    });
    rows.push({ name: `backlinks: p50 of ${backlinkRuns} calls`, value: percentile(warm, 50), unit: 'ms' });
    rows.push({ name: `backlinks: p95 of ${backlinkRuns} calls`, value: backlinksP95, unit: 'ms' });
    rows.push({
      name: 'plain scan of all notes (median of 5)',
      value: scanTime,
      unit: 'ms',
      detail: `${noteCount} files read and regex-scanned`,
    });
    rows.push({
      name: 'ratio backlinks p95 / plain scan',
      value: backlinksP95 / scanTime,
      unit: 'ratio',
      target: 0.01,
    });
    rows.push({ name: 'ratio first call / plain scan (informational)', value: cold / scanTime, unit: 'ratio' });

    // (b) incremental update on save.
    log('saves…');
    const random = createRandom(7);
    const updates: number[] = [];
    const endToEnd: number[] = [];
    const warmUps = 10;
    for (let i = 0; i < saveCount + warmUps; i++) {
      const path = notes[Math.floor(random() * notes.length)]!.path;
      const other = notes[Math.floor(random() * notes.length)]!.path.replace(/^.*\//, '').replace(/\.md$/, '');
      const current = await service.readNote({ path });
      const content = `${current.content}\nEdit ${i}: see [[${other}]] and [[${i % 3 === 0 ? HOT_ENTRY.title : 'Nowhere'}]].\n`;
      started = performance.now();
      await service.saveNote({ path, content, baseVersion: current.version });
      await links.idle();
      if (i < warmUps) continue;
      endToEnd.push(performance.now() - started);
      updates.push(links.stats.lastUpdateMs);
      // The persisted index is rewritten a few seconds after changes; keep that out of the timed saves.
      if (i % 50 === 0) await links.persist();
    }
    const before = JSON.stringify([await service.listUnresolvedLinks(), await service.getEntryLinkCounts()]);
    const rebuilds: number[] = [];
    for (let i = 0; i < 3; i++) rebuilds.push(await links.rebuild());
    const after = JSON.stringify([await service.listUnresolvedLinks(), await service.getEntryLinkCounts()]);
    if (before !== after) throw new Error('the incrementally updated index differs from a rebuilt one');
    const updateP95 = percentile(updates, 95);
    const rebuild = median(rebuilds);
    rows.push({ name: `index update on save: p50 of ${saveCount}`, value: percentile(updates, 50), unit: 'ms' });
    rows.push({
      name: `index update on save: p95 of ${saveCount}`,
      value: updateP95,
      unit: 'ms',
      detail: 'event → index updated, reading the note included',
    });
    rows.push({
      name: 'full index rebuild (median of 3)',
      value: rebuild,
      unit: 'ms',
      detail: `${noteCount} notes read and parsed`,
    });
    rows.push({ name: 'ratio update p95 / full rebuild', value: updateP95 / rebuild, unit: 'ratio', target: 0.001 });
    rows.push({
      name: 'save + index update, end to end: p95 (informational)',
      value: percentile(endToEnd, 95),
      unit: 'ms',
      detail: 'atomic write and fsync included',
    });

    const suggestTimes: number[] = [];
    for (const query of ['g', 'gaba', 'neu', 'syn ap', 'balance', 'cortex 12', 'zzzz', 'dopamine', 'ro', 'note']) {
      for (let i = 0; i < 5; i++) {
        started = performance.now();
        await service.suggestLinkTargets({ query });
        suggestTimes.push(performance.now() - started);
      }
    }
    rows.push({
      name: '[[ suggestions: p95 of 50 queries (informational)',
      value: percentile(suggestTimes, 95),
      unit: 'ms',
    });

    started = performance.now();
    const unlinked = await service.getUnlinkedMentions({ ref });
    rows.push({
      name: 'unlinked mentions of the entry (informational)',
      value: performance.now() - started,
      unit: 'ms',
      detail: `${unlinked.count} found`,
    });

    // Reopening: the persisted index spares reading unchanged notes.
    log('reopening…');
    await service.close();
    started = performance.now();
    service = await openNotebook(config, notebookOptions);
    links = await service.links();
    await links.idle();
    rows.push({
      name: 'open: vault + link index, from the persisted index',
      value: performance.now() - started,
      unit: 'ms',
    });
    rows.push({
      name: 'open: link index build, from the persisted index',
      value: links.stats.buildMs,
      unit: 'ms',
      detail: `${links.stats.notesFromCache} from cache, ${links.stats.notesRead} read`,
    });
    return rows.map((row) => (row.target === undefined ? row : { ...row, ok: row.value <= row.target }));
  } finally {
    await service?.close();
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * The baseline: every note file read (asynchronously, 32 at a time, as a backend must not
 * block) and scanned with a regular expression for wiki links whose target names the hot
 * entry (its title, alias or glossary id, compared as the index compares them).
 * Returns `path@offset` of each link found.
 */
async function plainScan(vaultPath: string, paths: string[]): Promise<string[]> {
  const names = new Set([HOT_ENTRY.title, ...HOT_ENTRY.aliases, `glossary:${HOT_ENTRY.id}`].map(normalizeLinkTarget));
  const found: string[] = [];
  const pattern = /!?\[\[([^\]|#\n]*)(?:#[^\]|\n]*)?(?:\\?\|[^\]\n]*)?\]\]/g;
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const text = await fsp.readFile(join(vaultPath, ...path.split('/')), 'utf8');
      for (const match of text.matchAll(pattern)) {
        if (names.has(normalizeLinkTarget(match[1]!))) found.push(`${path}@${match.index}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return found;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

/** The rows as a text table. */
export function formatRows(rows: BenchRow[]): string {
  const cells = rows.map((row) => [
    row.name,
    row.unit === 'ratio'
      ? row.value.toFixed(5)
      : row.unit === 'ms'
        ? `${row.value.toFixed(row.value < 10 ? 2 : 0)} ms`
        : String(row.value),
    row.target === undefined ? '' : `≤ ${row.target}`,
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
    row.detail ?? '',
  ]);
  const header = ['links benchmark', 'value', 'target', '', 'detail'];
  return formatTable(header, cells, (i) => i === 1);
}

if (require.main === module) {
  run({
    notes: numberArgument('notes'),
    hotLinks: numberArgument('hot'),
    backlinkRuns: numberArgument('runs'),
    saves: numberArgument('saves'),
    log: (line) => console.error(line),
  }).then(
    (rows) => {
      console.log(formatRows(rows));
      if (rows.some((row) => row.ok === false)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
