/**
 * A call's peer connection prepared before its session (issue 13 #3): the agent's side builds it
 * while available, with a clone of the held camera and microphone, and makes its offer then, so
 * that the offer goes with the accept (`ticket:accept`'s CallOffer) instead of some 100 ms after
 * it. Until a call adopts it, what it emits is held: nothing reaches anyone before the accept.
 */
import type { CallOffer, SignalData } from '../protocol';
import type { IceServer } from '../domain';
import { stopStream, type LocalMedia } from './media';
import { PeerCall, type PeerCallEvents, type PeerCallOptions, type PeerConnection } from './peer-call';

/** What a call controller takes over from a prepared peer (CallControllerOptions.prepared). */
export interface PreparedStart {
  /** The local media the peer sends; the call owns it from now on. */
  media: LocalMedia;
  /**
   * The started peer, now reporting to `events`; the signals it held after the offer are replayed
   * to them in a microtask, once the caller holds the peer.
   */
  peer(events: PeerCallEvents): PeerConnection;
}

/** How a prepared peer is built. */
export interface PreparedPeerOptions {
  iceServers: IceServer[];
  iceTransportPolicy?: 'all' | 'relay';
  /** The stream to send (a clone of held devices); stopped by end() unless a call adopted it. */
  stream: MediaStream;
  /** Builds the peer connection; default a simple-peer {@link PeerCall}. */
  createPeer?: (options: PeerCallOptions) => PeerConnection;
}

/** One offering peer connection, started and waiting for a session. */
export class PreparedPeer {
  private readonly peer: PeerConnection;
  private held: SignalData[] = [];
  private events: PeerCallEvents | null = null;
  private closed = false;
  private adopted = false;

  constructor(private readonly options: PreparedPeerOptions) {
    this.peer = (options.createPeer ?? ((o) => new PeerCall(o)))({
      initiator: true,
      iceServers: options.iceServers,
      ...(options.iceTransportPolicy ? { iceTransportPolicy: options.iceTransportPolicy } : {}),
      ownsLocalStream: false,
      onSignal: (data) => (this.events ? this.events.onSignal(data) : this.held.push(data)),
      onRemoteStream: (stream) => this.events?.onRemoteStream(stream),
      onConnected: () => this.events?.onConnected?.(),
      onUnstable: (unstable) => this.events?.onUnstable?.(unstable),
      onClosed: (error) => {
        this.closed = true;
        this.events?.onClosed?.(error);
      },
    });
    this.peer.start(options.stream);
  }

  /** Whether it can still be used: not closed, not adopted, not ended. */
  get usable(): boolean {
    return !this.closed && !this.adopted;
  }

  /**
   * The offer to send with an accept: the local description as it is now, with the candidates
   * gathered so far (and the start bitrate the peer put in it); null until the offer is made.
   */
  offer(): CallOffer | null {
    if (!this.usable) return null;
    const made = this.held.find((s) => s.type === 'offer' && s.sdp);
    if (!made?.sdp) return null;
    return { type: 'offer', sdp: this.peer.localSdp?.() ?? made.sdp };
  }

  /**
   * Hands the peer to the call whose other member got `offer`. Candidates gathered after that offer was
   * taken are replayed to the call (they go out as signals of the session); the offer is not.
   */
  adopt(offer: CallOffer): PreparedStart {
    // A peer that closed since still goes to the call, which then builds a fresh one by its policy.
    if (this.adopted) throw new Error('the prepared peer is taken');
    this.adopted = true;
    const media: LocalMedia = { stream: this.options.stream, error: null };
    return {
      media,
      peer: (events) => {
        const later = this.held.filter(
          (s) => s.type !== 'offer' && !(s.candidate && offer.sdp.includes(s.candidate.candidate)),
        );
        this.held = [];
        this.events = events;
        // After the owner holds the returned peer (its callbacks check that they are its current one).
        queueMicrotask(() => {
          for (const s of later) events.onSignal(s);
          if (this.closed) events.onClosed?.(new Error('the prepared peer closed'));
        });
        const peer = this.peer;
        return {
          start: () => undefined, // started when prepared
          signal: (data) => peer.signal(data),
          restartIce: () => peer.restartIce?.() ?? false,
          localSdp: () => peer.localSdp?.() ?? null,
          end: () => peer.end(),
        };
      },
    };
  }

  /** Closes it and stops its stream, unless a call adopted them. Safe to call twice. */
  end(): void {
    if (this.adopted) return;
    this.adopted = true; // unusable from now on
    this.peer.end();
    stopStream(this.options.stream);
  }
}
