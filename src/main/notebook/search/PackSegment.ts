import { crc32 } from 'node:zlib';
import { CorruptDataError, type ByteReader } from './bytes';
import { readDocumentTable, storedDocOf } from './indexSnapshot';
import { pairFilterOf } from './phraseBloom';
import { FIELD_COUNT, MAX_DOC_ID, TF_MAX, TF_SCALE, type DecodedDoc, type Postings } from './PostingStore';
import type { StemTable } from './packStemTable';
import { compareStoredString, compareStoredStrings, type TermTable } from './TermTable';

/**
 * A reference pack's terms and postings, read-only, straight from the bytes of its index
 * snapshot (indexSnapshot.ts), searched beside the live index (PostingStore.ts).
 *
 * Loading a pack's snapshot into the live index made an entry in five `Map`s and a string
 * per term and a JavaScript array per posting list: for the 120,000-entry bench pack, 6.2 s
 * and a 517 MB peak at every start. A segment keeps instead
 * - the vocabulary as the snapshot holds it, one string of newline-separated sorted terms,
 *   with a typed array of where each starts (a TermTable: binary search for a term or a
 *   prefix, the edit-distance walk for typos; no string per term);
 * - the postings as the snapshot's varint bytes, with a typed array of where each term's
 *   lists start, decoded only when a query needs that term.
 * Its documents (title, aliases, pair filter, field lengths) are added to the store as any
 * document is, numbered contiguously from {@link PackSegment.base}.
 *
 * Everything is checked once when the segment is read (terms sorted and distinct, every
 * posting in range, nothing left over), so decoding later cannot fail or read out of range.
 * The bytes are never trusted: a snapshot failing any check, or holding anything but
 * entries, throws CorruptDataError.
 */
export class PackSegment implements TermTable {
  /** The store's number of this segment's first document (PostingStore sets it, vacuum moves it). */
  base = 0;
  /** Its terms by English stem (packStemTable.ts), once loaded; until then stems are found by stemming. */
  stems: StemTable | null = null;
  private checksum: number | null = null;

  private constructor(
    /** The terms, sorted, each followed by a newline. */
    private readonly text: string,
    /** Where each term starts in `text`; one more at the end. */
    private readonly starts: Uint32Array,
    /** The postings block of the snapshot: a view of the file's bytes (see read). */
    private readonly bytes: Uint8Array,
    /** Where each term's lists (one per field) start in `bytes`. */
    private readonly postingsAt: Uint32Array,
    /** How many documents the segment has. */
    readonly docCount: number,
  ) {}

  get count(): number {
    return this.postingsAt.length;
  }

  lengthAt(index: number): number {
    return this.starts[index + 1]! - this.starts[index]! - 1;
  }

  codeAt(index: number, depth: number): number {
    return this.text.charCodeAt(this.starts[index]! + depth);
  }

  termAt(index: number): string {
    return this.text.slice(this.starts[index]!, this.starts[index + 1]! - 1);
  }

  compareAt(index: number, value: string): number {
    return compareStoredString(this.text, this.starts, index, value);
  }

  /** CRC-32 of the vocabulary (what a stem table is bound to). */
  vocabularyChecksum(): number {
    return (this.checksum ??= crc32(this.text));
  }

  /** Where readVarint reads next in `bytes`: inside one term's postings at a time. */
  private cursor = 0;

  /** The varint at `cursor`, moving past it (the bytes were checked when the segment was read). */
  private readVarint(): number {
    const bytes = this.bytes;
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[this.cursor++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 0x80;
    }
  }

