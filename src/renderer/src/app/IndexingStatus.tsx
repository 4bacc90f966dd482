import { useApi } from '../api/ApiContext';
import { useIndexStatus } from '../features/search/useIndexStatus';
import { IndexingProgress } from '../ui/IndexingProgress';

/**
 * The sidebar's indicator while the vault is indexed in the background (a first start of a
 * large vault): the notes are listed and open at once; search and backlinks say they wait.
 * Shown only for builds that take a while (see PROGRESS_DELAY_MS), so quick starts never flash it.
 */
export function IndexingStatus() {
  const api = useApi();
  const search = useIndexStatus(api, 'search');
  const links = useIndexStatus(api, 'links');
  // The search index reads every note too and finishes last: its count is the one to follow.
  const shown = search.showProgress ? search.status : links.showProgress ? links.status : null;
  if (!shown) return null;
  return (
    <div className="indexing-status" data-testid="vault-indexing">
      <IndexingProgress status={shown} label="Vault indexing progress" />
    </div>
  );
}
