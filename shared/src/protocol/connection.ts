/**
 * The connection area of the socket protocol: the handshake, its refusal, and the state each
 * client is sent as soon as it connects (so that a reconnecting client resumes where it was).
 */
import { z } from 'zod';
import { Agent, IceServer, Kiosk } from '../domain';
import { ErrorCode, ErrorCodeSchema } from '../errors';
import type { ClientEventSlice, ServerEventSlice } from './event-spec';
import { TicketPosition } from './queue';
import { SessionOpened } from './session';

/** The `auth` object of the socket.io handshake. */
export const HandshakeAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kiosk'), token: z.string().min(1).max(256) }),
  z.object({ kind: z.literal('agent'), token: z.string().min(1).max(256) }),
]);
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** The `data` of a connect_error the server raises when it refuses a connection. */
export const ConnectRefusal = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ConnectRefusal = z.infer<typeof ConnectRefusal>;

/** Sent to a kiosk as soon as it connects: its ticket and session, if any. */
export const KioskState = z.object({
  kiosk: Kiosk,
  ticket: TicketPosition.nullable(),
  session: SessionOpened.nullable(),
  /**
   * The ICE servers for the kiosk's readiness TURN probe outside any session: config's, plus a TURN
   * entry with a short-lived credential bound to the kiosk when the server uses coturn (issue 13 #4).
   */
  iceServers: z.array(IceServer).optional(),
});
export type KioskState = z.infer<typeof KioskState>;

/** Sent to an agent as soon as it connects: its account and open session, if any. */
export const AgentState = z.object({
  agent: Agent,
  session: SessionOpened.nullable(),
});
export type AgentState = z.infer<typeof AgentState>;

/**
 * Sent to every client just before a graceful stop (SIGTERM, SIGINT, close()): the server means to
 * come back, so clients keep calm and try again soon, not before `retryAfterMs`.
 */
export const ServerRestarting = z.object({
  planned: z.literal(true),
  /** The earliest useful time to try again, in ms. */
  retryAfterMs: z.number().int().nonnegative().max(60_000),
});
export type ServerRestarting = z.infer<typeof ServerRestarting>;

/**
 * Sent to a socket whose credential ended while it was open (login expired, signed out, kiosk
 * revoked, account disabled), just before the server disconnects it. Do not retry with it.
 */
export const AuthRevoked = z.object({
  code: z.enum([ErrorCode.AuthExpired, ErrorCode.AuthRevoked]),
  message: z.string(),
});
export type AuthRevoked = z.infer<typeof AuthRevoked>;

/** Client -> server events of the connection area (none: the handshake carries the credentials). */
export const connectionClientEvents = {} as const satisfies ClientEventSlice;

/** Server -> client events of the connection area. */
export const connectionServerEvents = {
  /** To a kiosk on connect: its ticket and session, if any. */
  'kiosk:state': KioskState,
  /** To an agent on connect: its open session, if any. */
  'agent:state': AgentState,
  /** To a socket whose credential expired or was revoked, just before it is disconnected. */
  'auth:revoked': AuthRevoked,
  /** To every client just before a graceful stop: a planned restart; reconnect after `retryAfterMs`. */
  'server:restarting': ServerRestarting,
} as const satisfies ServerEventSlice;
