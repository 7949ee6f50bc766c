/**
 * A camera and microphone opened before a call and held for it (issue 13 #3): opening them after the
 * accept cost 90-160 ms of every call's set-up. The console holds the agent's while the agent is
 * available (agent-console/src/call/ready-media.ts); the kiosk holds the resident's while they are
 * next in line, as a mirror (kiosk/src/renderer/call/mirror-camera.ts). Each call takes a clone
 * (`stream.clone()`), which its controller stops at the end; the held stream stays until released.
 *
 * Where the devices could not both be opened (no camera, busy), nothing is held and each call opens
 * what it can itself (openCallMedia's fallbacks); no new attempt is made until the next release.
 */
import { openCallMedia, stopStream, type LocalMedia } from './media';

/** Whether every track of the stream still runs (a camera unplugged ends its track). */
function live(stream: MediaStream): boolean {
  const tracks = stream.getTracks();
  return tracks.length > 0 && tracks.every((t) => t.readyState === 'live');
}

/** Devices held for the next call; the owner decides when to warm and release them. */
export class HeldMedia {
  private held: Promise<LocalMedia> | null = null;
  // Opening failed since the last release: no retry on every warm().
  private failed = false;

  /**
   * `open`: opens the devices (default openCallMedia). `onHeld`: the held stream changed (a stream
   * once both devices are open, null when released), for an owner that shows it.
   */
  constructor(
    private readonly open: () => Promise<LocalMedia> = openCallMedia,
    private readonly onHeld?: (stream: MediaStream | null) => void,
  ) {}

  /** Whether a stream is held or being opened. */
  get holding(): boolean {
    return this.held !== null;
  }

  /**
   * The media of one call: a clone of the held stream (its own tracks, stopped by the call), or,
   * when none is held (or its devices are gone), the devices opened now.
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

  /** Opens the devices and holds them, unless held already or failed since the last release. */
  warm(): void {
    if (this.held || this.failed) return;
    const held: Promise<LocalMedia> = this.open().then(
      (media): LocalMedia => {
        if (this.held !== held) return media; // released meanwhile: release() stops it
        if (media.error === null && media.stream) {
          this.onHeld?.(media.stream);
          return media;
        }
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

  /** Stops the held devices. Safe to call twice. */
  release(): void {
    const held = this.held;
    this.held = null;
    this.failed = false;
    void held?.then(({ stream }) => {
      if (stream) stopStream(stream);
    });
    this.onHeld?.(null);
  }
}
