/**
 * An honest in-memory peer for tests of the call's owners (the controller, the console's call): it
 * keeps PeerCall's contract and plays the network's part on command. No WebRTC, so it runs in Node.
 */
import type { SignalData } from '../protocol';
import type { LocalMedia } from './media';
import type { PeerCallOptions, PeerConnection } from './peer-call';

/**
 * Behaves as PeerCall does towards its owner: holds signals until started, reports only until it
 * is ended; and, stricter than PeerCall, throws when fed after its end, so misrouting fails a test.
 */
export class FakePeer implements PeerConnection {
  readonly received: SignalData[] = [];
  stream: MediaStream | null = null;
  ended = false;
  /** ICE restarts asked of this peer. */
  iceRestarts = 0;
  /** Whether an ICE restart is possible now (false: an offer waits for its answer). */
  canRestart = true;
  constructor(readonly options: PeerCallOptions) {}
  /** True once the owner started it with its local media. */
  get started(): boolean {
    return this.stream !== null;
  }
  start(localStream: MediaStream): void {
    if (this.ended) throw new Error('start after end');
    if (this.stream) throw new Error('started twice');
    this.stream = localStream;
  }
  signal(data: SignalData): void {
    if (this.ended) throw new Error('signal after end');
    this.received.push(data);
  }
  end(): void {
    this.ended = true;
  }
  restartIce(): boolean {
    if (this.ended || !this.started || !this.options.initiator || !this.canRestart) return false;
    this.iceRestarts += 1;
    return true;
  }
  // What the network does to it:
  emitSignal(data: SignalData): void {
    if (!this.ended) this.options.onSignal(data);
  }
  connect(): void {
    if (!this.ended) this.options.onConnected?.();
  }
  remote(stream: MediaStream): void {
    if (!this.ended) this.options.onRemoteStream(stream);
  }
  unstable(lost: boolean): void {
    if (!this.ended) this.options.onUnstable?.(lost);
  }
  close(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onClosed?.(error);
  }
}

/** Local media with no tracks: enough for owners that only stop and mute tracks. */
export const noLocalMedia = async (): Promise<LocalMedia> => ({
  stream: { getTracks: () => [] } as unknown as MediaStream,
  error: null,
});
