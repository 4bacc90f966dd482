/**
 * A per-document Bloom filter of adjacent word pairs, so phrase queries can drop most
 * documents that hold the words but not next to each other, without keeping any text.
 * About 10 bits per pair and 7 probes: roughly 1% false positives, never a false
 * negative. Shown hits are checked against the real text afterwards (see SearchService).
 *
 * A filter is kept as a Latin-1 string, one character per byte: V8 stores that as a single
 * small heap object, where a Uint8Array per document costs an ArrayBuffer and two more
 * objects, twice the memory at a thousand notes.
 */

/** A document's filter bits, one Latin-1 character per byte. */
export type PairFilter = string;

/** The filter's bytes, for writing it out. */
export function pairFilterBytes(filter: PairFilter | null): Uint8Array {
  return filter === null ? new Uint8Array(0) : Buffer.from(filter, 'latin1');
}

/** A filter from its bytes; null for none. */
export function pairFilterOf(bytes: Uint8Array): PairFilter | null {
  return bytes.length === 0 ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}

const BITS_PER_PAIR = 10;
const PROBES = 7;

/** FNV-1a over the UTF-16 code units of a term. */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function probes(first: number, second: number, bits: number, visit: (bit: number) => boolean): boolean {
  const h1 = mix(first ^ Math.imul(second, 0x9e3779b1));
  const h2 = mix(second ^ Math.imul(first, 0x27d4eb2f)) | 1;
  for (let i = 0; i < PROBES; i++) {
    if (!visit(((h1 + Math.imul(i, h2)) >>> 0) % bits)) return false;
  }
  return true;
}

/**
 * Builds the filter for a document from the hashes of its word sequence; `-1` entries
 * separate sequences (fields), so no pair spans two of them. Null when there is no pair.
 */
export function buildPairFilter(hashes: readonly number[]): PairFilter | null {
  let pairs = 0;
  for (let i = 1; i < hashes.length; i++) if (hashes[i] !== -1 && hashes[i - 1] !== -1) pairs++;
  if (pairs === 0) return null;
  const bytes = Math.max(8, Math.ceil((pairs * BITS_PER_PAIR) / 8));
  const filter = new Uint8Array(bytes);
  const bits = bytes * 8;
  for (let i = 1; i < hashes.length; i++) {
    const a = hashes[i - 1]!;
    const b = hashes[i]!;
    if (a === -1 || b === -1) continue;
    probes(a, b, bits, (bit) => {
      filter[bit >>> 3]! |= 1 << (bit & 7);
      return true;
    });
  }
  return pairFilterOf(filter);
}

/**
 * False when the document certainly does not hold `words` next to each other; true when
 * it may. With `prefixLast`, the last pair is not checked (the last word is incomplete).
 */
export function mayContainPhrase(filter: PairFilter | null, words: readonly string[], prefixLast: boolean): boolean {
  const checked = prefixLast ? words.length - 1 : words.length;
  if (checked < 2) return true;
  if (!filter) return false;
  const bits = filter.length * 8;
  let previous = termHash(words[0]!);
  for (let i = 1; i < checked; i++) {
    const current = termHash(words[i]!);
    const present = probes(previous, current, bits, (bit) => (filter.charCodeAt(bit >>> 3) & (1 << (bit & 7))) !== 0);
    if (!present) return false;
    previous = current;
  }
  return true;
}
