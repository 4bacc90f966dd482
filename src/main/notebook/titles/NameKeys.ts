import { foldTitleName } from '@shared/titles/matchTitle';
import { wordSpans } from '@shared/text/words';

/**
 * The sorted keys of a NamePrefixIndex without its items: every name (title, then aliases)
 * of documents 0…count-1 folded as the title matcher folds it, once from its first character
 * and once from each later word start, sorted by key then owner. Made once per glossary and
 * shared by the quick switcher and the `[[` menu (both index the same entries first), and
 * stored beside a pack (see packNameKeys.ts) so start-up neither folds nor sorts its names.
 */
export interface NameKeys {
  /** How many documents the keys describe: every owner is below it. */
  readonly count: number;
  readonly keys: readonly string[];
  /** Per key: the document it belongs to. */
  readonly owners: Int32Array;
  /** Per key: FLAG_START when it is a whole name, FLAG_ALIAS when that name is not the document's first. */
  readonly flags: Uint8Array;
}

export const FLAG_START = 1;
export const FLAG_ALIAS = 2;

/** Folds names and collects their keys, a slice of documents at a time (see nameKeysInSlices). */
export class NameKeyCollector {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private readonly flags: number[] = [];

  /** Collects documents first…count-1 (the ones before are another table's: see mergeNameKeys). */
  constructor(
    private readonly count: number,
    private readonly namesAt: (at: number) => readonly string[],
    private next = 0,
  ) {}

  /** Collects up to `slice` more documents; true when every one is in. */
  collect(slice: number): boolean {
    const end = Math.min(this.count, this.next + slice);
    for (; this.next < end; this.next++) addNameKeys(this.namesAt(this.next), this.next, this);
    return this.next >= this.count;
  }

  add(key: string, owner: number, flags: number): void {
    this.keys.push(key);
    this.owners.push(owner);
    this.flags.push(flags);
  }

  /** The keys collected, sorted. */
  finish(): NameKeys {
    const keys = this.keys;
    const order = new Array<number>(keys.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => compareKeys(keys[a]!, this.owners[a]!, keys[b]!, this.owners[b]!));
    const sorted = new Array<string>(order.length);
    const owners = new Int32Array(order.length);
    const flags = new Uint8Array(order.length);
    for (let i = 0; i < order.length; i++) {
      sorted[i] = keys[order[i]!]!;
      owners[i] = this.owners[order[i]!]!;
      flags[i] = this.flags[order[i]!]!;
    }
    return { count: this.count, keys: sorted, owners, flags };
  }
}

/** The keys of one document's names (its title first), in the order they are collected. */
export function addNameKeys(
  names: readonly string[],
  owner: number,
  into: { add(key: string, owner: number, flags: number): void },
): void {
  for (let n = 0; n < names.length; n++) {
    const folded = foldTitleName(names[n]!);
    if (folded === '') continue;
    const alias = n > 0 ? FLAG_ALIAS : 0;
    into.add(folded, owner, FLAG_START | alias);
    const spans = wordSpans(folded);
    for (let i = 0; i < spans.length; i += 2) if (spans[i] !== 0) into.add(folded.slice(spans[i]), owner, alias);
  }
}

/** The keys of documents 0…count-1, at once. */
export function nameKeysOf(count: number, namesAt: (at: number) => readonly string[]): NameKeys {
  const collector = new NameKeyCollector(count, namesAt);
  collector.collect(count);
  return collector.finish();
}

/**
 * The keys of documents 0…count-1, a slice of documents at a time, giving other work a turn
 * between slices (the sort at the end is one step). Resolves null when `cancelled()` turned true.
 */
export async function nameKeysInSlices(
  count: number,
  namesAt: (at: number) => readonly string[],
  cancelled: () => boolean = () => false,
  slice = 5000,
): Promise<NameKeys | null> {
  const collector = new NameKeyCollector(count, namesAt);
  while (!collector.collect(slice)) {
    await new Promise((resolve) => setImmediate(resolve));
    if (cancelled()) return null;
  }
  await new Promise((resolve) => setImmediate(resolve));
  return cancelled() ? null : collector.finish();
}

/** Key order: by key (UTF-16 code units), then by owner. */
export function compareKeys(keyA: string, ownerA: number, keyB: string, ownerB: number): number {
  return keyA < keyB ? -1 : keyA > keyB ? 1 : ownerA - ownerB;
}

/**
 * One table of `count` documents from several sorted ones, each with where its documents
 * went (`positions[i]`: the new owner of its document i): a merge, no sort.
 */
export function mergeNameKeys(parts: Array<{ keys: NameKeys; positions: Int32Array | null }>, count: number): NameKeys {
  // Owners moved first, so the merge below compares plain arrays.
  const moved = parts.map(({ keys, positions }) => ({
    keys: keys.keys,
    owners: positions ? moveOwners(keys.owners, positions) : keys.owners,
    flags: keys.flags,
  }));
  let merged = moved[0] ?? { keys: [], owners: new Int32Array(0), flags: new Uint8Array(0) };
  for (let part = 1; part < moved.length; part++) merged = mergeTwo(merged, moved[part]!);
  return { count, ...merged };
}

/** `owners` with each owner o replaced by positions[o]. */
export function moveOwners(owners: Int32Array, positions: Int32Array): Int32Array {
  const out = new Int32Array(owners.length);
  for (let at = 0; at < owners.length; at++) out[at] = positions[owners[at]!]!;
  return out;
}

