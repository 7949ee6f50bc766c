/**
 * Owns the WebRTC call of one session on the kiosk: created as soon as the session opens (so that
 * the agent's early offer is held, not lost), started when the camera is ready, ended on leaving.
 */
import { openLocalMedia, PeerCall } from '@rvw/shared/call';
import type { SessionOpened, SignalData } from '@rvw/shared';

/** What the call screen shows. */
export interface CallMedia {
  local: MediaStream | null;
  remote: MediaStream | null;
}

/** One session's call. */
export class CallController {
  private readonly call: PeerCall;
  private media: CallMedia = { local: null, remote: null };
  private ended = false;

  constructor(
    readonly sessionId: string,
    opened: SessionOpened,
    sendSignal: (data: SignalData) => void,
    private readonly onMedia: (media: CallMedia) => void,
  ) {
    this.call = new PeerCall({
      // The agent offers; the kiosk answers.
      initiator: false,
      iceServers: opened.iceServers,
      onSignal: sendSignal,
      onRemoteStream: (stream) => this.update({ remote: stream }),
    });
    this.open().catch(() => undefined);
  }

  private async open(): Promise<void> {
    let stream: MediaStream | null = null;
    try {
      stream = await openLocalMedia();
    } catch {
      // No camera (or it is busy): the resident can still be heard, or at least see and hear the agent.
      stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false }).catch(() => null);
    }
    try {
      stream ??= new MediaStream();
    } catch {
      return; // not a browser (no media at all): nothing to call with
    }
    if (this.ended) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.update({ local: stream });
    this.call.start(stream);
  }

  private update(part: Partial<CallMedia>): void {
    if (this.ended) return;
    this.media = { ...this.media, ...part };
    this.onMedia(this.media);
  }

  /** A signal relayed by the server for this session. */
  signal(data: SignalData): void {
    this.call.signal(data);
  }

  /** Ends the call and releases the camera. Safe to call twice. */
  end(): void {
    this.ended = true;
    this.call.end();
  }
}
