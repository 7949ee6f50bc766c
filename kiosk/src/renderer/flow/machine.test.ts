import { describe, expect, it } from 'vitest';
import type { CardSummary, KioskState, SessionOpened, TicketPosition } from '@rvw/shared';
import { initialFlow, transition } from './machine';
import type { FlowEvent, FlowState } from './machine';

const card: CardSummary = {
  cardType: 'resident',
  name: '李秀英',
  familyName: '李',
  gender: 'female',
  age: 76,
  idNumberMasked: '310***********0021',
};
const kiosk = { id: 'k1', name: '静安寺街道 1 号机', location: '愚园路居委会' };
function position(
  status: 'waiting' | 'serving' | 'cancelled' = 'waiting',
  pos = 3,
  id = 't1',
): TicketPosition {
  return {
    ticket: {
      id,
      number: 'A007',
      kioskId: 'k1',
      status,
      createdAt: '2026-01-01T00:00:00Z',
      hasIdentity: false,
    },
    position: pos,
    waiting: 5,
  };
}
function opened(id = 's1'): SessionOpened {
  return {
    session: {
      id,
      ticketId: 't1',
      ticketNumber: 'A007',
      kiosk,
      agent: { id: 'a1', displayName: '王芳' },
      startedAt: '2026-01-01T00:01:00Z',
      endedAt: null,
      endedBy: null,
    },
    iceServers: [],
    initiator: false,
  };
}
const online: FlowState = { ...initialFlow, reader: { state: 'online' } };

function run(state: FlowState, ...events: FlowEvent[]) {
  const effects: unknown[] = [];
  for (const e of events) {
    const step = transition(state, e);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

describe('the resident journey', () => {
  it('card -> confirm -> consent -> ticket -> identity shared -> call -> thanks -> welcome, wiping at the end', () => {
    const r = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: true },
      { type: 'ticket-issued', position: position() },
      { type: 'identity-shared', ok: true },
      { type: 'ticket-update', position: position('waiting', 1) },
    );
    expect(r.state).toMatchObject({ screen: 'waiting', consented: true, identityShared: true, card });
    expect(r.state.ticket?.position).toBe(1);
    expect(r.effects).toEqual([{ type: 'request-ticket' }, { type: 'share-identity', ticketId: 't1' }]);

    const call = run(r.state, { type: 'session-opened', opened: opened() });
    expect(call.state.screen).toBe('call');
    const ended = run(call.state, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
    expect(ended.state).toMatchObject({ screen: 'thanks', endedBy: 'agent' });
    expect(ended.effects).toEqual([]);
    const back = run(ended.state, { type: 'thanks-done' });
    expect(back.state).toEqual({ ...initialFlow, reader: { state: 'online' } });
    expect(back.effects).toEqual([{ type: 'wipe' }]);
  });

  it('declining consent wipes the card at once and requests a ticket without identity', () => {
    const r = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: false },
    );
    expect(r.state).toMatchObject({ screen: 'requesting', card: null, consented: false });
    expect(r.effects).toEqual([{ type: 'wipe' }, { type: 'request-ticket' }]);
    const issued = run(r.state, { type: 'ticket-issued', position: position() });
    expect(issued.effects).toEqual([]);
    expect(issued.state.screen).toBe('waiting');
  });

  it('"not me" wipes and returns to welcome', () => {
    const r = run(online, { type: 'card-placed', card }, { type: 'not-me' });
    expect(r.state.screen).toBe('welcome');
    expect(r.state.card).toBeNull();
    expect(r.effects).toEqual([{ type: 'wipe' }]);
  });

  it('calling without a card never shares identity', () => {
    const r = run(online, { type: 'call-without-card' }, { type: 'ticket-issued', position: position() });
    expect(r.state).toMatchObject({ screen: 'waiting', consented: false });
    expect(r.effects).toEqual([{ type: 'wipe' }, { type: 'request-ticket' }]);
  });

  it('removing the card while idle wipes; removing it while waiting does not interrupt', () => {
    const idle = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'card-removed' },
    );
    expect(idle.state.screen).toBe('welcome');
    expect(idle.effects).toEqual([{ type: 'wipe' }]);
    const waiting = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: true },
      { type: 'ticket-issued', position: position() },
      { type: 'card-removed' },
    );
    expect(waiting.state.screen).toBe('waiting');
    expect(waiting.effects).not.toContainEqual({ type: 'wipe' });
  });

  it('a new card during a ticket is ignored; during the thank-you screen it starts over', () => {
    const w = run(online, { type: 'call-without-card' }, { type: 'ticket-issued', position: position() });
    expect(run(w.state, { type: 'card-placed', card }).state.screen).toBe('waiting');
    const thanks: FlowState = { ...w.state, screen: 'thanks' };
    expect(run(thanks, { type: 'card-placed', card }).state).toMatchObject({
      screen: 'greeting',
      card,
      ticket: null,
    });
  });

  it('cancel from waiting cancels the ticket and wipes', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      { type: 'ticket-issued', position: position() },
      { type: 'cancel-ticket' },
    );
    expect(r.state.screen).toBe('welcome');
    expect(r.effects.slice(-2)).toEqual([{ type: 'cancel-ticket', ticketId: 't1' }, { type: 'wipe' }]);
  });

  it('hanging up ends the session and thanks the resident', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
      { type: 'hang-up' },
    );
    expect(r.state).toMatchObject({ screen: 'thanks', endedBy: 'kiosk' });
    expect(r.effects).toContainEqual({ type: 'end-session', sessionId: 's1' });
    // The server's echo of our own hang-up changes nothing.
    expect(run(r.state, { type: 'session-ended', sessionId: 's1', endedBy: 'kiosk' }).state.screen).toBe(
      'thanks',
    );
  });

  it('ignores updates for other tickets and ends of other sessions', () => {
    const w = run(online, { type: 'call-without-card' }, { type: 'ticket-issued', position: position() });
    expect(
      run(w.state, { type: 'ticket-update', position: position('waiting', 1, 'other') }).state.ticket
        ?.position,
    ).toBe(3);
    const c = run(w.state, { type: 'session-opened', opened: opened() });
    expect(run(c.state, { type: 'session-ended', sessionId: 'other', endedBy: 'agent' }).state.screen).toBe(
      'call',
    );
  });

  it('a ticket cancelled by the centre returns to welcome and wipes', () => {
    const w = run(online, { type: 'call-without-card' }, { type: 'ticket-issued', position: position() });
    const r = run(w.state, { type: 'ticket-update', position: position('cancelled', 0) });
    expect(r.state.screen).toBe('welcome');
    expect(r.effects).toEqual([{ type: 'wipe' }]);
  });

  it('shows a problem when no ticket can be had, and reset goes home', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      { type: 'ticket-failed', code: 'SERVER_UNREACHABLE' },
    );
    expect(r.state).toMatchObject({ screen: 'problem', problem: 'server' });
    expect(run(r.state, { type: 'reset' }).state.screen).toBe('welcome');
  });

  it('keeps the reader status across every screen and does not move on a status change', () => {
    const r = run(initialFlow, { type: 'reader-status', status: { state: 'fault', reason: 'SAM' } });
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
    expect(run(online, { type: 'consent', agree: true }).effects).toEqual([]);
    expect(run(online, { type: 'hang-up' }).effects).toEqual([]);
    expect(run(online, { type: 'ticket-issued', position: position() }).state.screen).toBe('welcome');
  });
});

