/**
 * The queue phase: asking for a ticket, waiting with it (sharing the identity if consented), or a
 * problem when none can be had. The call phase takes over when a session opens.
 */
import { ErrorCode, type BridgeRequest, type TicketPosition } from '@rvw/shared';
import { home, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';

/** From the ticket request to the call; `problem` when no ticket could be had. */
export type QueueScreen = 'requesting' | 'waiting' | 'problem';

/** Why no ticket could be had: the server failed, or this kiosk already holds one. */
export type Problem = 'server' | 'already-queued';

/** `slow-request`: the ticket request has taken long enough to say so and offer a way out. */
export type QueueTimer = 'slow-request';

/** After this long on "taking a number", the screen says it is taking longer and offers cancel. */
export const SLOW_REQUEST_MS = 4_000;

/**
 * Server answers and pushes about the ticket, the host's identity-share result, and the taps:
 * cancel the ticket, cancel a slow request, and back from the problem screen; the mirror (the
 * resident's own picture, next in line) up or down.
 */
export type QueueEvent =
  | { type: 'ticket-issued'; position: TicketPosition }
  | { type: 'ticket-failed'; code: string }
  | { type: 'ticket-update'; position: TicketPosition }
  | { type: 'identity-shared'; ok: boolean }
  | { type: 'cancel-ticket' }
  | { type: 'cancel-request' }
  | { type: 'back' }
  | { type: 'mirror'; on: boolean };

/** The ticket request as the bridge (and the protocol) take it: identity, need, disability, appointment. */
export type TicketRequest = BridgeRequest<'ticket:request'>;

/** Server requests for a ticket and the host's identity upload. */
export type QueueEffect =
  | { type: 'request-ticket'; request: TicketRequest }
  | { type: 'share-identity'; ticketId: string }
  | { type: 'cancel-ticket'; ticketId: string };

/**
 * Enters the queue phase: shows "taking a number" and asks the server for a ticket, saying whether
 * the resident's identity will follow (`pending`), was declined, or there is no card (`none`), so
 * the agent is told the truth about a ticket without identity; with the need the resident chose,
 * their answer about a disability, or the appointment checked in.
 */
export function requestTicket(state: FlowState, request: TicketRequest): Step {
  return { state: { ...state, screen: 'requesting' }, effects: [{ type: 'request-ticket', request }] };
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'ticket-issued': {
      // The resident cancelled while the request was on its way (back on the idle screens): nobody
      // is there for this ticket. Elsewhere (a call that opened first) it is the resident's own.
      if (state.screen === 'welcome' || state.screen === 'greeting' || state.screen === 'consent')
        return { state, effects: [{ type: 'cancel-ticket', ticketId: event.position.ticket.id }] };
      if (state.screen !== 'requesting') return null;
      const next: FlowState = { ...state, screen: 'waiting', ticket: event.position };
      if (state.consented)
        return { state: next, effects: [{ type: 'share-identity', ticketId: event.position.ticket.id }] };
      return stay(next);
    }

    case 'ticket-failed':
      if (state.screen !== 'requesting') return null;
      return stay({
        ...state,
        screen: 'problem',
        problem: event.code === ErrorCode.AlreadyQueued ? 'already-queued' : 'server',
      });

    // Updates to our ticket count on any screen (the call screen keeps the ticket too).
    case 'ticket-update': {
      if (!state.ticket || state.ticket.ticket.id !== event.position.ticket.id) return stay(state);
      if (event.position.ticket.status === 'cancelled' && state.screen === 'waiting') return home(state);
      return stay({ ...state, ticket: event.position });
    }

    // The upload may finish after a call has already opened; record it wherever we are.
    case 'identity-shared':
      return stay({ ...state, identityShared: event.ok });

    case 'cancel-ticket': {
      if (state.screen !== 'waiting' || !state.ticket) return null;
      const step = home(state);
      return {
        state: step.state,
        effects: [{ type: 'cancel-ticket', ticketId: state.ticket.ticket.id }, ...step.effects],
      };
    }

    case 'timer':
      if (event.timer !== 'slow-request' || state.screen !== 'requesting') return null;
      return stay({ ...state, slowRequest: true });

    // Offered only once the request is slow; a ticket that still arrives is cancelled (above).
    case 'cancel-request':
      return state.screen === 'requesting' && state.slowRequest ? home(state) : null;

    case 'back':
      return state.screen === 'problem' ? home(state) : null;

    // The resident's own picture came up (next in line) or went; shown and spoken on waiting.
    case 'mirror':
      return stay({ ...state, mirror: event.on });

    default:
      return null;
  }
}

/** Gets the resident a ticket and keeps its place in the queue up to date. */
export const queuePhase: Phase = {
  name: 'queue',
  reduce,
  screenTimers: { requesting: { timer: 'slow-request', ms: SLOW_REQUEST_MS } },
};
