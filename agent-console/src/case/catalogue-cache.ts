/**
 * The catalogue items the agent has looked at in this sign-in, each fetched once (the guide beside
 * the form, the finder's preview). A failed fetch is remembered until it is asked for again.
 */
import type { CatalogueItem } from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';

/** One item's load: pending, loaded, or failed with a code. */
export type ItemLoad =
  { state: 'loading' } | { state: 'loaded'; item: CatalogueItem } | { state: 'failed'; code: string };

/** Fetched catalogue items by code; one per console, cleared on sign-out. */
export class CatalogueCache {
  private loads = new Map<string, ItemLoad>();
  private version = 0;
  private readonly listeners = new Set<() => void>();

  /** `fetchItem` fetches one item whole (GET /api/catalogue/:code). */
  constructor(private readonly fetchItem: (code: string) => Promise<CatalogueItem>) {}

  /** Changes with every load that starts, ends or fails (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The item's load, starting it if it was never asked for or failed before (when `retry`). */
  get = (code: string, retry = false): ItemLoad => {
    const held = this.loads.get(code);
    if (held && !(retry && held.state === 'failed')) return held;
    this.set(code, { state: 'loading' });
    this.fetchItem(code).then(
      (item) => this.set(code, { state: 'loaded', item }),
      (e: unknown) => this.set(code, { state: 'failed', code: errorCodeOf(e) }),
    );
    return this.loads.get(code)!;
  };

  /** The item's load if it was ever asked for; nothing is fetched (safe during a render). */
  peek = (code: string): ItemLoad | undefined => this.loads.get(code);

  /** The item's fields if it is loaded; undefined otherwise (nothing is fetched). */
  fieldsOf = (code: string): CatalogueItem['form']['fields'] | undefined => {
    const held = this.loads.get(code);
    return held?.state === 'loaded' ? held.item.form.fields : undefined;
  };

  /** Forgets every item (sign-out). */
  clear(): void {
    this.loads = new Map();
    this.bump();
  }

  private set(code: string, load: ItemLoad): void {
    this.loads.set(code, load);
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}
