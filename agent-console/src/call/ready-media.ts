/**
 * The agent's camera and microphone, open before the call (issue 13 #3): opening them after the
 * accept cost 90-160 ms of every call's set-up. They open when the agent goes available, stay open
 * while the agent is in a session or in wrap-up between calls, and stop when the agent goes away or
 * signs out. Each call takes a clone (`stream.clone()`), which its controller stops at the end; the
 * held stream stays for the next call.
 *
 * Where the devices could not both be opened (no camera, busy), nothing is held: each call opens
 * what it can itself, as before (openCallMedia's fallbacks).
 */
import type { AgentStatus } from '@rvw/shared';
import { openCallMedia, stopStream, type LocalMedia } from '@rvw/shared/call';

/** Whether every track of the stream still runs (a camera unplugged ends its track). */
function live(stream: MediaStream): boolean {
  const tracks = stream.getTracks();
  return tracks.length > 0 && tracks.every((t) => t.readyState === 'live');
}

/** The held camera and microphone of one console page. */
export class ReadyMedia {
  private held: Promise<LocalMedia> | null = null;
  // Opening failed since the agent last went available: no retry on every status push.
  private failed = false;

  /** `open`: opens the devices; default openCallMedia. */
  constructor(private readonly open: () => Promise<LocalMedia> = openCallMedia) {}

  /** Follows the agent's own status; null: signed out (or not known yet). */
  follow(status: AgentStatus | null): void {
    if (status === 'available') this.warm();
    else if (status === 'away' || status === null) this.release();
    // 'in-session' and 'wrap-up': kept as they are, for the next call.
  }

  /** Whether a stream is held or being opened (for tests and the status line). */
  get holding(): boolean {
    return this.held !== null;
  }

  /**
   * The media of one call: a clone of the held stream (its own tracks, stopped by the call), or,
   * when none is held (away, or the devices failed), the devices opened now.
   */
  openForCall = async (): Promise<LocalMedia> => {
    const held = this.held;
    if (held) {
      const { stream, error } = await held;
      if (this.held === held && stream && error === null && live(stream))
        return { stream: stream.clone(), error };
      if (this.held === held) this.release();
    }
    return this.open();
  };

  /** Stops the held devices (away, signed out, the page leaving). Safe to call twice. */
  release(): void {
    const held = this.held;
    this.held = null;
    this.failed = false;
    void held?.then(({ stream }) => {
      if (stream) stopStream(stream);
    });
  }

  private warm(): void {
    if (this.held || this.failed) return;
    const held = this.open().then(
      (media): LocalMedia => {
        if (media.error === null || this.held !== held) return media;
        // Only part of the devices: hold nothing; each call opens what it can.
        if (media.stream) stopStream(media.stream);
        this.held = null;
        this.failed = true;
        return { stream: null, error: media.error };
      },
      (e: unknown): LocalMedia => {
        if (this.held === held) {
          this.held = null;
          this.failed = true;
        }
        return { stream: null, error: e instanceof Error ? e.name : 'Error' };
      },
    );
    this.held = held;
  }
}
