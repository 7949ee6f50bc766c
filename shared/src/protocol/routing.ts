/**
 * The routing area of the socket protocol (issue 11): an agent's status, offers, transfers with the
 * consult call between two agents, and the supervisor's live view.
 */
import { z } from 'zod';
import { AgentPresence, ChosenStatus } from '../routing/agent-status';
import { Offer, OfferGone } from '../routing/offer';
import { KioskTransferNotice, TransferMode, TransferState, TransferTarget } from '../routing/transfer';
import { SupervisorSnapshot } from '../routing/supervision';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';
import { CallOffer, SessionOpened, SignalData } from './session';

/** Client -> server events of the routing area. */
export const routingClientEvents = {
  /** One click: available or away (also ends wrap-up). Refused (WRONG_STATE) while in a session. */
  'agent:status': {
    from: ['agent'],
    payload: z.object({ status: ChosenStatus }).strict(),
    ack: AgentPresence,
  },
  /** Takes an offer. CONFLICT when it already moved on (missed, withdrawn or taken). */
  'offer:accept': {
    from: ['agent'],
    payload: z.object({ offerId: wireId, offer: CallOffer.optional() }).strict(),
    ack: SessionOpened,
  },
  /** Passes an offer on at once (recorded as declined; the agent stays available). */
  'offer:decline': { from: ['agent'], payload: z.object({ offerId: wireId }).strict(), ack: z.object({}) },
  /**
   * The session's agent transfers it. Blind: the ticket goes back to the queue at the front for the
   * target (agent or skill) and this agent leaves. Consulted: the target agent (must be available:
   * AGENT_UNAVAILABLE otherwise) is invited; a skill target is refused for consulted (BAD_PAYLOAD).
   */
  'transfer:start': {
    from: ['agent'],
    payload: z
      .object({
        sessionId: wireId,
        mode: TransferMode,
        target: TransferTarget,
        note: z.string().max(500).optional(),
      })
      .strict(),
    ack: TransferState,
  },
  /** The invited agent answers a consulted transfer: accept joins the hand-over call with the first agent. */
  'transfer:answer': {
    from: ['agent'],
    payload: z.object({ transferId: wireId, accept: z.boolean() }).strict(),
    ack: TransferState,
  },
  /** The first agent completes a consulted transfer: the second takes the session, the first leaves. */
  'transfer:complete': {
    from: ['agent'],
    payload: z.object({ transferId: wireId }).strict(),
    ack: TransferState,
  },
  /** The first agent cancels a transfer that has not completed (keeps the resident). */
  'transfer:cancel': {
    from: ['agent'],
    payload: z.object({ transferId: wireId }).strict(),
    ack: TransferState,
  },
  /** A simple-peer signal of the hand-over call between the two agents of a consulted transfer. */
  'consult:signal': {
    from: ['agent'],
    payload: z.object({ transferId: wireId, data: SignalData }).strict(),
    ack: z.object({}),
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the routing area. */
export const routingServerEvents = {
  /** To the agent's own sockets whenever its status changes. */
  'agent:status': AgentPresence,
  /** To the offered agent: a clear prompt with a sound. */
  'offer:new': Offer,
  /** To the offered agent when the offer ends without them taking it. */
  'offer:gone': OfferGone,
  /**
   * To both agents of a transfer whenever it changes (the invited agent gets the invitation this way),
   * with the ICE servers of the hand-over call.
   */
  'transfer:state': TransferState,
  /** To the kiosk: "正在为您转接，请稍候" while it is being transferred, then connected (or cancelled). */
  'session:transfer': KioskTransferNotice,
  /** The other agent's hand-over call signal; `initiator` is the first agent. */
  'consult:signal': z.object({ transferId: wireId, data: SignalData }),
  /** To supervisors (admin) of the centres concerned, whenever the live view changes (throttled). */
  'supervisor:update': SupervisorSnapshot,
} as const satisfies ServerEventSlice;
