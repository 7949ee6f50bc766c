/**
 * Repeated warnings of one kind are sampled, not written one line per event: the first of a kind
 * (e.g. RATE_LIMITED from one kiosk) is logged in full, the next ones within the window are only
 * counted, and when the window closes one summary line says "N more … in the last 60 s". A single
 * misbehaving client can then no longer fill the disk through the log.
 */
import type { Logger } from 'pino';

type Level = 'warn' | 'error' | 'info';

interface Window {
  count: number;
  level: Level;
  what: string;
  fields: Record<string, unknown>;
  timer: ReturnType<typeof setTimeout>;
}

/** Samples log lines by key over a fixed window (default 60 s). */
export class LogSampler {
  private readonly windows = new Map<string, Window>();
  /** Where summaries (and sample()'s first lines) go; set by createLogger. */
  log: Logger | null = null;

  constructor(private readonly windowMs = 60_000) {}

  /**
   * True if this is the first of `key` in the window (the caller logs it), false if it was only
   * counted. `what` names the kind in the summary, e.g. "RATE_LIMITED from kiosk k-1".
   */
  admit(level: Level, key: string, what: string, fields: Record<string, unknown>): boolean {
    const open = this.windows.get(key);
    if (open) {
      open.count++;
      return false;
    }
    const timer = setTimeout(() => this.close(key), this.windowMs);
    // A pending summary must not keep the process alive at shutdown.
    timer.unref?.();
    this.windows.set(key, { count: 0, level, what, fields, timer });
    return true;
  }

  /** Logs `msg` if it is the first of `key` in the window, else counts it. */
  sample(level: Level, key: string, what: string, fields: Record<string, unknown>, msg: string): void {
    if (this.admit(level, key, what, fields)) this.log?.[level](fields, msg);
  }

  /** Writes every pending summary now (shutdown, tests). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.close(key);
  }

  private close(key: string): void {
    const w = this.windows.get(key);
    if (!w) return;
    clearTimeout(w.timer);
    this.windows.delete(key);
    if (w.count === 0) return;
    const seconds = Math.round(this.windowMs / 1000);
    this.log?.[w.level](
      { ...w.fields, repeated: w.count, windowSeconds: seconds },
      `${w.count} more ${w.what} in the last ${seconds} s`,
    );
  }
}
