import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CallScreenHold } from './call-screen-hold';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('shows at once without a hold', () => {
  const show = vi.fn();
  const hold = new CallScreenHold(show, 250);
  hold.changed();
  expect(show).toHaveBeenCalledTimes(1);
});

it('while held, changes wait and are shown once on release', () => {
  const show = vi.fn();
  const hold = new CallScreenHold(show, 250);
  hold.start();
  hold.changed();
  hold.changed();
  expect(show).not.toHaveBeenCalled();
  expect(hold.held).toBe(true);
  hold.release();
  expect(show).toHaveBeenCalledTimes(1);
  expect(hold.held).toBe(false);
  vi.advanceTimersByTime(1000);
  expect(show).toHaveBeenCalledTimes(1);
});

it('a hold ends by itself after maxMs (no picture came)', () => {
  const show = vi.fn();
  const hold = new CallScreenHold(show, 250);
  hold.start();
  hold.changed();
  vi.advanceTimersByTime(249);
  expect(show).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(show).toHaveBeenCalledTimes(1);
});

it('a release with nothing changed shows nothing; a second start does not extend the hold', () => {
  const show = vi.fn();
  const hold = new CallScreenHold(show, 250);
  hold.start();
  hold.release();
  expect(show).not.toHaveBeenCalled();
  hold.start();
  hold.changed();
  vi.advanceTimersByTime(200);
  hold.start();
  vi.advanceTimersByTime(50);
  expect(show).toHaveBeenCalledTimes(1);
});
