/** The agent's socket.io connection, typed with the shared event maps, and acknowledged requests over it. */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@rvw/shared';
import { ConsoleError } from '../lib/errors';

/** The console's socket.io connection, typed by the shared event maps. */
export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long one connection attempt may take before it counts as failed (socket.io-client's `timeout`). */
export const CONSOLE_CONNECT_TIMEOUT_MS = 3500;

/** How long an acknowledgement may take before the request counts as failed (default 10 s). */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * Opens the socket to the page's own origin (the server serves the console), authenticated as an
 * agent. socket.io's own reconnection is off: the ConsoleApp reconnects, by its policy, so that a
 * refusal and a lost network are retried by one rule.
 */
export function connectConsoleSocket(token: string): ConsoleSocket {
  return io({
    path: '/socket.io',
    auth: { kind: 'agent', token },
    // Polling first would work too; websocket first avoids a needless upgrade on a healthy LAN.
    transports: ['websocket', 'polling'],
    reconnection: false,
    // One attempt gives up after this (socket.io's default is 20 s), so that during an outage the
    // policy's attempts keep cycling and one starts soon after the network is back.
    timeout: CONSOLE_CONNECT_TIMEOUT_MS,
  });
}

/** Sends a client event and resolves with its acknowledged data; rejects with a coded ConsoleError. */
export function request<E extends ClientEventName>(
  socket: ConsoleSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<ClientAckData<E>> {
  return new Promise((resolve, reject) => {
    const timed = socket.timeout(timeoutMs);
    // socket.io's per-event typing cannot follow a generic event name; the shapes are fixed by the maps above.
    const emit = timed.emit as unknown as (
      this: typeof timed,
      ev: E,
      payload: ClientPayload<E>,
      ack: (err: Error | null, res: Ack<ClientAckData<E>>) => void,
    ) => void;
    emit.call(timed, event, payload, (err, res) => {
      if (err) reject(ConsoleError.timeout(event));
      else if (!res || typeof res !== 'object') reject(ConsoleError.badResponse(event));
      else if (res.ok) resolve(res.data);
      else reject(ConsoleError.fromServer(res.error));
    });
  });
}
