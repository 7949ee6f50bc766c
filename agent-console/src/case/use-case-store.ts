/** React bindings of the case controllers (they live outside React; views render their snapshots). */
import { useEffect, useSyncExternalStore } from 'react';
import type { CaseStore, CaseStoreSnapshot } from './case-store';
import type { CatalogueCache, ItemLoad } from './catalogue-cache';
import type { CatalogueSearch, CatalogueSearchSnapshot } from './catalogue-search';

/** The case store's snapshot, re-rendered on every change. */
export function useCaseStore(store: CaseStore): CaseStoreSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** The finder search's snapshot. */
export function useCatalogueSearch(search: CatalogueSearch): CatalogueSearchSnapshot {
  return useSyncExternalStore(search.subscribe, search.getSnapshot);
}

/** One catalogue item's load (started on first use); null code gives null. */
export function useCatalogueItem(cache: CatalogueCache, code: string | null): ItemLoad | null {
  useSyncExternalStore(cache.subscribe, cache.getVersion);
  // The fetch starts after the render: starting it during one would notify other components mid-render.
  useEffect(() => {
    if (code) cache.get(code);
  }, [cache, code]);
  return code ? (cache.peek(code) ?? { state: 'loading' }) : null;
}
