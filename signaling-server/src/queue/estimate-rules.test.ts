import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateWait, recentHandlingSamples, robustMean, type HandledSession } from './estimate-rules';

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

  it('is (ahead - free + 1) × mean handling / agents online, in whole minutes rounded up', () => {
    // 2 ahead, 3 × 240 s / 2 agents = 360 s = 6 minutes ("前面还有 2 位，大约 6 分钟").
    expect(
      estimateWait({ ahead: 2, agentsOnline: 2, freeAgents: 0, recentHandlingS: [240, 240, 240] }),
    ).toEqual({
      kind: 'minutes',
      minutes: 6,
      agentsOnline: 2,
      meanHandlingS: 240,
    });
    expect(estimateWait({ ahead: 0, agentsOnline: 3, freeAgents: 0, recentHandlingS: [61] })).toMatchObject({
      minutes: 1,
    });
    expect(estimateWait({ ahead: 1, agentsOnline: 1, freeAgents: 0, recentHandlingS: [31] })).toMatchObject({
      minutes: 2, // 62 s rounds up
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

const input = fc.record({
  ahead: fc.integer({ min: 0, max: 60 }),
  agentsOnline: fc.integer({ min: 0, max: 12 }),
  freeAgents: fc.integer({ min: 0, max: 12 }),
  recentHandlingS: fc.array(fc.integer({ min: 0, max: 7200 }), { maxLength: 40 }),
});
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

  it('is the formula rounded up to the minute: never below it, at most a minute above', () => {
    fc.assert(
      fc.property(input, (x) => {
        const e = estimateWait(x);
        if (e.kind !== 'minutes') return;
        // The free agents take the tickets ahead at once.
        const exactS = ((Math.max(0, x.ahead - x.freeAgents) + 1) * e.meanHandlingS) / x.agentsOnline;
        expect(e.minutes * 60).toBeGreaterThanOrEqual(exactS);
        expect(e.minutes * 60).toBeLessThan(Math.max(exactS, 60) + 60);
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
    // Narrow: 5 × 240 s / 1 = 20 minutes. Wide: 120 s + (3 + 1) × 240 s / 6 = 280 s -> 5 minutes.
    expect(
      estimateWait({
        ahead: 4,
        agentsOnline: 1,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 3, agentsOnline: 6 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 5, agentsOnline: 6, meanHandlingS: 240 });
  });

  it('keeps the narrow pool when it is sooner', () => {
    expect(
      estimateWait({
        ahead: 0,
        agentsOnline: 2,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 5, agentsOnline: 4 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 2, agentsOnline: 2, meanHandlingS: 240 });
  });

  it('gives a number when nobody online has the skill but others will take it after the wait', () => {
    expect(
      estimateWait({
        ahead: 0,
        agentsOnline: 0,
        freeAgents: 0,
        recentHandlingS: history,
        widened: { inS: 120, ahead: 1, agentsOnline: 2 },
      }),
    ).toEqual({ kind: 'minutes', minutes: 6, agentsOnline: 2, meanHandlingS: 240 });
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

  it('a wider pool never lengthens the estimate, and it is never below either formula', () => {
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
            ...(x.agentsOnline > 0
              ? [((Math.max(0, x.ahead - x.freeAgents) + 1) * mean) / x.agentsOnline]
              : []),
            ...(w.agentsOnline > 0 ? [w.inS + ((w.ahead + 1) * mean) / w.agentsOnline] : []),
          ];
          expect(e.minutes * 60).toBeGreaterThanOrEqual(Math.min(...options));
        }
      }),
      { numRuns: 500 },
    );
  });
});
