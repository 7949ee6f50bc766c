/** Test harness of the call controller: fake local media, a controller with FakePeers, recorded policy. */
import { vi } from 'vitest';
import type { SignalData } from '../protocol';
import { CallController, type CallControllerOptions } from './call-controller';
import { FakePeer } from './fake-peer';
import type { LocalMedia } from './media';
import type { ReconnectContext, ReconnectPolicy } from './reconnect-policy';

/** A track that remembers whether it was stopped. */
export class FakeTrack {
  enabled = true;
  stopped = false;
  constructor(readonly kind: 'audio' | 'video') {}
  stop(): void {
    this.stopped = true;
  }
}

/** The part of MediaStream the controller uses. */
export class FakeStream {
  readonly tracks = [new FakeTrack('video'), new FakeTrack('audio')];
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
  get live(): boolean {
    return this.tracks.some((t) => !t.stopped);
  }
}

export const asStream = (s: FakeStream) => s as unknown as MediaStream;

/** Records every context it is asked about, and answers as the policy it wraps. */
export class RecordingPolicy implements ReconnectPolicy {
  readonly asked: ReconnectContext[] = [];
  constructor(private readonly inner: ReconnectPolicy) {}
  nextRetryDelayInMs(context: ReconnectContext): number | null {
    this.asked.push(context);
    return this.inner.nextRetryDelayInMs(context);
  }
}

export const offer: SignalData = { type: 'offer', sdp: 'v=0 offer' };
export const answer: SignalData = { type: 'answer', sdp: 'v=0 answer' };
export const candidate = (n: number): SignalData => ({
  candidate: { candidate: `candidate:${n}`, sdpMid: '0' },
});

export function setup(initiator: boolean, extra: Partial<CallControllerOptions> = {}) {
  const peers: FakePeer[] = [];
  const sent: SignalData[] = [];
  const local = new FakeStream();
  let openMedia!: (media: LocalMedia) => void;
  const controller = new CallController({
    initiator,
    iceServers: [],
    signalling: { send: (s) => sent.push(s) },
    createPeer: (options) => {
      const peer = new FakePeer(options);
      peers.push(peer);
      return peer;
    },
    openMedia: () => new Promise<LocalMedia>((resolve) => (openMedia = resolve)),
    ...extra,
  });
  const states: string[] = [];
  controller.subscribe(() => {
    const state = controller.getSnapshot().state;
    if (states.at(-1) !== state) states.push(state);
  });
  controller.start();
  const mediaReady = async () => {
    openMedia({ stream: asStream(local), error: null });
    await vi.advanceTimersByTimeAsync(0);
  };
  return { controller, peers, sent, local, states, mediaReady, current: () => peers.at(-1)! };
}
