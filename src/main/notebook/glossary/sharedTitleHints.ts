import type { GlossaryEntry } from '@shared/domain/glossary';
import { foldName } from '@shared/text/fold';

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
  const hints = new Map<string, SharedTitleHint>();
  // One lookup per pack, not per entry.
  const packNames = new Map<string, string | null>();
  const packName = (packId: string) => {
    if (!packNames.has(packId)) packNames.set(packId, packNameOf(packId) || null);
    return packNames.get(packId)!;
  };
  entries.forEach((entry, at) => {
    if (counts.get(keys[at]!)! < 2) return;
    hints.set(entry.id, {
      pack: entry.packId ? packName(entry.packId) : null,
      // Entries read from a pack's catalog carry these words, so their bodies stay on disk.
      words: (entry as { lead?: string | null }).lead ?? firstWords(entry.definition, WORDS),
    });
  });
  return hints;
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
