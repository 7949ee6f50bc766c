import { describe, expect, it } from 'vitest';
import {
  CARD_REMINDER_MS,
  IDLE_MS,
  IDLE_NOTICE_MS,
  initialFlow,
  SLOW_REQUEST_MS,
  transition,
} from './machine';
import type { FlowEvent, FlowState } from './machine';
import { card, online, opened, position, rated, run, settled, needAsked } from './test-fixtures';

const kioskState = {
  kiosk: { id: 'k1', name: 'k', location: 'l', centreId: 'main', kind: 'fixed' as const },
  ticket: null,
  session: null,
};

describe('every return to welcome forgets the resident, in one place (issue 8 #10)', () => {
  const english = (state: FlowState) => run(state, { type: 'set-locale', locale: 'en' }).state;
  const greeting = english(run(online, { type: 'card-placed', card }).state);
  const consent = run(greeting, { type: 'confirm-identity' }).state;
  const waiting = english(
    run(online, { type: 'call-without-card' }, ...needAsked, { type: 'ticket-issued', position: position() })
      .state,
  );
  const thanks = english(
    run(
      waiting,
      { type: 'session-opened', opened: opened() },
      { type: 'session-ended', sessionId: 's1', endedBy: 'agent' },
      rated,
    ).state,
  );
  const problem = english(
    run(online, { type: 'call-without-card' }, ...needAsked, { type: 'ticket-failed', code: 'X' }).state,
  );
  const ways: Array<[string, FlowState, FlowEvent]> = [
    ['this is not me', greeting, { type: 'not-me' }],
    ['card taken away on greeting', greeting, { type: 'card-removed' }],
    ['card taken away on consent', consent, { type: 'card-removed' }],
    ['cancel while waiting', waiting, { type: 'cancel-ticket' }],
    [
      'ticket cancelled by the centre',
      waiting,
      { type: 'ticket-update', position: position('cancelled', 0) },
    ],
    ['ticket gone on reconnect', waiting, { type: 'server-state', state: kioskState }],
    ['done on thanks', thanks, { type: 'thanks-done' }],
    ['thanks timer', thanks, { type: 'timer', timer: 'thanks' }],
    ['back from a problem', problem, { type: 'back' }],
    ['reset', greeting, { type: 'reset' }],
  ];
  it.each(ways)('%s: language, card, consent and ticket are all reset', (_name, from, event) => {
    const r = run(from, event);
    expect(r.state.screen).toBe('welcome');
    expect(r.state.locale).toBeNull();
    expect(r.state).toMatchObject({
      card: null,
      consented: false,
      ticket: null,
      session: null,
      visitHadCard: false,
      identityShared: null,
    });
    expect(r.effects).toContainEqual({ type: 'wipe' });
  });

  it("a language chosen on welcome stays for that resident's card; a card after a visit starts afresh", () => {
    const chosen = english(online);
    expect(run(chosen, { type: 'card-placed', card }).state.locale).toBe('en');
    expect(run(thanks, { type: 'card-placed', card }).state.locale).toBeNull();
  });

  it('keeps what belongs to the kiosk: reader, server link, a card on the reader', () => {
    const up = run(greeting, { type: 'server-status', connected: true }).state;
    const r = run(up, { type: 'not-me' });
    expect(r.state).toMatchObject({ reader: { state: 'online' }, server: 'up', cardOnReader: true });
    expect(initialFlow.locale).toBeNull();
  });
});

