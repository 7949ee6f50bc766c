/**
 * The bridge for a plain browser page: the same KioskBridge type as the preload's, carried over
 * the web host's socket.io (path /bridge-io) at the page's own origin.
 */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { bridgeEvents, isBridgeInvokeChannel, parseBridgeRequest } from '@rvw/shared';
import type { BridgeEventChannel, KioskBridge } from '@rvw/shared';
import { BRIDGE_IO_PATH } from '../../ipc-channels';

type Result = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
interface ServerToPage {
  event: (channel: string, payload: unknown) => void;
}
interface PageToServer {
  invoke: (channel: string, request: unknown, ack: (result: Result) => void) => void;
}

/** A bridge error carrying its code (and leading with it in the message, as the preload's do). */
export function bridgeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** The code of an error thrown by either bridge; INTERNAL when it has none. */
export function bridgeErrorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  const match = /^([A-Z_]{2,40}):/.exec(err instanceof Error ? err.message : '');
  return match?.[1] ?? 'INTERNAL';
}

/** Options of the web bridge. */
export interface WebBridgeOptions {
  /** Per-call timeout in ms; default 15000. */
  timeoutMs?: number;
}

/** Connects to the web host at `origin` (default the page's own) and returns the bridge and a closer. */
export function createWebBridge(
  origin: string = globalThis.location.origin,
  options: WebBridgeOptions = {},
): KioskBridge & { close(): void } {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const socket: Socket<ServerToPage, PageToServer> = io(origin, {
    path: BRIDGE_IO_PATH,
    transports: ['websocket'],
  });
  const listeners = new Map<string, Set<(event: unknown) => void>>();

  socket.on('event', (channel, payload) => {
    if (!Object.hasOwn(bridgeEvents, channel)) return;
    const parsed = bridgeEvents[channel as BridgeEventChannel].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(channel) ?? []) listener(parsed.data);
  });

  return {
    async invoke(channel, request) {
      if (!isBridgeInvokeChannel(channel)) throw bridgeError('BAD_CHANNEL', 'That is not a bridge channel.');
      let parsed: unknown;
      try {
        parsed = parseBridgeRequest(channel, request);
      } catch (err) {
        throw bridgeError('BAD_PAYLOAD', (err as Error).message);
      }
      let result: Result;
      try {
        // Emits made while disconnected are buffered by socket.io and sent on reconnect.
        result = await socket.timeout(timeoutMs).emitWithAck('invoke', channel, parsed);
      } catch {
        throw bridgeError('BRIDGE_UNREACHABLE', 'The kiosk did not answer in time.');
      }
      if (!result.ok) throw bridgeError(result.error.code, result.error.message);
      return result.data as never;
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      const l = listener as (event: unknown) => void;
      set.add(l);
      return () => {
        set.delete(l);
      };
    },
    close() {
      socket.disconnect();
      listeners.clear();
    },
  };
}
