import { describe, expect, it } from 'vitest';
import { dueAppointment } from '../../test-routing-states';
import { IDLE_MS, IDLE_NOTICE_MS, SETTLE_MS, transition } from '../machine';
import { card, online, position, ready, run, settled, withoutTimers } from '../test-fixtures';

const consented = run(
  online,
  { type: 'card-placed', card },
  { type: 'confirm-identity' },
  { type: 'consent', agree: true },
).state;

const due = dueAppointment;

describe('the need phase: tiles, then the optional disability question, then the ticket', () => {
  it('without a card: welcome -> tiles -> disability -> a ticket asked for with the need and the answer', () => {
    const tiles = run(online, { type: 'call-without-card' });
    expect(tiles.state).toMatchObject({ screen: 'need', identityIntent: 'none', need: null });
    // Nothing is asked of the server until the resident has answered both.
    expect(withoutTimers(tiles.effects)).toEqual([{ type: 'wipe' }]);
    const question = run(tiles.state, { type: 'choose-need', need: 'medical-insurance' });
    expect(question.state).toMatchObject({ screen: 'disability', need: 'medical-insurance' });
    expect(withoutTimers(question.effects)).toEqual([]);
    // The answer checks readiness first (phases/readiness.ts); a kiosk that can call asks for the ticket.
    const asked = run(question.state, { type: 'answer-disability', disability: true }, ready);
    expect(asked.state).toMatchObject({ screen: 'requesting', disability: true });
    expect(withoutTimers(asked.effects)).toEqual([
      { type: 'check-readiness' },
      {
        type: 'request-ticket',
        request: { identity: 'none', need: 'medical-insurance', disability: true },
      },
    ]);
    const waiting = run(asked.state, { type: 'ticket-issued', position: position() });
    expect(waiting.state.screen).toBe('waiting');
  });

  it('否 is the plain way on: "no" asks for the ticket with disability false', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      { type: 'choose-need', need: 'unsure' },
      { type: 'answer-disability', disability: false },
      ready,
    );
    expect(withoutTimers(r.effects).at(-1)).toEqual({
      type: 'request-ticket',
      request: { identity: 'none', need: 'unsure', disability: false },
    });
  });

  it('after consent the identity follows the ticket; after declining it says so', () => {
    const agreed = run(
      consented,
      { type: 'choose-need', need: 'residence' },
      {
        type: 'answer-disability',
        disability: false,
      },
      ready,
    );
    expect(withoutTimers(agreed.effects).at(-1)).toEqual({
      type: 'request-ticket',
      request: { identity: 'pending', need: 'residence', disability: false },
    });
    const declined = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: false },
      { type: 'choose-need', need: 'family-planning' },
      { type: 'answer-disability', disability: false },
      ready,
    );
    expect(declined.state.card).toBeNull();
    expect(withoutTimers(declined.effects).at(-1)).toEqual({
      type: 'request-ticket',
      request: { identity: 'declined', need: 'family-planning', disability: false },
    });
  });

  it('a wrong tile can be changed before answering; the question is asked again for the new one', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      { type: 'choose-need', need: 'disability' },
      { type: 'change-need' },
    );
    expect(r.state).toMatchObject({ screen: 'need', need: null });
    const again = run(
      r.state,
      { type: 'choose-need', need: 'consultation' },
      {
        type: 'answer-disability',
        disability: false,
      },
      ready,
    );
    expect(withoutTimers(again.effects).at(-1)).toMatchObject({ request: { need: 'consultation' } });
  });

  it('a double tap on a tile answers nothing on the question that follows', () => {
    const tiles = settled(run(online, { type: 'call-without-card' }).state);
    const tap = transition(tiles, { type: 'choose-need', need: 'elderly-care' });
    expect(tap.effects).toContainEqual({ type: 'start-timer', timer: 'settle', ms: SETTLE_MS });
    const second = transition(tap.state, { type: 'answer-disability', disability: true });
    expect(second.state.screen).toBe('disability');
    expect(second.effects).toEqual([]);
  });

  it('tiles left alone: the spoken notice, then home with everything forgotten', () => {
    const tiles = run(consented, { type: 'timer', timer: 'idle' });
    expect(tiles.state).toMatchObject({ screen: 'need', idleNotice: true });
    expect(tiles.effects).toEqual([{ type: 'start-timer', timer: 'idle', ms: IDLE_NOTICE_MS }]);
    const back = run(tiles.state, { type: 'still-here' });
    expect(back.state.idleNotice).toBe(false);
    expect(back.effects).toContainEqual({ type: 'start-timer', timer: 'idle', ms: IDLE_MS });
    const gone = run(tiles.state, { type: 'timer', timer: 'idle' });
    expect(gone.state).toMatchObject({ screen: 'welcome', card: null, need: null, consented: false });
    expect(withoutTimers(gone.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('a card placed on the tiles of a visit without one greets its holder; after consent it changes nothing', () => {
    const noCard = run(online, { type: 'call-without-card' }).state;
    expect(run(noCard, { type: 'card-placed', card }).state).toMatchObject({ screen: 'greeting', card });
    const afterConsent = run(consented, { type: 'card-removed' }, { type: 'card-placed', card }).state;
    expect(afterConsent).toMatchObject({ screen: 'need', consented: true });
  });
});

describe('the appointment due now (issue 11 #8)', () => {
  it('after consent the card is checked in; an appointment due shows instead of the tiles and asks for its ticket', () => {
    const consent = run(online, { type: 'card-placed', card }, { type: 'confirm-identity' });
    const asked = run(consent.state, { type: 'consent', agree: true });
    expect(withoutTimers(asked.effects)).toEqual([{ type: 'check-appointment' }]);
    expect(asked.state).toMatchObject({ screen: 'need', checkingAppointment: true });
    const found = run(asked.state, { type: 'appointment-checked', appointment: due });
    expect(found.state).toMatchObject({ screen: 'appointment-found', appointment: due });
    const ticket = run(found.state, { type: 'appointment-continue' }, ready);
    expect(ticket.state.screen).toBe('requesting');
    // No tile and no disability question: the appointment says what it is for and goes ahead.
    expect(withoutTimers(ticket.effects)).toEqual([
      { type: 'check-readiness' },
      { type: 'request-ticket', request: { identity: 'pending', appointmentId: 'ap1' } },
    ]);
  });

  it('declining consent or calling without a card checks nothing', () => {
    const declined = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: false },
    );
    expect(withoutTimers(declined.effects)).toEqual([{ type: 'wipe' }]);
    expect(declined.state.checkingAppointment).toBe(false);
    expect(run(online, { type: 'call-without-card' }).state.checkingAppointment).toBe(false);
  });

  it('no appointment leaves the tiles; an answer after the ticket was asked for changes nothing', () => {
    const none = run(consented, { type: 'appointment-checked', appointment: null });
    expect(none.state).toMatchObject({ screen: 'need', checkingAppointment: false, appointment: null });
    const requesting = run(
      consented,
      { type: 'choose-need', need: 'unsure' },
      {
        type: 'answer-disability',
        disability: false,
      },
      ready,
    ).state;
    const late = run(requesting, { type: 'appointment-checked', appointment: due });
    expect(late.state).toMatchObject({ screen: 'requesting', appointment: null });
  });

  it('the appointment can be set aside for another matter: back to the tiles', () => {
    const found = run(consented, { type: 'appointment-checked', appointment: due }).state;
    const other = run(found, { type: 'appointment-other' });
    expect(other.state).toMatchObject({ screen: 'need', appointment: null });
  });

  it('booking opens from the tiles only with a consented card, and closing it returns to the tiles', () => {
    const booking = run(consented, { type: 'open-booking' });
    expect(booking.state.screen).toBe('appointment-book');
    expect(run(booking.state, { type: 'booking-closed' }).state.screen).toBe('need');
    const noCard = run(online, { type: 'call-without-card' }, { type: 'open-booking' });
    expect(noCard.state.screen).toBe('need');
  });

  it("a tap inside the booking restarts the screen's privacy timer", () => {
    const booking = run(consented, { type: 'open-booking' }).state;
    expect(run(booking, { type: 'booking-activity' }).effects).toEqual([
      { type: 'start-timer', timer: 'idle', ms: IDLE_MS },
    ]);
    expect(run(consented, { type: 'booking-activity' }).effects).toEqual([]);
  });
});
