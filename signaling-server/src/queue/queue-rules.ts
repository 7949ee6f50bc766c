/**
 * The queue's pure rules: ticket numbers, the Asia/Shanghai day they count in, and when a resident
 * counts as coming back. The order of service is priority-rules.ts's (issue 11). No I/O here, so
 * the rules are unit-tested in isolation.
 */

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
