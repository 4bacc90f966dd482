/**
 * `tsx --tsconfig tsconfig.tools.json scripts/bench/packsPlanCpu.ts [--entries N] [--state DIR] [--out FILE]`:
 * the packs bench's 50 search queries (packsQueries.ts) against the bench pack's index
 * loaded in this process as the search worker loads it (loadPackIndex), each timed by this
 * process's CPU time (process.cpuUsage, not wall clock: the machine is shared). No app, no
 * browser: for profiling query planning (`node --cpu-prof`) and for checking that a change
 * keeps every query's hits (`--out` writes them as JSON, to compare two runs byte for byte).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseQuery } from '@shared/search/parseQuery';
import { FullTextIndex } from '../../src/main/notebook/search/FullTextIndex';
import { PackLibrary } from '../../src/main/notebook/packs/PackLibrary';
import { loadPackIndex } from '../../src/main/notebook/search/packIndexCache';
import { prepareBenchPackCaches, writeBenchPack } from './generatePack';
import { queriesFrom } from './packsQueries';
import { join } from 'node:path';
import { stringArgument } from './benchCli';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main() {
  const count = Number(stringArgument('entries') ?? 120_000);
  const stateDir = stringArgument('state') ?? `/tmp/packsPlanCpu-${count}`;
  if (!existsSync(join(stateDir, 'packs'))) {
    mkdirSync(stateDir, { recursive: true });
    writeBenchPack(stateDir, count);
    await prepareBenchPackCaches(stateDir);
  }
  const index = new FullTextIndex();
  const library = await PackLibrary.open({ dir: join(stateDir, 'packs') });
  const loadStart = process.cpuUsage();
  for (const source of library.indexSources()) {
    const result = await loadPackIndex(index, source, (message, error) => console.error(message, error ?? ''));
    console.log(`loaded ${result.added} entries from ${result.from}`);
  }
  const load = process.cpuUsage(loadStart);
  console.log(`load CPU ${((load.user + load.system) / 1000).toFixed(0)} ms`);
  const queries = queriesFrom(count);
  const rounds = Number(stringArgument('rounds') ?? 3);
  const hits: unknown[] = [];
  for (let round = 0; round < rounds; round++) {
    const times: number[] = [];
    for (const query of queries) {
      const before = process.cpuUsage();
      const result = index.search(parseQuery(query), { scope: 'all', limit: 50 });
      const used = process.cpuUsage(before);
      times.push((used.user + used.system) / 1000);
      if (round === 0) hits.push({ query, total: result.total, hits: result.hits });
    }
    const sum = times.reduce((a, b) => a + b, 0);
    console.log(
      `round ${round + 1}: CPU ms sum ${sum.toFixed(0)}  p50 ${percentile(times, 50).toFixed(1)}  p95 ${percentile(times, 95).toFixed(1)}  max ${Math.max(...times).toFixed(1)}`,
    );
    if (process.env.VERBOSE && round === rounds - 1) {
      queries.forEach((query, i) => console.log(`  ${JSON.stringify(query)}: ${times[i]!.toFixed(1)} ms`));
    }
  }
  const out = stringArgument('out');
  if (out) writeFileSync(out, JSON.stringify(hits, null, 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
