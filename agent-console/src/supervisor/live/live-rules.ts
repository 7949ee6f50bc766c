/** The live view's small rules, pure: when to read charts and follow-ups again, what to show of a day. */
import type { SupervisorCharts, SupervisorSnapshot } from '@rvw/shared';

/** The charts' queue series has a point every 10 minutes. */
export const CHART_STEP_MS = 10 * 60_000;

/** The Asia/Shanghai day (YYYY-MM-DD) of an instant, whatever the console machine's own zone. */
export function shanghaiDayOf(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

const ratingsTotal = (s: SupervisorSnapshot) =>
  Object.values(s.ratings.levels).reduce((a, b) => a + b, 0) + s.ratings.notRated;

/**
 * Today's charts are read again after a push when what they draw has moved: another answer, another
 * rating, or a new 10-minute point since they were read (server time). Another day's never move.
 */
export function chartsDue(
  chartsDay: string,
  chartsReadAt: number,
  prev: SupervisorSnapshot | null,
  next: SupervisorSnapshot,
): boolean {
  if (chartsDay !== next.today.day) return false;
  if (!prev || prev.today.day !== next.today.day) return true;
  if (prev.today.answered !== next.today.answered || ratingsTotal(prev) !== ratingsTotal(next)) return true;
  const now = Date.parse(next.serverTime);
  return Math.floor(now / CHART_STEP_MS) !== Math.floor(chartsReadAt / CHART_STEP_MS);
}

/** The follow-ups are read again when the number still open changed (one came, or one was closed). */
export function followUpsDue(prev: SupervisorSnapshot | null, next: SupervisorSnapshot): boolean {
  return !prev || prev.ratings.followUpsOpen !== next.ratings.followUpsOpen;
}

/** A note or closing text must say something: at least two characters. */
export function textProblem(text: string): 'short' | null {
  return text.trim().length < 2 ? 'short' : null;
}

/** The daily report's file name. */
export function reportFileName(centreId: string, day: string): string {
  return `日报-${centreId}-${day}.csv`;
}

/** The hours a chart shows: the working day (8–18) widened to any hour with answers. */
export function hoursShown(firstResponse: SupervisorCharts['firstResponse']): number[] {
  const busy = firstResponse.filter((h) => h.answered > 0).map((h) => h.hour);
  const from = Math.min(8, ...busy);
  const to = Math.max(18, ...busy);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** A share 0..1 as a whole percentage ("67%"), or null for none. */
export function percent(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}
