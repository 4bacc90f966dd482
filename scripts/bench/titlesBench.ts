/**
 * The title-matching benchmark: what one keystroke costs in the three places that match
 * titles as you type, all on the one title matcher (src/shared/titles/matchTitle.ts):
 *
 * - the quick switcher (SwitcherIndex) over the titles and aliases of 10,000 and 50,000
 *   generated notes;
 * - the `[[` menu (rankLinkSuggestions) over the same candidates;
 * - the command palette (filterCommands) over 150 command labels.
 *
 * Queries, fixed by the seed: typeahead prefixes of a title word (2–5 letters), two word
 * prefixes, initials (letters in order), a word with one typo, and letters that match
 * nothing (the worst case: every tier is tried). Each query runs `reps` times after one
 * warm-up, each run followed by a run of the baseline: a naive scan (`includes` of the
 * lowercased query in every lowercased name, kept in memory). Printed per category: p50
 * and p95, and the ratio of our p50 to the baseline's, which a busy machine disturbs much
 * less than the times themselves (use it to compare two versions). Informational: no
 * targets (the quick switcher's budget is a frame, 16 ms, at 50,000 notes).
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/titlesBench.ts [--sizes 10000,50000] [--reps 7]
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { rankLinkSuggestions, type SuggestionCandidate } from '../../src/main/notebook/links/rankLinkSuggestions';
import { SwitcherIndex, type SwitcherEntry } from '../../src/main/notebook/search/SwitcherIndex';
import type { Command } from '../../src/renderer/src/ui/commands/CommandRegistry';
import { filterCommands } from '../../src/renderer/src/features/commands/filterCommands';
import { createRandom, makeVocabulary, zipfSampler } from './generateVault';
import { formatTable, percentile } from './benchCli';

type Category = 'typeahead' | 'two words' | 'initials' | 'typo' | 'no match';
const CATEGORIES: Category[] = ['typeahead', 'two words', 'initials', 'typo', 'no match'];

export interface TitlesBenchRow {
  matcher: string;
  size: number;
  category: Category;
  p50: number;
  p95: number;
  /** The naive scan's p50 over the same queries, measured alongside. */
  naiveP50: number;
  /** p50 / naiveP50. */
  ratio: number;
}

interface Titles {
  titles: string[];
  aliases: string[][];
}

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', o: 'ö', u: 'ü', c: 'ç', n: 'ñ' };

/** Titles like the generated vaults' ("Word Word 17"), a tenth with an accent, one in twenty with an alias. */
function makeTitles(count: number, seed: number): Titles {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(20_000, random);
  const rank = zipfSampler(vocabulary.length, random);
  const word = () => vocabulary[rank()]!;
  const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const titles: string[] = [];
  const aliases: string[][] = [];
  for (let i = 0; i < count; i++) {
    let title = `${capitalize(word())} ${capitalize(word())} ${i}`;
    if (random() < 0.1) title = title.replace(/[aeoucn]/, (letter) => ACCENTED[letter] ?? letter);
    titles.push(title);
    aliases.push(random() < 0.05 ? [`${capitalize(word())}-${word()}`] : []);
  }
  return { titles, aliases };
}

function makeQueries(titles: readonly string[], seed: number): Array<{ category: Category; text: string }> {
  const random = createRandom(seed);
  const pick = () => titles[Math.floor(random() * titles.length)]!;
  const wordsOf = (title: string) => title.split(' ').filter((w) => /^\D/.test(w));
  const queries: Array<{ category: Category; text: string }> = [];
  for (let i = 0; i < 6; i++) {
    const word = wordsOf(pick())[0]!;
    for (let length = 2; length <= Math.min(5, word.length); length++) {
      queries.push({ category: 'typeahead', text: word.slice(0, length).toLowerCase() });
    }
  }
  for (let i = 0; i < 8; i++) {
    const [a, b] = wordsOf(pick());
    queries.push({ category: 'two words', text: `${a!.slice(0, 3)} ${b!.slice(0, 2)}`.toLowerCase() });
  }
  for (let i = 0; i < 8; i++) {
    const [a, b] = wordsOf(pick());
    queries.push({ category: 'initials', text: `${a!.slice(0, 2)}${b!.slice(0, 1)}`.toLowerCase() });
  }
  for (let i = 0; i < 8; i++) {
    const word = wordsOf(pick()).find((w) => w.length >= 6) ?? 'potentiation';
    const at = 2 + Math.floor(random() * (word.length - 3));
    queries.push({ category: 'typo', text: `${word.slice(0, at)}x${word.slice(at + 1)}`.toLowerCase() });
  }
  for (const text of ['qzxv', 'zzqj kk', 'xqwpzv']) queries.push({ category: 'no match', text });
  return queries;
}