describe('hanging up asks once (issue 8 #7)', () => {
  const call = run(online, { type: 'call-without-card' }, ...needAsked, {
    type: 'session-opened',
    opened: opened(),
  }).state;

  it('the hang-up button only asks; "keep talking" goes back to the call', () => {
    const asked = run(call, { type: 'ask-hang-up' });
    expect(asked.state).toMatchObject({ screen: 'call', confirmHangUp: true });
    expect(asked.effects).toEqual([]);
    expect(run(asked.state, { type: 'ask-hang-up' }).effects).toEqual([]);
    expect(run(asked.state, { type: 'keep-call' }).state).toMatchObject({
      screen: 'call',
      confirmHangUp: false,
    });
  });

  it('"end the call" ends it; the question goes with the call screen', () => {
    const asked = run(call, { type: 'ask-hang-up' }).state;
    const ended = run(asked, { type: 'hang-up' });
    expect(ended.state).toMatchObject({ screen: 'rating', confirmHangUp: false });
    expect(ended.effects).toContainEqual({ type: 'end-session', sessionId: 's1' });
    const byAgent = run(asked, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
    expect(byAgent.state.confirmHangUp).toBe(false);
  });
});

describe('a name left on screen is cleared after a spoken notice (issue 8 #14)', () => {
  const greeting = run(online, { type: 'card-placed', card });

  it('greeting and consent start the idle timer', () => {
    expect(greeting.effects).toContainEqual({ type: 'start-timer', timer: 'idle', ms: IDLE_MS });
    expect(run(greeting.state, { type: 'confirm-identity' }).effects).toContainEqual({
      type: 'start-timer',
      timer: 'idle',
      ms: IDLE_MS,
    });
  });

  it('idle: a notice first, then home; "still here" gives the time back', () => {
    const notice = run(greeting.state, { type: 'timer', timer: 'idle' });
    expect(notice.state).toMatchObject({ screen: 'greeting', idleNotice: true });
    expect(notice.effects).toEqual([{ type: 'start-timer', timer: 'idle', ms: IDLE_NOTICE_MS }]);
    const gone = run(notice.state, { type: 'timer', timer: 'idle' });
    expect(gone.state).toMatchObject({ screen: 'welcome', card: null });
    expect(gone.effects).toContainEqual({ type: 'wipe' });
    const back = run(notice.state, { type: 'still-here' });
    expect(back.state).toMatchObject({ screen: 'greeting', idleNotice: false });
    expect(back.effects).toContainEqual({ type: 'start-timer', timer: 'idle', ms: IDLE_MS });
    // The tap on the notice does not also answer the screen behind it.
    expect(transition(back.state, { type: 'confirm-identity' }).state.screen).toBe('greeting');
  });
});

describe('a card left on the reader after the visit is asked for again and again (issue 8 #14)', () => {
  const call = run(
    online,
    { type: 'card-placed', card },
    { type: 'confirm-identity' },
    { type: 'consent', agree: true },
    ...needAsked,
    { type: 'ticket-issued', position: position() },
    { type: 'session-opened', opened: opened() },
  ).state;

  it('reminds every CARD_REMINDER_MS on thanks and on welcome until the card is taken', () => {
    const thanks = run(call, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }, rated);
    expect(thanks.effects).toContainEqual({
      type: 'start-timer',
      timer: 'card-reminder',
      ms: CARD_REMINDER_MS,
    });
    const once = run(thanks.state, { type: 'timer', timer: 'card-reminder' });
    expect(once.state.cardReminders).toBe(1);
    expect(once.effects).toEqual([{ type: 'start-timer', timer: 'card-reminder', ms: CARD_REMINDER_MS }]);
    // Going home does not stop it while the card is there.
    const home = run(once.state, { type: 'timer', timer: 'thanks' });
    expect(home.state).toMatchObject({ screen: 'welcome', cardOnReader: true });
    expect(home.effects).not.toContainEqual({ type: 'cancel-timer', timer: 'card-reminder' });
    expect(run(home.state, { type: 'timer', timer: 'card-reminder' }).state.cardReminders).toBe(
      home.state.cardReminders + 1,
    );
    const taken = run(home.state, { type: 'card-removed' });
    expect(taken.effects).toContainEqual({ type: 'cancel-timer', timer: 'card-reminder' });
    expect(taken.state).toMatchObject({ cardOnReader: false, cardReminders: 0 });
  });

  it('a resident who came without a card is not reminded', () => {
    const noCard = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'session-opened', opened: opened() },
      { type: 'session-ended', sessionId: 's1', endedBy: 'agent' },
      rated,
    );
    expect(noCard.state).toMatchObject({ screen: 'thanks', visitHadCard: false });
    expect(noCard.effects).not.toContainEqual(expect.objectContaining({ timer: 'card-reminder' }));
  });
});

describe('a slow ticket request can be cancelled (issue 8 #9)', () => {
  const requesting = run(online, { type: 'call-without-card' }, ...needAsked);

  it('says so after SLOW_REQUEST_MS and offers cancel; a ticket that arrives after cancel is given back', () => {
    expect(requesting.effects).toContainEqual({
      type: 'start-timer',
      timer: 'slow-request',
      ms: SLOW_REQUEST_MS,
    });
    expect(run(requesting.state, { type: 'cancel-request' }).state.screen).toBe('requesting');
    const slow = run(requesting.state, { type: 'timer', timer: 'slow-request' }).state;
    expect(slow.slowRequest).toBe(true);
    const cancelled = run(slow, { type: 'cancel-request' });
    expect(cancelled.state.screen).toBe('welcome');
    const late = run(settled(cancelled.state), { type: 'ticket-issued', position: position() });
    expect(late.state.screen).toBe('welcome');
    expect(late.effects).toEqual([{ type: 'cancel-ticket', ticketId: 't1' }]);
  });

  it('records the server link for the welcome screen', () => {
    expect(run(online, { type: 'server-status', connected: false }).state.server).toBe('down');
    expect(run(online, { type: 'server-status', connected: true }).state.server).toBe('up');
    expect(run(online, { type: 'server-status', connected: false, restarting: true }).state.server).toBe(
      'restarting',
    );
  });
});
