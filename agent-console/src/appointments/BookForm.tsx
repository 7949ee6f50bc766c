/**
 * Booking for a resident on the phone: a day and one of its slots, the resident's name, ID number
 * and (optionally) mobile number. Refusals are said in words: a wrong field by name, SLOT_FULL and
 * SLOT_PAST (the slots are read again), a duplicate (CONFLICT).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { CHECK_IN_EARLY_MIN } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';
import { Field } from '../ui/Field';
import { FormOutcome } from '../ui/FormOutcome';
import { useAppointmentStore, type AppointmentStore } from './appointment-store';
import { aw, refusalWords, slotItem, slotTime } from './appointment-words';
import { formatDateTime } from '../ui/time';

/** The form, over the tab's store. */
export function BookForm({ store }: { store: AppointmentStore }) {
  const { locale, err } = useI18n();
  const snap = useAppointmentStore(store);
  const [slotId, setSlotId] = useState('');
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const w = (key: Parameters<typeof aw>[1], params?: Record<string, string | number>) =>
    aw(locale, key, params);
  useEffect(() => {
    void store.loadSlots();
  }, [store]);
  const slots = store.bookable();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await store.book({ slotId, residentName: name, idNumber, phone });
    if (result.ok) {
      setSlotId('');
      setName('');
      setIdNumber('');
      setPhone('');
    }
  }

  const error = snap.booking.error;
  const problem = error === null ? null : refusalWords(locale, 'book', error, err);
  const booked = snap.booking.booked;
  return (
    <form className="appointment-form" onSubmit={submit} noValidate data-testid="appointment-book-form">
      <h3>{w('book.heading')}</h3>
      <Field label={w('book.day')}>
        <input
          type="date"
          data-testid="appointment-book-day"
          value={snap.slotsDay}
          onChange={(e) => {
            setSlotId('');
            if (e.target.value) void store.loadSlots(e.target.value);
          }}
        />
      </Field>
      <Field label={w('book.slot')}>
        <select
          data-testid="appointment-book-slot"
          value={slotId}
          onChange={(e) => setSlotId(e.target.value)}
        >
          <option value="">{slots.length ? w('book.slotPick') : w('book.slotNone')}</option>
          {slots.map((s) => {
            const free = s.capacity - s.booked;
            return (
              <option key={s.slotId} value={s.slotId} disabled={free <= 0}>
                {`${slotTime(s)} ${slotItem(s, locale)}${s.specialist ? ` · ${s.specialist.displayName}` : ''} (${free <= 0 ? w('book.slotFull') : w('book.slotFree', { free })})`}
              </option>
            );
          })}
        </select>
      </Field>
      <Field label={w('book.name')}>
        <input
          data-testid="appointment-book-name"
          value={name}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={w('book.id')}>
        <input
          data-testid="appointment-book-id"
          value={idNumber}
          autoComplete="off"
          inputMode="text"
          maxLength={18}
          onChange={(e) => setIdNumber(e.target.value.toUpperCase())}
        />
      </Field>
      <Field label={w('book.phone')}>
        <input
          data-testid="appointment-book-phone"
          value={phone}
          autoComplete="off"
          inputMode="tel"
          maxLength={11}
          onChange={(e) => setPhone(e.target.value)}
        />
      </Field>
      <FormOutcome
        testId="appointment-book"
        busy={snap.booking.busy}
        submitLabel={w('book.submit')}
        busyLabel={w('book.submitting')}
        problem={problem}
        code={error}
        done={
          booked &&
          w('book.done', {
            name: booked.residentName,
            when: `${formatDateTime(booked.slot.startsAt)}–${slotTime(booked.slot).split('–')[1]}`,
            item: slotItem(booked.slot, locale),
            early: CHECK_IN_EARLY_MIN,
          })
        }
      />
    </form>
  );
}
