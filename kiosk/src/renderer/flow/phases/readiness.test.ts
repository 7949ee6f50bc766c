import { describe, expect, it } from 'vitest';
import { dueAppointment } from '../../test-routing-states';
import { NO_VIDEO_MS, PREPARING_QUIET_MS, SETTLE_MS, transition } from '../machine';
import { card, online, readiness, ready, run, settled, withoutTimers } from '../test-fixtures';

const tiles = run(online, { type: 'call-without-card' }).state;
const question = run(tiles, { type: 'choose-need', need: 'medical-insurance' }).state;
const preparing = run(question, { type: 'answer-disability', disability: true });
const consentedCard = run(
  online,
  { type: 'card-placed', card },
  { type: 'confirm-identity' },
  { type: 'consent', agree: true },
).state;

describe('the readiness phase: a call is offered only when it can be held (issue 12 #4)', () => {
  it('the answer checks readiness first, on a quiet screen, holding the ticket request', () => {
    expect(preparing.state).toMatchObject({
      screen: 'preparing',
      preparingSlow: false,
      pendingTicket: { identity: 'none', need: 'medical-insurance', disability: true },
    });
    expect(withoutTimers(preparing.effects)).toEqual([{ type: 'check-readiness' }]);
    expect(preparing.effects).toContainEqual({
      type: 'start-timer',
      timer: 'preparing-slow',
      ms: PREPARING_QUIET_MS,
    });
  });

  it('says "getting ready" only when the check takes longer than the quiet moment', () => {
    const slow = run(preparing.state, { type: 'timer', timer: 'preparing-slow' });
    expect(slow.state).toMatchObject({ screen: 'preparing', preparingSlow: true });
    // The same timer on another screen changes nothing.
    expect(run(question, { type: 'timer', timer: 'preparing-slow' }).state).toEqual(question);
  });

  it('a kiosk that can call asks for the ticket that was held', () => {
    const r = run(preparing.state, ready);
    expect(r.state).toMatchObject({ screen: 'requesting', pendingTicket: null, preparingSlow: false });
    expect(withoutTimers(r.effects)).toEqual([
      { type: 'request-ticket', request: { identity: 'none', need: 'medical-insurance', disability: true } },
    ]);
    expect(r.effects).toContainEqual({ type: 'cancel-timer', timer: 'preparing-slow' });
  });

  it('a kiosk that cannot call never asks for a ticket: the calm screen, and one way back that wipes', () => {
    const r = run(preparing.state, { type: 'readiness-checked', readiness: readiness(false) });
    expect(r.state).toMatchObject({ screen: 'no-video', pendingTicket: null });
    expect(r.effects.some((e) => e.type === 'request-ticket')).toBe(false);
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'no-video-home', ms: NO_VIDEO_MS });
    const back = run(r.state, { type: 'no-video-done' });
    expect(back.state).toMatchObject({ screen: 'welcome', need: null, disability: null, card: null });
    expect(withoutTimers(back.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('the calm screen left alone goes home by itself, wiping; a new card greets the next resident', () => {
    const noVideo = run(preparing.state, { type: 'readiness-checked', readiness: readiness(false) }).state;
    const gone = run(noVideo, { type: 'timer', timer: 'no-video-home' });
    expect(gone.state.screen).toBe('welcome');
    expect(withoutTimers(gone.effects)).toEqual([{ type: 'wipe' }]);
    expect(run(noVideo, { type: 'card-placed', card }).state).toMatchObject({ screen: 'greeting', card });
  });

  it('with a consented card, the card data goes with the calm screen', () => {
    const r = run(
      consentedCard,
      { type: 'choose-need', need: 'unsure' },
      { type: 'answer-disability', disability: false },
      { type: 'readiness-checked', readiness: readiness(false) },
      { type: 'no-video-done' },
    );
    expect(r.state).toMatchObject({ screen: 'welcome', card: null, consented: false });
    expect(r.effects.some((e) => e.type === 'share-identity' || e.type === 'request-ticket')).toBe(false);
    expect(withoutTimers(r.effects).at(-1)).toEqual({ type: 'wipe' });
  });

  it('a check that fails (no answer from the host) is the server out of reach: the problem screen', () => {
    const r = run(preparing.state, { type: 'readiness-failed', code: 'SERVER_UNREACHABLE' });
    expect(r.state).toMatchObject({ screen: 'problem', problem: 'server', pendingTicket: null });
    expect(r.effects.some((e) => e.type === 'request-ticket')).toBe(false);
    expect(run(r.state, { type: 'back' }).state.screen).toBe('welcome');
  });

  it('an appointment due now is checked the same way before its ticket', () => {
    const found = run(consentedCard, { type: 'appointment-checked', appointment: dueAppointment }).state;
    const r = run(found, { type: 'appointment-continue' });
    expect(r.state).toMatchObject({ screen: 'preparing', pendingTicket: { appointmentId: 'ap1' } });
    expect(withoutTimers(run(r.state, ready).effects)).toEqual([
      { type: 'request-ticket', request: { identity: 'pending', appointmentId: 'ap1' } },
    ]);
    const refused = run(r.state, { type: 'readiness-checked', readiness: readiness(false) });
    expect(refused.state.screen).toBe('no-video');
  });

  it('a verdict that arrives on another screen changes nothing', () => {
    expect(run(question, ready).state).toEqual(question);
    expect(run(tiles, { type: 'readiness-failed', code: 'SERVER_UNREACHABLE' }).state).toEqual(tiles);
    const requesting = run(preparing.state, ready).state;
    expect(run(requesting, ready).effects).toEqual([]);
  });

  it('the second half of a double tap on the question does not press "back to the start"', () => {
    const noVideo = transition(preparing.state, { type: 'readiness-checked', readiness: readiness(false) });
    expect(noVideo.effects).toContainEqual({ type: 'start-timer', timer: 'settle', ms: SETTLE_MS });
    const tap = transition(noVideo.state, { type: 'no-video-done' });
    expect(tap.state.screen).toBe('no-video');
    expect(run(settled(noVideo.state), { type: 'no-video-done' }).state.screen).toBe('welcome');
  });
});
