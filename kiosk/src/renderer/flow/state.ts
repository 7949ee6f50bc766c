/**
 * The flow's data: the state every screen renders from, the events and effects of all phases, and
 * the helpers the phases share. Each phase declares its own screens, events and effects in its file
 * (flow/phases/); the unions here name them together.
 */
import type {
  Appointment,
  CardSummary,
  CaseState,
  EndedBy,
  Entitlement,
  IdentityIntent,
  KioskState,
  Locale,
  LowRatingReason,
  RatingLevel,
  SessionOpened,
  TicketNeed,
  TicketPosition,
} from '@rvw/shared';
import { ReaderStatusReason, type ReaderStatus } from '@rvw/shared';
import type { CallEffect, CallEvent, CallScreen, CallTimer } from './phases/call';
import type { CardEvent, CardScreen, CardTimer } from './phases/card';
import type { AppointmentEffect, AppointmentEvent, AppointmentScreen } from './phases/appointment';
import type { CaseEffect, CaseEvent } from './phases/case';
import type { HangUpEvent } from './phases/hang-up';
import type { NeedEvent, NeedScreen } from './phases/need';
import type {
  Problem,
  QueueEffect,
  QueueEvent,
  QueueScreen,
  QueueTimer,
  TicketRequest,
} from './phases/queue';
import type { ReadinessEffect, ReadinessEvent, ReadinessScreen, ReadinessTimer } from './phases/readiness';
import type { RateEffect, RateEvent, RateScreen, RateTimer } from './phases/rate';
import type { ReviewEffect, ReviewEvent, ReviewScreen } from './phases/review';
import type { TransferEvent, TransferScreen } from './phases/transfer';
import type { SettleTimer } from './settle';
import type { ReminderTimer } from './card-reminder';

/** Every screen of the journey, grouped by the phase that shows it. */
export type Screen =
  | CardScreen
  | NeedScreen
  | AppointmentScreen
  | ReadinessScreen
  | QueueScreen
  | CallScreen
  | TransferScreen
  | ReviewScreen
  | RateScreen;

/** The screens of the call itself: the video goes on while the resident checks and signs the form. */
export const IN_CALL_SCREENS: readonly Screen[] = ['call', 'confirm', 'sign'];

/** True on a screen of the call itself (the call runs, hanging up is offered). */
export function inCall(screen: Screen): boolean {
  return IN_CALL_SCREENS.includes(screen);
}

/** Every timer a screen may run (`start-timer` / `cancel-timer` effects, `timer` events). */
export type TimerName =
  CallTimer | CardTimer | QueueTimer | ReadinessTimer | RateTimer | SettleTimer | ReminderTimer;

/** The walk through a case's form before confirming it, and then its signature. */
export interface Review {
  caseId: string;
  /** The revision being confirmed and signed, and its hash as the server computed it. */
  revision: number;
  hash: string;
  /** The page of the form on show (case/pages.ts). */
  page: number;
  /** The confirmation or signature is on its way to the server: its button takes no second tap. */
  sending: boolean;
}

/** A plain sentence about the form: it changed under the resident, it is signed, a send failed. */
export type FormNotice = 'changed' | 'signed' | 'send-failed';

/** A low rating being completed: the level chosen, the reasons picked, the staff's note. */
export interface RatingDraft {
  level: RatingLevel;
  reasons: LowRatingReason[];
  staffNote: string;
}

/** A field the resident flagged ("这一项不对"), until the server's state shows it or moves on. */
export interface SentFlag {
  caseId: string;
  field: string;
  revision: number;
}

/**
 * Whether the host can reach the signaling server; 'unknown' until the host has said;
 * 'restarting' while the server is down for a restart it announced (the host is reconnecting).
 */
export type ServerLink = 'unknown' | 'up' | 'down' | 'restarting';

/**
 * A screen that has just appeared and does not yet take taps (flow/settle.ts): what it still waits
 * for. `time`: its minimum time on screen; `speech`: its speech to start.
 */
export interface Settling {
  time: boolean;
  speech: boolean;
}

