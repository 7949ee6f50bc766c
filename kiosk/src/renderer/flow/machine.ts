/**
 * The resident's journey as a pure state machine: welcome -> greeting -> consent -> waiting -> call
 * -> thanks -> welcome. `transition` returns the next state and the effects the app must run
 * (bridge calls, socket emits); it never performs them, so every rule is unit-tested here.
 */
import type {
  CardSummary,
  EndedBy,
  KioskState,
  ReaderStatus,
  SessionOpened,
  TicketPosition,
} from '@rvw/shared';

/** The screens, one per step. */
export type Screen =
  'welcome' | 'greeting' | 'consent' | 'requesting' | 'waiting' | 'call' | 'thanks' | 'problem';

/** What went wrong, for the problem screen. */
export type Problem = 'server' | 'already-queued';

/** Everything the screens show. */
export interface FlowState {
  screen: Screen;
  reader: ReaderStatus;
  /** The card on screen (masked); null once wiped. */
  card: CardSummary | null;
  /** The resident agreed to share their identity with the agent for this ticket. */
  consented: boolean;
  /** Whether sharing succeeded; null until tried (or when not consented). */
  identityShared: boolean | null;
  ticket: TicketPosition | null;
  session: SessionOpened | null;
  problem: Problem | null;
  endedBy: EndedBy | null;
}

/** Things that happen: the resident's taps, bridge events and server events. */
export type FlowEvent =
  | { type: 'reader-status'; status: ReaderStatus }
  | { type: 'card-placed'; card: CardSummary }
  | { type: 'card-removed' }
  | { type: 'confirm-identity' }
  | { type: 'not-me' }
  | { type: 'consent'; agree: boolean }
  | { type: 'call-without-card' }
  | { type: 'ticket-issued'; position: TicketPosition }
  | { type: 'ticket-failed'; code: string }
  | { type: 'ticket-update'; position: TicketPosition }
  | { type: 'identity-shared'; ok: boolean }
  | { type: 'cancel-ticket' }
  | { type: 'session-opened'; opened: SessionOpened }
  | { type: 'session-ended'; sessionId: string; endedBy: EndedBy }
  | { type: 'hang-up' }
  | { type: 'thanks-done' }
  | { type: 'server-state'; state: KioskState }
  | { type: 'reset' };

/** Work the app must do for a transition. */
export type Effect =
  | { type: 'wipe' }
  | { type: 'request-ticket' }
  | { type: 'share-identity'; ticketId: string }
  | { type: 'cancel-ticket'; ticketId: string }
  | { type: 'end-session'; sessionId: string };

/** A transition's result. */
export interface Step {
  state: FlowState;
  effects: Effect[];
}

/** The state at start-up: welcome, reader status not yet known (shown as offline until told). */
export const initialFlow: FlowState = {
  screen: 'welcome',
  reader: { state: 'offline', reason: 'UNKNOWN' },
  card: null,
  consented: false,
  identityShared: null,
  ticket: null,
  session: null,
  problem: null,
  endedBy: null,
};

/** True when the reader can take a card. */
export function readerUsable(reader: ReaderStatus): boolean {
  return reader.state === 'online';
}

// Back to the start with nothing about the resident kept; the reader status survives.
function home(state: FlowState): Step {
  return { state: { ...initialFlow, reader: state.reader }, effects: [{ type: 'wipe' }] };
}

const stay = (state: FlowState): Step => ({ state, effects: [] });

