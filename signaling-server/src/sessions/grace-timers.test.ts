import { describe, expect, it } from 'vitest';
import { ManualScheduler } from '../testing/manual-scheduler';
import { GraceTimers, type AbsentMember } from './grace-timers';

describe('GraceTimers', () => {
  it('ends after the grace period unless the member returns', () => {
    const scheduler = new ManualScheduler();
    const expired: AbsentMember[] = [];
    const timers = new GraceTimers(scheduler, 30_000, (m) => expired.push(m));

    timers.start({ sessionId: 's1', kind: 'kiosk' });
    timers.start({ sessionId: 's1', kind: 'kiosk' }); // idempotent
    timers.start({ sessionId: 's2', kind: 'agent' });
    expect(timers.size).toBe(2);
    expect(scheduler.pending).toBe(2);

    timers.cancel({ sessionId: 's2', kind: 'agent' });
    scheduler.advance(29_999);
    expect(expired).toEqual([]);
    scheduler.advance(1);
    expect(expired).toEqual([{ sessionId: 's1', kind: 'kiosk' }]);
    expect(timers.size).toBe(0);
    scheduler.advance(60_000);
    expect(expired).toHaveLength(1);
  });

  it('cancels both members of a session and clears everything', () => {
    const scheduler = new ManualScheduler();
    const expired: AbsentMember[] = [];
    const timers = new GraceTimers(scheduler, 10, (m) => expired.push(m));
    timers.start({ sessionId: 's', kind: 'kiosk' });
    timers.start({ sessionId: 's', kind: 'agent' });
    timers.cancelSession('s');
    timers.start({ sessionId: 't', kind: 'kiosk' });
    timers.clear();
    scheduler.advance(100);
    expect(expired).toEqual([]);
    expect(scheduler.pending).toBe(0);
  });
});
