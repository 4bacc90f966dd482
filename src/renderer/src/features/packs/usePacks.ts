import type { NotebookClient } from '@shared/api/createClient';
import type { PackSummary } from '@shared/domain/packs';
import { useCallback, useEffect, useState } from 'react';

/** The reference packs, fetched at once and again whenever the glossary changes. Null until loaded. */
export function usePacks(api: NotebookClient): { packs: PackSummary[] | null; reload(): void } {
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    api.listPacks().then(
      (list) => current && setPacks(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, generation]);
  useEffect(() => {
    const offChanged = api.on('glossary-changed', reload);
    const offResync = api.on('resync', reload);
    return () => {
      offChanged();
      offResync();
    };
  }, [api, reload]);
  return { packs, reload };
}
