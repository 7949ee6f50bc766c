/**
 * One session's call, for the kiosk and the console alike: the local media, the peer connection,
 * and rebuilding the peer when it closes while the session is still open. When (and whether) to
 * rebuild is the reconnect policy's decision. Signals travel through a port the owner supplies
 * (the console's socket, the kiosk's bridge), so the controller knows no transport.
 */
import type { IceServer } from '../domain';
import type { SignalData } from '../protocol';
import { openCallMedia, setTracksEnabled, stopStream, type LocalMedia } from './media';
import { PeerCall, type PeerCallOptions, type PeerConnection } from './peer-call';
import type { PreparedStart } from './prepared-peer';
import { defaultPeerReconnectPolicy, type ReconnectPolicy } from './reconnect-policy';
import { sdpSessionId } from './sdp';

/**
 * Where the call is: 'reconnecting' while no media gets through (ICE lost its path, or the peer
 * dropped and is being rebuilt); 'failed' once the initiator's policy gave up (the grace period is
 * over: the owner should end the session). The answering side never fails by itself: it answers
 * offers until the session ends.
 */
export type CallConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

/** What a call screen renders. */
export interface CallSnapshot {
  state: CallConnectionState;
  local: MediaStream | null;
  remote: MediaStream | null;
  /** Why the camera and microphone could not both be opened (an error name); null when they were. */
  mediaError: string | null;
  /** Whether the local camera is on (as the user wants it). */
  video: boolean;
  /** Whether the local microphone is on (as the user wants it). */
  audio: boolean;
}

/** How the controller sends signals to the other member; inbound signals go to `receive()`. */
export interface SignalPort {
  /** Relays one signal of this session to the other member. */
  send(signal: SignalData): void;
}

/** Builds one peer connection; replaceable in tests. */
export type PeerFactory = (options: PeerCallOptions) => PeerConnection;

/** Options of a call controller. */
export interface CallControllerOptions {
  /** True on the agent's side, which offers; the kiosk answers. */
  initiator: boolean;
  iceServers: IceServer[];
  /** 'relay' sends every path through TURN; default 'all'. */
  iceTransportPolicy?: 'all' | 'relay';
  signalling: SignalPort;
  /** When to rebuild a dropped peer. Default {@link defaultPeerReconnectPolicy} (every 2 s while the session is open). */
  policy?: ReconnectPolicy;
  /**
   * How long the default policy keeps trying without media (ms): the session's member grace
   * (`SessionOpened.graceSeconds`), so that the agent does not end a session the server still
   * holds. Default {@link PEER_MEDIA_GRACE_MS}. Ignored when `policy` is given.
   */
  mediaGraceMs?: number;
  /** The initiator restarts ICE once ICE has been 'disconnected' this long (ms). Default 2000. */
  iceRestartAfterMs?: number;
  /** An ICE restart that brought no media back within this (ms) gives way to a fresh peer. Default 5000. */
  restartTimeoutMs?: number;
  /**
   * The initiator's attempt counts as dropped if it is not connected this long after it started
   * (ms), e.g. when its offer was lost while the other side was reloading. Default 30000.
   */
  connectTimeoutMs?: number;
  /**
   * The same for an attempt made after the connection was lost (ms), shorter so that the policy is
   * asked again within its grace period while the network is still out. Default 10000.
   */
  retryConnectTimeoutMs?: number;
  /** Told of each resume step the initiator takes (for logs): an ICE restart or a fresh peer, and why. */
  onRestart?: (how: 'ice-restart' | 'new-peer', reason: string) => void;
  /** Builds a peer connection. Default: a simple-peer {@link PeerCall}. */
  createPeer?: PeerFactory;
  /**
   * A peer prepared before the session, whose offer the other member already has (the console's,
   * sent with its accept): the first peer and the local media; later peers are built as usual.
   */
  prepared?: PreparedStart;
  /** Opens the local media. Default {@link openCallMedia}. */
  openMedia?: () => Promise<LocalMedia>;
  /** The clock (ms). Default Date.now. */
  now?: () => number;
}

/** Owns one session's call: local media, the current peer, and its rebuilds. */
export class CallController {
  private snapshot: CallSnapshot = {
    state: 'connecting',
    local: null,
    remote: null,
    mediaError: null,
    video: true,
    audio: true,
  };
  private readonly listeners = new Set<() => void>();
  private peer: PeerConnection | null = null;
  /** Whether the current peer (non-initiator side) has been given an offer. */
  private peerHasOffer = false;
  /** The SDP session id (`o=` line) of the offers the current peer answers (non-initiator side). */
  private offerSession: string | null = null;
  private started = false;
  private mediaReady = false;
  private retryCount = 0;
  /** When the connection was last lost; null while it is up or has never been up. */
  private downSince: number | null = null;
  private rebuildTimer: ReturnType<typeof setTimeout> | null = null;
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  /** Pending ICE restart after ICE went 'disconnected' (initiator). */
  private iceRestartTimer: ReturnType<typeof setTimeout> | null = null;
  /** Waits for an ICE restart to bring the media back (initiator). */
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly policy: ReconnectPolicy;
  private readonly now: () => number;