describe('resuming from the server state', () => {
  const base: Omit<KioskState, 'ticket' | 'session'> = { kiosk };
  it('resumes a waiting ticket', () => {
    const r = run(online, { type: 'server-state', state: { ...base, ticket: position(), session: null } });
    expect(r.state).toMatchObject({ screen: 'waiting', ticket: { ticket: { number: 'A007' } } });
  });
  it('resumes an open session', () => {
    const r = run(online, {
      type: 'server-state',
      state: { ...base, ticket: position('serving', 0), session: opened() },
    });
    expect(r.state.screen).toBe('call');
    expect(r.state.session?.session.id).toBe('s1');
  });
  it('closes a call the server no longer has, and forgets a vanished ticket', () => {
    const c = run(
      online,
      { type: 'call-without-card' },
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
    );
    expect(
      run(c.state, { type: 'server-state', state: { ...base, ticket: null, session: null } }).state.screen,
    ).toBe('thanks');
    const w = run(online, { type: 'call-without-card' }, { type: 'ticket-issued', position: position() });
    const gone = run(w.state, { type: 'server-state', state: { ...base, ticket: null, session: null } });
    expect(gone.state.screen).toBe('welcome');
    expect(gone.effects).toEqual([{ type: 'wipe' }]);
  });
  it('leaves an idle kiosk alone', () => {
    const g = run(online, { type: 'card-placed', card });
    expect(
      run(g.state, { type: 'server-state', state: { ...base, ticket: null, session: null } }).state.screen,
    ).toBe('greeting');
  });
});
