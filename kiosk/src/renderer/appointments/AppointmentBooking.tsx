/**
 * Booking a slot at the kiosk (issue 11 #8): the centre's open slots as big buttons (the day and the
 * time in words, the item), a page at a time; "book this time?"; then the booked receipt in words.
 * Each step is spoken when it appears. The steps live in a BookingController (outside React).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { CHECK_IN_EARLY_MIN, type AppointmentSlot, type KioskBridge, type Locale } from '@rvw/shared';
import { getBridge } from '../bridge/get-bridge';
import { speak as speakAloud } from '../speech';
import { aw, itemWords, windowWords } from './appointment-words';
import { bookingSpokenParts, sentences, setActiveBooking } from './appointment-speech';
import { BookingController, pageOf, type BookingStep } from './booking-controller';
import './appointments.css';

/** The language, readiness, where the screen goes when finished, and what it may be given in tests. */
export interface AppointmentBookingProps {
  locale: Locale;
  /** False while the screen is settling: its buttons take no tap yet. */
  ready: boolean;
  /** After the booked receipt ("好的"): the booking is over (back to the tiles). */
  onDone: () => void;
  /** "返回" before anything was booked (back to the tiles). */
  onBack: () => void;
  /** How the resident is addressed (李女士); default the name the server returns. */
  residentName?: string;
  /** The bridge's invoke (default the renderer's bridge). */
  invoke?: KioskBridge['invoke'];
  /** Says a text aloud (default speech.ts in `locale`). */
  speak?: (text: string) => void;
  /** The clock for 今天/明天 (default now). */
  now?: () => Date;
  /** A controller to show (tests); default a new one that loads the slots on mount. */
  controller?: BookingController;
}

