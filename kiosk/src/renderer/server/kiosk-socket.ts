/** The renderer's connection to the signaling server, as a kiosk, with typed and checked events. */
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@rvw/shared';

/** The kiosk's socket to the server. */
export type KioskSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connects with the kiosk token; socket.io reconnects by itself and the server re-sends kiosk:state. */
export function connectKioskSocket(serverUrl: string, token: string): KioskSocket {
  return io(serverUrl, { auth: { kind: 'kiosk', token }, transports: ['websocket'] });
}

/** Emits a client event and resolves with the ack's data; rejects with a coded error. Default timeout 15 s. */
export async function request<E extends ClientEventName>(
  socket: KioskSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number = 15_000,
): Promise<ClientAckData<E>> {
  let ack: Ack<ClientAckData<E>>;
  try {
    // The generic event map is too wide for emitWithAck's overloads; the payload type is checked above.
    const timed = socket.timeout(timeoutMs);
    const emit = timed.emitWithAck as unknown as (e: E, p: unknown) => Promise<Ack<ClientAckData<E>>>;
    ack = await emit.call(timed, event, payload);
  } catch {
    throw Object.assign(new Error('SERVER_UNREACHABLE: The service centre did not answer.'), {
      code: 'SERVER_UNREACHABLE',
    });
  }
  if (!ack.ok)
    throw Object.assign(new Error(`${ack.error.code}: ${ack.error.message}`), { code: ack.error.code });
  return ack.data;
}
