import { useSyncExternalStore } from 'react';

/** A store outside React that notifies on change and returns a stable snapshot until then. */
export interface ExternalStore<T> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): T;
}

/** Renders from `store`'s snapshot (re-rendering when it changes). */
export function useStore<T>(store: ExternalStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
