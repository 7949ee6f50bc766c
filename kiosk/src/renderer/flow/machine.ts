/**
 * The resident's journey as a pure state machine, composed of phases (flow/phases/):
 * card (welcome -> greeting -> consent) -> need (tiles -> disability; or an appointment due now) ->
 * readiness (preparing -> the ticket, or no-video when a call cannot be held) -> queue (requesting ->
 * waiting | problem) -> call (call, with the case's form beside it; review:
 * confirm -> sign; transferring while another agent takes over) -> rate (outcome -> rating) -> thanks
 * -> welcome. `transition` returns the next state and the effects the controller must run (bridge
 * calls, server requests, timers); it never performs them, so every rule is unit-tested.
 *
 * Adding a phase (form, sign, print, rate): a file in flow/phases/ exporting its Phase, its screens,
 * events and effects; one line in `phases` below; its types added to the unions in state.ts.
 */
import { reminderEvent, withCardReminder } from './card-reminder';
import { appointmentPhase } from './phases/appointment';
import { callPhase } from './phases/call';
import { cardPhase } from './phases/card';
import { casePhase } from './phases/case';
import { hangUpPhase } from './phases/hang-up';
import { needPhase } from './phases/need';
import { queuePhase } from './phases/queue';
import { readinessPhase } from './phases/readiness';
import { ratePhase } from './phases/rate';
import { reviewPhase } from './phases/review';
import { transferPhase } from './phases/transfer';
import { resume } from './resume';
import { withScreenTimers } from './screen-timers';
import { settleEvent, withSettle } from './settle';
import { home, stay } from './state';
import type { FlowEvent, FlowState, Phase, Step } from './state';

export type {
  Effect,
  FlowEvent,
  FlowState,
  FormNotice,
  Phase,
  RatingDraft,
  Review,
  Screen,
  Step,
  TimerName,
} from './state';
export type { Problem, TicketRequest } from './phases/queue';
export { canBook } from './phases/appointment';
export { initialFlow, inCall, readerUsable } from './state';
export { RATE_IDLE_MS, RATE_NOTICE_MS, STAFF_NOTE_MAX } from './phases/rate';
export { THANKS_MS } from './phases/call';
export { IDLE_MS, IDLE_NOTICE_MS } from './phases/card';
export { SLOW_REQUEST_MS } from './phases/queue';
export { NO_VIDEO_MS, PREPARING_QUIET_MS } from './phases/readiness';
export { CONSENT_READ_MS, SETTLE_MS, takesTaps } from './settle';
export { CARD_REMINDER_MS } from './card-reminder';

// Journey order; each event goes to the first phase that takes it. Asking before hanging up comes
// before the call phase, which ends the call only on the confirmed `hang-up`; the transfer phase
// takes the same session's re-opening before the call phase would ignore it; the case phase holds
// the forms during the call, the review phase checks and signs one, the rate phase ends the visit.
const phases: readonly Phase[] = [
  cardPhase,
  needPhase,
  appointmentPhase,
  readinessPhase,
  queuePhase,
  hangUpPhase,
  transferPhase,
  callPhase,
  casePhase,
  reviewPhase,
  ratePhase,
];

const screenTimers = Object.assign({}, ...phases.map((phase) => phase.screenTimers ?? {})) as NonNullable<
  Phase['screenTimers']
>;

// Whether a card lies on the reader is the reader's state, kept on every screen and across visits.
function trackCard(state: FlowState, event: FlowEvent): FlowState {
  if (event.type === 'card-placed' && !state.cardOnReader) return { ...state, cardOnReader: true };
  if (event.type === 'card-removed' && state.cardOnReader) return { ...state, cardOnReader: false };
  return state;
}

function reduce(before: FlowState, event: FlowEvent): Step {
  const own = settleEvent(before, event) ?? reminderEvent(before, event);
  if (own) return own;
  const state = trackCard(before, event);
  switch (event.type) {
    case 'reader-status':
      return stay({ ...state, reader: event.status });
    case 'server-status':
      return stay({ ...state, server: event.connected ? 'up' : event.restarting ? 'restarting' : 'down' });
    case 'set-locale':
      return stay({ ...state, locale: event.locale });
    case 'server-state':
      return resume(state, event.state);
    case 'reset':
      return home(state);
  }
  for (const phase of phases) {
    const step = phase.reduce(state, event);
    if (step) return step;
  }
  return stay(state);
}

/**
 * The next state and effects for an event. Unknown or out-of-place events change nothing. A screen
 * change also runs the screens' timers, the settle rule and the card reminder, once, here.
 */
export function transition(state: FlowState, event: FlowEvent): Step {
  const step = withScreenTimers(state, event, reduce(state, event), screenTimers);
  return withCardReminder(state, withSettle(state, step));
}