type KeyLists = { keys: readonly string[]; owners: Int32Array; flags: Uint8Array };

/**
 * Merges two sorted lists. Each key of the smaller is placed by binary search in the larger,
 * whose runs between are copied whole: a pack's 190,000 keys and the shipped glossary's few
 * hundred cost a few thousand comparisons, not 190,000.
 */
function mergeTwo(a: KeyLists, b: KeyLists): KeyLists {
  const [big, small, smallFirst] = a.keys.length >= b.keys.length ? [a, b, false] : [b, a, true];
  const total = a.keys.length + b.keys.length;
  const keys = new Array<string>(total);
  const owners = new Int32Array(total);
  const flags = new Uint8Array(total);
  let out = 0;
  let from = 0;
  const copyBig = (to: number) => {
    for (let at = from; at < to; at++) keys[out + at - from] = big.keys[at]!;
    owners.set(big.owners.subarray(from, to), out);
    flags.set(big.flags.subarray(from, to), out);
    out += to - from;
    from = to;
  };
  for (let at = 0; at < small.keys.length; at++) {
    const key = small.keys[at]!;
    const owner = small.owners[at]!;
    // Where it goes among the big list's keys (after equal ones of the first list: a stable merge).
    let low = from;
    let high = big.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const order = compareKeys(big.keys[mid]!, big.owners[mid]!, key, owner);
      if (order < 0 || (order === 0 && !smallFirst)) low = mid + 1;
      else high = mid;
    }
    copyBig(low);
    keys[out] = key;
    owners[out] = owner;
    flags[out++] = small.flags[at]!;
  }
  copyBig(big.keys.length);
  return { keys, owners, flags };
}

/**
 * Why `table` cannot be the keys of `count` documents, or null when it can: every array as
 * long as the keys, keys sorted (see compareKeys), owners below `count`, flags known. Not
 * whether the keys are those of the documents' names (see sampleMismatch).
 */
export function nameKeysProblem(table: NameKeys, count: number): string | null {
  const { keys, owners, flags } = table;
  if (table.count !== count) return `describes ${table.count} documents, not ${count}`;
  if (owners.length !== keys.length || flags.length !== keys.length) return 'has arrays of different lengths';
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string' || keys[i] === '') return `has no key at ${i}`;
    if (owners[i]! < 0 || owners[i]! >= count) return `has an owner out of range at ${i}`;
    if (flags[i]! > (FLAG_START | FLAG_ALIAS)) return `has unknown flags at ${i}`;
    // Equal neighbours are fine: a name can repeat a word start of another of the same document.
    if (i > 0 && compareKeys(keys[i - 1]!, owners[i - 1]!, keys[i]!, owners[i]!) > 0) return `is out of order at ${i}`;
  }
  return null;
}

/**
 * Folds the names of `samples` documents spread over the table and checks that each of their
 * keys is in it with its owner and flags: what catches keys of other names (the folding
 * changed with an app update, another version of the documents). Returns the first document
 * whose keys differ, or -1.
 */
export function sampleMismatch(table: NameKeys, namesAt: (at: number) => readonly string[], samples = 32): number {
  if (table.count === 0) return -1;
  for (let n = 0; n <= samples; n++) {
    const doc = Math.min(table.count - 1, Math.floor((n * (table.count - 1)) / samples));
    let ok = true;
    addNameKeys(namesAt(doc), doc, {
      add: (key, owner, flags) => {
        ok &&= hasKey(table, key, owner, flags);
      },
    });
    if (!ok) return doc;
  }
  return -1;
}

function hasKey(table: NameKeys, key: string, owner: number, flags: number): boolean {
  const { keys, owners } = table;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareKeys(keys[mid]!, owners[mid]!, key, owner) < 0) low = mid + 1;
    else high = mid;
  }
  // The same key for the same owner twice (a name repeated): any of them with these flags.
  for (let at = low; at < keys.length && keys[at] === key && owners[at] === owner; at++) {
    if (table.flags[at] === flags) return true;
  }
  return false;
}

/**
 * Name keys made for a list of entries (see PackLibrary.loadNameKeys), for an index whose
 * first items are those entries, in that order (see baseKeysFor).
 */
export interface EntryNameKeys {
  /** The entries, in the order of the keys' owners. */
  readonly entries: ReadonlyArray<{ id: string; title: string; aliases: readonly string[] }>;
  /** The keys if made already (a query does not wait for them). */
  ready(): NameKeys | null;
  /** Reads or makes them; null when they cannot be had (the index then folds the names itself). */
  load(): Promise<NameKeys | null>;
}

/**
 * `keys` when `items` begin with `source`'s entries in its order, with the same names (what
 * NamePrefixIndex.build takes as its base); else undefined: the index folds every name.
 */
export function baseKeysFor<T>(
  source: EntryNameKeys | undefined,
  keys: NameKeys | null | undefined,
  items: readonly T[],
  entryOf: (item: T) => { id: string; title: string; aliases: readonly string[] } | null,
): NameKeys | undefined {
  if (!source || !keys) return undefined;
  const entries = source.entries;
  if (keys.count !== entries.length || items.length < entries.length) return undefined;
  for (let at = 0; at < entries.length; at++) {
    const item = entryOf(items[at]!);
    const entry = entries[at]!;
    if (!item || item.id !== entry.id || item.title !== entry.title || !sameNames(item.aliases, entry.aliases)) {
      return undefined;
    }
  }
  return keys;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  return a.length === b.length && a.every((name, at) => name === b[at]);
}
