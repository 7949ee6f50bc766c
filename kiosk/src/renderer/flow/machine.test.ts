import { describe, expect, it } from 'vitest';
import { IdCardErrorCode } from '@rvw/shared';
import { CARD_REMINDER_MS, initialFlow, RATE_IDLE_MS, SETTLE_MS, THANKS_MS, transition } from './machine';
import {
  askedFor,
  card,
  homeAfterVisit,
  online,
  opened,
  position,
  rated,
  run,
  settled as settledOn,
  withoutTimers,
  needAsked,
} from './test-fixtures';

describe('the resident journey', () => {
  it('card -> confirm -> consent -> ticket -> identity shared -> call -> rating -> thanks -> welcome, wiping at the end', () => {
    const r = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: true },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'identity-shared', ok: true },
      { type: 'ticket-update', position: position('waiting', 1) },
    );
    expect(r.state).toMatchObject({ screen: 'waiting', consented: true, identityShared: true, card });
    expect(r.state.ticket?.position).toBe(1);
    // A consented card is checked in against the appointments due now (none here: the tiles go on).
    expect(withoutTimers(r.effects)).toEqual([
      { type: 'check-appointment' },
      // Readiness is checked before the ticket is asked for (phases/readiness.ts).
      { type: 'check-readiness' },
      askedFor('pending'),
      { type: 'share-identity', ticketId: 't1' },
    ]);

    const call = run(r.state, { type: 'session-opened', opened: opened() });
    expect(call.state.screen).toBe('call');
    const ended = run(call.state, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
    expect(ended.state).toMatchObject({ screen: 'rating', endedBy: 'agent' });
    // Nothing to tell the server yet; the rating screen's calm idle timer and its settling start.
    expect(ended.effects).toEqual([
      { type: 'start-timer', timer: 'rate-idle', ms: RATE_IDLE_MS },
      { type: 'start-timer', timer: 'settle', ms: SETTLE_MS },
    ]);
    const thanks = run(ended.state, rated);
    expect(thanks.state).toMatchObject({ screen: 'thanks', endedBy: 'agent' });
    // The rating goes to the server; the thank-you screen's timers start (and the card reminder:
    // the card is still on the reader).
    expect(thanks.effects.filter((e) => e.type !== 'cancel-timer')).toEqual([
      {
        type: 'submit-rating',
        sessionId: 's1',
        rating: { rated: true, level: 'satisfied', reasons: [] },
      },
      { type: 'start-timer', timer: 'thanks', ms: THANKS_MS },
      { type: 'start-timer', timer: 'settle', ms: SETTLE_MS },
      { type: 'start-timer', timer: 'card-reminder', ms: CARD_REMINDER_MS },
    ]);
    const back = run(thanks.state, { type: 'thanks-done' });
    expect(back.state).toEqual({ ...homeAfterVisit, cardOnReader: true });
    expect(withoutTimers(back.effects)).toEqual([{ type: 'wipe' }]);
    expect(back.effects).toContainEqual({ type: 'cancel-timer', timer: 'thanks' });
  });

  it('keeps the reader status across every screen and does not move on a status change', () => {
    const r = run(initialFlow, {
      type: 'reader-status',
      status: { state: 'fault', reason: IdCardErrorCode.SamSelfTestFailed },
    });
    expect(r.state).toMatchObject({ screen: 'welcome', reader: { state: 'fault' } });
    const g = run(
      online,
      { type: 'card-placed', card },
      { type: 'reader-status', status: { state: 'offline' } },
    );
    expect(g.state.screen).toBe('greeting');
  });

  it('ignores taps that do not belong to the screen', () => {
    expect(run(online, { type: 'confirm-identity' }).state).toEqual(online);
    expect(run(online, { type: 'consent', agree: true }, ...needAsked).effects).toEqual([]);
    expect(run(online, { type: 'hang-up' }).effects).toEqual([]);
    expect(run(online, { type: 'ticket-issued', position: position() }).state.screen).toBe('welcome');
  });
});

describe('screen timers', () => {
  const inCall = run(
    online,
    { type: 'call-without-card' },
    ...needAsked,
    { type: 'ticket-issued', position: position() },
    { type: 'session-opened', opened: opened() },
  ).state;
  const thanks = run(inCall, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }, rated).state;

  it('starts the rating idle timer on every way out of a call someone chose to end, and the thanks timer after it', () => {
    const idle = { type: 'start-timer', timer: 'rate-idle', ms: RATE_IDLE_MS };
    const settle = { type: 'start-timer', timer: 'settle', ms: SETTLE_MS };
    expect(transition(inCall, { type: 'hang-up' }).effects).toEqual([
      { type: 'end-session', sessionId: 's1' },
      idle,
      settle,
    ]);
    expect(
      transition(inCall, {
        type: 'server-state',
        state: {
          kiosk: { id: 'k1', name: 'k', location: 'l', centreId: 'main', kind: 'fixed' as const },
          ticket: null,
          session: null,
        },
      }).effects,
    ).toEqual([idle, settle]);
    const rating = run(inCall, { type: 'hang-up' }).state;
    expect(transition(settledOn(rating), rated).effects).toContainEqual({
      type: 'start-timer',
      timer: 'thanks',
      ms: THANKS_MS,
    });
    expect(transition(settledOn(rating), rated).effects).toContainEqual({
      type: 'cancel-timer',
      timer: 'rate-idle',
    });
  });

  it('goes home and wipes when the thanks timer fires, without cancelling the timer that fired', () => {
    const r = transition(thanks, { type: 'timer', timer: 'thanks' });
    expect(r.state).toEqual(homeAfterVisit);
    expect(r.effects).not.toContainEqual({ type: 'cancel-timer', timer: 'thanks' });
    expect(withoutTimers(r.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('cancels the thanks timer when the thank-you screen goes another way', () => {
    const next = transition(thanks, { type: 'card-placed', card });
    expect(next.state.screen).toBe('greeting');
    expect(next.effects).toContainEqual({ type: 'cancel-timer', timer: 'thanks' });
    expect(transition(thanks, { type: 'reset' }).effects).toContainEqual({
      type: 'cancel-timer',
      timer: 'thanks',
    });
    expect(withoutTimers(transition(thanks, { type: 'reset' }).effects)).toEqual([{ type: 'wipe' }]);
  });

  it('ignores a thanks timer that fires on another screen', () => {
    expect(transition(online, { type: 'timer', timer: 'thanks' })).toEqual({ state: online, effects: [] });
    expect(transition(inCall, { type: 'timer', timer: 'thanks' }).state).toBe(inCall);
  });

  it('starts no timer when the screen does not change', () => {
    expect(transition(thanks, { type: 'session-ended', sessionId: 's1', endedBy: 'kiosk' }).effects).toEqual(
      [],
    );
  });
});
