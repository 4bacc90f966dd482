import { NotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';

export type HighlightMethods = Pick<
  NotebookApi,
  | 'getEntryHighlights'
  | 'addHighlight'
  | 'updateHighlight'
  | 'deleteHighlight'
  | 'listHighlightedEntries'
  | 'getHighlightsFolder'
  | 'setHighlightsFolder'
>;

/** The highlight methods of the contract (issue #17). Being built: each rejects until its store lands. */
export function highlightMethods(): HighlightMethods {
  const unavailable = async (): Promise<never> => {
    throw new NotebookError('internal', 'Highlights are not available in this build yet.');
  };
  return {
    getEntryHighlights: unavailable,
    addHighlight: unavailable,
    updateHighlight: unavailable,
    deleteHighlight: unavailable,
    listHighlightedEntries: unavailable,
    getHighlightsFolder: unavailable,
    setHighlightsFolder: unavailable,
  };
}
