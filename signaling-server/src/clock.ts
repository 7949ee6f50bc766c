/** Injectable time, so tests can pin "now" (ticket numbering across midnight, token expiry). */

/** Returns the current time; default `() => new Date()`. */
export type Clock = () => Date;

/** Wall-clock time; tests pass a fixed or offset clock instead. */
export const systemClock: Clock = () => new Date();

/** Schedules and cancels timers; tests pass a manual scheduler instead of real timers. */
export interface Scheduler {
  /** Runs `fn` after `ms` milliseconds; returns a handle for `cancel`. */
  schedule(fn: () => void, ms: number): unknown;
  /** Cancels a scheduled run; cancelling twice or after it ran is harmless. */
  cancel(handle: unknown): void;
}

/** Real timers (unref'd, so a pending grace timer never keeps the process alive). */
export const systemScheduler: Scheduler = {
  schedule(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  cancel(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};
