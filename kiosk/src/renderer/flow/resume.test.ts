import { describe, expect, it } from 'vitest';
import type { KioskState } from '@rvw/shared';
import { card, kiosk, online, opened, position, run, withoutTimers, needAsked } from './test-fixtures';

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
  it('ends a call the server no longer has (on to the rating), and forgets a vanished ticket', () => {
    const c = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
    );
    expect(
      run(c.state, { type: 'server-state', state: { ...base, ticket: null, session: null } }).state.screen,
    ).toBe('rating');
    const w = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    });
    const gone = run(w.state, { type: 'server-state', state: { ...base, ticket: null, session: null } });
    expect(gone.state.screen).toBe('welcome');
    expect(withoutTimers(gone.effects)).toEqual([{ type: 'wipe' }]);
  });
  it('a call the server put back in the queue while the kiosk was away shows the resident still in line (issue 8 #6)', () => {
    const c = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
    );
    const back = run(c.state, {
      type: 'server-state',
      state: { ...base, ticket: position('waiting', 1), session: null },
    });
    expect(back.state).toMatchObject({ screen: 'waiting', endedBy: 'system', session: null });
  });
  it('leaves an idle kiosk alone', () => {
    const g = run(online, { type: 'card-placed', card });
    expect(
      run(g.state, { type: 'server-state', state: { ...base, ticket: null, session: null } }).state.screen,
    ).toBe('greeting');
  });
});
