/**
 * The appointment phase (issue 11 #8, 云导办 at the kiosk): after consent the host checks the card's
 * holder in against the appointments due now (`check-appointment`). When one is due, the kiosk
 * shows it (the appointments helper's AppointmentFound) instead of the tiles, and its "continue"
 * asks for the ticket with the appointment's id (no tiles, no disability question: the appointment
 * already goes ahead). From the tiles, a resident with a consented card may book a slot (their
 * AppointmentBooking); closing it returns to the tiles.
 */
import type { Appointment } from '@rvw/shared';
import { stay } from '../state';
import type { FlowEvent, FlowState, Phase, Step } from '../state';
import { prepareCall } from './readiness';
import { IDLE_MS, idleStep } from './visit';

/** The appointment due now, and booking a slot. */
export type AppointmentScreen = 'appointment-found' | 'appointment-book';

/** The host's answer to the check-in, and the resident's taps. */
export type AppointmentEvent =
  | { type: 'appointment-checked'; appointment: Appointment | null }
  | { type: 'appointment-continue' }
  | { type: 'appointment-other' }
  | { type: 'open-booking' }
  | { type: 'booking-activity' }
  | { type: 'booking-closed' };

/** Asking the host (`appointment:check-in`) whether the card's holder has an appointment due now. */
export type AppointmentEffect = { type: 'check-appointment' };

/** True when booking can be offered: the resident agreed to share the card the host holds. */
export function canBook(state: FlowState): boolean {
  return state.consented && state.card !== null;
}

const screens = new Set<string>(['appointment-found', 'appointment-book'] satisfies AppointmentScreen[]);

function reduce(state: FlowState, event: FlowEvent): Step | null {
  switch (event.type) {
    case 'appointment-checked': {
      if (!state.checkingAppointment) return null;
      const done: FlowState = { ...state, checkingAppointment: false };
      // Only before the ticket is asked for: afterwards the ticket is on its way without it.
      if (!event.appointment || (state.screen !== 'need' && state.screen !== 'disability')) return stay(done);
      return stay({ ...done, screen: 'appointment-found', appointment: event.appointment });
    }

    case 'appointment-continue': {
      if (state.screen !== 'appointment-found' || !state.appointment) return null;
      return prepareCall(state, {
        identity: state.identityIntent,
        appointmentId: state.appointment.appointmentId,
      });
    }

    case 'appointment-other':
      return state.screen === 'appointment-found'
        ? stay({ ...state, screen: 'need', appointment: null })
        : null;

    case 'open-booking':
      return state.screen === 'need' && canBook(state)
        ? stay({ ...state, screen: 'appointment-book' })
        : null;

    // A tap inside the booking (its own screen, not the flow's): the resident is there, the
    // privacy timer starts again.
    case 'booking-activity':
      if (state.screen !== 'appointment-book' || state.idleNotice) return null;
      return { state, effects: [{ type: 'start-timer', timer: 'idle', ms: IDLE_MS }] };

    case 'booking-closed':
      return state.screen === 'appointment-book' ? stay({ ...state, screen: 'need' }) : null;

    default:
      return screens.has(state.screen) ? idleStep(state, event) : null;
  }
}

/** Turns an appointment due now into a ticket, and offers booking one from the tiles. */
export const appointmentPhase: Phase = {
  name: 'appointment',
  reduce,
  screenTimers: {
    'appointment-found': { timer: 'idle', ms: IDLE_MS },
    'appointment-book': { timer: 'idle', ms: IDLE_MS },
  },
};
