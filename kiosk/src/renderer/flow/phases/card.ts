/**
 * The card phase: welcome, greeting on a card ("is this you?"), and consent to share the identity.
 * It ends by asking the queue phase for a ticket, with or without the card. A name left on screen
 * by a resident who walked away is cleared after a spoken notice (IDLE_MS, then IDLE_NOTICE_MS).
 */
import type { CardSummary } from '@rvw/shared';
import { freshVisit, home, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { SETTLE_MS } from '../settle';
import { requestTicket } from './queue';

/** The idle screens: the phase acts only while one of them is on. */
export type CardScreen = 'welcome' | 'greeting' | 'consent';

/** `idle`: the privacy reset of a greeting or consent left alone (notice first, then home). */
export type CardTimer = 'idle';

/** The resident's taps on these screens, and the reader's card events. */
export type CardEvent =
  | { type: 'card-placed'; card: CardSummary }
  | { type: 'card-removed' }
  | { type: 'confirm-identity' }
  | { type: 'not-me' }
  | { type: 'consent'; agree: boolean }
  | { type: 'call-without-card' }
  | { type: 'still-here' };

/** How long a greeting or consent may stay untouched before the privacy notice is spoken. */
export const IDLE_MS = 90_000;
/** How long the privacy notice stays before the name is cleared and the kiosk goes home. */
export const IDLE_NOTICE_MS = 30_000;

const screens = new Set<string>(['welcome', 'greeting', 'consent'] satisfies CardScreen[]);

/**
 * A fresh visit greeting this card: whatever the previous resident left is gone. The language a
 * resident chose on welcome is theirs and stays; after another screen it was someone else's.
 */
export function greet(state: FlowState, card: CardSummary): Step {
  const locale = screens.has(state.screen) ? state.locale : null;
  return stay({ ...freshVisit(state), locale, screen: 'greeting', card, visitHadCard: true });
}

function reduce(state: FlowState, event: FlowEvent): Step | null {
  if (!screens.has(state.screen)) return null;
  switch (event.type) {
    case 'card-placed':
      return greet(state, event.card);

    case 'card-removed':
      // Taken away before anything was asked for: the resident left or changed their mind.
      return home(state);

    case 'confirm-identity':
      return state.screen === 'greeting' && state.card ? stay({ ...state, screen: 'consent' }) : null;

    case 'not-me':
      return state.screen === 'greeting' ? home(state) : null;

    case 'consent': {
      if (state.screen !== 'consent') return null;
      if (event.agree) return requestTicket({ ...state, consented: true }, 'pending');
      // Declined: the card data has no further use on this kiosk, so it goes now.
      const step = requestTicket({ ...state, consented: false, card: null }, 'declined');
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    case 'call-without-card': {
      if (state.screen !== 'welcome') return null;
      const step = requestTicket({ ...state, card: null, consented: false }, 'none');
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    // Any answer to "are you still there?" gives the resident the full time again. The screen
    // behind the notice settles as a new one would: the tap on the notice must not answer it.
    case 'still-here':
      if (state.screen === 'welcome' || !state.idleNotice) return null;
      return {
        state: { ...state, idleNotice: false, settling: { time: true, speech: false } },
        effects: [
          { type: 'start-timer', timer: 'idle', ms: IDLE_MS },
          { type: 'start-timer', timer: 'settle', ms: SETTLE_MS },
        ],
      };

    case 'timer': {
      if (event.timer !== 'idle' || state.screen === 'welcome') return null;
      if (state.idleNotice) return home(state);
      return {
        state: { ...state, idleNotice: true },
        effects: [{ type: 'start-timer', timer: 'idle', ms: IDLE_NOTICE_MS }],
      };
    }

    default:
      return null;
  }
}

/** Identifies the resident by card (or lets them go on without one) and asks for consent. */
export const cardPhase: Phase = {
  name: 'card',
  reduce,
  screenTimers: {
    greeting: { timer: 'idle', ms: IDLE_MS },
    consent: { timer: 'idle', ms: IDLE_MS },
  },
};
