/**
 * The queue's pure rules: ticket numbers, the Asia/Shanghai day they count in, and the order in
 * which waiting tickets are served. No I/O here, so the rules are unit-tested in isolation and
 * priority rules (age, disability) can be added in one place later.
 */

/** What the rules need to know about a waiting ticket. */
export interface QueueCandidate {
  ticketId: string;
  /** ISO timestamp of creation. */
  createdAt: string;
  /** Asia/Shanghai day of the number, and the counter on that day (breaks ties within one millisecond). */
  day: string;
  seq: number;
  /**
   * When the ticket was accepted before, if it was: a waiting ticket that was once accepted is back
   * because the system ended its call (a member lost, the media lost), and it is served first.
   */
  requeuedAt?: string | null;
  /**
   * When the kiosk's previous call ended by the resident's own hang-up, if that was at most
   * RETURN_WINDOW_MS before this ticket: the resident is coming back, and is served near the front.
   */
  returnedAt?: string | null;
}

/** A resident who hung up and calls again within this time comes back near the front (issue 8 #7). */
export const RETURN_WINDOW_MS = 5 * 60_000;

/** How one of the kiosk's calls ended. */
export interface EndedCall {
  endedAt: string;
  endedBy: 'kiosk' | 'agent' | 'system';
}

/**
 * The `returnedAt` of a ticket created at `createdAt`, from its kiosk's ended calls: the end of the
 * last call before the ticket when the resident hung up on it (no outcome) at most RETURN_WINDOW_MS
 * before; else null (an agent's or the system's ending, or too long ago).
 */
export function returnedAt(createdAt: string, calls: readonly EndedCall[]): string | null {
  const created = Date.parse(createdAt);
  let last: EndedCall | null = null;
  for (const call of calls)
    if (Date.parse(call.endedAt) <= created && (!last || call.endedAt > last.endedAt)) last = call;
  if (!last || last.endedBy !== 'kiosk' || created - Date.parse(last.endedAt) > RETURN_WINDOW_MS) return null;
  return last.endedAt;
}

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar day (YYYY-MM-DD) of an instant: numbering restarts at local midnight. */
export function shanghaiDay(at: Date): string {
  const parts = shanghaiDate.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The number read aloud for the n-th ticket of a day: A001 … A999, then A1000 (never wraps). */
export function formatTicketNumber(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer, got ${seq}`);
  return `A${String(seq).padStart(3, '0')}`;
}

/**
 * Orders waiting tickets for service: tickets put back after a lost call first (earliest accepted
 * first), then residents coming back soon after hanging up, then first come, first served
 * (creation time, then day and counter).
 */
export function orderQueue<T extends QueueCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort(
    (a, b) =>
      Number(!a.requeuedAt) - Number(!b.requeuedAt) ||
      compare(a.requeuedAt ?? '', b.requeuedAt ?? '') ||
      Number(!a.returnedAt) - Number(!b.returnedAt) ||
      compare(a.createdAt, b.createdAt) ||
      compare(a.day, b.day) ||
      a.seq - b.seq ||
      compare(a.ticketId, b.ticketId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each waiting ticket's position (1 = next) in an already ordered queue. */
export function positions(ordered: readonly QueueCandidate[]): Map<string, number> {
  return new Map(ordered.map((c, i) => [c.ticketId, i + 1]));
}
