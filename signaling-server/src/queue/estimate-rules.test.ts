import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  estimateWait,
  recentHandlingSamples,
  robustMean,
  type BusyAgent,
  type HandledSession,
} from './estimate-rules';

describe('estimateWait: examples', () => {
  it('cannot say without an agent online, even with history', () => {
    expect(estimateWait({ ahead: 3, agentsOnline: 0, freeAgents: 0, recentHandlingS: [300] })).toEqual({
      kind: 'none',
      reason: 'no-agent-online',
    });
  });

  it('says "next" at the head of the queue with an agent free, even without history', () => {
    expect(estimateWait({ ahead: 0, agentsOnline: 2, freeAgents: 1, recentHandlingS: [] })).toEqual({
      kind: 'next',
    });
  });

  it('cannot say without recent handling times', () => {
    expect(estimateWait({ ahead: 2, agentsOnline: 2, freeAgents: 0, recentHandlingS: [] })).toEqual({
      kind: 'none',
      reason: 'no-history',
    });
  });

  it('plays the queue forward: without their elapsed times, busy agents count as just starting', () => {
    // Mean 240 s. Both agents next free at 240 s; the first ticket ahead takes one (free again at
    // 480), the second the other (480): this ticket starts at 480 s = 8 minutes.
    expect(
      estimateWait({ ahead: 2, agentsOnline: 2, freeAgents: 0, recentHandlingS: [240, 240, 240] }),
    ).toEqual({
      kind: 'minutes',
      minutes: 8,
      agentsOnline: 2,
      meanHandlingS: 240,
    });
  });

  it("uses each busy agent's elapsed time: the mean of what the longer samples had left", () => {
    // Samples 120, 240, 360 (mean 240). 60 s into a session: all three are longer, (60+180+300)/3 =
    // 180 s left. 180 s in: 240 and 360 are longer, (60+180)/2 = 120 s left. Next free at 180 and
    // 120: the two ahead start at 120 (free again at 360) and 180 (420); this one at 360 s = 6 minutes.
    expect(
      estimateWait({
        ahead: 2,
        agentsOnline: 2,
        freeAgents: 0,
        recentHandlingS: [120, 240, 360],
        busy: [{ inSessionS: 60 }, { inSessionS: 180 }],
      }),
    ).toEqual({ kind: 'minutes', minutes: 6, agentsOnline: 2, meanHandlingS: 240 });
  });

  it('never lets a session seem further from its end by going on, and gives an overrun a little', () => {
    const one = (busy: BusyAgent) =>
      estimateWait({
        ahead: 0,
        agentsOnline: 1,
        freeAgents: 0,
        recentHandlingS: [120, 240, 360],
        busy: [busy],
      });
    // Just before 120 s the three samples have (0+120+240)/3 = 120 s left; at 130 s the raw figure is
    // (110+230)/2 = 170 s, but the 120 s already reached stands: 2 minutes, not 3.
    expect(one({ inSessionS: 130 })).toMatchObject({ minutes: 2 });
    // Beyond every sample: 20 % of the mean, 48 s, rounds to the 1-minute floor.
    expect(one({ inSessionS: 400 })).toMatchObject({ minutes: 1 });
    // Wrap-up: what its limit leaves, at most the same 48 s (the samples do not cover wrap-ups).
    expect(one({ wrapUpLeftS: 100 })).toMatchObject({ minutes: 1 });
  });

  it('rounds to the nearest minute, at least 1', () => {
    // 61 s -> 1 minute; 89 + 89 = 178 s -> 3 minutes; 29 s -> 1 minute, not 0.
    expect(estimateWait({ ahead: 0, agentsOnline: 3, freeAgents: 0, recentHandlingS: [61] })).toMatchObject({
      minutes: 1,
    });
    expect(estimateWait({ ahead: 1, agentsOnline: 1, freeAgents: 0, recentHandlingS: [89] })).toMatchObject({
      minutes: 3,
    });
    expect(estimateWait({ ahead: 0, agentsOnline: 1, freeAgents: 0, recentHandlingS: [29] })).toMatchObject({
      minutes: 1,
    });
  });
});

describe('robustMean', () => {
  it('is null without samples and ignores nonsense', () => {
    expect(robustMean([])).toBeNull();
    expect(robustMean([Number.NaN, -5])).toBeNull();
  });

  it('drops the single longest of a short history (a session left open does not dominate)', () => {
    expect(robustMean([200, 220, 240, 260, 3600])).toBe(230);
    expect(robustMean([200, 300])).toBe(250);
  });

  it('trims 10 % from each end of a longer history', () => {
    const samples = [1, ...Array.from({ length: 18 }, () => 300), 9000];
    expect(robustMean(samples)).toBe(300);
  });

  it('is at least 1 second', () => {
    expect(robustMean([0, 0])).toBe(1);
  });
});

