/**
 * What the routing areas tell each other (issue 11): a typed, in-process event bus. Status follows
 * sessions; offers follow the queue and statuses; the supervisor's view follows everything. Each
 * listener reads the database again, so the bus carries ids and never state.
 */
import { EventEmitter } from 'node:events';

export interface RoutingEvents {
  /** Tickets were issued, accepted, cancelled, requeued or transferred. */
  'queue-changed': [];
  /** A session opened (an accept, an offer taken, or a transfer completed to a new agent). */
  'session-opened': [{ sessionId: string; agentId: string; ticketId: string }];
  /** A session ended (either side or the system). */
  'session-ended': [{ sessionId: string; agentId: string }];
  /** An agent's session moved to another agent (transfer completed): the first agent is free. */
  'agent-left-session': [{ sessionId: string; agentId: string }];
  /** An agent's status changed. */
  'status-changed': [{ agentId: string }];
  /** An offer was missed, declined, withdrawn or accepted. */
  'offer-decided': [{ offerId: string }];
  /** A case closed, a rating or a follow-up changed: today's figures moved. */
  'figures-changed': [];
}

/** The bus: `emit` never throws into the emitter (listeners catch and log their own failures). */
export class RoutingBus extends EventEmitter<RoutingEvents> {}
