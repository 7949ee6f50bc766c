import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderByPriority, waitedSeconds, type PriorityInput, type PriorityPolicy } from './priority-rules';

const policy: PriorityPolicy = { maxWaitS: 600, headStartS: 300 };
const NOW = new Date('2026-03-02T02:00:00.000Z');
const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
let seq = 0;
const t = (ticketId: string, waitedS: number, extra: Partial<PriorityInput> = {}): PriorityInput => ({
  ticketId,
  createdAt: ago(waitedS),
  day: '2026-03-02',
  seq: ++seq,
  ...extra,
});
const ids = (q: readonly PriorityInput[]) => q.map((x) => x.ticketId);

describe('orderByPriority: examples', () => {
  it('serves first come, first served without any reason, with no tags', () => {
    const q = orderByPriority([t('b', 100), t('a', 200), t('c', 50)], NOW, policy);
    expect(ids(q)).toEqual(['a', 'b', 'c']);
    expect(q.every((x) => x.tags.length === 0)).toBe(true);
  });

  it('gives 80+, disability, appointment and returning a head start of headStartS, each with its tag', () => {
    const q = orderByPriority(
      [
        t('plain-400', 400),
        t('old-150', 150, { age: 85 }),
        t('plain-200', 200),
        t('dis-50', 50, { disability: true }),
        t('appt-120', 120, { appointmentDue: true }),
        t('back-10', 10, { returnedAt: ago(30) }),
        t('young-260', 260, { age: 79 }),
      ],
      NOW,
      policy,
    );
    // Effective arrival: old 450, appt 420, plain 400, dis 350, back 310, young 260, plain 200.
    expect(ids(q)).toEqual([
      'old-150',
      'appt-120',
      'plain-400',
      'dis-50',
      'back-10',
      'young-260',
      'plain-200',
    ]);
    expect(q.map((x) => x.tags)).toEqual([
      ['age80'],
      ['appointment'],
      [],
      ['disability'],
      ['returning'],
      [],
      [],
    ]);
  });

  it('does not add head starts up: several reasons, one head start, all tags', () => {
    const q = orderByPriority(
      [t('plain', 350), t('all', 10, { age: 90, disability: true, appointmentDue: true })],
      NOW,
      policy,
    );
    expect(ids(q)).toEqual(['plain', 'all']);
    expect(q[1]!.tags).toEqual(['age80', 'disability', 'appointment']);
  });

  it('puts transfers and lost calls at the front, earliest put back first', () => {
    const q = orderByPriority(
      [
        t('old', 500, { age: 88 }),
        t('lost', 900, { requeuedAt: ago(60) }),
        t('moved', 1200, { transferredAt: ago(20) }),
        t('plain', 550),
      ],
      NOW,
      policy,
    );
    expect(ids(q)).toEqual(['lost', 'moved', 'old', 'plain']);
    expect(q[0]!.tags).toEqual(['requeued']);
    expect(q[1]!.tags).toEqual(['transfer']);
  });

  it("counts a transfer's wait from the transfer, not from the ticket's creation", () => {
    expect(waitedSeconds(t('x', 3000, { transferredAt: ago(20) }), NOW)).toBe(20);
    expect(waitedSeconds(t('y', 3000), NOW)).toBe(3000);
  });

  it('puts an overdue ticket ahead of every priority, the longest-waiting first', () => {
    const q = orderByPriority(
      [
        t('old', 100, { age: 95 }),
        t('moved', 2000, { transferredAt: ago(5) }),
        t('late-1', 600),
        t('late-2', 700),
        t('fresh', 1),
      ],
      NOW,
      policy,
    );
    expect(ids(q)).toEqual(['late-2', 'late-1', 'moved', 'old', 'fresh']);
    expect(q[0]!.tags).toEqual(['overdue']);
    expect(q[1]!.tags).toEqual(['overdue']);
  });

  it('breaks ties by creation, then day and counter, then id', () => {
    const at = ago(100);
    const q = orderByPriority(
      [
        { ticketId: 'z', createdAt: at, day: '2026-03-02', seq: 2 },
        { ticketId: 'y', createdAt: at, day: '2026-03-02', seq: 1 },
        { ticketId: 'b', createdAt: at, day: '2026-03-01', seq: 9 },
        { ticketId: 'a', createdAt: at, day: '2026-03-01', seq: 9 },
      ],
      NOW,
      policy,
    );
    expect(ids(q)).toEqual(['a', 'b', 'y', 'z']);
  });

  it('keeps the other fields of each ticket and does not change the input', () => {
    const input = [{ ...t('a', 10), extra: 1 }];
    const q = orderByPriority(input, NOW, policy);
    expect(q[0]).toMatchObject({ ticketId: 'a', extra: 1, tags: [] });
    expect(input[0]).not.toHaveProperty('tags');
  });
});