  constructor(private readonly options: CallControllerOptions) {
    this.policy = options.policy ?? defaultPeerReconnectPolicy(options.mediaGraceMs);
    this.now = options.now ?? Date.now;
  }

  /** The current snapshot (stable until something changes). */
  getSnapshot = (): CallSnapshot => this.snapshot;

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Builds the first peer at once (so that an early offer is held, not lost) and opens the local
   * media; the peer starts when the media is ready. Safe to call twice.
   */
  start(): void {
    if (this.started || this.ended) return;
    this.started = true;
    const prepared = this.options.prepared;
    if (prepared) {
      this.mediaOpened(prepared.media);
      this.buildPeer(prepared.peer);
      return;
    }
    this.buildPeer();
    void (this.options.openMedia ?? openCallMedia)()
      .catch((e: unknown): LocalMedia => ({ stream: null, error: e instanceof Error ? e.name : 'Error' }))
      .then((media) => this.mediaOpened(media));
  }

  /** A signal the other member sent for this session; dropped before `start()` and after the end. */
  receive(signal: SignalData): void {
    if (!this.started || this.ended || this.snapshot.state === 'failed') return;
    if (!this.options.initiator && signal.type === 'offer') {
      // Our initiator renegotiates only to restart ICE, on the same RTCPeerConnection, whose offers
      // keep their `o=` session id. An offer with another session id (or one after our peer closed)
      // comes from a peer the other side rebuilt: answer it with a new peer of ours.
      const session = sdpSessionId(signal.sdp);
      const samePeer = this.peerHasOffer && session !== null && session === this.offerSession;
      if (!this.peer || (this.peerHasOffer && !samePeer)) this.rebuild();
      this.peerHasOffer = true;
      this.offerSession = session;
    }
    // Without a live peer, a signal belongs to the connection that just closed: drop it.
    this.peer?.signal(signal);
  }

  /**
   * Brings the media back now (the other member's socket came back, the network did): the
   * initiator restarts ICE on the live peer, or, where there is none or it cannot restart (an offer
   * still waits for its answer), builds a fresh peer at once instead of waiting for the policy's
   * next attempt. A connected call is left alone: its media is flowing (a server restart reconnects
   * both sockets while the media goes on peer to peer), and a restart racing another restart's
   * unanswered offer would replace a working peer. The answering side follows the initiator's
   * offers, so it does nothing here.
   */
  restartMedia(reason: string): void {
    if (!this.options.initiator || !this.started || this.ended || this.snapshot.state === 'failed') return;
    if (!this.mediaReady) return; // the first peer starts as soon as the media is open
    if (this.snapshot.state === 'connected') return;
    this.restartOrRebuild(reason);
  }

  /** Turns the local camera or microphone on or off; remembered across rebuilds. */
  setEnabled(kind: 'video' | 'audio', enabled: boolean): void {
    if (this.snapshot.local) setTracksEnabled(this.snapshot.local, kind, enabled);
    this.publish(kind === 'video' ? { video: enabled } : { audio: enabled });
  }

  /** Ends the call: closes the peer, stops every local track (the camera light goes off). Safe to call twice. */
  end(): void {
    if (this.ended) return;
    this.clearTimers();
    const peer = this.peer;
    this.peer = null;
    peer?.end();
    if (this.snapshot.local) stopStream(this.snapshot.local);
    this.publish({ state: 'ended', local: null, remote: null });
  }

  private get ended(): boolean {
    return this.snapshot.state === 'ended';
  }

  private mediaOpened({ stream, error }: LocalMedia): void {
    if (this.ended) {
      if (stream) stopStream(stream);
      return;
    }
    if (stream) {
      setTracksEnabled(stream, 'video', this.snapshot.video);
      setTracksEnabled(stream, 'audio', this.snapshot.audio);
    }
    this.mediaReady = true;
    this.publish({ local: stream, mediaError: error });
    if (this.peer) this.startPeer(this.peer);
  }

