/**
 * Screens that take no tap until they have settled. A tap lands on whatever is under the finger
 * when it arrives: the second half of a double tap meant for the screen before must not answer the
 * screen after (consent the resident never saw, a ticket for nobody). So on every screen change the
 * machine marks the new screen `settling` for a minimum time (a `settle` timer) and, for consent,
 * until its speech has started; taps before that are ignored. The screens' main buttons are also
 * placed so that consecutive screens never share a spot (styles.css, tests/e2e/kiosk-taps.test.ts).
 */
import type { Effect, FlowEvent, FlowState, Screen, Step } from './state';
import { stay } from './state';

/** `settle`: the new screen's minimum time on screen before it takes taps. */
export type SettleTimer = 'settle';

/** Consent must be on screen this long, and its question be spoken, before an answer counts. */
export const CONSENT_READ_MS = 1_500;
/** Other screens a tap can lead to ignore taps this long after they appear. */
export const SETTLE_MS = 1_000;

/** What a screen waits for before it takes taps; screens not listed take taps at once. */
const rules: Partial<Record<Screen, { ms: number; speech: boolean }>> = {
  consent: { ms: CONSENT_READ_MS, speech: true },
  welcome: { ms: SETTLE_MS, speech: false },
  need: { ms: SETTLE_MS, speech: false },
  disability: { ms: SETTLE_MS, speech: false },
  'appointment-found': { ms: SETTLE_MS, speech: false },
  'appointment-book': { ms: SETTLE_MS, speech: false },
  waiting: { ms: SETTLE_MS, speech: false },
  problem: { ms: SETTLE_MS, speech: false },
  'no-video': { ms: SETTLE_MS, speech: false },
  thanks: { ms: SETTLE_MS, speech: false },
  confirm: { ms: SETTLE_MS, speech: false },
  sign: { ms: SETTLE_MS, speech: false },
  outcome: { ms: SETTLE_MS, speech: false },
  rating: { ms: SETTLE_MS, speech: false },
};

/** The resident's taps: the events a settling screen ignores. */
const taps = new Set<FlowEvent['type']>([
  'confirm-identity',
  'not-me',
  'consent',
  'call-without-card',
  'choose-need',
  'change-need',
  'answer-disability',
  'appointment-continue',
  'appointment-other',
  'open-booking',
  'booking-closed',
  'still-here',
  'cancel-ticket',
  'cancel-request',
  'back',
  'no-video-done',
  'ask-hang-up',
  'keep-call',
  'hang-up',
  'thanks-done',
  'flag-field',
  'form-page',
  'review-page',
  'review-confirm',
  'sign-submit',
  'outcome-seen',
  'rate',
  'toggle-reason',
  'rating-back',
  'rating-submit',
]);

/** True for the resident's taps (the events a settling screen ignores). */
export function isTap(event: FlowEvent): boolean {
  return taps.has(event.type);
}

/** True when the screen on show takes taps. */
export function takesTaps(state: FlowState): boolean {
  return state.settling === null;
}

/**
 * The settle rule's own events, before any phase sees the event: a tap while settling is dropped;
 * the `settle` timer and `speech-started` (for the screen on show) tick off what it waits for.
 * Null when the event is for the phases.
 */
export function settleEvent(state: FlowState, event: FlowEvent): Step | null {
  const settling = state.settling;
  if (settling && taps.has(event.type)) return stay(state);
  if (event.type === 'timer' && event.timer === 'settle') {
    if (!settling) return stay(state);
    return stay({ ...state, settling: done({ ...settling, time: false }) });
  }
  if (event.type === 'speech-started') {
    if (!settling || event.screen !== state.screen) return stay(state);
    return stay({ ...state, settling: done({ ...settling, speech: false }) });
  }
  return null;
}

function done(settling: NonNullable<FlowState['settling']>): FlowState['settling'] {
  return settling.time || settling.speech ? settling : null;
}

/**
 * `step` with the settle rule applied to a screen change: the new screen settles (or not, per its
 * rule), a pending settle timer of the screen left is cancelled, and the flags that belong to one
 * screen (the idle notice, a slow request, the hang-up question) are cleared.
 */
export function withSettle(before: FlowState, step: Step): Step {
  if (before.screen === step.state.screen) return step;
  const rule = rules[step.state.screen];
  const effects: Effect[] = [...step.effects];
  if (before.settling?.time) effects.push({ type: 'cancel-timer', timer: 'settle' });
  if (rule) effects.push({ type: 'start-timer', timer: 'settle', ms: rule.ms });
  const state: FlowState = {
    ...step.state,
    settling: rule ? { time: true, speech: rule.speech } : null,
    idleNotice: false,
    slowRequest: false,
    confirmHangUp: false,
  };
  return { state, effects };
}