const TAGS_BY_HEAD_START = ['age80', 'disability', 'appointment', 'returning'] as const;

/** Random waiting tickets around NOW: waits up to 40 minutes, a few with each reason. */
const tickets = fc
  .array(
    fc.record({
      waitedS: fc.integer({ min: 0, max: 2400 }),
      age: fc.option(fc.integer({ min: 18, max: 105 })),
      disability: fc.boolean(),
      appointmentDue: fc.boolean(),
      returning: fc.boolean(),
      front: fc.constantFrom('none', 'none', 'none', 'none', 'transfer', 'requeued'),
      putBackS: fc.integer({ min: 0, max: 900 }),
      seq: fc.integer({ min: 1, max: 50 }),
    }),
    { maxLength: 25 },
  )
  .map((rows) =>
    rows.map((r, i): PriorityInput => {
      const back = r.front === 'none' ? null : ago(Math.min(r.putBackS, r.waitedS));
      return {
        ticketId: `t${String(i).padStart(2, '0')}`,
        createdAt: ago(r.waitedS),
        day: '2026-03-02',
        seq: r.seq,
        age: r.age,
        disability: r.disability,
        appointmentDue: r.appointmentDue,
        returnedAt: r.returning ? ago(r.waitedS + 30) : null,
        transferredAt: r.front === 'transfer' ? back : null,
        requeuedAt: r.front === 'requeued' ? back : null,
      };
    }),
  );
const policies = fc.record({
  maxWaitS: fc.integer({ min: 60, max: 1800 }),
  headStartS: fc.integer({ min: 0, max: 900 }),
});

