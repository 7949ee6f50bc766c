/**
 * The call phase: the video call with an agent (its screens: the call, and the form's review and
 * signature beside it), then, for an ending someone chose, the outcomes and the rating
 * (phases/rate.ts) and the thank-you screen, which goes home by itself after THANKS_MS (a screen
 * timer) or when the resident taps "done". A call the system ended (the agent's side or the
 * connection lost for good) sends the resident back to waiting, at the front of the line, told plainly.
 */
import type { EndedBy, SessionOpened, TicketPosition } from '@rvw/shared';
import { home, inCall, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { greet } from './card';
import { afterCall } from './rate';

/** The call itself, then the timed thank-you screen. */
export type CallScreen = 'call' | 'thanks';

/** `thanks`: the thank-you screen's return home after THANKS_MS. */
export type CallTimer = 'thanks';

/** Server pushes about the session, and the resident's taps. */
export type CallEvent =
  | { type: 'session-opened'; opened: SessionOpened }
  | { type: 'session-ended'; sessionId: string; endedBy: EndedBy }
  | { type: 'hang-up' }
  | { type: 'thanks-done' };

/** Telling the server the resident hung up. */
export type CallEffect = { type: 'end-session'; sessionId: string };

/** How long the thank-you screen stays before the kiosk is ready for the next resident. */
export const THANKS_MS = 12_000;

function reduce(state: FlowState, event: FlowEvent): Step | null {
  switch (event.type) {
    // A session may open while the ticket is still being issued; a new one replaces the one on screen.
    case 'session-opened': {
      const same = state.session?.session.id === event.opened.session.id;
      if (inCall(state.screen) && same) return stay(state);
      if (state.screen !== 'waiting' && state.screen !== 'requesting' && !inCall(state.screen)) return null;
      // Another session's cases and walk through a form are not this one's.
      const fresh = same ? {} : { cases: [], caseFocus: null, formPage: 0, review: null, formNotice: null };
      return stay({ ...state, ...fresh, screen: 'call', session: event.opened, endedBy: null });
    }

    case 'session-ended':
      if (!inCall(state.screen) || state.session?.session.id !== event.sessionId) return null;
      if (event.endedBy === 'system') return backInLine(state, state.session);
      return afterCall(state, event.endedBy);

    case 'hang-up': {
      if (!inCall(state.screen) || !state.session) return null;
      const step = afterCall(state, 'kiosk');
      return {
        state: step.state,
        effects: [{ type: 'end-session', sessionId: state.session.session.id }, ...step.effects],
      };
    }

    case 'thanks-done':
      return state.screen === 'thanks' ? home(state) : null;

    case 'timer':
      return state.screen === 'thanks' && event.timer === 'thanks' ? home(state) : null;

    // The visit is over: a card now belongs to the next resident.
    case 'card-placed':
      return state.screen === 'thanks' ? greet(state, event.card) : null;

    default:
      return null;
  }
}

/**
 * Nobody chose to end the call: the server put the ticket back at the front of the queue (its
 * ticket:update follows and lands on this ticket). Until it does, the ticket is shown as waiting,
 * first in line; after a reload the ticket is known only from the session.
 */
export function backInLine(state: FlowState, opened: SessionOpened): Step {
  const { session } = opened;
  const known = state.ticket?.ticket.id === session.ticketId ? state.ticket : null;
  const ticket: TicketPosition = {
    ticket: known
      ? { ...known.ticket, status: 'waiting' }
      : {
          id: session.ticketId,
          number: session.ticketNumber,
          kioskId: session.kiosk.id,
          status: 'waiting',
          createdAt: session.startedAt,
          hasIdentity: false,
          need: 'unsure',
          centreId: session.kiosk.centreId,
        },
    position: 1,
    waiting: Math.max(1, known?.waiting ?? 1),
    estimate: known?.estimate ?? { kind: 'next' },
  };
  return stay({
    ...state,
    screen: 'waiting',
    session: null,
    ticket,
    endedBy: 'system',
    review: null,
    formNotice: null,
  });
}

/** Holds the call and thanks the resident afterwards. */
export const callPhase: Phase = {
  name: 'call',
  reduce,
  screenTimers: { thanks: { timer: 'thanks', ms: THANKS_MS } },
};
