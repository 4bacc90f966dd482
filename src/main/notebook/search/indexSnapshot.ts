import { CorruptDataError, type ByteReader, type ByteWriter } from './bytes';
import { pairFilterBytes, pairFilterOf } from './phraseBloom';
import {
  FIELD_COUNT,
  FIELDS,
  LONG_LIST,
  MAX_DOC_ID,
  TF_BITS,
  TF_MAX,
  TF_SCALE,
  type DecodedDoc,
  type PostingStore,
  type Postings,
  type StoredDoc,
} from './PostingStore';

/**
 * The binary form of the index's documents and postings: what the search cache holds
 * (see indexCache.ts for the file around it). Documents are renumbered densely and
 * postings delta-encoded as varints.
 */

/** Writes the documents `include` accepts, with their postings (see FullTextIndex.writeSnapshot). */
export function writeSnapshot(store: PostingStore, out: ByteWriter, include: (doc: StoredDoc) => boolean): void {
  const ordinal = new Int32Array(store.nextId).fill(-1);
  const ids: number[] = [];
  for (let id = 0; id < store.nextId; id++) {
    const doc = store.docs[id];
    if (store.alive[id] && doc && include(doc)) {
      ordinal[id] = ids.length;
      ids.push(id);
    }
  }
  // Strings go in two blocks (decoding thousands of small strings one by one is slow).
  const records = ids.map((id) => {
    const doc = store.docs[id]!;
    const lengths = Array.from(store.lengths.subarray(id * FIELD_COUNT, (id + 1) * FIELD_COUNT));
    return [doc.key, doc.kind === 'entry' ? 0 : 1, doc.title, doc.folder, doc.version, doc.tags, lengths, doc.aliases];
  });
  out.string(JSON.stringify(records));
  for (const id of ids) out.bytes(pairFilterBytes(store.blooms[id] ?? null));
  const terms: Array<[string, Array<Postings | undefined>]> = [];
  for (const term of store.vocabulary.all()) {
    const lists = FIELDS.map((_, f) => store.ownListOf(f, term));
    if (lists.some((list) => list?.some((posting) => ordinal[posting >>> TF_BITS]! >= 0))) terms.push([term, lists]);
  }
  // Terms never hold whitespace (see tokenize), so a newline separates them.
  out.string(terms.map(([term]) => term).join('\n'));
  for (const [, lists] of terms) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const list = lists[f];
      let count = 0;
      if (list) for (const posting of list) if (ordinal[posting >>> TF_BITS]! >= 0) count++;
      out.varint(count);
      if (count === 0) continue;
      let previous = 0;
      for (const posting of list!) {
        const at = ordinal[posting >>> TF_BITS]!;
        if (at < 0) continue;
        out.varint(at - previous);
        out.varint(posting & TF_MAX);
        previous = at;
      }
    }
  }
}

/**
 * Adds the documents of a snapshot that `accept` wants (and that are not in the store
 * already), with their postings. Returns how many were added.
 * @throws CorruptDataError when the bytes are not a well-formed snapshot; the store is
 *   then unchanged.
 */
/**
 * The snapshot's document table (a JSON list, one record per document), not yet checked record by record.
 * @throws CorruptDataError when it is not JSON or not a list.
 */
export function readDocumentTable(input: ByteReader): unknown[] {
  let records: unknown;
  try {
    records = JSON.parse(input.string());
  } catch (error) {
    if (error instanceof CorruptDataError) throw error;
    throw new CorruptDataError('document table is not JSON');
  }
  if (!Array.isArray(records)) throw new CorruptDataError('document table is not a list');
  return records;
}

