/**
 * A Bloom filter of the words of one note, so that finding unlinked mentions reads only
 * the notes that may contain every word of a title or alias. It answers "maybe" or "no",
 * never a false "no": a note it rules out cannot mention the name. Words are the text kit's
 * words (shared/text/words.ts) of folded text (shared/text/fold.ts).
 */
import { isWordUnitAt } from '@shared/text/words';

const HASHES = 4;
const BITS_PER_WORD = 12;
const MIN_WORDS = 32;
const MAX_WORDS = 1 << 20;

/** The filter of a set of folded words: 12 bits per word (about 0.6% false "maybe" per word). */
export function wordFilterOf(words: Iterable<string>): Uint32Array {
  const hashed = new Set<number>();
  for (const word of words) hashed.add(fnv(word, 0, word.length));
  return filterOfHashes(hashed);
}

/**
 * The filter of the words of a folded text: the same as
 * `wordFilterOf(distinctWords(folded))`, without building the words.
 */
export function wordFilterOfText(folded: string): Uint32Array {
  const hashed = new Set<number>();
  let start = -1;
  for (let index = 0; index <= folded.length; index++) {
    const word = index < folded.length && isWordUnitAt(folded, index);
    if (word && start < 0) start = index;
    else if (!word && start >= 0) {
      hashed.add(fnv(folded, start, index));
      start = -1;
    }
  }
  return filterOfHashes(hashed);
}

function filterOfHashes(hashed: ReadonlySet<number>): Uint32Array {
  let size = MIN_WORDS;
  const wanted = Math.ceil((hashed.size * BITS_PER_WORD) / 32);
  while (size < wanted && size < MAX_WORDS) size *= 2;
  const filter = new Uint32Array(size);
  const mask = size * 32 - 1;
  for (const h of hashed) {
    const [h1, h2] = split(h);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & mask;
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
  return filter;
}

/** False when the filter proves the note lacks one of `words`; true when it may hold them all. */
export function filterMayHaveAll(filter: Uint32Array, words: readonly string[]): boolean {
  const mask = filter.length * 32 - 1;
  for (const word of words) {
    const [h1, h2] = split(fnv(word, 0, word.length));
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & mask;
      if ((filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
  }
  return true;
}

/** FNV-1a of text[start, end). */
function fnv(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Two 32-bit hashes for double hashing: the word's hash and a remix of it. */
function split(h: number): [number, number] {
  let g = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  g = Math.imul(g ^ (g >>> 13), 0xc2b2ae35);
  g ^= g >>> 16;
  return [h >>> 0, (g | 1) >>> 0];
}
