/**
 * The workbench's state machine, as a pure reducer: connection, live queue, the one call an agent
 * can hold, and the notices shown on top. Socket events and user actions become actions here, so
 * the rules (which session-ended counts, what a resume does) are tested without a browser.
 */
import type {
  AgentState,
  ChosenStatus,
  EndedBy,
  IdentityIntent,
  IdentitySummary,
  QueueEntry,
  QueueSnapshot,
  ResidentPlace,
  SessionEnded,
  SessionOpened,
} from '@rvw/shared';
import type { OfferEnding } from '../offers/offer-store';
import { clockOffsetMs } from '../ui/time';

/** The socket's state as the header shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** The call in progress: what the server opened, plus the resident's masked identity if shared. */
export interface ActiveCall {
  opened: SessionOpened;
  identity: IdentitySummary | null;
  /** Why there is no identity (declined, no card), from the queue line; absent if unknown. */
  identityIntent?: IdentityIntent;
  /** Where the resident is, from the queue line or the offer; absent after a resume or a transfer. */
  place?: ResidentPlace;
}

/** `accepting` while "take the next one" waits for the server to say which ticket it is. */
export const ACCEPT_NEXT = 'next';

/** A non-blocking notice over the workbench. */
export type Notice =
  | { id: number; kind: 'call-ended'; endedBy: EndedBy }
  | { id: number; kind: 'accept-failed'; ticketNumber: string | null; code: string }
  | { id: number; kind: 'error'; code: string }
  | { id: number; kind: 'offer-ended'; reason: OfferEnding; ticketNumber: string; code?: string }
  | { id: number; kind: 'status-refused'; status: ChosenStatus; code: string }
  | { id: number; kind: 'handed-over'; ticketNumber: string };

/** Everything the workbench shows. */
export interface ConsoleState {
  connection: ConnectionStatus;
  /** Waiting tickets in service order (the server's positions). */
  queue: QueueEntry[];
  /** Server clock minus local clock (ms), from the latest snapshot; 0 until one arrives. */
  offsetMs: number;
  call: ActiveCall | null;
  /** The ticket being accepted, while its acknowledgement is awaited. */
  accepting: string | null;
  notices: Notice[];
  nextNoticeId: number;
}

/** What can happen to the workbench. */
export type ConsoleAction =
  | { type: 'connected' }
  | { type: 'disconnected' }
  | { type: 'agent-state'; state: AgentState }
  | { type: 'queue'; snapshot: QueueSnapshot; receivedAt: number }
  | { type: 'accept-start'; ticketId: string }
  | {
      type: 'accept-ok';
      opened: SessionOpened;
      identity: IdentitySummary | null;
      /** The ticket's line when it is not in the queue held (an offer's). */
      entry?: QueueEntry;
    }
  | { type: 'accept-failed'; ticketNumber: string | null; code: string }
  | { type: 'session-ended'; ended: Pick<SessionEnded, 'sessionId' | 'endedBy'> }
  | { type: 'session-identity'; sessionId: string; identity: IdentitySummary }
  /** The session went on with another agent (transfer): the call closes here, the session does not end. */
  | { type: 'handed-over'; sessionId: string }
  | { type: 'error'; code: string }
  | { type: 'notice'; notice: NoticeBody }
  | { type: 'dismiss'; id: number };

/** The state before the socket connects. */
export const initialConsoleState: ConsoleState = {
  connection: 'connecting',
  queue: [],
  offsetMs: 0,
  call: null,
  accepting: null,
  notices: [],
  nextNoticeId: 1,
};

/**
 * The server's service order, by the position it gives each entry; equal positions (never sent
 * today) keep their arrival order. The console never re-orders by time: that would undo priority.
 */
export function sortQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort((a, b) => a.position - b.position);
}

/** A notice before it has an id. */
export type NoticeBody = Notice extends infer N ? (N extends Notice ? Omit<N, 'id'> : never) : never;

function withNotice(state: ConsoleState, notice: NoticeBody): ConsoleState {
  // Only the latest notice of a kind matters: a stack of stale "ticket taken" banners hides the queue.
  const kept = state.notices.filter((n) => n.kind !== notice.kind);
  return {
    ...state,
    notices: [...kept, { ...notice, id: state.nextNoticeId } as Notice],
    nextNoticeId: state.nextNoticeId + 1,
  };
}

/** Applies one action to the workbench's state. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'connected':
      return { ...state, connection: 'connected' };
    case 'disconnected':
      // An accept in flight will never be acknowledged on this connection.
      return { ...state, connection: 'reconnecting', accepting: null };
    case 'agent-state': {
      const open = action.state.session;
      if (open) {
        if (state.call?.opened.session.id === open.session.id) return state;
        return {
          ...state,
          call: { opened: open, identity: open.identity ?? state.call?.identity ?? null },
        };
      }
      // The server knows of no open session: if we thought we were in one, it ended while we were away.
      if (state.call) return withNotice({ ...state, call: null }, { kind: 'call-ended', endedBy: 'system' });
      return state;
    }
    case 'queue':
      return {
        ...state,
        queue: sortQueue(action.snapshot.entries),
        offsetMs: clockOffsetMs(action.snapshot.serverTime, action.receivedAt),
      };
    case 'accept-start':
      if (state.call || state.accepting) return state;
      return { ...state, accepting: action.ticketId };
    case 'accept-ok': {
      const sessionId = action.opened.session.id;
      const same = state.call?.opened.session.id === sessionId;
      // One call at a time: an opening for another session while in a call is not ours to show.
      if (state.call && !same) return { ...state, accepting: null };
      // The identity may come with the opening, with the accepted row, or from the queue we hold
      // (when session:opened arrives before, or instead of, the accept's acknowledgement).
      const line =
        state.queue.find((e) => e.ticketId === action.opened.session.ticketId) ??
        (action.entry?.ticketId === action.opened.session.ticketId ? action.entry : undefined);
      const identity =
        action.opened.identity ?? action.identity ?? line?.identity ?? (same ? state.call!.identity : null);
      const identityIntent = line?.identityIntent ?? (same ? state.call!.identityIntent : undefined);
      const place = line?.place ?? (same ? state.call!.place : undefined);
      return {
        ...state,
        accepting: null,
        call: {
          opened: same ? state.call!.opened : action.opened,
          identity,
          ...(identityIntent ? { identityIntent } : {}),
          ...(place ? { place } : {}),
        },
        queue: state.queue.filter((e) => e.ticketId !== action.opened.session.ticketId),
        // A call that starts makes an older "call ended" banner irrelevant.
        notices: state.notices.filter((n) => n.kind !== 'call-ended'),
      };
    }
    case 'accept-failed':
      return withNotice(
        { ...state, accepting: null },
        { kind: 'accept-failed', ticketNumber: action.ticketNumber, code: action.code },
      );
    case 'session-ended':
      if (state.call?.opened.session.id !== action.ended.sessionId) return state;
      return withNotice({ ...state, call: null }, { kind: 'call-ended', endedBy: action.ended.endedBy });
    case 'handed-over':
      if (state.call?.opened.session.id !== action.sessionId) return state;
      return withNotice(
        { ...state, call: null },
        { kind: 'handed-over', ticketNumber: state.call.opened.session.ticketNumber },
      );
    case 'session-identity':
      if (state.call?.opened.session.id !== action.sessionId) return state;
      return { ...state, call: { ...state.call, identity: action.identity } };
    case 'error':
      return withNotice(state, { kind: 'error', code: action.code });
    case 'notice':
      return withNotice(state, action.notice);
    case 'dismiss':
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}
