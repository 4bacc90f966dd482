/**
 * `npm run bench`: every benchmark, one after another, each in its own process so one
 * bench's memory never skews the next. Each prints its table with the baseline measured
 * in the same run and the ratio against its target; the exit code is non-zero when a
 * target is missed.
 *
 *   npm run bench                      # all of them (builds the app first)
 *   npm run bench -- search links      # only these
 *   npm run bench -- packs --entries 20000 --runs 3   # options go to the chosen benches
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BENCHES: Array<{ name: string; file: string; about: string }> = [
  { name: 'links', file: 'linksBench.ts', about: 'backlinks and incremental link-index updates (10,000 notes)' },
  {
    name: 'vault-open',
    file: 'vaultOpenBench.ts',
    about: 'opening a 10,000-note vault, cold and warm: notes listed, link and search indexes ready',
  },
  { name: 'search', file: 'searchBench.ts', about: 'search index: build, cache, memory, updates, queries' },
  {
    name: 'relevance',
    file: 'relevanceBench.ts',
    about: 'judged known-item queries (WordNet glossary + notes): MRR@10 per category, ours vs MiniSearch',
  },
  { name: 'titles', file: 'titlesBench.ts', about: 'title matching per keystroke: quick switcher, [[ menu, palette' },
  { name: 'typing', file: 'typingBench.ts', about: 'typing latency in a 20,000-word note vs an empty one' },
  {
    name: 'rich',
    file: 'richNoteBench.ts',
    about: 'a note with 200 images and 500 formulas: first screen, full render, long tasks, typing',
  },
  { name: 'large-input', file: 'largeInputBench.ts', about: 'huge pastes, notes and tokens: load, index, render' },
  {
    name: 'packs',
    file: 'packsBench.ts',
    about: 'a 120,000-entry reference pack: start-up, memory, lists, pickers, typing',
  },
  {
    name: 'anchoring',
    file: 'anchoringBench.ts',
    about: '1,000 highlights re-anchored after a pack re-import with edits, vs the unchanged pack',
  },
  {
    name: 'terms',
    file: 'termsBench.ts',
    about: 'glossary terms in notes: matcher for 120,000 entries, scanning a 20,000-word note',
  },
  {
    name: 'terms-typing',
    file: 'termsTypingBench.ts',
    about: 'definitions in notes with a 120,000-entry pack: typing on ÷ off, a 20,000-word note over HTTP, memory',
  },
];

const root = join(__dirname, '..', '..');
// Names choose benches; `--option value` pairs after them go to each chosen bench.
const firstOption = process.argv.findIndex((arg, at) => at >= 2 && arg.startsWith('--'));
const wanted = process.argv.slice(2, firstOption < 0 ? undefined : firstOption);
const passed = firstOption < 0 ? [] : process.argv.slice(firstOption);
const selected = wanted.length > 0 ? BENCHES.filter((b) => wanted.includes(b.name)) : BENCHES;
if (selected.length === 0) {
  console.error(`Unknown bench. Choose from: ${BENCHES.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const failed: string[] = [];
for (const bench of selected) {
  const file = join(__dirname, bench.file);
  console.log(`\n=== ${bench.name}: ${bench.about}\n`);
  if (!existsSync(file)) {
    console.log(`(${bench.file} is missing: skipped)`);
    continue;
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, ...passed], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.tools.json') },
  });
  console.log(`(${bench.name} took ${Math.round((Date.now() - started) / 1000)} s)`);
  if (result.status !== 0) failed.push(bench.name);
}

if (failed.length > 0) {
  console.log(`\nTargets missed or errors in: ${failed.join(', ')}`);
  process.exitCode = 1;
} else {
  console.log('\nAll benchmark targets met.');
}
