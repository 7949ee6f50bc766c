/**
 * The kiosk's side of one session's call: the shared call controller (@rvw/shared/call) as the
 * answering member, its signals carried by the bridge. Created as soon as the session opens, so
 * that the agent's early offer is held, not lost; ended on leaving the call screen.
 */
import { CallController, type CallConnectionState, type LocalMedia } from '@rvw/shared/call';
import type { SessionOpened, SignalData } from '@rvw/shared';
import { watchFirstFrame } from './call-setup';

/** What the call screen shows. */
export interface CallMedia {
  local: MediaStream | null;
  remote: MediaStream | null;
  /** Where the call is ('reconnecting' while no media gets through); absent outside a call. */
  state?: CallConnectionState;
}

/** One session's call on the kiosk. */
export class KioskCall {
  private readonly controller: CallController;
  private media: CallMedia = { local: null, remote: null };
  private readonly unsubscribe: () => void;
  // Watching the agent's video for its first frame (the set-up time); null before or after.
  private frameWatch: (() => void) | null = null;
  private frameSeen = false;
  private watched: MediaStream | null = null;

  /**
   * `onFirstFrame`: the first frame of the agent's video played (once per call). `openMedia`: the
   * call's camera and microphone (a clone of the mirror's, call/mirror-camera.ts); default opened now.
   */
  constructor(
    readonly sessionId: string,
    opened: SessionOpened,
    sendSignal: (data: SignalData) => void,
    onMedia: (media: CallMedia) => void,
    onFirstFrame?: () => void,
    openMedia?: () => Promise<LocalMedia>,
  ) {
    // The agent offers and, when its peer drops, offers again; the kiosk answers each offer.
    this.controller = new CallController({
      initiator: false,
      iceServers: opened.iceServers,
      ...(opened.iceTransportPolicy ? { iceTransportPolicy: opened.iceTransportPolicy } : {}),
      ...(openMedia ? { openMedia } : {}),
      signalling: { send: sendSignal },
    });
    this.unsubscribe = this.controller.subscribe(() => {
      const { local, remote, state } = this.controller.getSnapshot();
      if (local === this.media.local && remote === this.media.remote && state === this.media.state) return;
      this.media = { local, remote, state };
      if (remote && onFirstFrame) this.watchFrame(remote, onFirstFrame);
      onMedia(this.media);
    });
    this.controller.start();
  }

  /** A signal relayed by the server for this session. */
  signal(data: SignalData): void {
    this.controller.receive(data);
  }

  // Watches the agent's stream for its first frame; a stream replaced before it played (the peer
  // dropped and came back) is watched instead.
  private watchFrame(remote: MediaStream, onFirstFrame: () => void): void {
    if (this.frameSeen || this.watched === remote) return;
    this.frameWatch?.();
    this.watched = remote;
    this.frameWatch = watchFirstFrame(remote, () => {
      this.frameSeen = true;
      this.frameWatch = null;
      onFirstFrame();
    });
  }

  /** Ends the call and releases the camera. Safe to call twice. */
  end(): void {
    this.frameWatch?.();
    this.frameWatch = null;
    this.unsubscribe();
    this.controller.end();
  }
}

/** What a controller holds of a running call. */
export interface RunningCall {
  readonly sessionId: string;
  /** A signal relayed by the server for this session. */
  signal(data: SignalData): void;
  /** Ends the call and releases the camera. */
  end(): void;
}

/**
 * Starts one session's call: the camera, the peer and the signals (see KioskCall); `onFirstFrame`
 * when the agent's video first plays; `openMedia`: the call's media, if already open (the mirror).
 */
export type StartCall = (
  sessionId: string,
  opened: SessionOpened,
  sendSignal: (data: SignalData) => void,
  onMedia: (media: CallMedia) => void,
  onFirstFrame?: () => void,
  openMedia?: () => Promise<LocalMedia>,
) => RunningCall;

/** The kiosk's real call: a KioskCall. */
export const startKioskCall: StartCall = (sessionId, opened, sendSignal, onMedia, onFirstFrame, openMedia) =>
  new KioskCall(sessionId, opened, sendSignal, onMedia, onFirstFrame, openMedia);
