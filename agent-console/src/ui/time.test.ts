import { describe, expect, it } from 'vitest';
import {
  WAIT_LATE_MS,
  WAIT_WARN_MS,
  clockOffsetMs,
  elapsedMs,
  formatDateTime,
  formatDuration,
  waitLevel,
} from './time';

describe('formatDuration', () => {
  it('writes minutes and zero-padded seconds below an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7_000)).toBe('0:07');
    expect(formatDuration(59_999)).toBe('0:59');
    expect(formatDuration(60_000)).toBe('1:00');
    expect(formatDuration(12 * 60_000 + 5_000)).toBe('12:05');
  });

  it('adds hours from an hour on', () => {
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 3_000)).toBe('1:02:03');
  });

  it('treats negative durations (clock skew) as zero', () => {
    expect(formatDuration(-5_000)).toBe('0:00');
  });
});

describe('waitLevel', () => {
  it('is ok below 5 minutes, amber from 5 and red from 10 (the district target)', () => {
    expect(WAIT_WARN_MS).toBe(5 * 60_000);
    expect(WAIT_LATE_MS).toBe(10 * 60_000);
    expect(waitLevel(0)).toBe('ok');
    expect(waitLevel(WAIT_WARN_MS - 1)).toBe('ok');
    expect(waitLevel(WAIT_WARN_MS)).toBe('warn');
    expect(waitLevel(WAIT_LATE_MS - 1)).toBe('warn');
    expect(waitLevel(WAIT_LATE_MS)).toBe('late');
    expect(waitLevel(3 * WAIT_LATE_MS)).toBe('late');
  });
});

describe('clock offset and elapsed time', () => {
  const serverTime = '2025-05-01T02:00:00.000Z';
  const serverMs = Date.parse(serverTime);

  it('measures time waited on the server clock even when the local clock is off', () => {
    // Local clock runs 90 s behind the server.
    const localAtReceipt = serverMs - 90_000;
    const offset = clockOffsetMs(serverTime, localAtReceipt);
    expect(offset).toBe(90_000);
    const createdAt = new Date(serverMs - 6 * 60_000).toISOString();
    // 30 s after the snapshot arrived, locally.
    const waited = elapsedMs(createdAt, localAtReceipt + 30_000, offset);
    expect(waited).toBe(6 * 60_000 + 30_000);
    expect(formatDuration(waited)).toBe('6:30');
    expect(waitLevel(waited)).toBe('warn');
  });

  it('never goes negative and degrades to zero on unparsable times', () => {
    expect(elapsedMs(new Date(serverMs + 10_000).toISOString(), serverMs, 0)).toBe(0);
    expect(elapsedMs('not a date', serverMs, 0)).toBe(0);
    expect(clockOffsetMs('garbage', 123)).toBe(0);
  });
});

describe('formatDateTime', () => {
  it("writes a moment on Shanghai's clock", () => {
    expect(formatDateTime('2026-01-01T16:05:09.000Z')).toBe('2026-01-02 00:05');
    expect(formatDateTime('2026-07-01T01:00:00Z')).toBe('2026-07-01 09:00');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
});
