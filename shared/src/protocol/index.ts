/**
 * The socket.io wire protocol: one map per direction, merged from one file per area (connection,
 * queue, session, identity; form, document, print, routing and fleet add theirs the same way). The
 * server, the kiosk and the console use the derived interfaces as socket.io generics; the server
 * validates every inbound payload with the schema from `clientEvents` before it dispatches.
 * docs/protocol.md describes each event (a test keeps it complete).
 */
import type { z } from 'zod';
import type { Ack } from '../errors';
import { caseClientEvents, caseServerEvents } from './case';
import { connectionClientEvents, connectionServerEvents } from './connection';
import type { ClientEventSlice, ServerEventSlice } from './event-spec';
import { fleetClientEvents, fleetServerEvents } from './fleet';
import { identityClientEvents, identityServerEvents } from './identity';
import { paperClientEvents, paperServerEvents } from './paper';
import { queueClientEvents, queueServerEvents } from './queue';
import { routingClientEvents, routingServerEvents } from './routing';
import { sessionClientEvents, sessionServerEvents } from './session';

export * from './bounded-json';
export * from './case';
export * from './connection';
export * from './event-spec';
export * from './fleet';
export * from './identity';
export * from './paper';
export * from './queue';
export * from './routing';
export * from './session';

/**
 * Client -> server events. Each entry names who may send it, the payload schema the server checks
 * on arrival, and the acknowledgement's data schema.
 */
export const clientEvents = {
  ...connectionClientEvents,
  ...queueClientEvents,
  ...sessionClientEvents,
  ...identityClientEvents,
  ...caseClientEvents,
  ...paperClientEvents,
  ...routingClientEvents,
  ...fleetClientEvents,
} as const satisfies ClientEventSlice;
export type ClientEventName = keyof typeof clientEvents;
/** The payload type of a client event. */
export type ClientPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['payload']>;
/** The acknowledgement data type of a client event. */
export type ClientAckData<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['ack']>;

/** Client -> server events as socket.io generics. Every event takes a payload and an ack callback. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (res: Ack<ClientAckData<E>>) => void) => void;
};

/** Server -> client events: their schemas, used by clients that want to check what they receive. */
export const serverEvents = {
  ...connectionServerEvents,
  ...queueServerEvents,
  ...sessionServerEvents,
  ...identityServerEvents,
  ...caseServerEvents,
  ...paperServerEvents,
  ...routingServerEvents,
  ...fleetServerEvents,
} as const satisfies ServerEventSlice;
export type ServerEventName = keyof typeof serverEvents;

/** Server -> client events as socket.io generics. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: z.infer<(typeof serverEvents)[E]>) => void;
};
