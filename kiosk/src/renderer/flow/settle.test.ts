import { describe, expect, it } from 'vitest';
import { CONSENT_READ_MS, SETTLE_MS, takesTaps, transition } from './machine';
import type { FlowEvent, FlowState } from './machine';
import { card, needAsked, online, opened, position, rated, run, settled } from './test-fixtures';

/** Feeds events straight to the machine, as fast as a double tap: no time to read in between. */
function fast(state: FlowState, ...events: FlowEvent[]) {
  return events.reduce(
    (acc, event) => {
      const step = transition(acc.state, event);
      return { state: step.state, effects: [...acc.effects, ...step.effects] };
    },
    { state, effects: [] as ReturnType<typeof transition>['effects'] },
  );
}

describe('a screen takes no tap until it has settled (issue 8 #1, #2)', () => {
  const greeting = run(online, { type: 'card-placed', card }).state;

  it('a double tap on "this is me" lands on consent and sends nothing', () => {
    const r = fast(greeting, { type: 'confirm-identity' }, { type: 'consent', agree: true });
    expect(r.state.screen).toBe('consent');
    expect(r.state.consented).toBe(false);
    expect(r.effects.map((e) => e.type)).not.toContain('request-ticket');
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'settle', ms: CONSENT_READ_MS });
    expect(takesTaps(r.state)).toBe(false);
  });

  it('consent needs both its reading time and its speech to have started', () => {
    const consent = fast(greeting, { type: 'confirm-identity' }).state;
    const timeOnly = fast(consent, { type: 'timer', timer: 'settle' }).state;
    expect(takesTaps(timeOnly)).toBe(false);
    expect(fast(timeOnly, { type: 'consent', agree: true }).state.screen).toBe('consent');
    const speechOnly = fast(consent, { type: 'speech-started', screen: 'consent' }).state;
    expect(takesTaps(speechOnly)).toBe(false);
    // Speech that started for another screen does not count.
    expect(fast(timeOnly, { type: 'speech-started', screen: 'greeting' }).state.settling).not.toBeNull();
    const ready = fast(timeOnly, { type: 'speech-started', screen: 'consent' }).state;
    expect(takesTaps(ready)).toBe(true);
    const r = fast(ready, { type: 'consent', agree: true });
    expect(r.state).toMatchObject({ screen: 'need', consented: true, identityIntent: 'pending' });
  });

  it('a double tap on "OK" at the end lands on welcome and takes no ticket', () => {
    const call = run(
      online,
      { type: 'call-without-card' },
      ...needAsked,
      { type: 'ticket-issued', position: position() },
      { type: 'session-opened', opened: opened() },
      { type: 'session-ended', sessionId: 's1', endedBy: 'agent' },
      rated,
    ).state;
    const r = fast(settled(call), { type: 'thanks-done' }, { type: 'call-without-card' });
    expect(r.state.screen).toBe('welcome');
    expect(r.effects.map((e) => e.type)).not.toContain('request-ticket');
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'settle', ms: SETTLE_MS });
    // Once settled, welcome calls as usual: the need tiles come first.
    expect(fast(settled(r.state), { type: 'call-without-card' }).state.screen).toBe('need');
  });

  it('the start-up welcome takes taps at once; a screen change cancels a pending settle timer', () => {
    expect(takesTaps(online)).toBe(true);
    const consent = fast(greeting, { type: 'confirm-identity' }).state;
    expect(fast(consent, { type: 'card-removed' }).effects).toContainEqual({
      type: 'cancel-timer',
      timer: 'settle',
    });
  });
});