export function readSnapshot(store: PostingStore, input: ByteReader, accept: (doc: StoredDoc) => boolean): number {
  const records = readDocumentTable(input);
  const docCount = records.length;
  const docs: Array<DecodedDoc | null> = [];
  const keys = new Set<string>();
  for (const record of records as unknown[]) {
    const doc = storedDocOf(record);
    // Two documents under one key would leave a ghost hit once one of them is removed.
    if (keys.has(doc.doc.key)) throw new CorruptDataError('document listed twice');
    keys.add(doc.doc.key);
    const bloomBytes = input.bytes();
    const wanted = !store.byKey.has(doc.doc.key) && accept(doc.doc);
    docs.push(wanted ? { ...doc, bloom: pairFilterOf(bloomBytes) } : null);
  }
  // Decode every posting before touching the store, so a corrupt tail changes nothing.
  const firstId = store.nextId;
  const ids = new Int32Array(docCount).fill(-1);
  const added: DecodedDoc[] = [];
  for (let i = 0; i < docCount; i++) {
    const item = docs[i];
    if (item) {
      ids[i] = firstId + added.length;
      added.push(item);
    }
  }
  if (firstId + added.length >= MAX_DOC_ID) throw new CorruptDataError('too many documents');
  const termText = input.string();
  const termList = termText === '' ? [] : termText.split('\n');
  // Two passes over the postings: the first checks them all without allocating, so a corrupt
  // tail changes nothing; the second builds the lists straight into the store, so a large
  // snapshot (a 120,000-entry pack) never holds a second, staged copy of its postings.
  const start = input.position;
  for (let t = 0; t < termList.length; t++) {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = input.varint();
      // Each posting takes at least two bytes: a count beyond that is damage, not a list to allocate.
      if (count > input.remaining / 2) throw new CorruptDataError('posting count out of range');
      let at = 0;
      for (let p = 0; p < count; p++) {
        at += input.varint();
        const tf = input.varint();
        if (at >= docCount || tf > TF_MAX) throw new CorruptDataError('posting out of range');
      }
    }
  }
  if (!input.done) throw new CorruptDataError('trailing data');
  input.seek(start);
  store.addDecoded(added, decodeTerms(input, termList, ids));
  return added.length;
}

/** The terms of a checked snapshot with their postings renumbered by `ids`, one at a time. */
function* decodeTerms(
  input: ByteReader,
  termList: readonly string[],
  ids: Int32Array,
): Generator<[string, Array<number[] | null>]> {
  for (const term of termList) {
    const lists: Array<number[] | null> = [];
    let any = false;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const count = input.varint();
      if (count === 0) {
        lists.push(null);
        continue;
      }
      // A long list grows by push, so it has room for the postings saves add (see LONG_LIST).
      const list: number[] = count >= LONG_LIST ? [] : new Array<number>(count);
      let kept = 0;
      let at = 0;
      for (let p = 0; p < count; p++) {
        at += input.varint();
        const tf = input.varint();
        const id = ids[at]!;
        if (id >= 0) list[kept++] = id * TF_SCALE + tf;
      }
      list.length = kept;
      lists.push(kept > 0 ? list : null);
      if (kept > 0) any = true;
    }
    if (any) yield [term, lists];
  }
}

const NONE: string[] = [];

/** A document record of a snapshot, checked. */
export function storedDocOf(record: unknown): { doc: StoredDoc; lengths: number[] } {
  if (!Array.isArray(record) || record.length !== 8) throw new CorruptDataError('bad document record');
  const [key, kind, title, folder, version, tags, lengths, aliases] = record as unknown[];
  const strings = [key, title, folder, version].every((value) => typeof value === 'string');
  const tagList = Array.isArray(tags) && tags.every((tag) => typeof tag === 'string');
  const aliasList = Array.isArray(aliases) && aliases.every((alias) => typeof alias === 'string');
  const lengthList =
    Array.isArray(lengths) &&
    lengths.length === FIELD_COUNT &&
    lengths.every((n) => Number.isInteger(n) && (n as number) >= 0);
  if (!strings || !tagList || !aliasList || !lengthList || (kind !== 0 && kind !== 1)) {
    throw new CorruptDataError('bad document record');
  }
  return {
    doc: {
      key: key as string,
      kind: kind === 0 ? 'entry' : 'note',
      title: title as string,
      folder: folder as string,
      version: version as string,
      // Most documents have neither: one shared empty list instead of two per document.
      tags: (tags as string[]).length === 0 ? NONE : (tags as string[]),
      aliases: (aliases as string[]).length === 0 ? NONE : (aliases as string[]),
    },
    lengths: lengths as number[],
  };
}
