/**
 * What the appointment screens say aloud: only sentences they show (appointment-views.test.tsx
 * checks each is on its screen). AppointmentBooking speaks its own steps as they change; the flow's
 * speech (and "say it again") reads `activeBookingParts` for the booking screen on show.
 */
import { CHECK_IN_EARLY_MIN, type Appointment, type Locale } from '@rvw/shared';
import { aw, itemWords, windowWords } from './appointment-words';
import { pageOf, type BookingController, type BookingStep } from './booking-controller';

/** The sentences as one text, the way the kiosk's screens are read (one stop between each). */
export function sentences(parts: readonly string[], locale: Locale): string {
  const stop = locale === 'en' ? '. ' : '。';
  return parts.map((part) => part.replace(/[。.！？!?]$/u, '')).join(stop);
}

/** AppointmentFound: 您预约了 <item>，<when>，马上为您接通. */
export function appointmentFoundParts(appointment: Appointment, now: Date, locale: Locale): string[] {
  return [
    aw(locale, 'found.title', { item: itemWords(appointment.slot, locale) }),
    aw(locale, 'found.when', { when: windowWords(appointment.slot, now, locale) }),
    aw(locale, 'found.connect'),
  ];
}

/** One slot's words as its button shows them: when, then the item. */
export function slotParts(slot: Appointment['slot'], now: Date, locale: Locale): string[] {
  return [windowWords(slot, now, locale), itemWords(slot, locale)];
}

/** The booking screen's sentences for a step; `name` is how the resident is addressed. */
export function bookingSpokenParts(step: BookingStep, now: Date, locale: Locale, name = ''): string[] {
  switch (step.step) {
    case 'loading':
      return [aw(locale, 'book.title'), aw(locale, 'book.loading')];
    case 'choose': {
      if (step.slots.length === 0) return [aw(locale, 'book.none'), aw(locale, 'book.noneHint')];
      const notice = step.notice ? [aw(locale, step.notice === 'full' ? 'book.full' : 'book.past')] : [];
      const page = pageOf(step.slots, step.page);
      return [
        ...notice,
        aw(locale, 'book.title'),
        aw(locale, 'book.hint'),
        ...page.slots.map((s) => slotParts(s, now, locale).join(locale === 'en' ? ', ' : '，')),
      ];
    }
    case 'confirm':
      return [
        aw(locale, 'book.confirmTitle'),
        ...slotParts(step.slot, now, locale),
        ...(name ? [aw(locale, 'book.confirmWho', { name })] : []),
      ];
    case 'sending':
      return [aw(locale, 'book.sending')];
    case 'booked': {
      const a = step.appointment;
      return [
        aw(locale, 'book.bookedTitle'),
        aw(locale, 'book.bookedWhat', { name: name || a.residentName, item: itemWords(a.slot, locale) }),
        aw(locale, 'book.bookedWhen', { when: windowWords(a.slot, now, locale) }),
        aw(locale, 'book.bookedCome', { early: CHECK_IN_EARLY_MIN }),
      ];
    }
    case 'problem':
      return [aw(locale, `book.${step.problem}`)];
  }
}

// The booking on show (set by AppointmentBooking while mounted), for the flow's speech.
let active: { controller: BookingController; name: string; now: () => Date } | null = null;

/** Called by AppointmentBooking on mount and unmount. */
export function setActiveBooking(next: typeof active): void {
  active = next;
}

/** What the booking on show says now (its title while none is mounted). */
export function activeBookingParts(locale: Locale): string[] {
  if (!active) return [aw(locale, 'book.title')];
  return bookingSpokenParts(active.controller.getSnapshot(), active.now(), locale, active.name);
}
