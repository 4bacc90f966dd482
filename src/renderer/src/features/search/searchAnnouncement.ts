import { scopeOfQuery, withoutScope } from './queryScope';
import { withThousands as count } from '../../ui/formatCount';

export interface SearchAnswerState {
  query: string;
  /** The query asks for something (not empty, not only a scope). */
  searching: boolean;
  /** An answer for this query is there. */
  answered: boolean;
  /** A newer answer is on its way. */
  pending: boolean;
  total: number;
  /** How many of the `total` are listed. */
  shown: number;
  error: string | null;
  /** No result has every word: the closest matches are shown. */
  partial?: boolean;
}

/** Said and shown when no result has every word of the query. */
export const PARTIAL_NOTICE = 'No result has every word; showing closest matches';

/**
 * What the search view says to screen readers about the results: their number, that there
 * are none, or why the search failed. `null` while the answer to what was typed is still
 * on its way: the last message then stays, so nothing is read in between.
 */
export function searchAnnouncement(state: SearchAnswerState): string | null {
  if (!state.searching) return '';
  if (state.error) return `Search failed: ${state.error}`;
  if (!state.answered || state.pending) return null;
  if (state.total === 0) {
    const scope = scopeOfQuery(state.query);
    const where = scope === 'all' ? '' : scope === 'glossary' ? ' in the glossary' : ' in notes';
    return `No results for “${withoutScope(state.query).trim()}”${where}`;
  }
  const results = `${count(state.total)} ${state.total === 1 ? 'result' : 'results'}`;
  const said = state.shown < state.total ? `${results}, showing the best ${count(state.shown)}` : results;
  return state.partial ? `${PARTIAL_NOTICE}: ${said}` : said;
}