/**
 * Everything the screens show. Flat on purpose: screens and tests read it directly. The comments
 * say which phase writes each field.
 */
export interface FlowState {
  screen: Screen;
  /** Written by the machine itself on every `reader-status`, on any screen. */
  reader: ReaderStatus;
  /** Card phase: the card on screen (masked); null once wiped. */
  card: CardSummary | null;
  /** Card phase: the resident agreed to share their identity with the agent for this ticket. */
  consented: boolean;
  /** Card phase: what the ticket will say about the identity (it follows, was declined, no card). */
  identityIntent: IdentityIntent;
  /** Need phase: the tile the resident pressed; null until then. */
  need: TicketNeed | null;
  /** Need phase: the answer to the optional disability question; null until answered. */
  disability: boolean | null;
  /** Appointment phase: the card holder's appointment due now, found after consent; null otherwise. */
  appointment: Appointment | null;
  /** Appointment phase: the check-in question is on its way to the server. */
  checkingAppointment: boolean;
  /** Readiness phase: the ticket request held while readiness is checked; null otherwise. */
  pendingTicket: TicketRequest | null;
  /** Readiness phase: the check has taken long enough to show "正在准备…". */
  preparingSlow: boolean;
  /** Queue phase: whether sharing succeeded; null until tried (or when not consented). */
  identityShared: boolean | null;
  /** Queue phase: the resident's ticket and place in the queue. */
  ticket: TicketPosition | null;
  /** Queue phase: the resident's own picture is on show, next in line (call/mirror-camera.ts). */
  mirror: boolean;
  /** Call phase: the open session, with its ICE servers. */
  session: SessionOpened | null;
  /** Queue phase: why no ticket could be had, for the problem screen. */
  problem: Problem | null;
  /** Call phase: who ended the call, for the thank-you screen. */
  endedBy: EndedBy | null;
  /** The language the resident chose; null: the kiosk's own. Reset with everything else by `home`. */
  locale: Locale | null;
  /** Set by the machine on every screen change (flow/settle.ts); while set, taps are ignored. */
  settling: Settling | null;
  /** Written by the machine on every `server-status`; a call is offered only while 'up'. */
  server: ServerLink;
  /** Written by the machine on every card event: a card lies on the reader (survives `home`). */
  cardOnReader: boolean;
  /** Card phase: this visit began with a card, so its end reminds the resident to take it. */
  visitHadCard: boolean;
  /** Card phase: the long-idle privacy notice is up ("are you still there?"). */
  idleNotice: boolean;
  /** Queue phase: the ticket request is taking longer than it should; cancel is offered. */
  slowRequest: boolean;
  /** Hang-up phase: "end the call?" is being asked. */
  confirmHangUp: boolean;
  /** How many times the "take your card" reminder has fired since the visit ended (re-speaks it). */
  cardReminders: number;
  /** Case phase: the session's cases as the server sent them (highest revision each), oldest first. */
  cases: CaseState[];
  /** Case phase: the case the agent last changed (the form on show during the call). */
  caseFocus: string | null;
  /** Case phase: the page of the form on show during the call (it follows the agent's last change). */
  formPage: number;
  /** Case phase: what the resident gets without applying (免申即享), for this ticket. */
  entitlements: Entitlement[];
  /** Case phase: flags sent and not yet shown in the server's state. */
  flagsSent: SentFlag[];
  /** Review phase: the walk through a form to confirm, then its signature; null otherwise. */
  review: Review | null;
  /** Review phase: the last plain sentence about the form, shown beside it. */
  formNotice: FormNotice | null;
  /** Rate phase: a low rating being completed with its reasons; null while the five levels show. */
  rating: RatingDraft | null;
  /** Rate phase: the resident has heard the outcomes they must be told (一次性告知). */
  outcomeSeen: boolean;
}

