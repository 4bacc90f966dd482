import type { NotebookClient } from '@shared/api/createClient';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import type { PropertyType } from '@shared/properties/readProperties';
import { useCallback, useEffect, useSyncExternalStore } from 'react';

interface TypesStore {
  info: PropertyTypesInfo;
  loaded: boolean;
  listeners: Set<() => void>;
}

const EMPTY: PropertyTypesInfo = { types: {}, problem: null };
const stores = new WeakMap<NotebookClient, TypesStore>();

function storeOf(api: NotebookClient): TypesStore {
  let store = stores.get(api);
  if (!store) stores.set(api, (store = { info: EMPTY, loaded: false, listeners: new Set() }));
  return store;
}

function publish(store: TypesStore, info: PropertyTypesInfo): void {
  store.info = info;
  for (const listener of [...store.listeners]) listener();
}

function load(api: NotebookClient, store: TypesStore): void {
  store.loaded = true;
  api.getPropertyTypes().then(
    (info) => publish(store, info),
    () => undefined,
  );
}

/**
 * The vault's property types (Obsidian's `.obsidian/types.json`), shared by every open
 * properties panel: read once, again after a reconnect, and updated when a type is set here
 * or the file changes on disk (`property-types-changed`).
 * `setType` resolves to null when saved, else to the message to show (the file is kept).
 */
export function usePropertyTypes(api: NotebookClient): {
  info: PropertyTypesInfo;
  setType(key: string, type: PropertyType): Promise<string | null>;
} {
  const store = storeOf(api);
  const subscribe = useCallback(
    (listener: () => void) => {
      store.listeners.add(listener);
      return () => store.listeners.delete(listener);
    },
    [store],
  );
  const info = useSyncExternalStore(subscribe, () => store.info);
  useEffect(() => {
    if (!store.loaded) load(api, store);
    const offResync = api.on('resync', () => load(api, store));
    // Changed outside the app (Obsidian, a sync tool): every panel follows.
    const offChanged = api.on('property-types-changed', (next) => publish(store, next));
    return () => {
      offResync();
      offChanged();
    };
  }, [api, store]);
  const setType = useCallback(
    async (key: string, type: PropertyType): Promise<string | null> => {
      try {
        publish(store, await api.setPropertyType({ key, type }));
        return null;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    [api, store],
  );
  return { info, setType };
}
