/**
 * Opening a large vault (issue #15: "a 10,000-note vault opens at once"). A generated vault
 * of 10,000 notes is opened through the real openNotebook, alternately cold (a fresh state
 * folder: no metadata, link or search cache) and warm (the state folder of the previous
 * open), `--runs` times each. Per open it times:
 *
 * - notes listed: from the call to openNotebook until listNotes answered with every note
 *   (what the window shows first); targets: ≤ 1,500 ms warm, ≤ 2,000 ms cold;
 * - link index ready and search index ready (informational: these build in the background,
 *   and the panels say "Indexing… n of N notes" until then).
 *
 * Baseline, measured in the same run: reading every note file once (what the start-up did
 * before the metadata cache), asynchronously 16 at a time.
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/vaultOpenBench.ts [--notes N] [--runs N]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import { openNotebook } from '../../src/main/notebook/openNotebook';
import { generateVault } from './generateVault';
import { numberArgument } from './benchCli';

const GLOSSARY_DIR = join(__dirname, '..', '..', 'resources', 'glossary', 'sources');
const TARGETS = { warm: 1500, cold: 2000 };

interface OpenTimes {
  listed: number;
  links: number;
  search: number;
}

async function openOnce(vaultPath: string, stateDir: string, expected: number): Promise<OpenTimes> {
  const started = performance.now();
  const service = await openNotebook(
    { vaultPath, glossaryDir: GLOSSARY_DIR, stateDir, host: 'web', appVersion: 'bench' },
    { watch: { pollIntervalMs: 0, strategy: 'none' }, log: () => undefined },
  );
  try {
    const notes = await service.listNotes();
    const listed = performance.now() - started;
    if (notes.length !== expected) throw new Error(`listed ${notes.length} notes, expected ${expected}`);
    const [links, search] = await Promise.all([
      service.links().then(async (l) => {
        await l.idle();
        return performance.now() - started;
      }),
      service.searchService().then(async (s) => {
        await s.whenReady();
        return performance.now() - started;
      }),
    ]);
    // The caches are written now, not during the next open.
    await (await service.links()).persist();
    await (await service.searchService()).flush();
    await (await service.vault()).persistMetadata();
    return { listed, links, search };
  } finally {
    await service.close();
  }
}

async function readEveryNote(vaultPath: string, paths: string[]): Promise<number> {
  const started = performance.now();
  const limit = pLimit(16);
  await Promise.all(paths.map((path) => limit(() => fsp.readFile(join(vaultPath, ...path.split('/')), 'utf8'))));
  return performance.now() - started;
}

function range(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${Math.round(sorted[0]!)}–${Math.round(sorted.at(-1)!)} ms`;
}

async function main(): Promise<void> {
  const noteCount = numberArgument('notes') ?? 10_000;
  const runs = Math.max(1, numberArgument('runs') ?? 3);
  const base = mkdtempSync(join(tmpdir(), 'vault-open-bench-'));
  const vaultPath = join(base, 'vault');
  try {
    const notes = generateVault({ notes: noteCount, seed: 42 });
    for (const note of notes) {
      const abs = join(vaultPath, ...note.path.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, note.content);
    }
    const cold: OpenTimes[] = [];
    const warm: OpenTimes[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < runs; run++) {
      const stateDir = join(base, `state-${run}`);
      console.error(`run ${run + 1}/${runs}: cold…`);
      cold.push(await openOnce(vaultPath, stateDir, noteCount));
      console.error(`run ${run + 1}/${runs}: warm…`);
      warm.push(await openOnce(vaultPath, stateDir, noteCount));
      baseline.push(
        await readEveryNote(
          vaultPath,
          notes.map((n) => n.path),
        ),
      );
    }
    const worst = (times: OpenTimes[]) => Math.max(...times.map((t) => t.listed));
    const rows: Array<[string, string, string, string]> = [
      ['baseline: read every note once (16 at a time)', range(baseline), '', ''],
      [
        `warm: notes listed (${noteCount.toLocaleString('en-US')} notes)`,
        range(warm.map((t) => t.listed)),
        `≤ ${TARGETS.warm} ms`,
        worst(warm) <= TARGETS.warm ? 'ok' : 'MISSED',
      ],
      ['warm: link index ready', range(warm.map((t) => t.links)), '', ''],
      ['warm: search index ready', range(warm.map((t) => t.search)), '', ''],
      [
        `cold: notes listed (${noteCount.toLocaleString('en-US')} notes)`,
        range(cold.map((t) => t.listed)),
        `≤ ${TARGETS.cold} ms`,
        worst(cold) <= TARGETS.cold ? 'ok' : 'MISSED',
      ],
      ['cold: link index ready (background)', range(cold.map((t) => t.links)), '', ''],
      ['cold: search index ready (background)', range(cold.map((t) => t.search)), '', ''],
    ];
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    console.log(`vault open benchmark, ${runs} runs (ranges: fastest–slowest)`);
    for (const row of rows)
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
    if (worst(warm) > TARGETS.warm || worst(cold) > TARGETS.cold) process.exitCode = 1;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