/** Events any phase may see: reader status, the server's view on (re)connect, a way home, a timer firing. */
export type CommonEvent =
  | { type: 'reader-status'; status: ReaderStatus }
  | { type: 'server-state'; state: KioskState }
  | { type: 'server-status'; connected: boolean; restarting?: boolean }
  | { type: 'reset' }
  | { type: 'set-locale'; locale: Locale }
  | { type: 'speech-started'; screen: Screen }
  | { type: 'timer'; timer: TimerName };

/** Things that happen: the resident's taps, bridge and server events, and timers the machine asked for. */
export type FlowEvent =
  | CommonEvent
  | CardEvent
  | NeedEvent
  | AppointmentEvent
  | ReadinessEvent
  | QueueEvent
  | CallEvent
  | TransferEvent
  | HangUpEvent
  | CaseEvent
  | ReviewEvent
  | RateEvent;

/**
 * Effects any phase may ask for: wipe the card from the host, and start (restarting if it runs) or
 * cancel a timer whose expiry comes back as a `timer` event.
 */
export type CommonEffect =
  | { type: 'wipe' }
  | { type: 'start-timer'; timer: TimerName; ms: number }
  | { type: 'cancel-timer'; timer: TimerName };

/** Work the controller must do for a transition; the machine never does it itself. */
export type Effect =
  | CommonEffect
  | AppointmentEffect
  | ReadinessEffect
  | QueueEffect
  | CallEffect
  | CaseEffect
  | ReviewEffect
  | RateEffect;

/** What `transition` returns: the next state and the effects to run, in order. */
export interface Step {
  state: FlowState;
  effects: Effect[];
}

/** A timer that runs while a given screen is shown. */
export interface ScreenTimer {
  timer: TimerName;
  /** How long the screen may stay before the timer fires. */
  ms: number;
}

/**
 * One part of the journey. The machine offers each event to the phases in journey order; the first
 * that returns a step wins. A phase acts on its own screens, plus the data events it owns on any screen.
 */
export interface Phase {
  /** For reading and debugging: 'card', 'queue', 'call'. */
  readonly name: string;
  /** The step for an event this phase handles in `state`; null when the event is not its business there. */
  reduce(state: FlowState, event: FlowEvent): Step | null;
  /** Timers the machine starts when one of these screens appears and cancels when it goes; none by default. */
  readonly screenTimers?: Partial<Record<Screen, ScreenTimer>>;
}

/** The state at start-up: welcome, reader status not yet known (shown as offline until told). */
export const initialFlow: FlowState = {
  screen: 'welcome',
  reader: { state: 'offline', reason: ReaderStatusReason.Unknown },
  card: null,
  consented: false,
  identityIntent: 'none',
  need: null,
  disability: null,
  appointment: null,
  checkingAppointment: false,
  pendingTicket: null,
  preparingSlow: false,
  identityShared: null,
  ticket: null,
  mirror: false,
  session: null,
  problem: null,
  endedBy: null,
  locale: null,
  settling: null,
  server: 'unknown',
  cardOnReader: false,
  visitHadCard: false,
  idleNotice: false,
  slowRequest: false,
  confirmHangUp: false,
  cardReminders: 0,
  cases: [],
  caseFocus: null,
  formPage: 0,
  entitlements: [],
  flagsSent: [],
  review: null,
  formNotice: null,
  rating: null,
  outcomeSeen: false,
};

/** True when the reader can take a card. */
export function readerUsable(reader: ReaderStatus): boolean {
  return reader.state === 'online';
}

/**
 * What survives the end of a visit: the devices' and the server's state, not the resident's. Every
 * way back to welcome, and every fresh visit, starts from this, so nothing about one resident
 * (language, card, consent, ticket) can reach the next.
 */
export function freshVisit(state: FlowState): FlowState {
  return { ...initialFlow, reader: state.reader, server: state.server, cardOnReader: state.cardOnReader };
}

/** Back to the start with nothing about the resident kept (the card is wiped). */
export function home(state: FlowState): Step {
  return { state: freshVisit(state), effects: [{ type: 'wipe' }] };
}

/** A step to `state` with nothing to do. */
export const stay = (state: FlowState): Step => ({ state, effects: [] });