  /** True when the term at `index` has postings in some field other than `skip`. */
  hasPostings(index: number, skip = -1): boolean {
    this.cursor = this.postingsAt[index]!;
    const varint = () => this.readVarint();
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = varint();
      if (count > 0 && f !== skip) return true;
      for (let p = 0; p < 2 * count; p++) varint();
    }
    return false;
  }

  /** Compares the terms at `a` and `b` as compareAt does, without making either a string. */
  private compareTerms(a: number, b: number): number {
    return compareStoredStrings(this.text, this.starts, a, b);
  }

  /**
   * The postings of the term at `index` in each field (undefined where it has none, and for
   * every field `skip` names), numbered as the store numbers documents.
   */
  listsAt(index: number, skip = -1): Array<Postings | undefined> {
    this.cursor = this.postingsAt[index]!;
    const varint = () => this.readVarint();
    const lists: Array<Postings | undefined> = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = varint();
      if (count === 0 || f === skip) {
        for (let p = 0; p < count; p++) {
          varint();
          varint();
        }
        lists.push(undefined);
        continue;
      }
      const list = new Array<number>(count);
      let doc = this.base;
      for (let p = 0; p < count; p++) {
        doc += varint();
        list[p] = doc * TF_SCALE + varint();
      }
      lists.push(list);
    }
    return lists;
  }

  /**
   * Reads a snapshot (as FullTextIndex.writeSnapshot writes it) as a segment, with its
   * documents for the store to add.
   * @throws CorruptDataError when the bytes are not a well-formed snapshot, its terms are
   *   not sorted and distinct, or it has too many documents.
   */
  static read(input: ByteReader): { segment: PackSegment; docs: DecodedDoc[] } {
    const records = readDocumentTable(input);
    if (records.length >= MAX_DOC_ID) throw new CorruptDataError('too many documents');
    const docs: DecodedDoc[] = [];
    const keys = new Set<string>();
    for (const record of records as unknown[]) {
      const { doc, lengths } = storedDocOf(record);
      // A pack holds entries only: a note here could name any path.
      if (doc.kind !== 'entry') throw new CorruptDataError('a note in a pack');
      if (keys.has(doc.key)) throw new CorruptDataError('document listed twice');
      keys.add(doc.key);
      docs.push({ doc, lengths, bloom: pairFilterOf(input.bytes()) });
    }
    const text = input.string();
    const termCount = text === '' ? 0 : countLines(text) + 1;
    const terms = text === '' ? '' : `${text}\n`;
    const starts = new Uint32Array(termCount + 1);
    let term = 0;
    for (let i = 0; i < terms.length; i++) if (terms.charCodeAt(i) === 10) starts[++term] = i + 1;
    // The postings, checked in one tight pass over the bytes (the reader's method per varint
    // took most of a 120,000-entry pack's load), recording where each term's lists start.
    const data = input.rest();
    const postingsAt = new Uint32Array(termCount);
    const docCount = docs.length;
    const length = data.length;
    let at = 0;
    const varint = (): number => {
      let result = 0;
      let scale = 1;
      for (let i = 0; i < 8; i++) {
        if (at >= length) throw new CorruptDataError('unexpected end of data');
        const byte = data[at++]!;
        result += (byte & 0x7f) * scale;
        if (byte < 0x80) return result;
        scale *= 0x80;
      }
      throw new CorruptDataError('varint too long');
    };
    for (let t = 0; t < termCount; t++) {
      postingsAt[t] = at;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const count = varint();
        // Each posting takes at least two bytes: a count beyond that is damage.
        if (count > (length - at) / 2) throw new CorruptDataError('posting count out of range');
        let doc = 0;
        for (let p = 0; p < count; p++) {
          const delta = varint();
          doc += delta;
          const tf = varint();
          // Documents in increasing order, each once.
          if ((p > 0 && delta === 0) || doc >= docCount || tf > TF_MAX) {
            throw new CorruptDataError('posting out of range');
          }
        }
      }
    }
    if (at !== length) throw new CorruptDataError('trailing data');
    // A view, not a copy: the file's bytes are read once and never written, and copying the
    // postings held both at once at start-up (the server's peak memory with a 120,000-entry pack).
    const segment = new PackSegment(terms, starts, data, postingsAt, docCount);
    for (let t = 0; t < termCount; t++) {
      if (segment.lengthAt(t) === 0) throw new CorruptDataError('empty term');
      // Sorted and distinct, or binary search would miss terms.
      if (t > 0 && segment.compareTerms(t - 1, t) >= 0) throw new CorruptDataError('terms out of order');
    }
    return { segment, docs };
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
