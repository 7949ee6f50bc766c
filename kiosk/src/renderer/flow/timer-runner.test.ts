import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowEvent } from './machine';
import { TimerRunner } from './timer-runner';

describe('TimerRunner', () => {
  let fired: FlowEvent[];
  let timers: TimerRunner;
  beforeEach(() => {
    vi.useFakeTimers();
    fired = [];
    timers = new TimerRunner((event) => fired.push(event));
  });
  afterEach(() => {
    timers.cancelAll();
    vi.useRealTimers();
  });

  it('feeds a timer event back when the time is up, once', () => {
    timers.run({ type: 'start-timer', timer: 'thanks', ms: 1000 });
    vi.advanceTimersByTime(999);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual([{ type: 'timer', timer: 'thanks' }]);
    vi.advanceTimersByTime(5000);
    expect(fired).toHaveLength(1);
  });

  it('a cancelled timer never fires', () => {
    timers.run({ type: 'start-timer', timer: 'thanks', ms: 1000 });
    timers.run({ type: 'cancel-timer', timer: 'thanks' });
    vi.advanceTimersByTime(2000);
    expect(fired).toEqual([]);
  });

  it('starting a running timer restarts it', () => {
    timers.run({ type: 'start-timer', timer: 'thanks', ms: 1000 });
    vi.advanceTimersByTime(800);
    timers.run({ type: 'start-timer', timer: 'thanks', ms: 1000 });
    vi.advanceTimersByTime(800);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(fired).toEqual([{ type: 'timer', timer: 'thanks' }]);
  });

  it('cancelAll stops every pending timer', () => {
    timers.run({ type: 'start-timer', timer: 'thanks', ms: 1000 });
    timers.cancelAll();
    vi.advanceTimersByTime(2000);
    expect(fired).toEqual([]);
  });
});
