/**
 * An appointment due now, found after consent (issue 11 #8): large type, "您预约了 <item>", the window
 * in words, "马上为您接通", and one big button that goes on to the ticket (with the appointment's
 * priority). An optional smaller "not this" returns to the tiles.
 */
import type { Appointment, Locale } from '@rvw/shared';
import { aw, itemWords, windowWords } from './appointment-words';
import './appointments.css';

/** The appointment, the language, readiness and the taps. */
export interface AppointmentFoundProps {
  /** The appointment `appointment:check-in` returned. */
  appointment: Appointment;
  locale: Locale;
  /** False while the screen is settling: its buttons take no tap yet. */
  ready: boolean;
  /** "好的，继续": ask for the ticket with this appointment's id. */
  onContinue: () => void;
  /** "不是这件事，办别的" (shown only when given): back to the tiles. */
  onOther?: () => void;
  /** The clock for 今天/明天 (default now). */
  now?: () => Date;
}

/** The appointment due now and one button to go on. */
export function AppointmentFound({
  appointment,
  locale,
  ready,
  onContinue,
  onOther,
  now,
}: AppointmentFoundProps) {
  const at = now?.() ?? new Date();
  return (
    <section className="screen screen-appointment" data-testid="appointment-found">
      <h1 className="headline">{aw(locale, 'found.title', { item: itemWords(appointment.slot, locale) })}</h1>
      <p className="lead strong appointment-when">
        {aw(locale, 'found.when', { when: windowWords(appointment.slot, at, locale) })}
      </p>
      <p className="lead">{aw(locale, 'found.connect')}</p>
      <div className="appointment-actions">
        <button
          type="button"
          className="btn btn-primary btn-huge"
          data-testid="appointment-continue"
          data-main-action
          disabled={!ready}
          onClick={onContinue}
        >
          {aw(locale, 'found.continue')}
        </button>
        {onOther && (
          <button
            type="button"
            className="btn btn-secondary btn-small"
            data-testid="appointment-other"
            disabled={!ready}
            onClick={onOther}
          >
            {aw(locale, 'found.other')}
          </button>
        )}
      </div>
    </section>
  );
}
