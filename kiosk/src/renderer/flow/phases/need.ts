/**
 * The need phase (issue 11 #1, #3): after the card (or without one), the resident says what they
 * need by pressing one large picture tile (养老, 医保 … or "I don't know, just ask staff"), then
 * answers the optional "do you have a disability?" (否 is the plain way on). The ticket request
 * carries both. A resident who pressed the wrong tile may go back to the tiles. Left alone, these
 * screens clear themselves like the greeting (phases/visit.ts).
 */
import type { IdentityIntent, TicketNeed } from '@rvw/shared';
import { stay } from '../state';
import type { Effect, FlowEvent, FlowState, Phase, Step } from '../state';
import { prepareCall } from './readiness';
import { greet, IDLE_MS, idleStep } from './visit';

/** The tiles, then the disability question. */
export type NeedScreen = 'need' | 'disability';

/** The resident's taps: a tile, back to the tiles, and the answer to the disability question. */
export type NeedEvent =
  | { type: 'choose-need'; need: TicketNeed }
  | { type: 'change-need' }
  | { type: 'answer-disability'; disability: boolean };

/**
 * Leaves the card phase for the tiles, remembering what the ticket will say about the identity.
 * `checkAppointment`: ask the host whether the card's holder has an appointment due now (only after
 * consent, with the card held).
 */
export function askNeed(
  state: FlowState,
  identityIntent: IdentityIntent,
  { checkAppointment = false }: { checkAppointment?: boolean } = {},
): Step {
  const check = checkAppointment && state.card !== null;
  const effects: Effect[] = check ? [{ type: 'check-appointment' }] : [];
  return {
    state: {
      ...state,
      screen: 'need',
      identityIntent,
      need: null,
      disability: null,
      appointment: null,
      checkingAppointment: check,
    },
    effects,
  };
}

const screens = new Set<string>(['need', 'disability'] satisfies NeedScreen[]);

function reduce(state: FlowState, event: FlowEvent): Step | null {
  if (!screens.has(state.screen)) return null;
  switch (event.type) {
    case 'choose-need':
      return state.screen === 'need' ? stay({ ...state, screen: 'disability', need: event.need }) : null;

    case 'change-need':
      return state.screen === 'disability' ? stay({ ...state, screen: 'need', need: null }) : null;

    case 'answer-disability': {
      if (state.screen !== 'disability' || !state.need) return null;
      const next: FlowState = { ...state, disability: event.disability, checkingAppointment: false };
      return prepareCall(next, {
        identity: state.identityIntent,
        need: state.need,
        disability: event.disability,
      });
    }

    // A resident who came without a card may still place one: greet them as a visit with a card.
    // Once consent was answered, the card on the reader changes nothing of this visit.
    case 'card-placed':
      return state.visitHadCard ? null : greet(state, event.card);

    default:
      return idleStep(state, event);
  }
}

/** Asks what the resident needs, and whether they have a disability, before the ticket. */
export const needPhase: Phase = {
  name: 'need',
  reduce,
  screenTimers: {
    need: { timer: 'idle', ms: IDLE_MS },
    disability: { timer: 'idle', ms: IDLE_MS },
  },
};