/** The booking screen: choose, confirm, booked (or a problem in words). */
export function AppointmentBooking(props: AppointmentBookingProps) {
  const { locale, ready, onDone, onBack, residentName = '' } = props;
  const now = props.now ?? (() => new Date());
  const [controller] = useState(
    () =>
      props.controller ??
      new BookingController((channel, request) => (props.invoke ?? getBridge().invoke)(channel, request)),
  );
  const step = useSyncExternalStore(controller.subscribe, controller.getSnapshot, controller.getSnapshot);

  useEffect(() => {
    setActiveBooking({ controller, name: residentName, now });
    if (!props.controller) void controller.load();
    return () => {
      setActiveBooking(null);
      controller.dispose();
    };
    // Once per mount: the controller is this screen's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [controller]);

  // Each step is said when it appears (the loading one only by the flow, on entering the screen).
  useEffect(() => {
    if (step.step === 'loading') return;
    const text = sentences(bookingSpokenParts(step, now(), locale, residentName), locale);
    (props.speak ?? ((t: string) => speakAloud(t, locale)))(text);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, locale]);

  return (
    <section
      className="screen screen-appointment"
      data-testid="screen-appointment-book"
      data-step={step.step}
    >
      <BookingBody
        step={step}
        locale={locale}
        ready={ready}
        at={now()}
        name={residentName}
        controller={controller}
        onDone={onDone}
        onBack={onBack}
      />
    </section>
  );
}

interface BodyProps {
  step: BookingStep;
  locale: Locale;
  ready: boolean;
  at: Date;
  name: string;
  controller: BookingController;
  onDone: () => void;
  onBack: () => void;
}

function BookingBody({ step, locale, ready, at, name, controller, onDone, onBack }: BodyProps) {
  const w = (key: Parameters<typeof aw>[1], params?: Record<string, string | number>) =>
    aw(locale, key, params);
  const back = (
    <button
      type="button"
      className="btn btn-secondary btn-small"
      data-testid="appointment-book-back"
      disabled={!ready}
      onClick={onBack}
    >
      {w('book.back')}
    </button>
  );
  switch (step.step) {
    case 'loading':
      return (
        <>
          <h1 className="headline">{w('book.title')}</h1>
          <p className="lead">{w('book.loading')}</p>
          <div className="appointment-actions">{back}</div>
        </>
      );
    case 'choose': {
      if (step.slots.length === 0)
        return (
          <>
            <h1 className="headline">{w('book.none')}</h1>
            <p className="lead">{w('book.noneHint')}</p>
            <div className="appointment-actions">{back}</div>
          </>
        );
      const page = pageOf(step.slots, step.page);
      return (
        <>
          {step.notice && (
            <p className="notice appointment-notice" role="alert" data-testid="appointment-book-notice">
              {w(step.notice === 'full' ? 'book.full' : 'book.past')}
            </p>
          )}
          <h1 className="headline">{w('book.title')}</h1>
          <p className="lead">{w('book.hint')}</p>
          <div className="appointment-slots">
            {page.slots.map((slot) => (
              <SlotButton
                key={slot.slotId}
                slot={slot}
                locale={locale}
                at={at}
                ready={ready}
                onChoose={() => controller.choose(slot.slotId)}
              />
            ))}
          </div>
          <div className="appointment-pager">
            {page.page > 0 && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                data-testid="appointment-slots-earlier"
                disabled={!ready}
                onClick={() => controller.turn(-1)}
              >
                {w('book.earlier')}
              </button>
            )}
            {page.pages > 1 && (
              <span className="hint">{w('book.page', { page: page.page + 1, pages: page.pages })}</span>
            )}
            {page.page < page.pages - 1 && (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                data-testid="appointment-slots-later"
                disabled={!ready}
                onClick={() => controller.turn(1)}
              >
                {w('book.more')}
              </button>
            )}
          </div>
          <div className="appointment-actions">{back}</div>
        </>
      );
    }
    case 'confirm':
      return (
        <>
          <h1 className="headline">{w('book.confirmTitle')}</h1>
          <p className="lead strong appointment-when">{windowWords(step.slot, at, locale)}</p>
          <p className="lead">{itemWords(step.slot, locale)}</p>
          {name && <p className="lead">{w('book.confirmWho', { name })}</p>}
          <div className="appointment-actions">
            <button
              type="button"
              className="btn btn-primary btn-huge"
              data-testid="appointment-book-confirm"
              data-main-action
              disabled={!ready}
              onClick={() => void controller.confirm()}
            >
              {w('book.confirm')}
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              data-testid="appointment-book-change"
              disabled={!ready}
              onClick={() => controller.change()}
            >
              {w('book.change')}
            </button>
          </div>
        </>
      );
    case 'sending':
      return <h1 className="headline">{w('book.sending')}</h1>;
    case 'booked': {
      const a = step.appointment;
      return (
        <div className="appointment-booked" data-testid="appointment-booked">
          <h1 className="headline">{w('book.bookedTitle')}</h1>
          <p className="lead strong">
            {w('book.bookedWhat', { name: name || a.residentName, item: itemWords(a.slot, locale) })}
          </p>
          <p className="lead">{w('book.bookedWhen', { when: windowWords(a.slot, at, locale) })}</p>
          <p className="lead">{w('book.bookedCome', { early: CHECK_IN_EARLY_MIN })}</p>
          <div className="appointment-actions">
            <button
              type="button"
              className="btn btn-primary btn-huge"
              data-testid="appointment-booked-done"
              data-main-action
              disabled={!ready}
              onClick={onDone}
            >
              {w('book.done')}
            </button>
          </div>
        </div>
      );
    }
    case 'problem':
      return (
        <>
          <p
            className="lead strong"
            role="alert"
            data-testid="appointment-book-problem"
            data-problem={step.problem}
          >
            {w(`book.${step.problem}`)}
          </p>
          <div className="appointment-actions">
            {step.retry && (
              <button
                type="button"
                className="btn btn-primary btn-huge"
                data-testid="appointment-book-retry"
                data-main-action
                disabled={!ready}
                onClick={() => void controller.retry()}
              >
                {w('book.retry')}
              </button>
            )}
            {back}
          </div>
        </>
      );
  }
}

/** One slot: the day and time in words, then the item, on one big button. */
function SlotButton({
  slot,
  locale,
  at,
  ready,
  onChoose,
}: {
  slot: AppointmentSlot;
  locale: Locale;
  at: Date;
  ready: boolean;
  onChoose: () => void;
}) {
  return (
    <button
      type="button"
      className="btn btn-secondary appointment-slot"
      data-testid="appointment-slot"
      data-slot-id={slot.slotId}
      disabled={!ready}
      onClick={onChoose}
    >
      <span className="appointment-slot-when">{windowWords(slot, at, locale)}</span>
      <span className="appointment-slot-item">{itemWords(slot, locale)}</span>
    </button>
  );
}
