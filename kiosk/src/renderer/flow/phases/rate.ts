/**
 * The rate phase (issue 9 parts 6-7), after a call someone chose to end: first, if a matter could
 * not be done (办不成) or was transferred (转办), its reason and next step, with one "我知道了";
 * then the rating on the national five-level scale (好差评). A low rating asks for reasons (and an
 * optional note by the committee staff) before it is sent; any other is sent at once. Then thanks.
 * Nothing here hurries the resident: only a screen left alone for RATE_IDLE_MS gets a calm spoken
 * notice, and RATE_NOTICE_MS later the kiosk goes home for privacy, recording "not rated".
 */
import { isLowRating } from '@rvw/shared';
import type { EndedBy, LowRatingReason, RatingLevel, RatingSubmission } from '@rvw/shared';
import { outcomeNotices } from '../../case/cases';
import { SETTLE_MS } from '../settle';
import { home, stay } from '../state';
import type { Effect, FlowEvent, FlowState, Phase, Step } from '../state';

/** The outcomes the resident must be told, then the rating. */
export type RateScreen = 'outcome' | 'rating';

/** `rate-idle`: the screen was left alone (first the notice, then home). */
export type RateTimer = 'rate-idle';

/** The resident's taps and the staff's typing on these screens. */
export type RateEvent =
  | { type: 'outcome-seen' }
  | { type: 'rate'; level: RatingLevel }
  | { type: 'toggle-reason'; reason: LowRatingReason }
  | { type: 'staff-note'; text: string }
  | { type: 'rating-back' }
  | { type: 'rating-submit' };

/** Sending the rating, or "not rated" (`rating:submit`). */
export type RateEffect = { type: 'submit-rating'; sessionId: string; rating: RatingSubmission };

/** How long the outcome or rating screen may stay untouched before the calm notice. */
export const RATE_IDLE_MS = 120_000;
/** How long that notice stays before the kiosk goes home, recording "not rated". */
export const RATE_NOTICE_MS = 30_000;
/** The longest staff note the protocol takes. */
export const STAFF_NOTE_MAX = 500;

const screens = new Set<string>(['outcome', 'rating'] satisfies RateScreen[]);

/**
 * After a call someone chose to end: the outcomes to be told, if any, else the rating. The session
 * stays in the state (the rating names it); the call itself stops with the call screens.
 */
export function afterCall(state: FlowState, endedBy: EndedBy): Step {
  const tell = outcomeNotices(state.cases).length > 0;
  return stay({
    ...state,
    screen: tell ? 'outcome' : 'rating',
    endedBy,
    review: null,
    formNotice: null,
    rating: null,
    outcomeSeen: false,
  });
}

// Every tap or keystroke gives the resident the full time again.
const rearm: Effect = { type: 'start-timer', timer: 'rate-idle', ms: RATE_IDLE_MS };
// A new set of buttons on the same screen settles as a new screen would (flow/settle.ts).
const settle: Effect = { type: 'start-timer', timer: 'settle', ms: SETTLE_MS };

/** Sends the rating and thanks the resident. */
function submit(state: FlowState, rating: RatingSubmission): Step {
  const sessionId = state.session?.session.id;
  const effects: Effect[] = sessionId ? [{ type: 'submit-rating', sessionId, rating }] : [];
  return { state: { ...state, screen: 'thanks', rating: null }, effects };
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  if (!screens.has(state.screen)) return null;
  // While the notice is up, only "I am still here" (or the timer) counts.
  if (state.idleNotice && event.type !== 'still-here' && event.type !== 'timer') return null;
  switch (event.type) {
    case 'outcome-seen':
      if (state.screen !== 'outcome') return null;
      return stay({ ...state, screen: 'rating', outcomeSeen: true });

    case 'rate': {
      if (state.screen !== 'rating' || state.rating) return null;
      if (!isLowRating(event.level)) return submit(state, { rated: true, level: event.level, reasons: [] });
      return {
        state: {
          ...state,
          rating: { level: event.level, reasons: [], staffNote: '' },
          settling: { time: true, speech: false },
        },
        effects: [rearm, settle],
      };
    }

    case 'toggle-reason': {
      const draft = state.rating;
      if (!draft) return null;
      const reasons = draft.reasons.includes(event.reason)
        ? draft.reasons.filter((r) => r !== event.reason)
        : [...draft.reasons, event.reason];
      return { state: { ...state, rating: { ...draft, reasons } }, effects: [rearm] };
    }

    case 'staff-note':
      if (!state.rating) return null;
      return {
        state: { ...state, rating: { ...state.rating, staffNote: event.text.slice(0, STAFF_NOTE_MAX) } },
        effects: [rearm],
      };

    case 'rating-back':
      if (!state.rating) return null;
      return {
        state: { ...state, rating: null, settling: { time: true, speech: false } },
        effects: [rearm, settle],
      };

    case 'rating-submit': {
      const draft = state.rating;
      if (!draft) return null;
      const note = draft.staffNote.trim();
      return submit(state, {
        rated: true,
        level: draft.level,
        reasons: draft.reasons,
        ...(note ? { staffNote: note } : {}),
      });
    }

    case 'still-here':
      if (!state.idleNotice) return null;
      return {
        state: { ...state, idleNotice: false, settling: { time: true, speech: false } },
        effects: [rearm, settle],
      };

    case 'timer': {
      if (event.timer !== 'rate-idle') return null;
      if (!state.idleNotice)
        return {
          state: { ...state, idleNotice: true },
          effects: [{ type: 'start-timer', timer: 'rate-idle', ms: RATE_NOTICE_MS }],
        };
      // Left alone: nobody is there to rate. Home for privacy, and the centre hears "not rated".
      const sessionId = state.session?.session.id;
      const step = home(state);
      const sent: Effect[] = sessionId
        ? [{ type: 'submit-rating', sessionId, rating: { rated: false } }]
        : [];
      return { state: step.state, effects: [...sent, ...step.effects] };
    }

    default:
      return null;
  }
}

/** Tells the outcomes that must be told, then asks for the rating. */
export const ratePhase: Phase = {
  name: 'rate',
  reduce,
  screenTimers: {
    outcome: { timer: 'rate-idle', ms: RATE_IDLE_MS },
    rating: { timer: 'rate-idle', ms: RATE_IDLE_MS },
  },
};
