/**
 * The bridge for a plain browser page: the shared bridge client (same KioskBridge as the preload's)
 * over the browser shell's socket.io, at the page's own origin.
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { BRIDGE_IO_PATH, BridgeError, createBridgeClient } from '@rvw/shared';
import type { BridgeResult, BridgeTransport, KioskBridge } from '@rvw/shared';

interface ServerToPage {
  event: (channel: string, payload: unknown) => void;
}
interface PageToServer {
  invoke: (channel: string, request: unknown, ack: (result: BridgeResult) => void) => void;
}

/** The page's socket to the browser shell. */
export type WebBridgeSocket = Socket<ServerToPage, PageToServer>;

/** Options of the web bridge; each has a default. */
export interface WebBridgeOptions {
  /** Per-call timeout in ms; default 15000. */
  timeoutMs?: number;
}

/** The socket.io transport: `invoke` with an ack; `event` pushes carry the channel first. */
export function socketTransport(socket: WebBridgeSocket, timeoutMs: number): BridgeTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  socket.on('event', (channel, payload) => {
    for (const deliver of listeners.get(channel) ?? []) deliver(payload);
  });
  return {
    async invoke(channel, request) {
      try {
        // Emits made while disconnected are buffered by socket.io and sent on reconnect.
        return await socket.timeout(timeoutMs).emitWithAck('invoke', channel, request);
      } catch {
        return { ok: false, error: BridgeError.unreachable('no answer in time').toWire() };
      }
    },
    listen(channel, deliver) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(deliver);
      return () => {
        set.delete(deliver);
      };
    },
  };
}

/** Connects to the browser shell at `origin` (default the page's own) and returns the bridge and a closer. */
export function createWebBridge(
  origin: string = globalThis.location.origin,
  options: WebBridgeOptions = {},
): KioskBridge & { close(): void } {
  const socket: WebBridgeSocket = io(origin, {
    path: BRIDGE_IO_PATH,
    transports: ['websocket'],
  });
  const bridge = createBridgeClient(socketTransport(socket, options.timeoutMs ?? 15_000));
  return {
    invoke: bridge.invoke,
    on: bridge.on,
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
