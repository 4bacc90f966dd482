/**
 * `npm run bench -- relevance`: how well search finds what a student remembers, on the
 * judged set of relevanceSet.ts (20,000 WordNet entries and 3,000 notes, 630 known-item
 * queries in nine categories), for our index and for MiniSearch with its usual options
 * (prefix, fuzzy 0.2, OR; the same fields and boosts as ours) on the same documents.
 * Prints MRR@10, success@1 and success@10 per category and seed, and checks the targets of
 * issue #16: overall MRR@10 at least MiniSearch's + 0.10 and no category below it, exact
 * titles and aliases first every time, and no query with an indexed word left empty.
 *
 *   npx tsx --tsconfig tsconfig.tools.json scripts/bench/relevanceBench.ts [--seeds 1,2,3]
 */
import MiniSearch from 'minisearch';
import { parseQuery } from '@shared/search/parseQuery';
import { DEFAULT_BOOSTS, FullTextIndex, type IndexDoc } from '../../src/main/notebook/search/FullTextIndex';
import { buildJudgedSet, CATEGORIES, type Category, type JudgedDoc, type JudgedQuery } from './relevanceSet';

export interface Scores {
  mrr: number;
  s1: number;
  s10: number;
  empty: number;
  count: number;
}

export interface SeedResult {
  seed: number;
  ours: Map<Category | 'all', Scores>;
  minisearch: Map<Category | 'all', Scores>;
}

function toIndexDoc(doc: JudgedDoc): IndexDoc {
  return {
    key: doc.key,
    kind: doc.kind,
    title: doc.title,
    folder: '',
    version: '',
    tags: [],
    fields: { title: doc.title, aliases: doc.aliases.join('\n'), headings: '', tags: '', body: doc.body },
  };
}

function score(queries: JudgedQuery[], ranked: string[][]): Map<Category | 'all', Scores> {
  const result = new Map<Category | 'all', Scores>();
  const add = (name: Category | 'all', rank: number, empty: boolean) => {
    const s = result.get(name) ?? { mrr: 0, s1: 0, s10: 0, empty: 0, count: 0 };
    s.count++;
    if (rank >= 0 && rank < 10) {
      s.mrr += 1 / (rank + 1);
      s.s10++;
      if (rank === 0) s.s1++;
    }
    if (empty) s.empty++;
    result.set(name, s);
  };
  queries.forEach((query, i) => {
    const keys = ranked[i]!;
    const rank = keys.indexOf(query.target);
    add(query.category, rank, keys.length === 0);
    add('all', rank, keys.length === 0);
  });
  for (const s of result.values()) {
    s.mrr /= s.count;
    s.s1 /= s.count;
    s.s10 /= s.count;
  }
  return result;
}

/** Runs the judged set of one seed through both engines. */
export function runSeed(seed: number): SeedResult {
  const { docs, queries } = buildJudgedSet({ seed });
  const index = new FullTextIndex();
  for (const doc of docs) index.add(toIndexDoc(doc));
  index.compact();
  const ours = queries.map((q) => index.search(parseQuery(q.text), { limit: 10 }).hits.map((hit) => hit.key));
  const mini = new MiniSearch<{ key: string; title: string; aliases: string; body: string }>({
    idField: 'key',
    fields: ['title', 'aliases', 'body'],
    searchOptions: {
      prefix: true,
      fuzzy: 0.2,
      combineWith: 'OR',
      boost: { title: DEFAULT_BOOSTS.title, aliases: DEFAULT_BOOSTS.aliases },
    },
  });
  mini.addAll(docs.map((doc) => ({ key: doc.key, title: doc.title, aliases: doc.aliases.join('\n'), body: doc.body })));
  const theirs = queries.map((q) =>
    mini
      .search(q.text)
      .slice(0, 10)
      .map((r) => r.id as string),
  );
  return { seed, ours: score(queries, ours), minisearch: score(queries, theirs) };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The table of one seed, as Markdown. */
export function formatSeed(result: SeedResult): string {
  const lines = [
    `seed ${result.seed}`,
    '',
    '| category | queries | MRR@10 ours | MRR@10 MiniSearch | success@1 ours / MS | success@10 ours / MS | empty ours / MS |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const name of [...CATEGORIES, 'all' as const]) {
    const o = result.ours.get(name)!;
    const m = result.minisearch.get(name)!;
    lines.push(
      `| ${name} | ${o.count} | ${o.mrr.toFixed(3)} | ${m.mrr.toFixed(3)} | ${pct(o.s1)} / ${pct(m.s1)} | ${pct(o.s10)} / ${pct(m.s10)} | ${o.empty} / ${m.empty} |`,
    );
  }
  return lines.join('\n');
}

/** The targets of issue #16 a seed misses (none: empty list). */
export function missedTargets(result: SeedResult): string[] {
  const missed: string[] = [];
  const o = result.ours.get('all')!;
  const m = result.minisearch.get('all')!;
  if (o.mrr < m.mrr + 0.1) missed.push(`overall MRR@10 ${o.mrr.toFixed(3)} < MiniSearch ${m.mrr.toFixed(3)} + 0.10`);
  for (const name of CATEGORIES) {
    const oc = result.ours.get(name)!;
    const mc = result.minisearch.get(name)!;
    if (oc.mrr < mc.mrr) missed.push(`${name}: MRR@10 ${oc.mrr.toFixed(3)} below MiniSearch ${mc.mrr.toFixed(3)}`);
  }
  for (const name of ['title', 'alias'] as const) {
    const s1 = result.ours.get(name)!.s1;
    if (s1 < 1) missed.push(`${name}: first ${pct(s1)}, not 100%`);
  }
  if (o.empty > 0) missed.push(`${o.empty} queries returned nothing`);
  return missed;
}

function main(): void {
  const arg = process.argv.indexOf('--seeds');
  const seeds = arg >= 0 ? process.argv[arg + 1]!.split(',').map(Number) : [1, 2, 3];
  let failed = false;
  for (const seed of seeds) {
    const started = Date.now();
    const result = runSeed(seed);
    console.log(formatSeed(result));
    const missed = missedTargets(result);
    console.log(
      missed.length === 0 ? `\nall targets met (${Date.now() - started} ms)\n` : `\nMISSED: ${missed.join('; ')}\n`,
    );
    if (missed.length > 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

if (require.main === module) main();
