import { describe, expect, it } from 'vitest';
import type { CaseState } from '@rvw/shared';
import { sampleCase } from '../../case/test-cases';
import { RATE_IDLE_MS, RATE_NOTICE_MS, SETTLE_MS, takesTaps, transition } from '../machine';
import { card, online, opened, position, run, settled, withoutTimers, needAsked } from '../test-fixtures';

const call = run(
  online,
  { type: 'card-placed', card },
  { type: 'confirm-identity' },
  { type: 'consent', agree: true },
  ...needAsked,
  { type: 'ticket-issued', position: position() },
  { type: 'session-opened', opened: opened() },
).state;
const withOutcome = (outcome: NonNullable<CaseState['outcome']>['outcome'], caseId = 'c1') => ({
  type: 'case-state' as const,
  state: sampleCase(3, {}, caseId, {
    status: 'closed',
    outcome: {
      outcome,
      reason: outcome === 'not-done' ? '缺少户口本' : null,
      nextStep: outcome === 'not-done' ? '请带户口本再来' : null,
      at: '2026-12-07T01:30:00Z',
    },
  }),
});
const ended = { type: 'session-ended' as const, sessionId: 's1', endedBy: 'agent' as const };
const rating = run(call, ended).state;
const submitted = (rating: unknown) => ({ type: 'submit-rating', sessionId: 's1', rating });

describe('the rate phase: outcomes told, then the rating', () => {
  it('tells 办不成 and 转办 first, with one "I understand", then asks for the rating', () => {
    const r = run(call, withOutcome('not-done'), withOutcome('completed', 'c2'), ended);
    expect(r.state).toMatchObject({ screen: 'outcome', endedBy: 'agent' });
    const seen = run(r.state, { type: 'outcome-seen' });
    expect(seen.state).toMatchObject({ screen: 'rating', outcomeSeen: true });
    expect(run(call, withOutcome('transferred'), ended).state.screen).toBe('outcome');
    // A completed matter needs no notice: straight to the rating.
    expect(run(call, withOutcome('completed'), ended).state.screen).toBe('rating');
  });

  it('an outcome that arrives after the call ended is still told before the rating', () => {
    const late = run(rating, withOutcome('not-done'));
    expect(late.state.screen).toBe('outcome');
    // Once heard, it is not told again.
    const heard = run(late.state, { type: 'outcome-seen' }, withOutcome('not-done', 'c3'));
    expect(heard.state.screen).toBe('rating');
  });

  it('a good rating is sent at once, and the resident is thanked', () => {
    for (const level of ['very-satisfied', 'satisfied', 'basically-satisfied'] as const) {
      const r = run(rating, { type: 'rate', level });
      expect(r.state.screen).toBe('thanks');
      expect(withoutTimers(r.effects)).toEqual([submitted({ rated: true, level, reasons: [] })]);
    }
  });

  it('a low rating asks why (several reasons, an optional staff note), then sends it all', () => {
    const low = run(rating, { type: 'rate', level: 'very-dissatisfied' });
    expect(low.state).toMatchObject({
      screen: 'rating',
      rating: { level: 'very-dissatisfied', reasons: [], staffNote: '' },
    });
    expect(withoutTimers(low.effects)).toEqual([]);
    // The reason buttons are new under the finger: they settle first.
    expect(takesTaps(low.state)).toBe(false);
    expect(low.effects).toContainEqual({ type: 'start-timer', timer: 'settle', ms: SETTLE_MS });
    const r = run(
      low.state,
      { type: 'toggle-reason', reason: 'waited-too-long' },
      { type: 'toggle-reason', reason: 'not-solved' },
      { type: 'toggle-reason', reason: 'waited-too-long' },
      { type: 'staff-note', text: '  居民说等了四十分钟  ' },
    );
    expect(r.state.rating).toMatchObject({ reasons: ['not-solved'] });
    // Each tap and keystroke gives the full time again.
    expect(r.effects).toContainEqual({ type: 'start-timer', timer: 'rate-idle', ms: RATE_IDLE_MS });
    const sent = run(r.state, { type: 'rating-submit' });
    expect(sent.state.screen).toBe('thanks');
    expect(withoutTimers(sent.effects)).toEqual([
      submitted({
        rated: true,
        level: 'very-dissatisfied',
        reasons: ['not-solved'],
        staffNote: '居民说等了四十分钟',
      }),
    ]);
    // Without a note, none is sent; "choose again" goes back to the five levels.
    const plain = run(low.state, { type: 'rating-submit' });
    expect(withoutTimers(plain.effects)).toEqual([
      submitted({ rated: true, level: 'very-dissatisfied', reasons: [] }),
    ]);
    expect(run(low.state, { type: 'rating-back' }).state).toMatchObject({ screen: 'rating', rating: null });
  });

  it('left alone: a calm notice first; then home for privacy, recorded as not rated', () => {
    const notice = run(rating, { type: 'timer', timer: 'rate-idle' });
    expect(notice.state).toMatchObject({ screen: 'rating', idleNotice: true });
    expect(notice.effects).toEqual([{ type: 'start-timer', timer: 'rate-idle', ms: RATE_NOTICE_MS }]);
    // While the notice is up, the levels behind it take no tap.
    expect(run(notice.state, { type: 'rate', level: 'satisfied' }).state.screen).toBe('rating');
    const gone = run(notice.state, { type: 'timer', timer: 'rate-idle' });
    expect(gone.state).toMatchObject({ screen: 'welcome', card: null, session: null, cases: [] });
    expect(withoutTimers(gone.effects)).toEqual([submitted({ rated: false }), { type: 'wipe' }]);
    const back = run(notice.state, { type: 'still-here' });
    expect(back.state).toMatchObject({ screen: 'rating', idleNotice: false });
    expect(back.effects).toContainEqual({ type: 'start-timer', timer: 'rate-idle', ms: RATE_IDLE_MS });
    expect(transition(back.state, { type: 'rate', level: 'satisfied' }).state.screen).toBe('rating');
  });

  it('never hurries otherwise: only the idle timer runs, and the outcome notice waits the same way', () => {
    const start = run(call, ended).effects;
    expect(start.filter((e) => e.type === 'start-timer').map((e) => e.timer)).toEqual([
      'rate-idle',
      'settle',
    ]);
    const outcome = run(call, withOutcome('not-done'), ended).state;
    const notice = run(outcome, { type: 'timer', timer: 'rate-idle' });
    expect(notice.state).toMatchObject({ screen: 'outcome', idleNotice: true });
    const gone = run(notice.state, { type: 'timer', timer: 'rate-idle' });
    expect(withoutTimers(gone.effects)).toEqual([submitted({ rated: false }), { type: 'wipe' }]);
  });

  it('the thank-you screen follows the rating and goes home as before', () => {
    const thanks = run(settled(rating), { type: 'rate', level: 'satisfied' }).state;
    const home = run(thanks, { type: 'thanks-done' });
    expect(home.state).toMatchObject({ screen: 'welcome', cases: [], rating: null, entitlements: [] });
  });
});
