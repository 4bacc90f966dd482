/**
 * The search query language. Parsing never fails: whatever the user typed becomes the
 * best reasonable query, so the results can update on every keystroke.
 *
 * - Words are combined with AND: `dopamine receptor`.
 * - `"exact phrase"` matches the words next to each other, in order. An unclosed quote
 *   runs to the end of the query.
 * - `OR` (upper case) or `|` between two items matches either: `dopamine OR serotonin
 *   receptor` is (dopamine OR serotonin) AND receptor. OR binds tighter than the implicit
 *   AND, as in web search engines. An OR with nothing on one side is ignored.
 * - `-word`, `-"a phrase"`, `-tag:x`, `-in:notes` exclude. A lone `-` is ignored.
 * - `in:glossary` (or `in:entries`) and `in:notes` limit where to search; any prefix of
 *   those words works (`in:g`). Unknown scopes are ignored.
 * - `tag:name` or `#name` keep notes carrying that tag or a tag nested below it
 *   (`tag:bio` matches `#bio/cells`). Glossary entries carry no tags.
 * - The item at the very end of the query matches as a prefix while it is being typed
 *   (no space after it yet): the last word, the last word of an unclosed phrase, the
 *   last tag.
 * - Typos are tolerated for words of {@link FUZZY_MIN_LENGTH} characters or more (see
 *   maxEdits); exact and prefix matches always rank before typo matches.
 * - Words are folded like the index folds them (see tokenize.ts); "GABA/glutamate" is
 *   one compound word.
 */
import { fold } from '../text/fold';
import { MAX_TERM_LENGTH, tokenize } from './tokenize';

/** A word to find; a compound ("GABA/glutamate") has several parts. */
export interface QueryWord {
  kind: 'word';
  /** The word as typed. */
  text: string;
  /** Folded parts, in order: ["gaba", "glutamate"]; one part for a plain word. */
  parts: string[];
  /** True for the word being typed at the end of the query: its last part matches as a prefix. */
  prefix: boolean;
  /** True for a quoted word: no typo matches. */
  exact: boolean;
}

/** Words that must appear next to each other, in order. */
export interface QueryPhrase {
  kind: 'phrase';
  /** The phrase as typed, without quotes. */
  text: string;
  /** Folded words in order (compounds split into their parts). */
  words: string[];
  /** True for an unclosed phrase at the end of the query: its last word matches as a prefix. */
  prefix: boolean;
}

export type QueryItem = QueryWord | QueryPhrase;

export interface TagFilter {
  /** Folded tag name without '#'; nested tags use '/'. */
  name: string;
  /** True for a tag being typed at the end of the query: any tag starting with `name` matches. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Every clause must match (AND); a clause matches when any of its items does (OR). */
  clauses: QueryItem[][];
  /** A result may contain none of these (exact words and phrases, never prefix or typo matches). */
  exclude: QueryItem[];
  /** Where to search, from `in:`; null when not limited. */
  scope: 'glossary' | 'notes' | null;
  /** Tags a result must carry. */
  tags: TagFilter[];
  /** Tags a result must not carry. */
  excludeTags: string[];
}

/** Words shorter than this never match with typos. */
export const FUZZY_MIN_LENGTH = 5;

/** At most this many clauses and exclusions are used; the rest of a very long query is ignored. */
export const MAX_QUERY_ITEMS = 32;

/**
 * How many typos (edits: a letter inserted, deleted or replaced) a query word may have
 * and still match: none below {@link FUZZY_MIN_LENGTH} letters, one up to 7, two from 8.
 */
export function maxEdits(word: string): number {
  if (word.length < FUZZY_MIN_LENGTH) return 0;
  return word.length >= 8 ? 2 : 1;
}

const QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb']);
const SPACE = /\s/;

interface Chunk {
  text: string;
  quoted: boolean;
  /** For quoted chunks: whether the closing quote was there. */
  closed: boolean;
  negated: boolean;
  /** True when nothing follows the chunk (not even a space). */
  atEnd: boolean;
}