describe('orderByPriority: properties', () => {
  it('is a permutation of its input, and the same whatever the input order', () => {
    fc.assert(
      fc.property(tickets, policies, fc.integer(), (input, p, seed) => {
        const once = ids(orderByPriority(input, NOW, p));
        expect([...once].sort()).toEqual(ids(input).sort());
        const shuffled = [...input].sort((a, b) => hash(a.ticketId, seed) - hash(b.ticketId, seed));
        expect(ids(orderByPriority(shuffled, NOW, p))).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('tags each ticket with exactly the rules that apply to it', () => {
    fc.assert(
      fc.property(tickets, policies, (input, p) => {
        for (const x of orderByPriority(input, NOW, p)) {
          expect(x.tags.includes('overdue')).toBe(waitedSeconds(x, NOW) >= p.maxWaitS);
          expect(x.tags.includes('age80')).toBe((x.age ?? 0) >= 80);
          expect(x.tags.includes('disability')).toBe(!!x.disability);
          expect(x.tags.includes('appointment')).toBe(!!x.appointmentDue);
          expect(x.tags.includes('returning')).toBe(!!x.returnedAt);
          expect(x.tags.includes('transfer')).toBe(!!x.transferredAt);
          expect(x.tags.includes('requeued')).toBe(!!x.requeuedAt);
          expect(new Set(x.tags).size).toBe(x.tags.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a ticket overtake one that has waited longer unless a tag says why, and a head start only by headStartS', () => {
    fc.assert(
      fc.property(tickets, policies, (input, p) => {
        const q = orderByPriority(input, NOW, p);
        q.forEach((ahead, i) => {
          for (const behind of q.slice(i + 1)) {
            const gap = waitedSeconds(behind, NOW) - waitedSeconds(ahead, NOW);
            if (gap <= 0) continue;
            // It overtook a ticket that waited longer: the other is not overdue, and a tag says why.
            expect(behind.tags).not.toContain('overdue');
            expect(ahead.tags.length).toBeGreaterThan(0);
            const front = ahead.tags.includes('transfer') || ahead.tags.includes('requeued');
            const reasons = ahead.tags.filter((t) => (TAGS_BY_HEAD_START as readonly string[]).includes(t));
            if (!front && !ahead.tags.includes('overdue')) {
              expect(reasons.length).toBeGreaterThan(0);
              expect(gap).toBeLessThanOrEqual(p.headStartS);
            }
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('puts every overdue ticket ahead of every ticket that is not, whatever its priority', () => {
    fc.assert(
      fc.property(tickets, policies, (input, p) => {
        const q = orderByPriority(input, NOW, p);
        const lastOverdue = q.map((x) => x.tags.includes('overdue')).lastIndexOf(true);
        const firstOther = q.findIndex((x) => !x.tags.includes('overdue'));
        if (lastOverdue >= 0 && firstOther >= 0) expect(lastOverdue).toBeLessThan(firstOther);
      }),
      { numRuns: 300 },
    );
  });

  it('serves every ticket within maxWaitS under a steady load that first come, first served keeps within maxWaitS - headStartS', () => {
    fc.assert(
      fc.property(day, (d) => {
        fc.pre(worstWait(d, FIFO) <= DEFAULTS.maxWaitS - DEFAULTS.headStartS);
        expect(worstWait(d, DEFAULTS)).toBeLessThanOrEqual(DEFAULTS.maxWaitS);
      }),
      { numRuns: 100 },
    );
  });

  it('adds at most one session to the longest wait beyond maxWaitS, at any load (nobody starves behind priority)', () => {
    // Without the overdue rule (maxWaitS infinite) this fails for about a quarter of the days:
    // a plain resident is overtaken by every priority resident arriving within the head start.
    fc.assert(
      fc.property(day, (d) => {
        const bound = Math.max(worstWait(d, FIFO), DEFAULTS.maxWaitS) + MAX_SERVICE_S;
        expect(worstWait(d, DEFAULTS)).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 150 },
    );
  });
});

const DEFAULTS: PriorityPolicy = { maxWaitS: 600, headStartS: 300 };
const FIFO: PriorityPolicy = { maxWaitS: Number.MAX_SAFE_INTEGER, headStartS: 0 };
const MAX_SERVICE_S = 300;

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}

interface Arrival {
  atS: number;
  serviceS: number;
  priority: boolean;
}

interface Day {
  agents: number;
  load: number;
  seed: number;
}

/**
 * A busy spell of 150 arrivals (Poisson, at a load of 0.5-0.95 of the agents' capacity), service
 * times around 150 s (30-300 s), a third of the residents with a priority reason.
 */
const day = fc.record({
  agents: fc.integer({ min: 1, max: 4 }),
  load: fc.double({ min: 0.5, max: 0.95, noNaN: true }),
  seed: fc.integer({ min: 1, max: 0x7fffffff }),
});

function arrivalsOf({ agents, load, seed }: Day): Arrival[] {
  const random = mulberry32(seed);
  const meanS = 150;
  let at = 0;
  return Array.from({ length: 150 }, (): Arrival => {
    at += (-Math.log(1 - random()) * meanS) / agents / load;
    const spread = Math.exp(0.5 * (random() + random() + random() - 1.5));
    return {
      atS: at,
      serviceS: Math.min(MAX_SERVICE_S, Math.max(30, meanS * spread)),
      priority: random() < 1 / 3,
    };
  });
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The longest wait in seconds when the day is served through orderByPriority with this policy. */
function worstWait(d: Day, p: PriorityPolicy): number {
  return Math.max(0, ...simulateWaits(d.agents, arrivalsOf(d), p));
}

/** Each arrival's wait, serving through orderByPriority whenever an agent frees up (no I/O). */
function simulateWaits(agents: number, arrivals: readonly Arrival[], p: PriorityPolicy): number[] {
  const base = Date.parse('2026-03-02T00:30:00.000Z');
  const iso = (s: number) => new Date(base + s * 1000).toISOString();
  const freeAt = Array.from({ length: agents }, () => 0);
  const waits = Array.from({ length: arrivals.length }, () => 0);
  const waiting = new Set<number>();
  let next = 0;
  let served = 0;
  while (served < arrivals.length) {
    const agent = freeAt.indexOf(Math.min(...freeAt));
    // The agent takes the head of the queue as soon as they are free and someone is waiting.
    const at = Math.max(freeAt[agent]!, waiting.size > 0 ? 0 : arrivals[next]!.atS);
    while (next < arrivals.length && arrivals[next]!.atS <= at) waiting.add(next++);
    const queue = [...waiting].map((i) => ({
      ticketId: String(i).padStart(4, '0'),
      createdAt: iso(arrivals[i]!.atS),
      day: '2026-03-02',
      seq: i + 1,
      age: arrivals[i]!.priority ? 85 : 40,
    }));
    const head = Number(orderByPriority(queue, new Date(base + at * 1000), p)[0]!.ticketId);
    waiting.delete(head);
    waits[head] = at - arrivals[head]!.atS;
    freeAt[agent] = at + arrivals[head]!.serviceS;
    served++;
  }
  return waits;
}
