/**
 * When to alert a busy agent (a short sound and a count in the tab's title): the queue goes from
 * nothing to take to something waiting, or a ticket passes the one-minute first-response target.
 * Pure, so the rule is tested without a browser; use-queue-alerts.ts plays it in the page.
 */
import type { QueueEntry } from '@rvw/shared';

/** The first-response target: a resident should be answered within a minute (1 min). */
export const FIRST_RESPONSE_MS = 60_000;

/** What the rule remembers between two looks at the queue. */
export interface AlertMemory {
  /** Whether anything could be taken at the last look. */
  hadWaiting: boolean;
  /** Tickets already alerted for passing the target. */
  late: ReadonlySet<string>;
}

/** Before the first look: nothing waiting, nothing alerted. */
export const initialAlertMemory: AlertMemory = { hadWaiting: false, late: new Set() };

/** Tickets an agent could take now: those whose kiosk is online. */
function takeable(queue: readonly QueueEntry[]): QueueEntry[] {
  return queue.filter((e) => e.kioskOnline);
}

/** The number the tab's title shows: tickets an agent could take now. */
export function titleCount(queue: readonly QueueEntry[]): number {
  return takeable(queue).length;
}

/**
 * Looks at the queue at `nowServerMs` (the server's clock): whether to alert, and what to remember.
 * A ticket that passes the target alerts once; one that was already late at the first look only
 * counts towards the empty-to-waiting alert, so a sign-in makes one sound, not one per ticket.
 */
export function nextQueueAlert(
  memory: AlertMemory,
  queue: readonly QueueEntry[],
  nowServerMs: number,
): { alert: boolean; memory: AlertMemory } {
  const open = takeable(queue);
  const late = new Set<string>();
  let alert = !memory.hadWaiting && open.length > 0;
  for (const e of open) {
    const waited = nowServerMs - Date.parse(e.createdAt);
    if (waited < FIRST_RESPONSE_MS) continue;
    late.add(e.ticketId);
    if (memory.hadWaiting && !memory.late.has(e.ticketId)) alert = true;
  }
  return { alert, memory: { hadWaiting: open.length > 0, late } };
}