function commandLabels(): Command[] {
  const groups = ['Note', 'Format', 'Go', 'Vault', 'View', 'Edit', 'Search', 'Study'];
  const verbs = ['New', 'Open', 'Toggle', 'Insert', 'Show', 'Move', 'Rename', 'Copy', 'Export', 'Find'];
  const things = [
    'note',
    'heading 1',
    'link',
    'bold',
    'list',
    'table',
    'sidebar',
    'glossary entry',
    'backlinks',
    'tags',
  ];
  const commands: Command[] = [];
  for (let i = 0; commands.length < 150; i++) {
    const title = `${verbs[i % verbs.length]} ${things[Math.floor(i / verbs.length) % things.length]}`;
    commands.push({ id: `c${i}`, title, group: groups[i % groups.length], keywords: ['x'], run: () => undefined });
  }
  return commands;
}

/** Times `ours` and `naive` alternately, `reps` times each after a warm-up. */
function timeBoth(ours: () => unknown, naive: () => unknown, reps: number): { ours: number[]; naive: number[] } {
  ours();
  naive();
  const times = { ours: [] as number[], naive: [] as number[] };
  for (let i = 0; i < reps; i++) {
    let started = performance.now();
    ours();
    times.ours.push(performance.now() - started);
    started = performance.now();
    naive();
    times.naive.push(performance.now() - started);
  }
  return times;
}

/** The baseline: names holding the lowercased query, the first `limit` of them. */
function naiveScan(lowered: readonly string[], limit: number): (query: string) => number[] {
  return (query) => {
    const q = query.toLowerCase();
    const found: number[] = [];
    for (let i = 0; i < lowered.length; i++) if (lowered[i]!.includes(q)) found.push(i);
    return found.slice(0, limit);
  };
}

export function run(options: { sizes?: number[]; reps?: number } = {}): TitlesBenchRow[] {
  const sizes = options.sizes ?? [10_000, 50_000];
  const reps = options.reps ?? 7;
  const rows: TitlesBenchRow[] = [];
  const measure = (
    matcher: string,
    size: number,
    queries: ReturnType<typeof makeQueries>,
    ours: (q: string) => unknown,
    naive: (q: string) => unknown,
  ) => {
    for (const category of CATEGORIES) {
      const all = queries
        .filter((q) => q.category === category)
        .map((q) =>
          timeBoth(
            () => ours(q.text),
            () => naive(q.text),
            reps,
          ),
        );
      const times = all.flatMap((t) => t.ours);
      const p50 = percentile(times, 50);
      const naiveP50 = percentile(
        all.flatMap((t) => t.naive),
        50,
      );
      rows.push({ matcher, size, category, p50, p95: percentile(times, 95), naiveP50, ratio: p50 / naiveP50 });
    }
  };
  for (const size of sizes) {
    const { titles, aliases } = makeTitles(size, 7);
    const queries = makeQueries(titles, 11);
    const index = new SwitcherIndex();
    const candidates: SuggestionCandidate[] = [];
    titles.forEach((title, i) => {
      const path = `Course ${Math.floor(i / 200)}/${title}.md`;
      const entry: SwitcherEntry = {
        key: `n:${path}`,
        ref: { kind: 'note', path },
        kind: 'note',
        title,
        folder: `Course ${Math.floor(i / 200)}`,
        aliases: aliases[i]!,
        modified: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      };
      index.set(entry);
      candidates.push({ ref: entry.ref, kind: 'note', title, aliases: aliases[i]! });
    });
    const recent = titles.slice(0, 20).map((title, i) => `n:Course ${Math.floor(i / 200)}/${title}.md`);
    const naive = naiveScan(
      titles.flatMap((title, i) => [title, ...aliases[i]!].map((name) => name.toLowerCase())),
      20,
    );
    measure('quick switcher', size, queries, (q) => index.query(q, { limit: 20, recent }), naive);
    measure('[[ menu', size, queries, (q) => rankLinkSuggestions(q, candidates, 12), naive);
  }
  const commands = commandLabels();
  const paletteQueries = makeQueries(
    commands.map((c) => `${c.group}: ${c.title}`),
    13,
  );
  const labels = commands.map((c) => `${c.group}: ${c.title}`.toLowerCase());
  measure(
    'command palette',
    commands.length,
    paletteQueries,
    (q) => filterCommands(commands, q),
    naiveScan(labels, labels.length),
  );
  return rows;
}

export function formatRows(rows: TitlesBenchRow[]): string {
  const header = ['titles benchmark', 'size', 'queries', 'p50', 'p95', 'naive scan p50', 'ratio'];
  const cells = rows.map((row) => [
    row.matcher,
    row.size.toLocaleString('en'),
    row.category,
    `${row.p50.toFixed(3)} ms`,
    `${row.p95.toFixed(3)} ms`,
    `${row.naiveP50.toFixed(3)} ms`,
    row.ratio.toFixed(2),
  ]);
  return formatTable(header, cells, (i) => i >= 3);
}

if (require.main === module) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, reps: { type: 'string' } } });
  const sizes = values.sizes?.split(',').map(Number);
  const reps = values.reps === undefined ? undefined : Number(values.reps);
  console.log(formatRows(run({ sizes, reps })));
}
