import type { GlossaryEntry } from '@shared/domain/glossary';
import { foldName } from '@shared/text/fold';
import { FLAG_ALIAS, FLAG_START, type NameKeys } from '../titles/NameKeys';

/** How an entry whose title other shown entries share is told apart from them. */
export interface SharedTitleHint {
  /** The name of its pack, when it has one. */
  pack: string | null;
  /** The first words of its definition, with "…" when cut. */
  words: string;
}

/** Same as the catalog's LEAD_WORDS (packs/packCatalog.ts). */
const WORDS = 7;

/**
 * For each entry whose title (folded) another entry shares, its pack's name and the first
 * words of its definition: what the list, the switcher, the `[[` menu and search results
 * show beside the title, so eighteen "bank"s can be told apart. Entries with a title of their
 * own get nothing (and cost one fold of their title).
 */
export function sharedTitleHints(
  entries: readonly GlossaryEntry[],
  packNameOf: (packId: string) => string | undefined,
): Map<string, SharedTitleHint> {
  const counts = new Map<string, number>();
  const keys = entries.map((entry) => foldName(entry.title));
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return hintsOf(entries, (at) => counts.get(keys[at]!)! >= 2, packNameOf);
}

/** The hints of the entries `shared` picks (by position), in the entries' order. */
function hintsOf(
  entries: readonly GlossaryEntry[],
  shared: (at: number) => boolean,
  packNameOf: (packId: string) => string | undefined,
): Map<string, SharedTitleHint> {
  const hints = new Map<string, SharedTitleHint>();
  // One lookup per pack, not per entry.
  const packNames = new Map<string, string | null>();
  const packName = (packId: string) => {
    if (!packNames.has(packId)) packNames.set(packId, packNameOf(packId) || null);
    return packNames.get(packId)!;
  };
  entries.forEach((entry, at) => {
    if (!shared(at)) return;
    hints.set(entry.id, {
      pack: entry.packId ? packName(entry.packId) : null,
      // Entries read from a pack's catalog carry these words, so their bodies stay on disk.
      words: (entry as { lead?: string | null }).lead ?? firstWords(entry.definition, WORDS),
    });
  });
  return hints;
}

/**
 * sharedTitleHints from the entries' name keys (see NameKeys: every name folded as
 * foldName folds it, sorted), so a 120,000-entry pack's titles are not folded again while
 * the glossary's first rows are waited for: entries whose title keys are equal sit side by
 * side in the keys. Falls back to folding when the keys are not `entries`' (another count).
 */
export function sharedTitleHintsFromKeys(
  entries: readonly GlossaryEntry[],
  keys: NameKeys,
  packNameOf: (packId: string) => string | undefined,
): Map<string, SharedTitleHint> {
  if (keys.count !== entries.length) return sharedTitleHints(entries, packNameOf);
  const shared = new Uint8Array(entries.length);
  // A title folding to nothing has no key: every such title shares the key '' (as foldName gives).
  const titled = new Uint8Array(entries.length);
  let previous: string | null = null;
  let previousOwner = -1;
  for (let at = 0; at < keys.keys.length; at++) {
    if ((keys.flags[at]! & (FLAG_START | FLAG_ALIAS)) !== FLAG_START) continue;
    const key = keys.keys[at]!;
    const owner = keys.owners[at]!;
    titled[owner] = 1;
    if (key === previous) {
      shared[previousOwner] = 1;
      shared[owner] = 1;
    }
    previous = key;
    previousOwner = owner;
  }
  let untitled = 0;
  for (let at = 0; at < entries.length; at++) if (!titled[at]) untitled++;
  if (untitled >= 2) for (let at = 0; at < entries.length; at++) if (!titled[at]) shared[at] = 1;
  return hintsOf(entries, (at) => shared[at] === 1, packNameOf);
}

/** The hint as one line: "Pack name · first words…". */
export function formatHint(hint: SharedTitleHint | undefined): string {
  if (!hint) return '';
  return hint.pack ? `${hint.pack} · ${hint.words}` : hint.words;
}

/** The first `count` words of `text`, on one line, with "…" when there were more. */
export function firstWords(text: string, count: number): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ');
}
