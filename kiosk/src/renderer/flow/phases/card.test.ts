import { describe, expect, it } from 'vitest';
import { card, online, position, run, withoutTimers, needAsked, askedFor } from '../test-fixtures';
import type { FlowState } from '../machine';

describe('the card phase', () => {
  it('declining consent wipes the card at once and requests a ticket without identity', () => {
    const r = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: false },
      ...needAsked,
    );
    expect(r.state).toMatchObject({ screen: 'requesting', card: null, consented: false });
    expect(withoutTimers(r.effects)).toEqual([
      { type: 'wipe' },
      { type: 'check-readiness' },
      askedFor('declined'),
    ]);
    const issued = run(r.state, { type: 'ticket-issued', position: position() });
    expect(withoutTimers(issued.effects)).toEqual([]);
    expect(issued.state.screen).toBe('waiting');
  });

  it('"not me" wipes and returns to welcome', () => {
    const r = run(online, { type: 'card-placed', card }, { type: 'not-me' });
    expect(r.state.screen).toBe('welcome');
    expect(r.state.card).toBeNull();
    expect(withoutTimers(r.effects)).toEqual([{ type: 'wipe' }]);
  });

  it('calling without a card never shares identity', () => {
    const r = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    });
    expect(r.state).toMatchObject({ screen: 'waiting', consented: false });
    expect(withoutTimers(r.effects)).toEqual([
      { type: 'wipe' },
      { type: 'check-readiness' },
      askedFor('none'),
    ]);
  });

  it('removing the card while idle wipes; removing it while waiting does not interrupt', () => {
    const idle = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'card-removed' },
    );
    expect(idle.state.screen).toBe('welcome');
    expect(withoutTimers(idle.effects)).toEqual([{ type: 'wipe' }]);
    const waiting = run(
      online,
      { type: 'card-placed', card },
      { type: 'confirm-identity' },
      { type: 'consent', agree: true },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'card-removed' },
    );
    expect(waiting.state.screen).toBe('waiting');
    expect(waiting.effects).not.toContainEqual({ type: 'wipe' });
  });

  it('a new card during a ticket is ignored; during the thank-you screen it starts over', () => {
    const w = run(online, { type: 'call-without-card' }, ...needAsked, {
      type: 'ticket-issued',
      position: position(),
    });
    expect(run(w.state, { type: 'card-placed', card }).state.screen).toBe('waiting');
    const thanks: FlowState = { ...w.state, screen: 'thanks' };
    expect(run(thanks, { type: 'card-placed', card }).state).toMatchObject({
      screen: 'greeting',
      card,
      ticket: null,
    });
  });
});
