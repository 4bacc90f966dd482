import { dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import { STEMMER_VERSION, stemOf } from '@shared/search/stemWord';
import { readIndexCacheFile, writeIndexCacheFile } from './indexCache';
import { compareStoredString, compareStoredStrings, type TermTable } from './TermTable';

/**
 * A reference pack's stem table: for each English stem (stemWord.ts) of its vocabulary, the
 * terms with that stem, so a query word's other forms ("releasing" → "released",
 * "release") are one binary search away instead of stemming every term around the stem's
 * key (thousands in a 120,000-entry pack, ~10 µs each when not memoised; see
 * PostingStore.termsWithStem).
 *
 * Built once, when the pack's search index cache is written or found without a usable
 * table, and stored beside it (`<pack>/search-stems.bin`). A pack's vocabulary changes only
 * by a re-import (a new folder), so the table is bound to it: the file names the stemmer's
 * version, the table's format, and the vocabulary's term count and CRC-32; a file for
 * another vocabulary is stale, a damaged one corrupt, and either is rebuilt and rewritten.
 * The bytes are never trusted beyond that: every stem is checked to be sorted, every term
 * number in range and ascending within its stem, so a lookup cannot fail or read out of
 * range; and the terms a lookup returns are stemmed again (a handful, memoised) before they
 * are used, so even a well-formed but wrong table cannot make a query match a wrong form.
 *
 * Layout (little-endian): 8 bytes magic "SNSTEMTB", u32 format, u32 stemmer version, u32
 * term count, u32 vocabulary CRC-32, u32 stem count S, u32 entry count E, u32 length and the
 * stems (a–z, newline-separated, sorted), u32 × (S + 1) where each stem's terms start,
 * u32 × E term numbers, then u32 CRC-32 of everything before it.
 */
export const STEM_TABLE_FILE = 'search-stems.bin';
export const STEM_TABLE_FORMAT = 1;
const MAGIC = new TextEncoder().encode('SNSTEMTB');
const HEADER = MAGIC.length + 7 * 4;

/** What a stem table is built for: a vocabulary, known by its term count and checksum. */
export interface StemVocabulary extends TermTable {
  /** CRC-32 of the vocabulary's terms (see PackSegment.vocabularyChecksum). */
  vocabularyChecksum(): number;
}

export type StemTableProblem = 'stale' | 'corrupt';

export class StemTable {
  private constructor(
    /** The stems, sorted, each followed by a newline. */
    private readonly text: string,
    /** Where each stem starts in `text`; one more at the end. */
    private readonly starts: Uint32Array,
    /** Where each stem's term numbers start in `terms`; one more at the end. */
    private readonly groups: Uint32Array,
    /** The term numbers, grouped by stem, ascending within a group. */
    private readonly terms: Uint32Array,
  ) {}

  /** How many distinct stems. */
  get stemCount(): number {
    return this.groups.length - 1;
  }

  /** The numbers (ascending) of the vocabulary's terms with stem `stem`; empty when none. */
  termsOf(stem: string): Uint32Array {
    let lo = 0;
    let hi = this.stemCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = this.compareAt(mid, stem);
      if (order === 0) return this.terms.subarray(this.groups[mid]!, this.groups[mid + 1]!);
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
    return this.terms.subarray(0, 0);
  }

  private compareAt(index: number, value: string): number {
    return compareStoredString(this.text, this.starts, index, value);
  }

  /** Stems every term of `vocabulary` (about 1–2 s for a 120,000-entry pack's 160,000 terms). */
  static build(vocabulary: TermTable): StemTable {
    const byStem = new Map<string, number[]>();
    for (let t = 0; t < vocabulary.count; t++) {
      const stem = stemOf(vocabulary.termAt(t));
      if (stem === null) continue;
      const group = byStem.get(stem);
      if (group) group.push(t);
      else byStem.set(stem, [t]);
    }
    const stems = [...byStem.keys()].sort();
    const groups = new Uint32Array(stems.length + 1);
    let total = 0;
    stems.forEach((stem, i) => {
      groups[i] = total;
      total += byStem.get(stem)!.length;
    });
    groups[stems.length] = total;
    const terms = new Uint32Array(total);
    stems.forEach((stem, i) => terms.set(byStem.get(stem)!, groups[i]));
    return StemTable.of(stems.map((stem) => `${stem}\n`).join(''), groups, terms);
  }

  private static of(text: string, groups: Uint32Array, terms: Uint32Array): StemTable {
    const starts = new Uint32Array(groups.length);
    let stem = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts[++stem] = i + 1;
    return new StemTable(text, starts, groups, terms);
  }

  /** The file's bytes, bound to `vocabulary` (the one the table was built from). */
  encode(vocabulary: StemVocabulary): Uint8Array {
    const stems = new TextEncoder().encode(this.text.slice(0, -1));
    const length = HEADER + stems.length + 4 * this.groups.length + 4 * this.terms.length + 4;
    const out = new Uint8Array(length);
    const view = new DataView(out.buffer);
    out.set(MAGIC, 0);
    let at = MAGIC.length;
    for (const value of [
      STEM_TABLE_FORMAT,
      STEMMER_VERSION,
      vocabulary.count,
      vocabulary.vocabularyChecksum(),
      this.stemCount,
      this.terms.length,
      stems.length,
    ]) {
      view.setUint32(at, value, true);
      at += 4;
    }
    out.set(stems, at);
    at += stems.length;
    for (const list of [this.groups, this.terms]) {
      for (const value of list) {
        view.setUint32(at, value, true);
        at += 4;
      }
    }
    view.setUint32(at, crc32(out.subarray(0, at)), true);
    return out;
  }

  /**
   * Reads a table's bytes for `vocabulary`.
   * @returns the table, or why it cannot be used: built for another vocabulary, stemmer or
   *   format (stale), or damaged in any way (corrupt).
   */
  static decode(bytes: Uint8Array, vocabulary: StemVocabulary): StemTable | { problem: StemTableProblem } {
    const corrupt = { problem: 'corrupt' as const };
    if (bytes.length < HEADER + 8) return corrupt;
    for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return corrupt;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 4;
    if (crc32(bytes.subarray(0, end)) !== view.getUint32(end, true)) return corrupt;
    const u32 = (index: number) => view.getUint32(MAGIC.length + 4 * index, true);
    const format = u32(0);
    const stemmer = u32(1);
    const termCount = u32(2);
    const checksum = u32(3);
    const stemCount = u32(4);
    const entryCount = u32(5);
    const stemsLength = u32(6);
    if (format !== STEM_TABLE_FORMAT || stemmer !== STEMMER_VERSION) return { problem: 'stale' };
    if (termCount !== vocabulary.count || checksum !== vocabulary.vocabularyChecksum()) return { problem: 'stale' };
    let at = HEADER;
    if (at + stemsLength + 4 * (stemCount + 1) + 4 * entryCount !== end) return corrupt;
    const stemBytes = bytes.subarray(at, at + stemsLength);
    // Stems are a–z: any other byte, newline aside, is damage.
    for (const byte of stemBytes) if (byte !== 10 && (byte < 97 || byte > 122)) return corrupt;
    const text = stemCount === 0 ? '' : `${new TextDecoder().decode(stemBytes)}\n`;
    at += stemsLength;
    const groups = new Uint32Array(stemCount + 1);
    for (let i = 0; i <= stemCount; i++, at += 4) groups[i] = view.getUint32(at, true);
    const terms = new Uint32Array(entryCount);
    for (let i = 0; i < entryCount; i++, at += 4) terms[i] = view.getUint32(at, true);
    const table = StemTable.of(text, groups, terms);
    // As many stems as the text has lines, each non-empty, sorted and distinct.
    if (stemCount === 0 ? stemsLength !== 0 : table.starts[stemCount] !== text.length) return corrupt;
    for (let s = 0; s < stemCount; s++) {
      if (table.starts[s + 1]! - table.starts[s]! < 2) return corrupt;
      if (s > 0 && table.compareStems(s - 1, s) >= 0) return corrupt;
    }
    // Each stem has terms, numbered in range, ascending.
    if (groups[0] !== 0 || groups[stemCount] !== entryCount) return corrupt;
    for (let s = 0; s < stemCount; s++) {
      if (groups[s + 1]! <= groups[s]!) return corrupt;
      for (let i = groups[s]!; i < groups[s + 1]!; i++) {
        if (terms[i]! >= termCount || (i > groups[s]! && terms[i]! <= terms[i - 1]!)) return corrupt;
      }
    }
    return table;
  }

  /** Compares the stems at `a` and `b` as compareAt does, without making either a string. */
  private compareStems(a: number, b: number): number {
    return compareStoredStrings(this.text, this.starts, a, b);
  }
}

/** Where the stem table of the pack whose search index cache is at `cachePath` is kept. */
export function stemTablePath(cachePath: string): string {
  return join(dirname(cachePath), STEM_TABLE_FILE);
}

/**
 * The stem table of a pack's vocabulary: read from `path` when usable, else built and
 * written there (a failed write is logged; the table is right either way).
 */
export async function loadStemTable(
  path: string,
  vocabulary: StemVocabulary,
  log: (message: string, error?: unknown) => void,
): Promise<{ table: StemTable; from: 'file' | 'built' }> {
  const bytes = await readIndexCacheFile(path);
  if (bytes !== null) {
    const read = StemTable.decode(bytes, vocabulary);
    if (read instanceof StemTable) return { table: read, from: 'file' };
    log(`The stem table ${path} was ${read.problem}; rebuilding it`);
  }
  const table = StemTable.build(vocabulary);
  try {
    await writeIndexCacheFile(path, table.encode(vocabulary));
  } catch (error) {
    log(`Could not write the stem table ${path}`, error);
  }
  return { table, from: 'built' };
}
