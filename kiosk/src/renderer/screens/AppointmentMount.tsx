/**
 * Mount point for the appointments helper's kiosk screens (renderer/appointments/, issue 11 #8):
 * AppointmentFound (an appointment due now, after consent) and AppointmentBooking (a slot for the
 * card's holder). Until their components are committed this mounts nothing and says nothing, and
 * `appointmentScreensReady` keeps the booking tile off; the flow (phases/appointment.ts) is ready.
 */
import type { Locale } from '@rvw/shared';
import type { FlowEvent, FlowState } from '../flow/machine';
import type { Tr } from '../i18n';

/** True once the appointments screens are mounted here (the booking tile is offered then). */
export const appointmentScreensReady = false;

/** What the appointment screens say aloud, only sentences they show. */
export function appointmentSpokenParts(flow: FlowState, locale: Locale): string[] {
  void flow;
  void locale;
  return [];
}

/** The state, language, words, readiness and where taps go. */
export interface AppointmentMountProps {
  flow: FlowState;
  locale: Locale;
  tr: Tr;
  ready: boolean;
  send: (event: FlowEvent) => void;
}

/** The appointment screen for the flow's screen ('appointment-found' or 'appointment-book'). */
export function AppointmentMount(props: AppointmentMountProps) {
  void props;
  return null;
}
