import type { HeadingInfo, LinkSuggestion } from '@shared/domain/links';
import { fold } from '@shared/text/fold';

/** What the text before the caret asks the `[[` menu for. */
export interface LinkQueryMatch {
  /** Where `[[` starts in the text. */
  leadOffset: number;
  /** What follows `[[` (the query). */
  matchingString: string;
  /** `[[` and the query: the text a chosen link replaces. */
  replaceableString: string;
}

/** The longest query the menu follows; longer text after `[[` is prose, not a link being typed. */
const MAX_QUERY = 200;

function escapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let cursor = index - 1; cursor >= 0 && text[cursor] === '\\'; cursor--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * The link being typed at the end of `text` (the text before the caret): the last `[[`
 * with no closing bracket, line break or other bracket after it. None after an escaped
 * `\[[` or for an embed `![[`, as the Markdown reads them.
 */
export function findLinkQuery(text: string): LinkQueryMatch | null {
  const open = text.lastIndexOf('[[');
  if (open < 0) return null;
  const query = text.slice(open + 2);
  if (query.length > MAX_QUERY || /[[\]\r\n]/.test(query)) return null;
  if (escapedAt(text, open)) return null;
  if (text[open - 1] === '!' && !escapedAt(text, open - 1)) return null;
  return { leadOffset: open, matchingString: query, replaceableString: text.slice(open) };
}

/** A query split the way a link is: `target#heading|label`. */
export interface LinkQueryParts {
  target: string;
  /** null until a `#` is typed. */
  heading: string | null;
  /** null until a `|` is typed. */
  label: string | null;
}

export function splitLinkQuery(query: string): LinkQueryParts {
  const pipe = query.indexOf('|');
  const head = pipe < 0 ? query : query.slice(0, pipe);
  const label = pipe < 0 ? null : query.slice(pipe + 1);
  const hash = head.indexOf('#');
  return {
    target: hash < 0 ? head : head.slice(0, hash),
    heading: hash < 0 ? null : head.slice(hash + 1),
    label,
  };
}

/** One choice of the menu. */
export type LinkMenuItem =
  /** A note or entry the backend suggested. */
  | { kind: 'target'; suggestion: LinkSuggestion }
  /** Create a note with the typed title, then link to it. */
  | { kind: 'create'; title: string }
  /** A heading of the typed target. */
  | { kind: 'heading'; target: string; heading: HeadingInfo }
  /** The link exactly as typed (a label, or a heading the target does not list). */
  | { kind: 'typed'; parts: LinkQueryParts };

function same(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * The menu's choices for a query: targets (and "Create note …" when no note or entry has
 * that exact name); with `#`, the target's headings that start with or contain what was
 * typed after it; with `|`, the link as typed.
 */
export function linkMenuItems(
  parts: LinkQueryParts,
  data: { suggestions?: readonly LinkSuggestion[]; headings?: readonly HeadingInfo[] },
): LinkMenuItem[] {
  if (parts.label !== null) return parts.target.trim() || parts.heading?.trim() ? [{ kind: 'typed', parts }] : [];
  if (parts.heading !== null) {
    const wanted = fold(parts.heading.trim());
    const headings = (data.headings ?? [])
      .map((heading) => ({ heading, at: fold(heading.text).indexOf(wanted) }))
      .filter(({ at }) => at >= 0)
      .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0))
      .map(({ heading }): LinkMenuItem => ({ kind: 'heading', target: parts.target, heading }));
    const exact = headings.some((item) => item.kind === 'heading' && same(item.heading.text, parts.heading!));
    return wanted !== '' && !exact ? [...headings, { kind: 'typed', parts }] : headings;
  }
  const suggestions = data.suggestions ?? [];
  const items: LinkMenuItem[] = suggestions.map((suggestion) => ({ kind: 'target', suggestion }));
  const title = parts.target.trim();
  const known = suggestions.some(
    (suggestion) =>
      same(suggestion.title, title) ||
      same(suggestion.insert, title) ||
      (suggestion.matchedAlias !== null && same(suggestion.matchedAlias, title)),
  );
  if (title !== '' && !known) items.push({ kind: 'create', title });
  return items;
}

/** The parts of the link a menu item inserts. */
export function linkPartsOf(item: LinkMenuItem): LinkQueryParts {
  switch (item.kind) {
    case 'target':
      // Picked by an alias, the alias stays what the reader sees (as Obsidian does).
      return {
        target: item.suggestion.insert,
        heading: null,
        label: item.suggestion.matchedAlias,
      };
    case 'create':
      return { target: item.title, heading: null, label: null };
    case 'heading':
      return { target: item.target.trim(), heading: item.heading.text, label: null };
    case 'typed':
      return {
        target: item.parts.target.trim(),
        heading: item.parts.heading === null ? null : item.parts.heading.trim(),
        label: item.parts.label === null || item.parts.label.trim() === '' ? null : item.parts.label.trim(),
      };
  }
}
