/**
 * The call's set-up time (issue 12 #7): from `session:opened` reaching this window to the first
 * frame of the agent's video, reported once per session through the bridge (`call:setup`, the
 * server's histogram). A session this window did not see open (a reload in the middle of a call)
 * is not reported: its time would be wrong. A transfer re-opens the same session: the first agent's
 * first frame counts, once.
 */

/** Longest set-up time worth reporting (the protocol's bound); a later frame is not a set-up. */
export const MAX_SETUP_MS = 600_000;

/** Times each session from its opening to the agent's first frame and reports it once. */
export class CallSetupClock {
  private readonly openedAt = new Map<string, number>();
  private readonly done = new Set<string>();

  /**
   * `report`: sends one session's time (fire-and-forget); `now`: a monotonic clock in ms (default
   * performance.now).
   */
  constructor(
    private readonly report: (sessionId: string, ms: number) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `session:opened` arrived for this session; a re-opening keeps the first time. */
  opened(sessionId: string): void {
    if (this.done.has(sessionId) || this.openedAt.has(sessionId)) return;
    this.openedAt.set(sessionId, this.now());
  }

  /** The agent's first frame showed: reports the time once, if the opening was seen here. */
  firstFrame(sessionId: string): void {
    const at = this.openedAt.get(sessionId);
    if (at === undefined) return;
    this.openedAt.delete(sessionId);
    this.done.add(sessionId);
    const ms = Math.round(this.now() - at);
    if (ms >= 0 && ms <= MAX_SETUP_MS) this.report(sessionId, ms);
  }

  /** The session ended: nothing more to time for it. */
  ended(sessionId: string): void {
    this.openedAt.delete(sessionId);
  }
}

/** The parts of a video element the watch uses (a real HTMLVideoElement in the browser). */
export interface FrameVideo {
  muted: boolean;
  playsInline: boolean;
  srcObject: MediaProvider | null;
  play(): Promise<void>;
  pause(): void;
  addEventListener(type: 'playing', listener: () => void): void;
  removeEventListener(type: 'playing', listener: () => void): void;
  requestVideoFrameCallback?: (callback: () => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
}

/**
 * Calls `onFrame` once when the first frame of `stream` plays, on a muted video element of its own
 * (requestVideoFrameCallback where there is one, or its `playing` event, whichever comes first).
 * Returns the way to stop watching (and release the element).
 */
export function watchFirstFrame(
  stream: MediaStream,
  onFrame: () => void,
  makeVideo: () => FrameVideo = () => document.createElement('video'),
): () => void {
  const video = makeVideo();
  let stopped = false;
  let handle: number | null = null;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    video.removeEventListener('playing', fire);
    if (handle !== null) video.cancelVideoFrameCallback?.(handle);
    video.pause();
    video.srcObject = null;
  };
  function fire(): void {
    if (stopped) return;
    stop();
    onFrame();
  }
  video.muted = true;
  video.playsInline = true;
  video.addEventListener('playing', fire);
  if (video.requestVideoFrameCallback) handle = video.requestVideoFrameCallback(fire);
  video.srcObject = stream;
  // A refused play() (no frame will come) simply reports nothing.
  video.play().catch(() => undefined);
  return stop;
}
