import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTicketNumber, shanghaiDay } from './queue-rules';

describe('shanghaiDay', () => {
  it('rolls over at midnight Shanghai time (16:00 UTC), not UTC midnight', () => {
    expect(shanghaiDay(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(shanghaiDay(new Date('2026-03-01T16:00:00.000Z'))).toBe('2026-03-02');
    expect(shanghaiDay(new Date('2026-03-01T23:30:00.000Z'))).toBe('2026-03-02');
    expect(shanghaiDay(new Date('2026-03-02T00:30:00.000Z'))).toBe('2026-03-02');
  });

  it('handles year ends and leap days', () => {
    expect(shanghaiDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDay(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29');
  });

  it('follows the tz database, including the summer time China kept in 1986-1991', () => {
    // 1988-04-20T15:00Z is 23:00 in UTC+8 but already 00:00 on the 21st in that summer's UTC+9.
    expect(shanghaiDay(new Date(577551600000))).toBe('1988-04-21');
  });

  // China last observed daylight saving time in 1991 (UTC+9 in summer, 1986-1991): from 1992 on the
  // Shanghai date is the UTC+8 date. Tickets only ever carry current dates.
  it('equals the UTC+8 date from 1992 on (no daylight saving time since 1991)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: 4_102_444_800_000 }), (ms) => {
        const shifted = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(shanghaiDay(new Date(ms))).toBe(shifted);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatTicketNumber', () => {
  it('pads to three digits and keeps counting past 999', () => {
    expect(formatTicketNumber(1)).toBe('A001');
    expect(formatTicketNumber(7)).toBe('A007');
    expect(formatTicketNumber(42)).toBe('A042');
    expect(formatTicketNumber(999)).toBe('A999');
    expect(formatTicketNumber(1000)).toBe('A1000');
  });

  it('refuses nonsense', () => {
    expect(() => formatTicketNumber(0)).toThrow(RangeError);
    expect(() => formatTicketNumber(1.5)).toThrow(RangeError);
  });
});
