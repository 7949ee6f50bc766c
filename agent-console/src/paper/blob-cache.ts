/**
 * Fetched binaries (a material's image) held as blob URLs, fetched once per key: the server records
 * every view, so a thumbnail shown again (another tab of cases, a re-render) is not fetched again.
 * The URLs are revoked when the cache is cleared (sign-out, the read-back closed).
 */
import { errorCodeOf } from '../lib/errors';

/** One key's load. */
export type BlobLoad =
  { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; code: string };

/** How blobs become URLs; the browser's by default. */
export interface BlobUrls {
  create(blob: Blob): string;
  revoke(url: string): void;
}

const browserUrls: BlobUrls = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};

/** Blob URLs by key, each fetched once. */
export class BlobCache {
  private readonly loads = new Map<string, BlobLoad>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private epoch = 0;

  constructor(
    private readonly fetchBlob: (key: string) => Promise<Blob>,
    private readonly urls: BlobUrls = browserUrls,
  ) {}

  /** Changes with every load that settles (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The key's load as it is, without starting one. */
  peek(key: string): BlobLoad | undefined {
    return this.loads.get(key);
  }

  /** Starts the key's fetch unless it has one; a failed one is tried again. */
  get(key: string): BlobLoad {
    const held = this.loads.get(key);
    if (held && held.state !== 'failed') return held;
    const loading: BlobLoad = { state: 'loading' };
    this.loads.set(key, loading);
    const epoch = this.epoch;
    this.fetchBlob(key).then(
      (blob) => {
        if (epoch === this.epoch) this.settle(key, { state: 'ready', url: this.urls.create(blob) });
      },
      (e: unknown) => {
        if (epoch === this.epoch) this.settle(key, { state: 'failed', code: errorCodeOf(e) });
      },
    );
    return loading;
  }

  /** Revokes the URLs of `keys` and forgets them. */
  drop(keys: readonly string[]): void {
    for (const key of keys) {
      const load = this.loads.get(key);
      if (load?.state === 'ready') this.urls.revoke(load.url);
      this.loads.delete(key);
    }
    this.bump();
  }

  /** Revokes every URL and forgets every load. */
  clear(): void {
    this.epoch += 1;
    for (const load of this.loads.values()) if (load.state === 'ready') this.urls.revoke(load.url);
    this.loads.clear();
    this.bump();
  }

  private settle(key: string, load: BlobLoad): void {
    this.loads.set(key, load);
    this.bump();
  }

  private bump(): void {
    this.version += 1;
    for (const l of this.listeners) l();
  }
}
