/**
 * The card phase: welcome, greeting on a card ("is this you?"), and consent to share the identity.
 * It ends by asking the queue phase for a ticket, with or without the card.
 */
import type { CardSummary } from '@rvw/shared';
import { home, initialFlow, stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { requestTicket } from './queue';

/** The idle screens: the phase acts only while one of them is on. */
export type CardScreen = 'welcome' | 'greeting' | 'consent';

/** The resident's taps on these screens, and the reader's card events. */
export type CardEvent =
  | { type: 'card-placed'; card: CardSummary }
  | { type: 'card-removed' }
  | { type: 'confirm-identity' }
  | { type: 'not-me' }
  | { type: 'consent'; agree: boolean }
  | { type: 'call-without-card' };

const screens = new Set<string>(['welcome', 'greeting', 'consent'] satisfies CardScreen[]);

/** A fresh visit greeting this card: whatever the previous resident left is gone. */
export function greet(state: FlowState, card: CardSummary): Step {
  return stay({ ...initialFlow, reader: state.reader, screen: 'greeting', card });
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
      if (event.agree) return requestTicket({ ...state, consented: true });
      // Declined: the card data has no further use on this kiosk, so it goes now.
      const step = requestTicket({ ...state, consented: false, card: null });
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    case 'call-without-card': {
      if (state.screen !== 'welcome') return null;
      const step = requestTicket({ ...state, card: null, consented: false });
      return { state: step.state, effects: [{ type: 'wipe' }, ...step.effects] };
    }

    default:
      return null;
  }
}

/** Identifies the resident by card (or lets them go on without one) and asks for consent. */
export const cardPhase: Phase = { name: 'card', reduce };
