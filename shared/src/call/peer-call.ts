/**
 * One WebRTC peer connection over simple-peer, shared by the kiosk renderer and the agent console.
 * Signals that arrive before the local camera is ready are held and replayed, so neither side
 * has to wait for the other. A PeerCall lives once: after it closes, a new one is built (see
 * CallController, which does that and decides when).
 */
import Peer from '@thaunknown/simple-peer';
import type { IceServer } from '../domain';
import type { SignalData } from '../protocol';
import { stopStream } from './media';
import { CALL_START_BITRATE_KBPS, withStartBitrate } from './sdp';

/** What a peer connection reports to its owner. */
export interface PeerCallEvents {
  /** The remote side's media arrived. */
  onRemoteStream(stream: MediaStream): void;
  /** A signal to relay to the other member through the server. */
  onSignal(data: SignalData): void;
  /** The connection is up (ICE connected and the data channel open). */
  onConnected?(): void;
  /** The peer connection closed or failed; `error` is set on failure. Not called after `end()`. */
  onClosed?(error?: Error): void;
  /**
   * ICE lost its path (`true`, 'disconnected': no media is getting through) or found one again
   * (`false`). The peer is still alive: it may recover by itself or fail and close later.
   */
  onUnstable?(unstable: boolean): void;
}

/** Options for a peer connection; `initiator` is true on the agent's side. */
export interface PeerCallOptions extends PeerCallEvents {
  initiator: boolean;
  iceServers: IceServer[];
  /** 'relay' sends every path through TURN; default 'all'. */
  iceTransportPolicy?: 'all' | 'relay';
  /** Whether closing the peer stops the local stream's tracks. Default true. */
  ownsLocalStream?: boolean;
}

/** The part of a peer connection a call controller drives; {@link PeerCall} is the real one. */
export interface PeerConnection {
  /** Starts the connection with the local media; signals fed earlier are replayed. */
  start(localStream: MediaStream): void;
  /** Feeds a signal relayed from the other member. */
  signal(data: SignalData): void;
  /**
   * The initiator's ICE restart on this live connection (a new offer with `iceRestart`, LiveKit's
   * first step of a resume). False when it cannot be done: not started, ended, not the initiator,
   * or an offer still waits for its answer (the answer was lost: a fresh peer is the way then).
   */
  restartIce?(): boolean;
  /** The local description's SDP as it is now (with the candidates gathered so far); null before it is set. */
  localSdp?(): string | null;
  /** Closes the connection. Safe to call twice. */
  end(): void;
}

/** The parts of simple-peer's instance an ICE restart uses (public in its source, untyped). */
interface SimplePeerInternals {
  _pc?: RTCPeerConnection;
  _isNegotiating?: boolean;
  destroyed?: boolean;
  offerOptions: RTCOfferOptions;
  negotiate(): void;
}

/** A simple-peer connection for one attempt of one session's call. */
export class PeerCall implements PeerConnection {
  private peer: Peer.Instance | null = null;
  private pending: SignalData[] = [];
  private localStream: MediaStream | null = null;
  private ended = false;

  constructor(private readonly options: PeerCallOptions) {}

  /** Starts the peer with the local media; replays signals that arrived earlier. */
  start(localStream: MediaStream): void {
    if (this.ended) {
      if (this.ownsStream) stopStream(localStream);
      return;
    }
    this.localStream = localStream;
    const peer = new Peer({
      initiator: this.options.initiator,
      stream: localStream,
      trickle: true,
      // Both sides' descriptions carry it, so each side's video starts at it (see sdp.ts).
      sdpTransform: (sdp: string) => withStartBitrate(sdp, CALL_START_BITRATE_KBPS),
      config: {
        iceServers: this.options.iceServers as RTCIceServer[],
        iceTransportPolicy: this.options.iceTransportPolicy ?? 'all',
      },
    });
    this.peer = peer;
    peer.on('signal', (data: unknown) => this.options.onSignal(data as SignalData));
    peer.on('stream', (stream: MediaStream) => this.options.onRemoteStream(stream));
    peer.on('connect', () => this.options.onConnected?.());
    peer.on('iceStateChange', (state: RTCIceConnectionState) => {
      if (state === 'disconnected') this.options.onUnstable?.(true);
      else if (state === 'connected' || state === 'completed') this.options.onUnstable?.(false);
    });
    peer.on('error', (err: Error) => this.finish(err, true));
    peer.on('close', () => this.finish(undefined, true));
    // This fork's own teardown (the other side closed its channel, ICE failed) emits 'disconnect' and
    // maybe 'error', never 'close': without this, a peer the other side closed cleanly (a console
    // tab closed or reloaded) was never reported and the call stayed on a frozen picture. After a
    // microtask, so that an 'error' emitted in the same teardown is the reason reported.
    peer.on('disconnect', () => queueMicrotask(() => this.finish(undefined, true)));
    for (const data of this.pending.splice(0)) peer.signal(data as never);
  }

  /** Feeds a signal relayed from the other member. */
  signal(data: SignalData): void {
    if (this.ended) return;
    if (this.peer) this.peer.signal(data as never);
    else this.pending.push(data);
  }

  /** Restarts ICE on the live connection (initiator only); see {@link PeerConnection.restartIce}. */
  restartIce(): boolean {
    const peer = this.peer as (Peer.Instance & SimplePeerInternals) | null;
    if (this.ended || !peer || !this.options.initiator || peer.destroyed) return false;
    // An offer waiting for its answer: simple-peer would only queue another one behind it.
    if (peer._pc?.signalingState !== 'stable' || peer._isNegotiating) return false;
    peer.offerOptions = { ...peer.offerOptions, iceRestart: true };
    peer.negotiate();
    return true;
  }

  /** The local description with the candidates gathered so far; null before it is set. */
  localSdp(): string | null {
    return this.connection?.localDescription?.sdp ?? null;
  }

  /** The underlying RTCPeerConnection, for getStats(); null before start. */
  get connection(): RTCPeerConnection | null {
    return (this.peer as unknown as { _pc?: RTCPeerConnection } | null)?._pc ?? null;
  }

  /** Ends the call: closes the connection and, if it owns it, stops the local stream. Safe to call twice. */
  end(): void {
    this.finish(undefined, false);
  }

  private get ownsStream(): boolean {
    return this.options.ownsLocalStream ?? true;
  }

  private finish(error: Error | undefined, report: boolean): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    if (this.localStream && this.ownsStream) stopStream(this.localStream);
    this.localStream = null;
    const peer = this.peer;
    this.peer = null;
    peer?.destroy();
    if (report) this.options.onClosed?.(error);
  }
}
