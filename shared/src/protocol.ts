/**
 * The socket.io wire protocol: one map per direction. The server, the kiosk and the console use
 * the derived interfaces as socket.io generics; the server validates every inbound payload with
 * the schema from `clientEvents` before it dispatches. docs/protocol.md describes each event.
 */
import { z } from 'zod';
import type { Ack } from './errors';
import { Agent, EndedBy, IceServer, Kiosk, QueueEntry, Session, Ticket } from './domain';
import { IdentitySummary } from './identity';

const id = z.string().min(1).max(64);

/**
 * A simple-peer signal: an offer/answer (`sdp`), an ICE candidate, or a renegotiation message.
 * The server relays it opaquely but bounds its size and shape.
 */
export const SignalData = z
  .object({
    type: z
      .enum(['offer', 'answer', 'pranswer', 'rollback', 'candidate', 'renegotiate', 'transceiverRequest'])
      .optional(),
    sdp: z.string().max(64_000).optional(),
    candidate: z
      .object({
        candidate: z.string().max(2_000),
        sdpMLineIndex: z.number().int().nullable().optional(),
        sdpMid: z.string().max(64).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .optional(),
    renegotiate: z.boolean().optional(),
    transceiverRequest: z.object({ kind: z.string().max(16), init: z.unknown().optional() }).optional(),
  })
  .strict();
export type SignalData = z.infer<typeof SignalData>;

/** What the server opened: both members receive it, each with its own `initiator` flag. */
export const SessionOpened = z.object({
  session: Session,
  iceServers: z.array(IceServer),
  /** The agent initiates the WebRTC offer; the kiosk answers. */
  initiator: z.boolean(),
  /**
   * For the agent only, when the resident consented: the masked identity of the ticket, so that a
   * console resuming a session after a reload can show who it is serving. Optional.
   */
  identity: IdentitySummary.optional(),
});
export type SessionOpened = z.infer<typeof SessionOpened>;

/** A kiosk's view of its own ticket and where it stands. */
export const TicketPosition = z.object({
  ticket: Ticket,
  /** 1 means next to be served. 0 once the ticket is no longer waiting. */
  position: z.number().int().nonnegative(),
  /** Tickets waiting in the whole queue. */
  waiting: z.number().int().nonnegative(),
});
export type TicketPosition = z.infer<typeof TicketPosition>;

/** Sent to a client as soon as it connects, so that a reconnecting client resumes where it was. */
export const KioskState = z.object({
  kiosk: Kiosk,
  ticket: TicketPosition.nullable(),
  session: SessionOpened.nullable(),
});
export type KioskState = z.infer<typeof KioskState>;

export const AgentState = z.object({
  agent: Agent,
  session: SessionOpened.nullable(),
});
export type AgentState = z.infer<typeof AgentState>;

export const QueueSnapshot = z.object({
  entries: z.array(QueueEntry),
  /** Server clock (ISO) at the time of the snapshot, for computing time waited. */
  serverTime: z.string(),
});
export type QueueSnapshot = z.infer<typeof QueueSnapshot>;

export const SessionEnded = z.object({
  sessionId: id,
  endedBy: EndedBy,
  endedAt: z.string(),
  reason: z.string().max(200).optional(),
});
export type SessionEnded = z.infer<typeof SessionEnded>;

/** The resident's masked identity for an open session (sent when it arrives after the accept). */
export const SessionIdentity = z.object({ sessionId: id, identity: IdentitySummary });
export type SessionIdentity = z.infer<typeof SessionIdentity>;

/** Who may send an event. */
export type ClientRole = 'kiosk' | 'agent';

/**
 * Client -> server events. Each entry names who may send it, the payload schema the server checks
 * on arrival, and the acknowledgement's data schema.
 */
export const clientEvents = {
  /** Kiosk asks for help: the server issues a ticket and queues it. */
  'ticket:request': { from: ['kiosk'], payload: z.object({}).strict(), ack: TicketPosition },
  /** Kiosk withdraws its waiting ticket (the resident changed their mind). */
  'ticket:cancel': { from: ['kiosk'], payload: z.object({ ticketId: id }).strict(), ack: z.object({}) },
  /** Agent accepts a waiting ticket; exactly one of several racing agents succeeds. */
  'ticket:accept': { from: ['agent'], payload: z.object({ ticketId: id }).strict(), ack: SessionOpened },
  /** Either member relays a simple-peer signal to the other member of the session. */
  signal: {
    from: ['kiosk', 'agent'],
    payload: z.object({ sessionId: id, data: SignalData }).strict(),
    ack: z.object({}),
  },
  /** Either member ends the session. */
  'session:end': {
    from: ['kiosk', 'agent'],
    payload: z.object({ sessionId: id, reason: z.string().max(200).optional() }).strict(),
    ack: SessionEnded,
  },
  /** Agent reveals the full identity number of a ticket's resident; every reveal is recorded. */
  'identity:reveal': {
    from: ['agent'],
    payload: z.object({ ticketId: id }).strict(),
    ack: z.object({ idNumber: z.string() }),
  },
} as const satisfies Record<string, { from: readonly ClientRole[]; payload: z.ZodType; ack: z.ZodType }>;
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
  /** To a kiosk on connect: its ticket and session, if any. */
  'kiosk:state': KioskState,
  /** To an agent on connect: its open session, if any. */
  'agent:state': AgentState,
  /** To every agent whenever the queue changes. */
  'queue:update': QueueSnapshot,
  /** To a kiosk whenever its ticket's position changes. */
  'ticket:update': TicketPosition,
  /** To both members when a session opens (the accepting agent also gets it in its ack). */
  'session:opened': SessionOpened,
  /** To the other member: a relayed simple-peer signal. */
  signal: z.object({ sessionId: id, data: SignalData }),
  /** To both members when the session ends. */
  'session:ended': SessionEnded,
  /** To the serving agent when the resident's identity arrives after the ticket was accepted. */
  'session:identity': SessionIdentity,
} as const;
export type ServerEventName = keyof typeof serverEvents;

/** Server -> client events as socket.io generics. */
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: z.infer<(typeof serverEvents)[E]>) => void;
};

/** The `auth` object of the socket.io handshake. */
export const HandshakeAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kiosk'), token: z.string().min(1).max(256) }),
  z.object({ kind: z.literal('agent'), token: z.string().min(1).max(256) }),
]);
export type HandshakeAuth = z.infer<typeof HandshakeAuth>;

/** The `data` of a connect_error the server raises when it refuses a connection. */
export interface ConnectRefusal {
  code: string;
  message: string;
}