describe('recentHandlingSamples', () => {
  const now = new Date('2026-03-02T06:00:00.000Z');
  const s = (minutesAgo: number, handlingS: number): HandledSession => ({
    endedAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
    handlingS,
  });

  it('takes the sessions of the last two hours, latest first, at most 30', () => {
    const sessions = [
      s(130, 1),
      s(10, 2),
      s(100, 3),
      s(-5, 4),
      ...Array.from({ length: 40 }, (_, i) => s(50, 100 + i)),
    ];
    const got = recentHandlingSamples(sessions, now);
    expect(got).toHaveLength(30);
    expect(got[0]).toBe(2);
    expect(got).not.toContain(4); // ends after now
    expect(got).not.toContain(1);
  });

  it('tops a quiet window up with the latest five regardless of age', () => {
    const sessions = [s(10, 1), s(300, 2), s(400, 3), s(500, 4), s(600, 5), s(700, 6)];
    expect(recentHandlingSamples(sessions, now)).toEqual([1, 2, 3, 4, 5]);
    expect(recentHandlingSamples([s(600, 9)], now)).toEqual([9]);
    expect(recentHandlingSamples([], now)).toEqual([]);
  });
});

const busyAgent: fc.Arbitrary<BusyAgent> = fc.oneof(
  fc.record({ inSessionS: fc.integer({ min: 0, max: 7200 }) }),
  fc.record({ wrapUpLeftS: fc.integer({ min: 0, max: 600 }) }),
);
const input = fc.record({
  ahead: fc.integer({ min: 0, max: 60 }),
  agentsOnline: fc.integer({ min: 0, max: 12 }),
  freeAgents: fc.integer({ min: 0, max: 12 }),
  recentHandlingS: fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 40 }),
  busy: fc.array(busyAgent, { maxLength: 12 }),
});
/**
 * Bounds on the start of the (ahead + 1)-th ticket with `agents` serving: every agent free now
 * (each takes a ticket every mean) at the least; every busy one just starting a session at most.
 */
const lowestS = (ahead: number, agents: number, mean: number) => Math.floor(ahead / agents) * mean;
const highestS = (ahead: number, agents: number, free: number, mean: number) =>
  (Math.floor(Math.max(0, ahead - free) / agents) + 1) * mean;
/** An estimate as seconds for comparisons: next = 0, none = null. */
const asSeconds = (e: ReturnType<typeof estimateWait>) =>
  e.kind === 'next' ? 0 : e.kind === 'minutes' ? e.minutes * 60 : null;

describe('estimateWait: properties', () => {
  it('never invents a number without an agent online or without history', () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = estimateWait(x);
        if (x.agentsOnline === 0) expect(e).toEqual({ kind: 'none', reason: 'no-agent-online' });
        if (x.recentHandlingS.length === 0) expect(e.kind).not.toBe('minutes');
        if (e.kind === 'minutes') {
          expect(Number.isInteger(e.minutes) && e.minutes >= 1).toBe(true);
          expect(e.agentsOnline).toBe(x.agentsOnline);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('does not shrink as more residents are ahead', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 20 }), (x, more) => {
        const fewer = asSeconds(estimateWait(x));
        const longer = asSeconds(estimateWait({ ...x, ahead: x.ahead + more }));
        if (fewer !== null && longer !== null) expect(longer).toBeGreaterThanOrEqual(fewer);
        // A basis does not disappear because the queue got longer (except "next" needing no history).
        if (fewer !== null && fewer > 0) expect(longer).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('does not grow as more agents come online', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 5 }), (x, more) => {
        fc.pre(x.agentsOnline > 0);
        const now = asSeconds(estimateWait(x));
        const then = asSeconds(estimateWait({ ...x, agentsOnline: x.agentsOnline + more }));
        if (now !== null && then !== null) expect(then).toBeLessThanOrEqual(now);
      }),
      { numRuns: 500 },
    );
  });

  it('lies between everyone free now and every busy agent just starting, to the nearest minute', () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = estimateWait(x);
        if (e.kind !== 'minutes') return;
        const free = Math.min(x.freeAgents, x.agentsOnline);
        const high = highestS(x.ahead, x.agentsOnline, free, e.meanHandlingS);
        expect(e.minutes * 60).toBeGreaterThanOrEqual(lowestS(x.ahead, x.agentsOnline, e.meanHandlingS) - 30);
        expect(e.minutes * 60).toBeLessThanOrEqual(Math.max(60, high + 30));
      }),
      { numRuns: 500 },
    );
  });

  it('does not grow as a session goes on or a wrap-up nears its end', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.integer({ min: 1, max: 3600 }), (x, pick, more) => {
        fc.pre(x.busy.length > 0);
        const i = pick % x.busy.length;
        const b = x.busy[i]!;
        const later: BusyAgent =
          'inSessionS' in b
            ? { inSessionS: b.inSessionS + more }
            : { wrapUpLeftS: Math.max(0, b.wrapUpLeftS - more) };
        const now = asSeconds(estimateWait(x));
        const then = asSeconds(estimateWait({ ...x, busy: x.busy.map((v, j) => (j === i ? later : v)) }));
        if (now !== null && then !== null) expect(then).toBeLessThanOrEqual(now);
        expect(then === null).toBe(now === null);
      }),
      { numRuns: 500 },
    );
  });

  it('knowing what the busy agents are doing never lengthens it (unknown: just starting)', () => {
    fc.assert(
      fc.property(input, (x) => {
        const known = asSeconds(estimateWait(x));
        const unknown = asSeconds(estimateWait({ ...x, busy: [] }));
        if (known !== null && unknown !== null) expect(known).toBeLessThanOrEqual(unknown);
      }),
      { numRuns: 500 },
    );
  });

  it('uses a mean within the range of the samples', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7200 }), { minLength: 1, maxLength: 60 }), (samples) => {
        const mean = robustMean(samples)!;
        expect(mean).toBeGreaterThanOrEqual(Math.min(...samples));
        expect(mean).toBeLessThanOrEqual(Math.max(...samples));
      }),
      { numRuns: 500 },
    );
  });
});

