/**
 * The item finder's search: the text (a name, a code, pinyin initials such as `cqhl`), a category
 * chip, and the server's ranked results (most handled first). Typing is debounced; an answer that
 * arrives after a newer search started is dropped, so the list never jumps back.
 */
import type { CatalogueItemSummary, CatalogueQuery, Category } from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';

/** Quiet time after a keystroke before the search goes out (150 ms). */
export const SEARCH_DEBOUNCE_MS = 150;

/** What the finder shows. */
export interface CatalogueSearchSnapshot {
  q: string;
  category: Category | null;
  /** The results of the latest search; null before the first answer. */
  results: CatalogueItemSummary[] | null;
  loading: boolean;
  errorCode: string | null;
  /** The highlighted result (arrow keys, a click), whose guide is previewed. */
  highlighted: string | null;
}

/** One finder's search; created when the finder opens. */
export class CatalogueSearch {
  private snapshot: CatalogueSearchSnapshot = {
    q: '',
    category: null,
    results: null,
    loading: false,
    errorCode: null,
    highlighted: null,
  };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;

  constructor(
    /** Runs a search (GET /api/catalogue). */
    private readonly list: (query: CatalogueQuery) => Promise<CatalogueItemSummary[]>,
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
  ) {}

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): CatalogueSearchSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Loads the whole list (most handled first), as the finder opens. */
  start = (): void => this.search();

  /** The agent typed: search after a pause. */
  setQuery = (q: string): void => {
    this.publish({ q });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.search();
    }, this.debounceMs);
  };

  /** A category chip (null: all): search at once. */
  setCategory = (category: Category | null): void => {
    this.publish({ category });
    this.searchNow();
  };

  /** Searches at once (Enter). */
  searchNow = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.search();
  };

  /** Highlights a result by code. */
  highlight = (code: string | null): void => this.publish({ highlighted: code });

  /** Moves the highlight down (+1) or up (-1) the results, staying within them. */
  move = (step: 1 | -1): void => {
    const results = this.snapshot.results ?? [];
    if (!results.length) return;
    const at = results.findIndex((r) => r.code === this.snapshot.highlighted);
    const next = at < 0 ? 0 : Math.min(results.length - 1, Math.max(0, at + step));
    this.publish({ highlighted: results[next]!.code });
  };

  /** Stops a pending search (the finder closes). */
  stop = (): void => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.seq += 1;
  };

  private search(): void {
    const seq = ++this.seq;
    const { q, category } = this.snapshot;
    const query: CatalogueQuery = {
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(category ? { category } : {}),
    };
    this.publish({ loading: true });
    this.list(query).then(
      (results) => {
        if (seq !== this.seq) return;
        // Keep the highlight if it is still listed; otherwise the best match is highlighted.
        const kept = results.some((r) => r.code === this.snapshot.highlighted);
        const highlighted = kept ? this.snapshot.highlighted : (results[0]?.code ?? null);
        this.publish({ results, loading: false, errorCode: null, highlighted });
      },
      (e: unknown) => {
        if (seq !== this.seq) return;
        this.publish({ loading: false, errorCode: errorCodeOf(e) });
      },
    );
  }

  private publish(patch: Partial<CatalogueSearchSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}
