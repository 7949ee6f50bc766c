import { describe, expect, it } from 'vitest';
import { THANKS_MS } from '../machine';
import { homeAfterVisit, online, opened, position, run, withoutTimers } from '../test-fixtures';

describe('the call phase', () => {
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

  it('the thank-you screen asks for its timer, and goes home when it fires', () => {
    const call = run(
      online,
      { type: 'call-without-card' },
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
    );
    const thanks = run(call.state, { type: 'session-ended', sessionId: 's1', endedBy: 'agent' });
    expect(thanks.effects).toContainEqual({ type: 'start-timer', timer: 'thanks', ms: THANKS_MS });
    const back = run(thanks.state, { type: 'timer', timer: 'thanks' });
    expect(back.state).toEqual(homeAfterVisit);
    expect(withoutTimers(back.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('a second session replaces the one on screen; the same one again changes nothing', () => {
    const call = run(online, { type: 'call-without-card' }, { type: 'session-opened', opened: opened() });
    expect(call.state.session?.session.id).toBe('s1');
    expect(run(call.state, { type: 'session-opened', opened: opened() }).state).toBe(call.state);
    expect(run(call.state, { type: 'session-opened', opened: opened('s2') }).state.session?.session.id).toBe(
      's2',
    );
  });
});
