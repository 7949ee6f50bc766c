/**
 * The day's appointments as rows: time, item, resident's name, masked number, status, ticket, and
 * (when the list may cancel) a Cancel per booked appointment that asks to confirm in its row.
 */
import { useEffect, useRef } from 'react';
import type { Appointment, Locale } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import type { AppointmentSnapshot } from './appointment-store';
import { aw, refusalWords, slotItem, slotTime, statusWords } from './appointment-words';

/** What the list needs to cancel: the store's state of it and its three steps. */
export interface CancelControls {
  state: AppointmentSnapshot['cancelling'];
  ask(appointmentId: string): void;
  confirm(): void;
  keep(): void;
}

/** Props of the list. */
export interface AppointmentListProps {
  appointments: Appointment[] | null;
  loading: boolean;
  locale: Locale;
  /** Cancelling booked appointments; without it the list only shows. */
  cancel?: CancelControls;
}

/** A table of the day's appointments, in start order, after the last refused cancel's words. */
export function AppointmentList(props: AppointmentListProps) {
  const code = props.cancel?.state.error ?? null;
  return (
    <>
      {code && <CancelProblem code={code} locale={props.locale} />}
      <AppointmentTable {...props} />
    </>
  );
}

/** Why the last cancel was refused: the tab's own sentence, else the console's for the code. */
function CancelProblem({ code, locale }: { code: string; locale: Locale }) {
  const { err } = useI18n();
  return (
    <p className="form-error" role="alert" data-testid="appointment-cancel-error">
      {refusalWords(locale, 'cancel', code, err)}
    </p>
  );
}

function AppointmentTable({ appointments, loading, locale, cancel }: AppointmentListProps) {
  const w = (key: Parameters<typeof aw>[1]) => aw(locale, key);
  if (appointments === null) return <p className="muted">{loading ? w('today.loading') : ''}</p>;
  if (appointments.length === 0)
    return (
      <p className="muted" data-testid="appointments-none">
        {w('today.none')}
      </p>
    );
  return (
    <table className="admin-table appointments-table">
      <thead>
        <tr>
          <th>{w('col.time')}</th>
          <th>{w('col.item')}</th>
          <th>{w('col.name')}</th>
          <th>{w('col.id')}</th>
          <th>{w('col.status')}</th>
          <th>{w('col.ticket')}</th>
          {cancel && <th>{w('col.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {appointments.map((a) => (
          <tr
            key={a.appointmentId}
            data-testid="appointment-row"
            data-status={a.status}
            data-appointment-id={a.appointmentId}
          >
            <td className="mono">{slotTime(a.slot)}</td>
            <td>
              {slotItem(a.slot, locale)}
              {a.slot.specialist && <span className="muted"> · {a.slot.specialist.displayName}</span>}
            </td>
            <td>{a.residentName}</td>
            <td className="mono">{a.idNumberMasked}</td>
            <td>
              <span className={`appointment-status appointment-status-${a.status}`}>
                {statusWords(a.status, locale)}
              </span>
            </td>
            <td className="mono">{a.ticketNumber ?? ''}</td>
            {cancel && (
              <td>
                {a.status === 'booked' && <CancelCell appointment={a} locale={locale} cancel={cancel} />}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One booked row's Cancel: a button, then the question with Confirm and Keep, then busy. */
function CancelCell({
  appointment,
  locale,
  cancel,
}: {
  appointment: Appointment;
  locale: Locale;
  cancel: CancelControls;
}) {
  const { state } = cancel;
  const id = appointment.appointmentId;
  const mine = state.appointmentId === id;
  const keepRef = useRef<HTMLButtonElement>(null);
  const asking = mine && state.asking;
  // The pressed Cancel is gone from the page: a keyboard user lands on the safe answer.
  useEffect(() => {
    if (asking) keepRef.current?.focus();
  }, [asking]);
  if (mine && state.busy)
    return (
      <button type="button" className="btn btn-secondary" disabled data-testid="appointment-cancel-busy">
        {aw(locale, 'cancel.busy')}
      </button>
    );
  if (asking)
    return (
      <div className="appointment-cancel" role="group" data-testid="appointment-cancel-ask">
        <span>
          {aw(locale, 'cancel.question', {
            name: appointment.residentName,
            time: slotTime(appointment.slot),
          })}
        </span>
        <button
          type="button"
          className="btn btn-danger"
          data-testid="appointment-cancel-confirm"
          onClick={() => cancel.confirm()}
        >
          {aw(locale, 'cancel.confirm')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="appointment-cancel-keep"
          ref={keepRef}
          onClick={() => cancel.keep()}
        >
          {aw(locale, 'cancel.keep')}
        </button>
      </div>
    );
  return (
    <button
      type="button"
      className="btn btn-secondary"
      data-testid="appointment-cancel"
      disabled={state.busy}
      onClick={() => cancel.ask(id)}
    >
      {aw(locale, 'cancel.ask')}
    </button>
  );
}
