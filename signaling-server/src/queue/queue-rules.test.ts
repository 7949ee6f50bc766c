import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTicketNumber, orderQueue, positions, shanghaiDay, type QueueCandidate } from './queue-rules';

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

describe('orderQueue', () => {
  const c = (ticketId: string, createdAt: string, seq: number, day = '2026-03-01'): QueueCandidate => ({
    ticketId,
    createdAt,
    day,
    seq,
  });

  it('serves a ticket put back after a lost call first, earliest accepted first (issue 7 #2, issue 8 #6)', () => {
    const q = orderQueue([
      c('a', '2026-03-01T01:00:00.000Z', 1),
      { ...c('late', '2026-03-01T05:00:00.000Z', 5), requeuedAt: '2026-03-01T06:00:00.000Z' },
      c('b', '2026-03-01T02:00:00.000Z', 2),
      { ...c('early', '2026-03-01T04:00:00.000Z', 4), requeuedAt: '2026-03-01T05:30:00.000Z' },
      { ...c('never', '2026-03-01T03:00:00.000Z', 3), requeuedAt: null },
    ]);
    expect(q.map((x) => x.ticketId)).toEqual(['early', 'late', 'a', 'b', 'never']);
  });

  it('serves first come first', () => {
    const q = orderQueue([
      c('b', '2026-03-01T02:00:00.000Z', 2),
      c('c', '2026-03-01T03:00:00.000Z', 3),
      c('a', '2026-03-01T01:00:00.000Z', 1),
    ]);
    expect(q.map((x) => x.ticketId)).toEqual(['a', 'b', 'c']);
    expect([...positions(q)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('breaks same-millisecond ties by the day counter, and keeps yesterday first', () => {
    const t = '2026-03-01T16:00:00.000Z';
    const q = orderQueue([
      c('x', t, 1, '2026-03-02'),
      c('y', '2026-03-01T15:59:59.000Z', 57),
      c('w', t, 2, '2026-03-02'),
    ]);
    expect(q.map((x) => x.ticketId)).toEqual(['y', 'x', 'w']);
  });

  it('does not mutate its input and is a permutation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ t: fc.integer({ min: 0, max: 1000 }), seq: fc.integer({ min: 1, max: 999 }) }), {
          maxLength: 30,
        }),
        (raw) => {
          const input = raw.map((r, i) => c(`t${i}`, new Date(r.t).toISOString(), r.seq));
          const copy = [...input];
          const out = orderQueue(input);
          expect(input).toEqual(copy);
          expect(out.map((x) => x.ticketId).sort()).toEqual(input.map((x) => x.ticketId).sort());
          for (let i = 1; i < out.length; i++) expect(out[i - 1]!.createdAt <= out[i]!.createdAt).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
