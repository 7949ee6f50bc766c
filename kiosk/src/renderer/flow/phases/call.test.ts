import { describe, expect, it } from 'vitest';
import { THANKS_MS } from '../machine';
import {
  homeAfterVisit,
  online,
  opened,
  position,
  rated,
  run,
  withoutTimers,
  needAsked,
} from '../test-fixtures';

describe('the call phase', () => {
  it('hanging up ends the session and asks for the rating', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
      { type: 'hang-up' },
    );
    expect(r.state).toMatchObject({ screen: 'rating', endedBy: 'kiosk' });
    expect(r.effects).toContainEqual({ type: 'end-session', sessionId: 's1' });
    // The server's echo of our own hang-up changes nothing.
    expect(run(r.state, { type: 'session-ended', sessionId: 's1', endedBy: 'kiosk' }).state.screen).toBe(
      'rating',
    );
  });

  it('the thank-you screen asks for its timer, and goes home when it fires', () => {
    const call = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
    );
    const thanks = run(call.state, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' }, rated);
    expect(thanks.effects).toContainEqual({ type: 'start-timer', timer: 'thanks', ms: THANKS_MS });
    const back = run(thanks.state, { type: 'timer', timer: 'thanks' });
    expect(back.state).toEqual(homeAfterVisit);
    expect(withoutTimers(back.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('a second session replaces the one on screen; the same one again changes nothing', () => {
    const call = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'session-opened',
      opened: opened(),
    });
    expect(call.state.session?.session.id).toBe('s1');
    expect(run(call.state, { type: 'session-opened', opened: opened() }).state).toBe(call.state);
    expect(run(call.state, { type: 'session-opened', opened: opened('s2') }).state.session?.session.id).toBe(
      's2',
    );
  });

  it('a call the system ended (nobody chose to) keeps the resident in line, at the front, not thanked (issue 8 #6)', () => {
    const call = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'ticket-update', position: position('serving', 0) },
      { type: 'session-opened', opened: opened() },
    );
    {
      const r = run(call.state, { type: 'session-ended', sessionId: 's1', endedBy: 'system' });
      expect(r.state).toMatchObject({ screen: 'waiting', endedBy: 'system', session: null });
      expect(r.state.ticket).toMatchObject({ ticket: { id: 't1', status: 'waiting' }, position: 1 });
      expect(withoutTimers(r.effects)).toEqual([]);
      // The server's push of the requeued ticket lands on it; a new session takes the resident back in.
      const update = run(r.state, { type: 'ticket-update', position: position('waiting', 1) });
      expect(update.state).toMatchObject({ screen: 'waiting', ticket: { position: 1 } });
      const again = run(update.state, { type: 'session-opened', opened: opened('s2') });
      expect(again.state).toMatchObject({ screen: 'call', endedBy: null });
    }
  });

  it('a call resumed after a reload, ended by the system, still keeps the place (ticket from the session)', () => {
    const resumed = run(online, {
      type: 'server-state',
      state: { kiosk: opened().session.kiosk, ticket: null, session: opened() },
    });
    expect(resumed.state.screen).toBe('call');
    expect(resumed.state.ticket).toBeNull();
    const r = run(resumed.state, { type: 'session-ended', sessionId: 's1', endedBy: 'system' });
    expect(r.state).toMatchObject({
      screen: 'waiting',
      ticket: { ticket: { id: 't1', number: 'A007', status: 'waiting' }, position: 1 },
    });
  });
});
