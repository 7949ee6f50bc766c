/** The day's appointments as rows: time, item, resident's name, masked number, status, ticket. */
import type { Appointment, Locale } from '@rvw/shared';
import { aw, slotItem, slotTime, statusWords } from './appointment-words';

/** Props of the list. */
export interface AppointmentListProps {
  appointments: Appointment[] | null;
  loading: boolean;
  locale: Locale;
}

/** A table of the day's appointments, in start order. */
export function AppointmentList({ appointments, loading, locale }: AppointmentListProps) {
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
