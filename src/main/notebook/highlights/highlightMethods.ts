import type { NotebookApi } from '@shared/api/NotebookApi';
import type { HighlightStore } from './HighlightStore';

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

/** The highlight methods of the contract (issue #17), served by the open vault's HighlightStore. */
export function highlightMethods(store: () => Promise<HighlightStore>): HighlightMethods {
  return {
    getEntryHighlights: async ({ entryId }) => (await store()).getEntryHighlights(entryId),
    addHighlight: async (args) => (await store()).addHighlight(args),
    updateHighlight: async (args) => (await store()).updateHighlight(args),
    deleteHighlight: async (args) => (await store()).deleteHighlight(args),
    listHighlightedEntries: async () => (await store()).listHighlightedEntries(),
    getHighlightsFolder: async () => (await store()).getHighlightsFolder(),
    setHighlightsFolder: async ({ folder }) => (await store()).setHighlightsFolder(folder),
  };
}
