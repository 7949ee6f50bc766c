/**
 * Whether the store can write: set failing by the first storage failure (its real cause logged
 * once, the repeats counted), set ok again by the next successful commit or probe. The health
 * route reads it and, while failing, probes with a tiny write, so that it turns ok by itself when
 * space returns even if no client writes meanwhile.
 */
import type { Logger } from 'pino';
import type { LogSampler } from '../log-sampler';

/** The state of one health check. */
export type CheckState = 'ok' | 'failing';

/** Storage health of one database handle. */
export class StorageHealth {
  private current: CheckState = 'ok';
  private probing: Promise<void> | null = null;
  private lastProbe = 0;
  /** A tiny committed write (set once the database is open). */
  probe: (() => Promise<void>) | null = null;

  constructor(
    private readonly log: Logger,
    private readonly sampler: LogSampler,
    private readonly now: () => number = Date.now,
  ) {}

  /** ok, or failing since the last storage failure. */
  get state(): CheckState {
    return this.current;
  }

  /** A query or commit failed because of the store. Logs the cause (sampled). */
  failed(err: unknown): void {
    const cause = err as { code?: unknown; message?: unknown } | null;
    const code = typeof cause?.code === 'string' ? cause.code : 'unknown';
    const fields = { storage: { code, message: String(cause?.message ?? err) } };
    if (this.current === 'ok') {
      this.current = 'failing';
      this.log.error(fields, 'storage failing: writes are refused until it recovers');
      // Opens the sampling window, so that the repeats that follow are counted, not logged.
      this.sampler.admit('error', `storage:${code}`, `storage failures (${code})`, fields);
    } else
      this.sampler.sample(
        'error',
        `storage:${code}`,
        `storage failures (${code})`,
        fields,
        'storage write failed',
      );
  }

  /** A write committed: the store works. */
  succeeded(): void {
    if (this.current === 'ok') return;
    this.current = 'ok';
    this.log.info('storage recovered');
  }

  /** The state now; while failing, probes first (at most every `minIntervalMs`). */
  async check(minIntervalMs = 1000): Promise<CheckState> {
    if (this.current === 'failing' && this.probe && this.now() - this.lastProbe >= minIntervalMs) {
      this.probing ??= (async () => {
        this.lastProbe = this.now();
        try {
          await this.probe!();
          this.succeeded();
        } catch {
          // failed() was told by the database wrapper; the state stays failing.
        } finally {
          this.probing = null;
        }
      })();
      await this.probing;
    }
    return this.current;
  }
}
