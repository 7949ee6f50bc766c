/**
 * The card phase: welcome, greeting on a card ("is this you?"), and consent to share the identity.
 * It ends by asking what the resident needs (the need phase), with or without the card; a
 * consented card is also checked in against the appointments due now. A name left on screen by a
 * resident who walked away is cleared after a spoken notice (phases/visit.ts).
 */
import type { CardSummary } from '@rvw/shared';
import { home, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { askNeed } from './need';
import { greet, IDLE_MS, idleStep } from './visit';

export { greet, IDLE_MS, IDLE_NOTICE_MS } from './visit';

/** The idle screens: the phase acts only while one of them is on. */
export type CardScreen = 'welcome' | 'greeting' | 'consent';

/** `idle`: the privacy reset of a screen left alone before the ticket (notice first, then home). */
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

const screens = new Set<string>(['welcome', 'greeting', 'consent'] satisfies CardScreen[]);

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
      // Agreed: the card's holder may have an appointment due now (the host asks with the held card).
      if (event.agree) return askNeed({ ...state, consented: true }, 'pending', { checkAppointment: true });
      // Declined: the card data has no further use on this kiosk, so it goes now.
      const step = askNeed({ ...state, consented: false, card: null }, 'declined');
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    case 'call-without-card': {
      if (state.screen !== 'welcome') return null;
      const step = askNeed({ ...state, card: null, consented: false }, 'none');
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    default:
      return idleStep(state, event);
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
