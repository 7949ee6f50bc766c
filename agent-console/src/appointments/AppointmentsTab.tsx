/**
 * The console's 预约 tab (issue 11 #8): the day's appointments (the agent's own; the whole centre's
 * for a supervisor) with a Cancel per booked one, booking for a resident on the phone, and for a
 * supervisor opening slots. Its store lives as long as the tab is open and reads the day when it
 * opens.
 */
import { useEffect, useState } from 'react';
import type { Agent } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { httpAppointments, type AppointmentTransport } from './appointment-api';
import { AppointmentStore, useAppointmentStore } from './appointment-store';
import { aw } from './appointment-words';
import { AppointmentList } from './AppointmentList';
import { BookForm } from './BookForm';
import { SlotsForm } from './SlotsForm';
import './appointments.css';

/** Props: the login, the signed-in agent, and the console's failure handler (a lost login signs out). */
export interface AppointmentsTabProps {
  token: string;
  agent: Agent;
  onFailure(error: unknown): string;
  /** The server's side (tests); default HTTP with `token`. */
  transport?: AppointmentTransport;
}

/** The tab's content. */
export function AppointmentsTab({ token, agent, onFailure, transport }: AppointmentsTabProps) {
  const supervisor = agent.role === 'admin';
  const [api] = useState(() => transport ?? httpAppointments(token, supervisor));
  const [store] = useState(() => new AppointmentStore(api, undefined, (e) => void onFailure(e)));
  const snap = useAppointmentStore(store);
  const { locale, err } = useI18n();
  const [booking, setBooking] = useState(false);
  const w = (key: Parameters<typeof aw>[1], params?: Record<string, string | number>) =>
    aw(locale, key, params);
  useEffect(() => {
    void store.refresh();
  }, [store]);

  return (
    <section className="panel appointments-panel" data-testid="appointments-today" data-day={snap.day}>
      <div className="panel-head appointments-head">
        <h2>{w('today.heading', { day: snap.day })}</h2>
        <label className="appointments-day">
          <span>{w('today.day')}</span>
          <input
            type="date"
            data-testid="appointments-day"
            value={snap.day}
            onChange={(e) => e.target.value && void store.refresh(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="appointments-refresh"
          onClick={() => void store.refresh()}
        >
          {w('today.refresh')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="appointment-book-open"
          aria-expanded={booking}
          onClick={() => {
            store.clearMessages();
            setBooking(!booking);
          }}
        >
          {booking ? w('book.close') : w('book.open')}
        </button>
      </div>
      <p className="muted">{supervisor ? w('today.centre') : w('today.mine')}</p>
      {snap.appointments.error && (
        <p className="form-error" role="alert">
          {err(snap.appointments.error)}
        </p>
      )}
      <AppointmentList
        appointments={snap.appointments.items}
        loading={snap.appointments.loading}
        locale={locale}
        cancel={{
          state: snap.cancelling,
          ask: (id) => store.askCancel(id),
          confirm: () => void store.confirmCancel(),
          keep: () => store.keepAppointment(),
        }}
      />
      <div className="appointment-forms">
        {booking && <BookForm store={store} />}
        {supervisor && <SlotsForm store={store} transport={api} centreId={agent.centreId} />}
      </div>
    </section>
  );
}
