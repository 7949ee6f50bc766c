/** The full-ID reveal: shown for a fixed time, then masked again. */

/** How long a revealed number stays on screen (30 s). */
export const REVEAL_MS = 30_000;

/**
 * Whole seconds left before a reveal that ends at `untilMs` is hidden: rounded up, 0 once over, and
 * never more than the reveal lasts (a clock read just before the reveal must not show 31 s).
 */
export function revealSecondsLeft(untilMs: number, nowMs: number): number {
  const left = Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
  return Math.min(left, Math.ceil(REVEAL_MS / 1000));
}