/** The next state and effects for an event. Unknown or out-of-place events change nothing. */
export function transition(state: FlowState, event: FlowEvent): Step {
  switch (event.type) {
    case 'reader-status':
      return stay({ ...state, reader: event.status });

    case 'card-placed':
      if (
        state.screen === 'welcome' ||
        state.screen === 'greeting' ||
        state.screen === 'consent' ||
        state.screen === 'thanks'
      )
        return stay({ ...initialFlow, reader: state.reader, screen: 'greeting', card: event.card });
      return stay(state);

    case 'card-removed':
      // Taken away before anything was asked for: the resident left or changed their mind.
      if (state.screen === 'welcome' || state.screen === 'greeting' || state.screen === 'consent')
        return home(state);
      return stay(state);

    case 'confirm-identity':
      return state.screen === 'greeting' && state.card ? stay({ ...state, screen: 'consent' }) : stay(state);

    case 'not-me':
      return state.screen === 'greeting' ? home(state) : stay(state);

    case 'consent': {
      if (state.screen !== 'consent') return stay(state);
      const next: FlowState = { ...state, screen: 'requesting', consented: event.agree };
      // Declined: the card data has no further use on this kiosk, so it goes now.
      if (!event.agree)
        return { state: { ...next, card: null }, effects: [{ type: 'wipe' }, { type: 'request-ticket' }] };
      return { state: next, effects: [{ type: 'request-ticket' }] };
    }

    case 'call-without-card':
      if (state.screen !== 'welcome') return stay(state);
      return {
        state: { ...state, screen: 'requesting', card: null, consented: false },
        effects: [{ type: 'wipe' }, { type: 'request-ticket' }],
      };

    case 'ticket-issued': {
      if (state.screen !== 'requesting') return stay(state);
      const next: FlowState = { ...state, screen: 'waiting', ticket: event.position };
      if (state.consented)
        return { state: next, effects: [{ type: 'share-identity', ticketId: event.position.ticket.id }] };
      return stay(next);
    }

    case 'ticket-failed':
      if (state.screen !== 'requesting') return stay(state);
      return stay({
        ...state,
        screen: 'problem',
        problem: event.code === 'ALREADY_QUEUED' ? 'already-queued' : 'server',
      });

    case 'ticket-update': {
      if (!state.ticket || state.ticket.ticket.id !== event.position.ticket.id) return stay(state);
      if (event.position.ticket.status === 'cancelled' && state.screen === 'waiting') return home(state);
      return stay({ ...state, ticket: event.position });
    }

    case 'identity-shared':
      return stay({ ...state, identityShared: event.ok });

    case 'cancel-ticket': {
      if (state.screen !== 'waiting' || !state.ticket) return stay(state);
      const step = home(state);
      return {
        state: step.state,
        effects: [{ type: 'cancel-ticket', ticketId: state.ticket.ticket.id }, ...step.effects],
      };
    }

    case 'session-opened':
      if (state.screen === 'call' && state.session?.session.id === event.opened.session.id)
        return stay(state);
      if (state.screen !== 'waiting' && state.screen !== 'requesting' && state.screen !== 'call')
        return stay(state);
      return stay({ ...state, screen: 'call', session: event.opened, endedBy: null });

    case 'session-ended':
      if (state.screen !== 'call' || state.session?.session.id !== event.sessionId) return stay(state);
      return stay({ ...state, screen: 'thanks', endedBy: event.endedBy });

    case 'hang-up': {
      if (state.screen !== 'call' || !state.session) return stay(state);
      return {
        state: { ...state, screen: 'thanks', endedBy: 'kiosk' },
        effects: [{ type: 'end-session', sessionId: state.session.session.id }],
      };
    }

    case 'thanks-done':
      return state.screen === 'thanks' ? home(state) : stay(state);

    case 'server-state':
      return resume(state, event.state);

    case 'reset':
      return home(state);
  }
}

// The server is the source of truth: on (re)connect it says what this kiosk has open.
function resume(state: FlowState, server: KioskState): Step {
  const opened = server.session;
  if (opened && opened.session.endedAt === null) {
    return stay({
      ...state,
      screen: 'call',
      session: opened,
      ticket: server.ticket ?? state.ticket,
      problem: null,
    });
  }
  if (server.ticket && server.ticket.ticket.status === 'waiting') {
    return stay({ ...state, screen: 'waiting', ticket: server.ticket, problem: null });
  }
  // Nothing open on the server: whatever we were waiting for or talking in is over.
  if (state.screen === 'call') return stay({ ...state, screen: 'thanks', endedBy: 'system' });
  if (state.screen === 'waiting') return home(state);
  return stay(state);
}
