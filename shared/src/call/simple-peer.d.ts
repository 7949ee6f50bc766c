// @thaunknown/simple-peer ships no types; this declares the part of its API we use.
declare module '@thaunknown/simple-peer' {
  namespace Peer {
    interface Options {
      initiator?: boolean;
      stream?: MediaStream;
      trickle?: boolean;
      config?: RTCConfiguration;
      /** Rewrites each local offer and answer before it is set and sent. */
      sdpTransform?: (sdp: string) => string;
    }
    interface Instance {
      signal(data: unknown): void;
      destroy(error?: Error): void;
      on(event: 'signal', listener: (data: unknown) => void): this;
      on(event: 'stream', listener: (stream: MediaStream) => void): this;
      on(event: 'connect' | 'close' | 'disconnect', listener: () => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
      on(
        event: 'iceStateChange',
        listener: (
          iceConnectionState: RTCIceConnectionState,
          iceGatheringState: RTCIceGatheringState,
        ) => void,
      ): this;
    }
  }
  const Peer: new (options?: Peer.Options) => Peer.Instance;
  export default Peer;
}
