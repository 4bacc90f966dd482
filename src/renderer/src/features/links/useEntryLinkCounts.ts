import { useApi } from '../../api/ApiContext';
import { useLiveLoad } from './useLiveLoad';

/** For each glossary entry id, how many notes link to it; kept current as notes change. Null until loaded. */
export function useEntryLinkCounts(): Record<string, number> | null {
  const api = useApi();
  return useLiveLoad(api, 'entry-link-counts', () => api.getEntryLinkCounts()).value;
}
