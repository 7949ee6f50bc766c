/**
 * The order in which waiting tickets are served, with the reasons (tags) an agent sees beside a
 * ticket that goes ahead (issue 11 #3). Pure: no I/O, no clock of its own (`now` is given).
 *
 * The rules, in the order they apply:
 * 1. `overdue`: a ticket that has waited at least `maxWaitS` goes ahead of every priority, the
 *    longest-waiting first. This is what keeps priority from starving anyone.
 * 2. `transfer` and `requeued`: a ticket handed back by an agent's blind transfer, or put back after
 *    a lost call, goes to the front (the resident was already being served), earliest first.
 * 3. Head start: residents aged 80 or over (`age80`), who said they have a disability
 *    (`disability`), whose appointment is due (`appointment`), or who hung up and came back soon
 *    (`returning`) are ordered as if they had arrived `headStartS` earlier. Several reasons do not
 *    add up: one head start, all the tags.
 * 4. Everyone else: first come, first served.
 * Ties: creation time, then day and counter, then ticket id (so the order is deterministic).
 */
import type { PriorityTag } from '@rvw/shared';

/** What the rules need to know about a waiting ticket. */
export interface PriorityInput {
  ticketId: string;
  /** ISO timestamp of creation. */
  createdAt: string;
  /** Asia/Shanghai day of the number and the counter on that day (tie-breakers). */
  day: string;
  seq: number;
  /** When the ticket was accepted before, if it is back after a lost call (see queue-rules.ts). */
  requeuedAt?: string | null;
  /** When the resident's own hang-up ended the kiosk's previous call, if within 5 minutes. */
  returnedAt?: string | null;
  /** When an agent's blind transfer put the ticket back in the queue. */
  transferredAt?: string | null;
  /** The resident's age from the consented card, when known. */
  age?: number | null;
  disability?: boolean;
  /** An appointment due now became this ticket. */
  appointmentDue?: boolean;
}

export interface PriorityPolicy {
  /** No ticket waits longer than this because of priority. */
  maxWaitS: number;
  /** How far ahead a priority resident goes, in seconds (e.g. 300). */
  headStartS: number;
}

/** The age from which a resident goes ahead (issue 11 #3). */
export const PRIORITY_AGE = 80;

/** The head start a new centre's queue gives, in seconds. */
export const DEFAULT_HEAD_START_S = 300;

/** The head-start rules, as data: the tag and when it applies. */
export const HEAD_START_RULES: ReadonlyArray<{ tag: PriorityTag; applies: (t: PriorityInput) => boolean }> = [
  { tag: 'age80', applies: (t) => typeof t.age === 'number' && t.age >= PRIORITY_AGE },
  { tag: 'disability', applies: (t) => t.disability === true },
  { tag: 'appointment', applies: (t) => t.appointmentDue === true },
  { tag: 'returning', applies: (t) => !!t.returnedAt },
];

/** The front-of-queue rules, as data: the tag and the instant the ticket went back to the queue. */
export const FRONT_RULES: ReadonlyArray<{ tag: PriorityTag; since: (t: PriorityInput) => string | null }> = [
  { tag: 'transfer', since: (t) => t.transferredAt ?? null },
  { tag: 'requeued', since: (t) => t.requeuedAt ?? null },
];

/**
 * Since when a ticket counts as waiting: the blind transfer or the lost call that put it back, else
 * its creation (a resident served for 20 minutes and then transferred has not waited 20 minutes).
 */
export function waitingSince(t: PriorityInput): string {
  for (const rule of FRONT_RULES) {
    const since = rule.since(t);
    if (since) return since;
  }
  return t.createdAt;
}

/** How long a ticket has waited at `now`, in seconds (never negative). */
export function waitedSeconds(t: PriorityInput, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(waitingSince(t))) / 1000);
}

interface Ranked<T> {
  ticket: T & { tags: PriorityTag[] };
  /** 0 overdue, 1 front, 2 everyone else. */
  band: number;
  /** Within the band: the instant (ms) the ticket is ordered as if it had arrived. */
  key: number;
}

/** The waiting tickets in service order, each with the tags that say why it is where it is. */
export function orderByPriority<T extends PriorityInput>(
  candidates: readonly T[],
  now: Date,
  policy: PriorityPolicy,
): Array<T & { tags: PriorityTag[] }> {
  const ranked = candidates.map((t) => rank(t, now, policy));
  ranked.sort((a, b) => a.band - b.band || a.key - b.key || tieBreak(a.ticket, b.ticket));
  return ranked.map((r) => r.ticket);
}

function rank<T extends PriorityInput>(t: T, now: Date, policy: PriorityPolicy): Ranked<T> {
  const since = Date.parse(waitingSince(t));
  const overdue = waitedSeconds(t, now) >= policy.maxWaitS;
  const front = FRONT_RULES.filter((r) => r.since(t));
  const headStart = HEAD_START_RULES.filter((r) => r.applies(t));
  const tags: PriorityTag[] = [
    ...(overdue ? (['overdue'] as const) : []),
    ...front.map((r) => r.tag),
    ...headStart.map((r) => r.tag),
  ];
  const ticket = { ...t, tags };
  if (overdue) return { ticket, band: 0, key: since };
  if (front.length > 0) return { ticket, band: 1, key: since };
  return { ticket, band: 2, key: since - (headStart.length > 0 ? policy.headStartS * 1000 : 0) };
}

function tieBreak(a: PriorityInput, b: PriorityInput): number {
  return (
    compare(a.createdAt, b.createdAt) ||
    compare(a.day, b.day) ||
    a.seq - b.seq ||
    compare(a.ticketId, b.ticketId)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
