import { describe, expect, it } from 'vitest';
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
