/**
 * Bridge area "server": the queue, the session and the call's signals. The host holds the socket.io
 * connection to the signaling server (and the kiosk token); the renderer asks through these channels
 * and hears the server's kiosk events re-sent by the host. Requests and answers reuse the server
 * protocol's own schemas, so the two contracts cannot drift apart.
 */
import { z } from 'zod';
import { ErrorCodeSchema } from '../errors';
import { clientEvents, serverEvents } from '../protocol';
import { empty } from './empty';
import type { EventSlice, InvokeSlice } from './spec';

/** Whether the host is connected to the signaling server, and while it is not, why. */
export const ServerStatus = z
  .object({
    connected: z.boolean(),
    /** Down because the server announced a planned restart: the host is reconnecting; stay calm. */
    restarting: z.literal(true).optional(),
    /** The server refused the kiosk's credential (an AUTH_* code): the host stopped trying; a technician is needed. */
    refused: ErrorCodeSchema.optional(),
  })
  .strict();
export type ServerStatus = z.infer<typeof ServerStatus>;

/** Invoke channels of the server area. */
export const serverInvokes = {
  /**
   * The renderer is (re)starting: the host answers whether it is connected and then re-sends
   * `kiosk:state` (freshly from the server when anything happened since the last one), so that a
   * reloaded screen resumes the kiosk's ticket or session.
   */
  'server:sync': { request: empty, response: ServerStatus },
  /** Ask the server for a ticket (the protocol's `ticket:request`). */
  'ticket:request': {
    request: clientEvents['ticket:request'].payload,
    response: clientEvents['ticket:request'].ack,
  },
  /** Withdraw the waiting ticket (the protocol's `ticket:cancel`). */
  'ticket:cancel': {
    request: clientEvents['ticket:cancel'].payload,
    response: clientEvents['ticket:cancel'].ack,
  },
  /** End the session (the protocol's `session:end`). */
  'session:end': {
    request: clientEvents['session:end'].payload,
    response: clientEvents['session:end'].ack,
  },
  /** Relay a WebRTC signal to the agent (the protocol's `signal`). */
  'signal:send': { request: clientEvents.signal.payload, response: clientEvents.signal.ack },
} as const satisfies InvokeSlice;

/** Event channels of the server area: the server's kiosk events, checked by the host first. */
export const serverBridgeEvents = {
  /** The host's connection to the server came up or went down. */
  'server:status': ServerStatus,
  'kiosk:state': serverEvents['kiosk:state'],
  'ticket:update': serverEvents['ticket:update'],
  'session:opened': serverEvents['session:opened'],
  'session:ended': serverEvents['session:ended'],
  /** A signal from the agent, relayed by the server (the protocol's `signal`). */
  'signal:relay': serverEvents.signal,
} as const satisfies EventSlice;
