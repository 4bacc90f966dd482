import type { SearchScope } from '@shared/domain/search';
import { isEmptyQuery, parseQuery } from '@shared/search/parseQuery';

/** `in:glossary`, `in:notes` (and the prefixes the parser accepts, `in:g`), anywhere in a query. */
const IN_FILTER = /(^|\s)in:(\S*)/gi;

/** The scope the query asks for with `in:`, read by the backend's own parser; 'all' without one. */
export function scopeOfQuery(query: string): SearchScope {
  return parseQuery(query).scope ?? 'all';
}

/** True when the query asks for something (words, a phrase, a tag or a scope), so there is a search to run. */
export function asksForSomething(query: string): boolean {
  return !isEmptyQuery(parseQuery(query));
}

/** The query without its `in:` filters (what is left to search for). */
export function withoutScope(query: string): string {
  return query
    .replace(IN_FILTER, '$1')
    .replace(/\s{2,}/g, ' ')
    .trimStart();
}

/**
 * The query with its `in:` filter set to `scope` (removed for 'all'). The filter goes first,
 * so the word being typed stays the last one (the backend matches the last word as a prefix).
 */
export function withScope(query: string, scope: SearchScope): string {
  const rest = withoutScope(query);
  return scope === 'all' ? rest : `in:${scope} ${rest}`;
}
