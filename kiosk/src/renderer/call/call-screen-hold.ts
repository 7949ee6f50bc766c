/**
 * The call screen comes with the agent's picture (issue 13 #3, a faster call). When a session opens,
 * the agent's offer arrives right behind it; the kiosk's answer, the connection and the first frame
 * of the agent's video are the call's critical path. Drawing the call screen at once (its layout and
 * video elements; in software rendering tens of milliseconds of one busy main thread, again and again
 * while the picture starts) pushed every step of it back: with it held, the kiosk's answer is made
 * ~40-90 ms sooner (bench:call, docs/performance.md).
 *
 * The hold keeps what is shown (and spoken) as it was, the resident's own picture on the waiting
 * screen, until the agent's first frame has played, or `maxMs` at most (a call without a picture
 * must not keep the resident waiting). State goes on changing underneath; only its showing waits.
 */

/** Holds the screen for at most this long: under a second on the resident's side. */
export const CALL_SCREEN_HOLD_MS = 700;

/** A hold on showing the snapshot; `show` runs once when it ends (if anything changed meanwhile). */
export class CallScreenHold {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending = false;

  constructor(
    private readonly show: () => void,
    private readonly maxMs = CALL_SCREEN_HOLD_MS,
  ) {}

  /** True while showing waits. */
  get held(): boolean {
    return this.timer !== null;
  }

  /** Starts a hold (no-op if one runs). */
  start(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.release(), this.maxMs);
  }

  /** Something changed: shows it now, or once the hold ends. */
  changed(): void {
    if (this.timer) this.pending = true;
    else this.show();
  }

  /** Ends the hold (the first frame played, the call ended, the app stopped) and shows what waited. */
  release(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.pending) {
      this.pending = false;
      this.show();
    }
  }
}