describe('estimateWait: free agents', () => {
  it('does not grow as more of the agents are free', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 5 }), (x, more) => {
        fc.pre(x.agentsOnline > 0);
        const fewer = asSeconds(estimateWait(x));
        const freer = asSeconds(estimateWait({ ...x, freeAgents: x.freeAgents + more }));
        if (fewer !== null && freer !== null) expect(freer).toBeLessThanOrEqual(fewer);
      }),
      { numRuns: 500 },
    );
  });
});

describe('estimateWait: the wider pool (any agent of the centre after anySkillAfterS)', () => {
  const history = [240, 240, 240];
  it('takes the wider pool when it comes sooner: 4 ahead of 1 skilled agent, 6 agents after 2 minutes', () => {
    // Narrow: the agent (next free at 240 s) takes the 4 ahead at 240, 480, 720, 960; this one at
    // 1200 s = 20 minutes. Wide, from 120 s on: its 6 agents are free 120 s later; the 3 ahead take
    // three of them, this one the fourth: 120 + 120 = 240 s = 4 minutes.
    expect(
      estimateWait({
        ahead: 4,
        agentsOnline: 1,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 3, agentsOnline: 6 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 4, agentsOnline: 6, meanHandlingS: 240 });
  });

  it('keeps the narrow pool when it is sooner', () => {
    // Narrow: 240 s. Wide: 120 s + (4 agents free at 120, taking the first 4 of the 5 ahead, the 5th
    // at 360) 360 s = 480 s.
    expect(
      estimateWait({
        ahead: 0,
        agentsOnline: 2,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 5, agentsOnline: 4 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 4, agentsOnline: 2, meanHandlingS: 240 });
  });

  it("counts the wider pool's free agents and elapsed times from when the ticket reaches it", () => {
    // From 120 s: one agent free (0), one 200 s into a session of [240, 240, 240] (40 s left, so
    // free before 120 s: 0); the 2 ahead take both, this one starts at 120 + 240 = 360 s = 6 minutes.
    expect(
      estimateWait({
        ahead: 3,
        agentsOnline: 0,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 2, agentsOnline: 2, freeAgents: 1, busy: [{ inSessionS: 200 }] },
      }),
    ).toEqual({ kind: 'minutes', minutes: 6, agentsOnline: 2, meanHandlingS: 240 });
  });

  it('gives a number when nobody online has the skill but others will take it after the wait', () => {
    // 120 s + (2 agents next free at 240, i.e. 120 s after it; the one ahead takes one) 120 s = 4 minutes.
    expect(
      estimateWait({
        ahead: 0,
        agentsOnline: 0,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 1, agentsOnline: 2 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 4, agentsOnline: 2, meanHandlingS: 240 });
    // Nobody in either pool: still the honest "cannot say".
    expect(
      estimateWait({
        ahead: 0,
        agentsOnline: 0,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 1, agentsOnline: 0 },
      }),
    ).toEqual({ kind: 'none', reason: 'no-agent-online' });
  });

  it('a wider pool never lengthens the estimate, and it is never below both pools with everyone free', () => {
    const widened = fc.record({
      inS: fc.integer({ min: 0, max: 1200 }),
      ahead: fc.integer({ min: 0, max: 60 }),
      agentsOnline: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(input, widened, (x, w) => {
        const narrow = asSeconds(estimateWait(x));
        const e = estimateWait({ ...x, widened: w });
        const both = asSeconds(e);
        if (narrow !== null && both !== null) expect(both).toBeLessThanOrEqual(narrow);
        if (e.kind === 'minutes') {
          const mean = e.meanHandlingS;
          const options = [
            ...(x.agentsOnline > 0 ? [lowestS(x.ahead, x.agentsOnline, mean)] : []),
            ...(w.agentsOnline > 0 ? [w.inS + lowestS(w.ahead, w.agentsOnline, mean)] : []),
          ];
          expect(e.minutes * 60).toBeGreaterThanOrEqual(Math.min(...options) - 30);
        }
      }),
      { numRuns: 500 },
    );
  });
});
