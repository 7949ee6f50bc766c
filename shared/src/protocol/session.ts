/** The session area of the socket protocol: opening, relaying simple-peer signals, ending. */
import { z } from 'zod';
import { EndedBy, IceServer, Session } from '../domain';
import { IdentitySummary } from '../identity';
import { boundedJson } from './bounded-json';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';

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
    // `init` is an RTCRtpTransceiverInit (direction, sendEncodings: depth 3); relayed as plain,
    // bounded JSON so that no client can make the server or the peer walk a hostile tree.
    transceiverRequest: z
      .object({
        kind: z.string().max(16),
        init: boundedJson({ maxDepth: 4, maxNodes: 200, maxString: 256 }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SignalData = z.infer<typeof SignalData>;

/**
 * The agent's WebRTC offer, prepared before the accept (issue 13 #3) and sent with it
 * (`ticket:accept`, `ticket:accept-next`, `offer:accept`): the server hands it to the kiosk as the
 * session's first `signal`, right after `session:opened`, saving the offer's own trip.
 */
export const CallOffer = z.object({ type: z.literal('offer'), sdp: z.string().min(1).max(64_000) }).strict();
export type CallOffer = z.infer<typeof CallOffer>;

/**
 * What a console needs to prepare a call's peer connection before any session (`call:prepare`):
 * the ICE servers, with a TURN credential bound to the agent, and the transport policy.
 */
export const PreparedCall = z.object({
  iceServers: z.array(IceServer),
  iceTransportPolicy: z.enum(['all', 'relay']),
});
export type PreparedCall = z.infer<typeof PreparedCall>;

/** What the server opened: both members receive it, each with its own `initiator` flag. */
export const SessionOpened = z.object({
  session: Session,
  iceServers: z.array(IceServer),
  /** The agent initiates the WebRTC offer; the kiosk answers. */
  initiator: z.boolean(),
  /**
   * 'relay' forces every path through TURN (RVW_ICE_TRANSPORT_POLICY; tests and offices whose
   * firewall allows nothing else); absent or 'all' lets ICE choose.
   */
  iceTransportPolicy: z.enum(['all', 'relay']).optional(),
  /**
   * How long the server waits for a member that went away before it ends the session (seconds,
   * RVW_MEMBER_GRACE_SECONDS). The agent's call keeps rebuilding its media for at least this long.
   */
  graceSeconds: z.number().nonnegative().max(3600).optional(),
  /**
   * For the agent only, when the resident consented: the masked identity of the ticket, so that a
   * console resuming a session after a reload can show who it is serving. Optional.
   */
  identity: IdentitySummary.optional(),
  /**
   * True when the accept carried an offer (CallOffer). The agent's copy: the kiosk has been given it,
   * and the accepting tab's prepared peer runs the call (it sends no other offer). The kiosk's copy:
   * the offer is the next `signal`, so the kiosk answers it before it draws the call screen.
   */
  offerRelayed: z.boolean().optional(),
});
export type SessionOpened = z.infer<typeof SessionOpened>;

/** How and when a session ended; both members receive it. */
export const SessionEnded = z.object({
  sessionId: wireId,
  endedBy: EndedBy,
  endedAt: z.string(),
  reason: z.string().max(200).optional(),
});
export type SessionEnded = z.infer<typeof SessionEnded>;

/** The resident's masked identity for an open session (sent when it arrives after the accept). */
export const SessionIdentity = z.object({ sessionId: wireId, identity: IdentitySummary });
export type SessionIdentity = z.infer<typeof SessionIdentity>;

/**
 * The other member of a session went away (its last socket closed, on every node) or came back.
 * While away the session waits until `deadline`; after it, the server ends the session.
 */
export const SessionMember = z.object({
  sessionId: wireId,
  member: z.enum(['kiosk', 'agent']),
  present: z.boolean(),
  /** When the session ends unless the member is back (ISO); null when present. */
  deadline: z.string().nullable(),
});
export type SessionMember = z.infer<typeof SessionMember>;

/** Which of an agent's console tabs owns a session's call (see `session:join`). */
export const SessionOwnership = z.object({
  /** True when this tab owns the call; false while another open tab of the same agent does. */
  owner: z.boolean(),
});
export type SessionOwnership = z.infer<typeof SessionOwnership>;

/** An id a console tab makes for itself and keeps across its own reloads (not across tabs). */
const tabId = z.string().min(1).max(64);

/** Client -> server events of the session area. */
export const sessionClientEvents = {
  /** Either member relays a simple-peer signal to the other member of the session. */
  signal: {
    from: ['kiosk', 'agent'],
    payload: z.object({ sessionId: wireId, data: SignalData }).strict(),
    ack: z.object({}),
  },
  /**
   * A console prepares the peer connection of its next call while the agent is available (issue
   * 13 #3): the ICE servers to gather with, the TURN credential bound to the agent
   * (`agent-<id>`, RVW_TURN_TTL_SECONDS). Its offer then goes with the accept.
   */
  'call:prepare': { from: ['agent'], payload: z.object({}).strict(), ack: PreparedCall },
  /** Either member ends the session. */
  'session:end': {
    from: ['kiosk', 'agent'],
    payload: z.object({ sessionId: wireId, reason: z.string().max(200).optional() }).strict(),
    ack: SessionEnded,
  },
  /**
   * The agent's call could not get its media back within the grace period: the server ends the
   * session as the system's doing (reason `media-lost`), and the ticket goes back to the front of
   * the queue, as for a member that stayed away.
   */
  'session:media-lost': {
    from: ['agent'],
    payload: z.object({ sessionId: wireId }).strict(),
    ack: SessionEnded,
  },
  /**
   * An agent's tab asks to run the session's call. It owns it when it accepted the ticket, when it
   * is the owning tab after a reload (same `tabId`), or when the owning tab is gone; otherwise
   * `owner: false` (the call is open in another tab) and it gets no signals.
   */
  'session:join': {
    from: ['agent'],
    payload: z.object({ sessionId: wireId, tabId }).strict(),
    ack: SessionOwnership,
  },
  /** An agent's tab takes the call over from its other tab, which receives `session:moved`. */
  'session:take-over': {
    from: ['agent'],
    payload: z.object({ sessionId: wireId, tabId }).strict(),
    ack: SessionOwnership,
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the session area. */
export const sessionServerEvents = {
  /** To both members when a session opens (the accepting agent also gets it in its ack). */
  'session:opened': SessionOpened,
  /** To the other member: a relayed simple-peer signal. */
  signal: z.object({ sessionId: wireId, data: SignalData }),
  /** To both members when the session ends. */
  'session:ended': SessionEnded,
  /** To the agent's tab that owned the call when another of its tabs took it over (`session:take-over`). */
  'session:moved': z.object({ sessionId: wireId }),
  /** To the serving agent when the resident's identity arrives after the ticket was accepted. */
  'session:identity': SessionIdentity,
  /**
   * To the other member when a member's last socket went away or when it came back (resume): the
   * console shows a badge with the deadline; on `present: true` the agent's call restarts its media
   * at once instead of waiting for its next retry.
   */
  'session:member': SessionMember,
} as const satisfies ServerEventSlice;
