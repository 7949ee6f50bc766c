/**
 * React bindings of the paper controllers (they live outside React; views render their snapshots).
 * The server snapshot is the same one, so the panels also render to HTML (the view tests).
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { BlobCache, BlobLoad } from './blob-cache';
import type { CaseMaterialsView, MaterialStore } from './material-store';
import type { CaseDocumentsView, PrintStore } from './print-store';

/** A case's documents and print jobs, re-rendered on every change. */
export function useCaseDocuments(store: PrintStore, caseId: string): CaseDocumentsView {
  useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return store.view(caseId);
}

/** A case's capture requests and materials, re-rendered on every change. */
export function useCaseMaterials(store: MaterialStore, caseId: string): CaseMaterialsView {
  useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return store.view(caseId);
}

/** One blob's load (started after the render, once per key). */
export function useBlob(cache: BlobCache, key: string): BlobLoad {
  useSyncExternalStore(cache.subscribe, cache.getVersion, cache.getVersion);
  useEffect(() => {
    cache.get(key);
  }, [cache, key]);
  return cache.peek(key) ?? { state: 'loading' };
}
