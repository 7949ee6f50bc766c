/** Time arithmetic for the queue and the call: clock offset, time waited, how late a ticket is. */

/** A ticket waiting this long turns amber (5 min). */
export const WAIT_WARN_MS = 5 * 60_000;
/** A ticket waiting this long turns red (10 min: the district's target for a general item). */
export const WAIT_LATE_MS = 10 * 60_000;

/** How late a waiting ticket is: within target, approaching it, or past it. */
export type WaitLevel = 'ok' | 'warn' | 'late';

/**
 * Server clock minus local clock, in ms, from a snapshot's `serverTime` and the local time it
 * arrived. Returns 0 for an unparsable time, so a bad snapshot degrades to the local clock.
 */
export function clockOffsetMs(serverTimeIso: string, receivedAtMs: number): number {
  const server = Date.parse(serverTimeIso);
  return Number.isFinite(server) ? server - receivedAtMs : 0;
}

/** Milliseconds elapsed since `sinceIso` on the server's clock; never negative, 0 if unparsable. */
export function elapsedMs(sinceIso: string, nowLocalMs: number, offsetMs: number): number {
  const since = Date.parse(sinceIso);
  if (!Number.isFinite(since)) return 0;
  return Math.max(0, nowLocalMs + offsetMs - since);
}

/** Whole seconds from now until `untilIso` on the server's clock (rounded up); never negative, 0 if unparsable. */
export function secondsLeft(untilIso: string, nowLocalMs: number, offsetMs: number): number {
  const until = Date.parse(untilIso);
  if (!Number.isFinite(until)) return 0;
  return Math.max(0, Math.ceil((until - nowLocalMs - offsetMs) / 1000));
}

/** Formats a duration as `m:ss` below an hour and `h:mm:ss` from an hour on (whole seconds, floored). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The colour band for a time waited: amber from 5 min, red from 10 min. */
export function waitLevel(waitedMs: number): WaitLevel {
  if (waitedMs >= WAIT_LATE_MS) return 'late';
  if (waitedMs >= WAIT_WARN_MS) return 'warn';
  return 'ok';
}

/**
 * A moment as `YYYY-MM-DD HH:mm` on Shanghai's clock (where the centres and kiosks are), whatever
 * the console machine's own time zone; the text as given if it is not a time.
 */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(t));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}
