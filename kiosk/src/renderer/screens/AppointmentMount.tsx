/**
 * Where the appointments helper's kiosk screens (renderer/appointments/, issue 11 #8) are mounted in
 * the flow: AppointmentFound for an appointment due now (after consent), and AppointmentBooking from
 * the tiles' "预约办理". Their taps become flow events; the booking's own taps keep the screen's
 * privacy timer from running out while the resident chooses.
 */
import type { Locale } from '@rvw/shared';
import {
  activeBookingParts,
  AppointmentBooking,
  AppointmentFound,
  appointmentFoundParts,
} from '../appointments';
import type { FlowEvent, FlowState } from '../flow/machine';
import { addressOf } from '../i18n';

/** What the appointment screen on show says aloud (only sentences it shows). */
export function appointmentSpokenParts(flow: FlowState, locale: Locale): string[] {
  if (flow.screen === 'appointment-found' && flow.appointment)
    return appointmentFoundParts(flow.appointment, new Date(), locale);
  if (flow.screen === 'appointment-book') return activeBookingParts(locale);
  return [];
}

/** The state, language, readiness and where taps go. */
export interface AppointmentMountProps {
  flow: FlowState;
  locale: Locale;
  ready: boolean;
  send: (event: FlowEvent) => void;
}

/** The appointment screen for the flow's screen ('appointment-found' or 'appointment-book'). */
export function AppointmentMount({ flow, locale, ready, send }: AppointmentMountProps) {
  if (flow.screen === 'appointment-found' && flow.appointment)
    return (
      <AppointmentFound
        appointment={flow.appointment}
        locale={locale}
        ready={ready}
        onContinue={() => send({ type: 'appointment-continue' })}
        onOther={() => send({ type: 'appointment-other' })}
      />
    );
  if (flow.screen !== 'appointment-book') return null;
  return (
    // `display: contents`: the wrapper only hears taps; the booking screen lays out as any screen.
    <div className="booking-activity" onPointerDownCapture={() => send({ type: 'booking-activity' })}>
      <AppointmentBooking
        locale={locale}
        ready={ready}
        residentName={flow.card ? addressOf(flow.card, locale) : ''}
        onDone={() => send({ type: 'booking-closed' })}
        onBack={() => send({ type: 'booking-closed' })}
      />
    </div>
  );
}