/** Splits the query into chunks: quoted phrases and runs of non-space characters. */
function chunksOf(query: string): Chunk[] {
  const chunks: Chunk[] = [];
  let index = 0;
  const length = query.length;
  while (index < length) {
    const char = query[index]!;
    if (SPACE.test(char)) {
      index++;
      continue;
    }
    let negated = false;
    if (char === '-') {
      // Any run of dashes before an item negates it; dashes on their own mean nothing.
      let next = index;
      while (next < length && query[next] === '-') next++;
      if (next >= length || SPACE.test(query[next]!)) {
        index = next;
        continue;
      }
      negated = true;
      index = next;
    }
    if (QUOTES.has(query[index]!)) {
      let end = index + 1;
      while (end < length && !QUOTES.has(query[end]!)) end++;
      const closed = end < length;
      chunks.push({
        text: query.slice(index + 1, end),
        quoted: true,
        closed,
        negated,
        atEnd: closed ? end + 1 >= length : true,
      });
      index = closed ? end + 1 : end;
      continue;
    }
    let end = index;
    while (end < length && !SPACE.test(query[end]!) && !QUOTES.has(query[end]!)) end++;
    chunks.push({ text: query.slice(index, end), quoted: false, closed: true, negated, atEnd: end >= length });
    index = end;
  }
  return chunks;
}

/**
 * Folded word groups of a text, one per plain word or compound (the tokenizer decides:
 * a joined form covers the parts before it that make up one compound).
 */
function wordGroups(text: string): Array<{ text: string; parts: string[] }> {
  const groups: Array<{ parts: string[]; start: number; end: number }> = [];
  for (const token of tokenize(text)) {
    if (!token.joined) {
      groups.push({ parts: [token.term], start: token.start, end: token.end });
      continue;
    }
    let first = groups.length;
    while (first > 0 && groups[first - 1]!.start >= token.start) first--;
    const merged = groups.splice(first);
    groups.push({ parts: merged.flatMap((g) => g.parts), start: token.start, end: token.end });
  }
  return groups.map(({ parts, start, end }) => ({ text: text.slice(start, end), parts }));
}

const SCOPE_WORDS: Array<[string, 'glossary' | 'notes']> = [
  ['glossary', 'glossary'],
  ['entries', 'glossary'],
  ['entry', 'glossary'],
  ['notes', 'notes'],
  ['note', 'notes'],
];

function scopeOf(value: string): 'glossary' | 'notes' | null {
  const folded = value.toLowerCase();
  if (folded === '') return null;
  for (const [word, scope] of SCOPE_WORDS) if (word.startsWith(folded)) return scope;
  return null;
}

