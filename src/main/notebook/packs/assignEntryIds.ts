import type { GlossaryEntry } from '@shared/domain/glossary';
import { slugify } from '../glossary/slugify';
import type { DraftEntry } from './DraftEntry';

/** Longest slug part of an id, so `<pack id>--<slug>-<n>` stays well under the API's 200 characters. */
const MAX_SLUG_LENGTH = 100;

/** What an entry of the previous import is matched on. */
export interface PreviousEntry {
  id: string;
  title: string;
  definition: string;
}

/**
 * Gives each entry of an import its id: `<prefix>--<slug of its title>` (`<slug>` alone
 * when the prefix is empty, as for the shipped glossary), with `-2`, `-3`, … for entries
 * whose titles give the same slug (18 entries titled "bank": `bank`, `bank-2`, …).
 *
 * Re-imports keep ids, so links and the workspace survive an updated source: an entry
 * whose term is unchanged gets the id it had, matched first by term and definition (the
 * same sense of a shared term keeps its id even when senses were reordered), then by term
 * alone in source order. An id whose entry is gone is not handed to a different term.
 *
 * Deterministic: the same entries and previous ids always give the same ids.
 *
 * @returns the entries with ids, in the order given, and how many ids were kept.
 */
export function assignEntryIds(
  drafts: readonly DraftEntry[],
  prefix: string,
  previous: readonly PreviousEntry[] = [],
): { entries: GlossaryEntry[]; kept: number } {
  const ids: Array<string | undefined> = new Array(drafts.length);
  const taken = new Set<string>();
  const byTermAndText = new Map<string, string[]>();
  const byTerm = new Map<string, string[]>();
  for (const entry of previous) {
    push(byTermAndText, `${termKey(entry.title)}\u0000${entry.definition}`, entry.id);
    push(byTerm, termKey(entry.title), entry.id);
  }
  const claim = (list: string[] | undefined): string | undefined => {
    while (list && list.length > 0) {
      const id = list.shift()!;
      if (!taken.has(id)) return id;
    }
    return undefined;
  };

  let kept = 0;
  drafts.forEach((draft, index) => {
    const id = claim(byTermAndText.get(`${termKey(draft.title)}\u0000${draft.definition}`));
    if (id !== undefined) {
      ids[index] = id;
      taken.add(id);
      kept++;
    }
  });
  drafts.forEach((draft, index) => {
    if (ids[index] !== undefined) return;
    const id = claim(byTerm.get(termKey(draft.title)));
    if (id !== undefined) {
      ids[index] = id;
      taken.add(id);
      kept++;
    }
  });
  // Ids of entries that are gone stay reserved: a link to one must not start naming another term.
  const reserved = new Set([...taken, ...previous.map((entry) => entry.id)]);
  drafts.forEach((draft, index) => {
    if (ids[index] !== undefined) return;
    const base = (prefix ? `${prefix}--` : '') + slugOf(draft.title);
    let id = base;
    for (let n = 2; reserved.has(id); n++) id = `${base}-${n}`;
    reserved.add(id);
    ids[index] = id;
  });

  const entries = drafts.map((draft, index) => ({
    id: ids[index]!,
    title: draft.title,
    aliases: [...draft.aliases],
    source: draft.source,
    editorialTitle: draft.editorialTitle,
    definition: draft.definition,
    sections: draft.sections.map((section) => ({ ...section })),
    ...(draft.tags.length > 0 ? { tags: [...draft.tags] } : {}),
  }));
  return { entries, kept };
}

/** How terms are compared across imports: case, width and runs of spaces do not matter. */
export function termKey(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function slugOf(title: string): string {
  let slug = slugify(title);
  if (slug.length > MAX_SLUG_LENGTH)
    slug = slug.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '') || slug.slice(0, MAX_SLUG_LENGTH);
  slug = slug.replace(/-+$/, '');
  // Titles in scripts without Latin letters or digits ("銀行") still need an id.
  return slug === '' ? 'entry' : slug;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
