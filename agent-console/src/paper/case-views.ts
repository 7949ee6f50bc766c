/**
 * What the console's paper stores share: one view per case, kept outside React for
 * useSyncExternalStore, read from the server on demand, read again after a reconnect, dropped when
 * the session ends and all dropped on sign-out.
 */

/** Loading a case's paper from the server. */
export type PaperLoad = 'idle' | 'loading' | 'loaded' | 'failed';

/** A per-case store of views `V`; a case not seen yet has the `empty` view. */
export abstract class CaseViews<V extends { load: PaperLoad }> {
  private views: Readonly<Record<string, V>> = {};
  private readonly listeners = new Set<() => void>();
  /** Raised by reset: answers to calls made before it are dropped. */
  protected epoch = 0;

  constructor(private readonly empty: V) {}

  /** Reads a case's paper from the server (once, unless `force`). */
  abstract load: (caseId: string, force?: boolean) => Promise<void>;

  /** Every case's view by case id (stable until something changes). */
  getSnapshot = (): Readonly<Record<string, V>> => this.views;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** One case's view (the empty idle view for a case not seen yet). */
  view(caseId: string): V {
    return this.views[caseId] ?? this.empty;
  }

  /** Reads every case read before again (the socket came back: pushes may have been missed). */
  resync = (): void => {
    for (const [caseId, v] of Object.entries(this.views))
      if (v.load === 'loaded' || v.load === 'failed') void this.load(caseId, true);
  };

  /** Forgets the cases of a session that ended. */
  forget(caseIds: readonly string[]): void {
    const views = { ...this.views };
    for (const id of caseIds) delete views[id];
    this.views = views;
    this.emit();
  }

  /** Forgets everything (sign-out). */
  reset(): void {
    this.epoch += 1;
    this.views = {};
    this.emit();
  }

  protected set(caseId: string, patch: Partial<V>): void {
    this.views = { ...this.views, [caseId]: { ...this.view(caseId), ...patch } };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