/** A tag as filters compare it: without '#' or a trailing '/', folded like every word (see fold). */
export function foldTag(value: string): string {
  return fold(value.replace(/^#+/, '').replace(/\/+$/, ''));
}

/** True when a document's folded tag satisfies the filter (the tag itself, a nested tag, or a prefix while typing). */
export function tagMatches(docTag: string, filter: TagFilter | string): boolean {
  const name = typeof filter === 'string' ? filter : filter.name;
  if (typeof filter !== 'string' && filter.prefix) return docTag.startsWith(name);
  return docTag === name || docTag.startsWith(`${name}/`);
}

const TAG_CHARS = /^[\p{L}\p{N}\p{M}_\-/]+$/u;

/**
 * Parses a search query (see the module comment for the language). Never throws; a query
 * of only operators gives an empty query (see {@link isEmptyQuery}).
 */
export function parseQuery(query: string): ParsedQuery {
  const parsed: ParsedQuery = { clauses: [], exclude: [], scope: null, tags: [], excludeTags: [] };
  const text = typeof query === 'string' ? query : '';
  let orPending = false;
  const scopes = new Set<'glossary' | 'notes'>();
  const excludedScopes = new Set<'glossary' | 'notes'>();

  const addPositive = (item: QueryItem) => {
    if (orPending && parsed.clauses.length > 0) parsed.clauses[parsed.clauses.length - 1]!.push(item);
    else if (parsed.clauses.length < MAX_QUERY_ITEMS) parsed.clauses.push([item]);
    orPending = false;
  };

  for (const chunk of chunksOf(text)) {
    if (chunk.quoted) {
      const words = wordGroups(chunk.text).flatMap((group) => group.parts);
      if (words.length === 0) continue;
      const prefix = !chunk.closed && !SPACE.test(text[text.length - 1] ?? ' ');
      const item: QueryItem =
        words.length === 1
          ? { kind: 'word', text: chunk.text.trim(), parts: words, prefix, exact: true }
          : { kind: 'phrase', text: chunk.text.trim(), words, prefix };
      if (chunk.negated) {
        if (parsed.exclude.length < MAX_QUERY_ITEMS) parsed.exclude.push({ ...item, prefix: false });
        orPending = false;
      } else {
        addPositive(item);
      }
      continue;
    }
    const raw = chunk.text;
    if (!chunk.negated && (raw === 'OR' || raw === '|' || raw === '||')) {
      orPending = parsed.clauses.length > 0;
      continue;
    }
    if (!chunk.negated && (raw === 'AND' || raw === '&&')) continue;
    const colon = raw.indexOf(':');
    const key = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
    if (key === 'in') {
      const scope = scopeOf(raw.slice(colon + 1));
      if (scope) (chunk.negated ? excludedScopes : scopes).add(scope);
      orPending = false;
      continue;
    }
    if (key === 'tag' || (raw.startsWith('#') && raw.length > 1 && TAG_CHARS.test(raw.slice(1)))) {
      const name = foldTag(key === 'tag' ? raw.slice(colon + 1) : raw);
      if (name !== '') {
        if (chunk.negated) parsed.excludeTags.push(name);
        else parsed.tags.push({ name, prefix: chunk.atEnd });
      }
      orPending = false;
      continue;
    }
    const groups = wordGroups(raw);
    groups.forEach((group, index) => {
      const last = index === groups.length - 1;
      // The word being typed: nothing after it, not even punctuation ("dopa," is done).
      const typing = last && chunk.atEnd && !chunk.negated && raw.endsWith(group.text);
      const item: QueryWord = { kind: 'word', text: group.text, parts: group.parts, prefix: typing, exact: false };
      if (chunk.negated) {
        if (parsed.exclude.length < MAX_QUERY_ITEMS) parsed.exclude.push(item);
      } else {
        addPositive(item);
      }
    });
    if (chunk.negated) orPending = false;
  }

  // Contradictions (in:notes -in:notes) drop the exclusion: the best reasonable answer.
  const allowed = new Set<'glossary' | 'notes'>(scopes.size > 0 ? scopes : ['glossary', 'notes']);
  for (const scope of excludedScopes) allowed.delete(scope);
  if (allowed.size === 0) for (const scope of scopes.size > 0 ? scopes : excludedScopes) allowed.add(scope);
  parsed.scope = allowed.size === 1 ? [...allowed][0]! : null;
  return parsed;
}

/** True when the query asks for nothing: no words, phrases or filters (only exclusions, or nothing). */
export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.clauses.length === 0 && query.tags.length === 0 && query.scope === null;
}

/** True when the query has filters (scope or tags) but nothing to rank by. */
export function isFilterOnly(query: ParsedQuery): boolean {
  return query.clauses.length === 0 && !isEmptyQuery(query);
}

/** The folded words a result's text may be highlighted with: every part of every positive word and phrase. */
export function queryWords(query: ParsedQuery): string[] {
  const words = new Set<string>();
  for (const clause of query.clauses) {
    for (const item of clause) {
      for (const word of item.kind === 'word' ? item.parts : item.words) {
        if (word.length <= MAX_TERM_LENGTH) words.add(word);
      }
    }
  }
  return [...words];
}
