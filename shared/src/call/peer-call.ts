/**
 * One WebRTC call over simple-peer, shared by the kiosk renderer and the agent console.
 * Signals that arrive before the local camera is ready are held and replayed, so neither side
 * has to wait for the other. `end()` stops every local track (the camera light goes off).
 */
import Peer from '@thaunknown/simple-peer';
import type { IceServer } from '../domain';
import type { SignalData } from '../protocol';

/** What a call reports to its owner. */
export interface PeerCallEvents {
  /** The remote side's media arrived. */
  onRemoteStream(stream: MediaStream): void;
  /** A signal to relay to the other member through the server. */
  onSignal(data: SignalData): void;
  /** The peer connection closed or failed; `error` is set on failure. */
  onClosed?(error?: Error): void;
}

/** Options for a call; `initiator` is true on the agent's side. */
export interface PeerCallOptions extends PeerCallEvents {
  initiator: boolean;
  iceServers: IceServer[];
}

export class PeerCall {
  private peer: Peer.Instance | null = null;
  private pending: SignalData[] = [];
  private localStream: MediaStream | null = null;
  private ended = false;

  constructor(private readonly options: PeerCallOptions) {}

  /** Starts the peer with the local media; replays signals that arrived earlier. */
  start(localStream: MediaStream): void {
    if (this.ended) {
      stopStream(localStream);
      return;
    }
    this.localStream = localStream;
    const peer = new Peer({
      initiator: this.options.initiator,
      stream: localStream,
      trickle: true,
      config: { iceServers: this.options.iceServers as RTCIceServer[] },
    });
    this.peer = peer;
    peer.on('signal', (data: unknown) => this.options.onSignal(data as SignalData));
    peer.on('stream', (stream: MediaStream) => this.options.onRemoteStream(stream));
    peer.on('error', (err: Error) => this.finish(err));
    peer.on('close', () => this.finish());
    for (const data of this.pending.splice(0)) peer.signal(data as never);
  }

  /** Feeds a signal relayed from the other member. */
  signal(data: SignalData): void {
    if (this.ended) return;
    if (this.peer) this.peer.signal(data as never);
    else this.pending.push(data);
  }

  /** The underlying RTCPeerConnection, for getStats(); null before start. */
  get connection(): RTCPeerConnection | null {
    return (this.peer as unknown as { _pc?: RTCPeerConnection } | null)?._pc ?? null;
  }

  /** Ends the call: closes the connection and stops every local track. Safe to call twice. */
  end(): void {
    this.finish();
  }

  private finish(error?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    if (this.localStream) stopStream(this.localStream);
    this.localStream = null;
    const peer = this.peer;
    this.peer = null;
    peer?.destroy();
    this.options.onClosed?.(error);
  }
}

/** Opens the camera and microphone with settings suited to a face-to-face call. */
export function openLocalMedia(): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: 'user' },
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
}

/** Stops every track of a stream, so that the device is released. */
export function stopStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Enables or disables the tracks of one kind (mute the microphone, blank the camera). */
export function setTracksEnabled(stream: MediaStream, kind: 'audio' | 'video', enabled: boolean): void {
  for (const track of stream.getTracks()) if (track.kind === kind) track.enabled = enabled;
}