  private buildPeer(create?: PeerFactory): void {
    const peer: PeerConnection = (create ?? this.options.createPeer ?? ((o) => new PeerCall(o)))({
      initiator: this.options.initiator,
      iceServers: this.options.iceServers,
      ...(this.options.iceTransportPolicy ? { iceTransportPolicy: this.options.iceTransportPolicy } : {}),
      // The controller owns the local media: a rebuilt peer sends the same stream.
      ownsLocalStream: false,
      onSignal: (data) => {
        if (this.peer === peer) this.options.signalling.send(data);
      },
      onRemoteStream: (stream) => {
        if (this.peer === peer) this.publish({ remote: stream });
      },
      onConnected: () => {
        if (this.peer === peer) this.connected();
      },
      onClosed: (error) => {
        if (this.peer === peer) this.dropped(error ? 'peer-failed' : 'peer-closed');
      },
      onUnstable: (unstable) => {
        if (this.peer === peer) this.unstable(unstable);
      },
    });
    this.peer = peer;
    this.peerHasOffer = false;
    this.offerSession = null;
    if (this.mediaReady) this.startPeer(peer);
  }

  private startPeer(peer: PeerConnection): void {
    // A stream is needed to start; where there is no media API at all there is nothing to call with.
    if (!this.snapshot.local) return;
    peer.start(this.snapshot.local);
    if (this.options.initiator) {
      this.clearConnectTimer();
      const timeout =
        this.downSince === null
          ? (this.options.connectTimeoutMs ?? 30_000)
          : (this.options.retryConnectTimeoutMs ?? 10_000);
      this.connectTimer = setTimeout(() => {
        this.connectTimer = null;
        if (this.peer === peer && this.snapshot.state !== 'connected') this.dropped('connect-timeout');
      }, timeout);
    }
  }

  private connected(): void {
    this.clearConnectTimer();
    this.clearRestartTimers();
    this.retryCount = 0;
    this.downSince = null;
    this.publish({ state: 'connected' });
  }

  /**
   * ICE lost (or regained) its path while the peer lives: say so at once, keeping the last picture,
   * rather than only when the peer finally fails many seconds later.
   */
  private unstable(lost: boolean): void {
    if (lost && this.snapshot.state === 'connected') {
      this.downSince ??= this.now();
      this.publish({ state: 'reconnecting' });
      // LiveKit's first step: if ICE does not find its path again by itself, restart it.
      if (this.options.initiator && !this.iceRestartTimer && !this.restartTimer) {
        this.iceRestartTimer = setTimeout(() => {
          this.iceRestartTimer = null;
          if (this.snapshot.state === 'reconnecting' && this.peer) this.restartOrRebuild('ice-disconnected');
        }, this.options.iceRestartAfterMs ?? 2000);
      }
    } else if (!lost && this.snapshot.state === 'reconnecting') {
      this.connected();
    }
  }

  /** An ICE restart on the live peer, else a fresh peer at once (initiator). */
  private restartOrRebuild(reason: string): void {
    this.clearRestartTimers();
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = null;
    const peer = this.peer;
    if (peer?.restartIce?.()) {
      this.options.onRestart?.('ice-restart', reason);
      if (this.snapshot.state === 'connected') return;
      this.downSince ??= this.now();
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (this.peer === peer && this.snapshot.state !== 'connected') this.dropped('restart-timeout');
      }, this.options.restartTimeoutMs ?? 5000);
      return;
    }
    this.options.onRestart?.('new-peer', reason);
    this.downSince ??= this.now();
    this.rebuild();
  }

  private dropped(reason: string): void {
    this.clearConnectTimer();
    this.clearRestartTimers();
    const peer = this.peer;
    this.peer = null;
    peer?.end();
    this.downSince ??= this.now();
    // The kiosk answers whatever the agent offers until the session ends; only the initiator gives up.
    if (!this.options.initiator) {
      this.publish({ state: 'reconnecting', remote: null });
      return;
    }
    const delay = this.policy.nextRetryDelayInMs({
      retryCount: this.retryCount,
      elapsedMs: this.now() - this.downSince,
      reason,
    });
    if (delay === null) {
      this.publish({ state: 'failed', remote: null });
      return;
    }
    this.publish({ state: 'reconnecting', remote: null });
    this.rebuildTimer = setTimeout(() => {
      this.rebuildTimer = null;
      this.rebuild();
    }, delay);
  }

  private rebuild(): void {
    if (this.ended) return;
    this.retryCount += 1;
    if (this.snapshot.state !== 'reconnecting') this.publish({ state: 'reconnecting', remote: null });
    const old = this.peer;
    // The new peer is current before the old one closes, so the old one's close is not a drop.
    this.buildPeer();
    old?.end();
  }

  private clearConnectTimer(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }

  private clearRestartTimers(): void {
    if (this.iceRestartTimer) clearTimeout(this.iceRestartTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.iceRestartTimer = null;
    this.restartTimer = null;
  }

  private clearTimers(): void {
    this.clearConnectTimer();
    this.clearRestartTimers();
    if (this.rebuildTimer) clearTimeout(this.rebuildTimer);
    this.rebuildTimer = null;
  }

  private publish(patch: Partial<CallSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}
