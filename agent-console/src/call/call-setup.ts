/**
 * How long the call of a session took to set up on this console (issue 12 #7): from the moment the
 * console had the opened session (the accept's answer, an offer taken, a push) to the first frame of
 * the kiosk's video. Reported once per session (`call:setup`, fire-and-forget) for the server's
 * `rvw_call_setup_seconds` histogram.
 */

/** The most the server accepts (`call:setup`'s ms is at most 600 000). */
export const MAX_CALL_SETUP_MS = 600_000;

/** One session's set-up time: started when the call starts, read once at the first frame. */
export class CallSetupClock {
  private reported = false;

  constructor(private readonly startedAt: number) {}

  /** The set-up time in whole ms the first time a frame arrives; null after that (or when out of range). */
  firstFrame(now: number): number | null {
    if (this.reported) return null;
    this.reported = true;
    const ms = Math.round(now - this.startedAt);
    return ms >= 0 && ms <= MAX_CALL_SETUP_MS ? ms : null;
  }
}
