/**
 * The enrolment gate (issue 12 #1) as a pure reducer: whether the kiosk shows the technician's
 * first-run screen (`enrol`), the calm "此设备需要重新登记" (`re-enrol`), the enrolled kiosk's
 * place (`enrolled`), or nothing (null: the resident screens). It stands in front of the resident
 * flow; the controller (enrolment-controller.ts) feeds it the host's answers and events.
 */
import type { EnrolmentState } from '@rvw/shared';

/** The gate's screens; null when the resident screens show. */
export type GateScreen = 'enrol' | 're-enrol' | 'enrolled';

/** Why a redemption failed, in the words the screen has: the three named codes, or anything else. */
export type EnrolError = 'ENROLMENT_CODE_INVALID' | 'RATE_LIMITED' | 'SERVER_UNREACHABLE' | 'other';

/** What the gate's screens render from. */
export interface EnrolmentView {
  screen: GateScreen | null;
  /** The server URL from configuration; the first-run screen asks for one when null. */
  serverUrl: string | null;
  /** Where the kiosk stands, once enrolled. */
  kiosk: EnrolmentState['kiosk'];
  /** A code is being redeemed: the button takes no second tap. */
  sending: boolean;
  /** Why the last redemption failed; null when none did (or the code was changed since). */
  error: EnrolError | null;
  /** The first-run screen was opened from "needs enrolling again": it offers the way back. */
  fromReEnrol: boolean;
}

/** At start-up, before the host has answered: no gate (a working kiosk is never held up by it). */
export const initialEnrolment: EnrolmentView = {
  screen: null,
  serverUrl: null,
  kiosk: null,
  sending: false,
  error: null,
  fromReEnrol: false,
};

/** What the controller hears and the technician taps. */
export type EnrolmentEvent =
  /** The host's enrolment state: `atStart` for the answer to the first question, else its event. */
  | { type: 'state'; state: EnrolmentState; atStart: boolean }
  /** The server refused the kiosk's credential (server:status refused). */
  | { type: 'refused' }
  /** The host is connected to the server again: its credential works. */
  | { type: 'connected' }
  | { type: 'open-enrol' }
  | { type: 'back' }
  | { type: 'sending' }
  | { type: 'redeemed'; state: EnrolmentState }
  | { type: 'failed'; code: string }
  | { type: 'edited' }
  | { type: 'start' };

const named: readonly string[] = ['ENROLMENT_CODE_INVALID', 'RATE_LIMITED', 'SERVER_UNREACHABLE'];

/** The error shown for a bridge error code. */
export function enrolErrorOf(code: string): EnrolError {
  return named.includes(code) ? (code as EnrolError) : 'other';
}

function withState(view: EnrolmentView, state: EnrolmentState): EnrolmentView {
  return { ...view, serverUrl: state.serverUrl, kiosk: state.kiosk ?? view.kiosk };
}

/** The gate after an event. */
export function reduceEnrolment(view: EnrolmentView, event: EnrolmentEvent): EnrolmentView {
  switch (event.type) {
    case 'state': {
      const next = withState(view, event.state);
      if (!event.state.enrolled) {
        // A fresh install shows the first-run screen; a kiosk that loses its enrolment while
        // running shows the calm screen first (a technician opens the first-run screen from it).
        if (view.screen === 'enrol') return next;
        return { ...next, screen: event.atStart ? 'enrol' : 're-enrol', sending: false, error: null };
      }
      if (view.screen === 'enrol') return { ...next, screen: 'enrolled', sending: false, error: null };
      if (view.screen === 're-enrol') return { ...next, screen: null };
      return next;
    }
    case 'refused':
      return view.screen === 'enrol' ? view : { ...view, screen: 're-enrol', sending: false, error: null };
    case 'connected':
      return view.screen === 're-enrol' ? { ...view, screen: null } : view;
    case 'open-enrol':
      return view.screen === 're-enrol' ? { ...view, screen: 'enrol', fromReEnrol: true, error: null } : view;
    case 'back':
      return view.screen === 'enrol' && view.fromReEnrol && !view.sending
        ? { ...view, screen: 're-enrol', fromReEnrol: false, error: null }
        : view;
    case 'sending':
      return view.screen === 'enrol' ? { ...view, sending: true, error: null } : view;
    case 'redeemed':
      if (view.screen !== 'enrol' && view.screen !== 'enrolled') return view;
      return {
        ...withState(view, event.state),
        screen: 'enrolled',
        sending: false,
        error: null,
        fromReEnrol: false,
      };
    case 'failed':
      return view.screen === 'enrol' ? { ...view, sending: false, error: enrolErrorOf(event.code) } : view;
    case 'edited':
      return view.error ? { ...view, error: null } : view;
    case 'start':
      return view.screen === 'enrolled' ? { ...view, screen: null, fromReEnrol: false } : view;
  }
}
