import { describe, expect, it } from 'vitest';
import { online, opened, position, run, withoutTimers, needAsked } from '../test-fixtures';

describe('the queue phase', () => {
  it('cancel from waiting cancels the ticket and wipes', () => {
    const r = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'cancel-ticket' },
    );
    expect(r.state.screen).toBe('welcome');
    expect(withoutTimers(r.effects).slice(-2)).toEqual([
      { type: 'cancel-ticket', ticketId: 't1' },
      { type: 'wipe' },
    ]);
  });

  it('ignores updates for other tickets and ends of other sessions', () => {
    const w = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    });
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
    const w = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    });
    const r = run(w.state, { type: 'ticket-update', position: position('cancelled', 0) });
    expect(r.state.screen).toBe('welcome');
    expect(withoutTimers(r.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('shows a problem when no ticket can be had, and reset goes home', () => {
    const r = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-failed',
      code: 'SERVER_UNREACHABLE',
    });
    expect(r.state).toMatchObject({ screen: 'problem', problem: 'server' });
    expect(run(r.state, { type: 'reset' }).state.screen).toBe('welcome');
  });
});
