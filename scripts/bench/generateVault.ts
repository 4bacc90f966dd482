/**
 * A deterministic generator of realistic study vaults for benchmarks: Zipf-distributed
 * vocabulary, headings, lists, wiki links (to notes and glossary entries) and tags.
 * The same options always give the same notes, byte for byte.
 */

export interface GeneratedNote {
  /** Vault-relative path, e.g. "Course 3/Note 00042.md". */
  path: string;
  content: string;
}

export interface GenerateVaultOptions {
  notes: number;
  /** Seed for the pseudo-random generator. Default 1. */
  seed?: number;
  /** Words per note, on average. Default 180. */
  wordsPerNote?: number;
  /** Link targets to mix in besides other notes (e.g. glossary titles). */
  extraTargets?: string[];
  /** A target that exactly `hotLinkCount` notes link to (and no other note does). */
  hotTarget?: string;
  hotLinkCount?: number;
  /** Notes per folder. Default 200. */
  notesPerFolder?: number;
}

/** Mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'neu',
  'ro',
  'gli',
  'ta',
  'mate',
  'syn',
  'ap',
  'tic',
  'cor',
  'tex',
  'lim',
  'bic',
  'hor',
  'mone',
  'dopa',
  'mine',
  'sero',
  'to',
  'nin',
  're',
  'cep',
  'tor',
  'axo',
  'nal',
  'den',
  'drite',
  'plas',
  'ti',
  'ci',
  'ty',
  'en',
  'zyme',
  'ki',
  'ne',
  'sis',
  'lo',
  'gy',
  'bio',
  'chem',
  'al',
];

/** A vocabulary of `size` pseudo-words, deterministic for a seed. */
export function makeVocabulary(size: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const parts = 1 + Math.floor(random() * 3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1) (Zipf, s = 1). */
export function zipfSampler(n: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / (i + 1);
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Generates the notes of a vault (see GenerateVaultOptions). */
export function generateVault(options: GenerateVaultOptions): GeneratedNote[] {
  const random = createRandom(options.seed ?? 1);
  const vocabulary = makeVocabulary(20_000, random);
  const rank = zipfSampler(vocabulary.length, random);
  const word = () => vocabulary[rank()] as string;
  const perFolder = options.notesPerFolder ?? 200;
  const wordsPerNote = options.wordsPerNote ?? 180;
  const titles = Array.from({ length: options.notes }, (_, i) => `${capitalize(word())} ${capitalize(word())} ${i}`);
  const hotCount = options.hotTarget ? Math.min(options.hotLinkCount ?? 0, options.notes) : 0;
  const extra = (options.extraTargets ?? []).filter((t) => t !== options.hotTarget);

  const sentence = (count: number) => {
    const words = Array.from({ length: count }, word);
    words[0] = capitalize(words[0] as string);
    return `${words.join(' ')}.`;
  };
  const link = () => {
    const pickExtra = extra.length > 0 && random() < 0.3;
    const target = pickExtra
      ? (extra[Math.floor(random() * extra.length)] as string)
      : (titles[Math.floor(random() * titles.length)] as string);
    return random() < 0.2 ? `[[${target}|${word()}]]` : `[[${target}]]`;
  };

  return titles.map((title, index) => {
    const lines: string[] = [];
    if (random() < 0.4) lines.push('---', `tags: [${word()}, ${word()}]`, '---', '');
    lines.push(`# ${title}`, '');
    let written = 0;
    const budget = Math.max(20, Math.round(wordsPerNote * (0.5 + random())));
    let section = 0;
    while (written < budget) {
      if (section > 0 && random() < 0.25) lines.push(`## ${capitalize(word())} ${word()}`, '');
      section++;
      if (random() < 0.25) {
        for (let i = 0; i < 3; i++) {
          const n = 4 + Math.floor(random() * 6);
          lines.push(`- ${sentence(n)}${random() < 0.3 ? ` ${link()}` : ''}`);
          written += n;
        }
        lines.push('');
      } else {
        const n = 25 + Math.floor(random() * 40);
        const parts = [sentence(Math.ceil(n / 2)), random() < 0.5 ? link() : '', sentence(Math.floor(n / 2))];
        if (random() < 0.15) parts.push(`#${word()}`);
        lines.push(parts.filter(Boolean).join(' '), '');
        written += n;
      }
    }
    if (index < hotCount) lines.push(`See also [[${options.hotTarget}]] for the ${word()} ${word()}.`, '');
    const folder = `Course ${Math.floor(index / perFolder)}`;
    return { path: `${folder}/${title}.md`, content: lines.join('\n') };
  });
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
