/**
 * The kiosk's wait estimate (issue 11 #5): a number of minutes only where there is a basis for one
 * (agents online who can serve the ticket, and recent handling times), else an honest "cannot say".
 * Pure: the store gathers the figures, these rules turn them into a WaitEstimate.
 */
import type { WaitEstimate } from '@rvw/shared';

export interface EstimateInput {
  /** Tickets ahead of this one that the same agents serve. */
  ahead: number;
  /** Agents online (connected, not away) who can serve this ticket. */
  agentsOnline: number;
  /** Of those, the ones free now (available, not in a session or wrap-up). */
  freeAgents: number;
  /** Recent handling times in seconds (see recentHandlingSamples). */
  recentHandlingS: readonly number[];
  /**
   * What the agents online who are not free are doing (see BusyAgent). An agent not listed counts
   * as just starting a session (a whole mean handling time ahead of it). Default: none listed.
   */
  busy?: readonly BusyAgent[];
  /**
   * The wider pool the ticket reaches later: once it has waited its centre's anySkillAfterS, any
   * agent of the centre may take it (routing-rules.ts). Absent when there is no wider pool.
   */
  widened?: WidenedPool;
}

/**
 * An agent who is not free: in a session for `inSessionS` seconds so far, or in wrap-up that ends
 * by the centre's limit in `wrapUpLeftS` seconds at the latest.
 */
export type BusyAgent = { inSessionS: number } | { wrapUpLeftS: number };

/** Who may serve the ticket after a wait, and how many tickets are ahead of it then. */
export interface WidenedPool {
  /** Seconds until the ticket reaches the pool (0: it has already). */
  inS: number;
  /** Tickets ahead of it that the wider pool's agents serve. */
  ahead: number;
  /** Agents online who may serve it then (at least the narrow pool's). */
  agentsOnline: number;
  /** Of those, the ones free now. Default 0. */
  freeAgents?: number;
  /** What the others are doing, as EstimateInput.busy. Default: none listed. */
  busy?: readonly BusyAgent[];
}

/**
 * A session that outlasted every recent sample is near its end, but not at it: it is given this
 * share of the mean handling time (and so is a wrap-up, at most, which the samples do not cover).
 */
export const OVERRUN_SHARE = 0.2;

/**
 * The expected seconds left of a session that has lasted `e`, from the samples themselves: the
 * mean of (s − e) over the samples s longer than e. Raw, that figure jumps up each time e passes a
 * short sample (the short ones stop counting), so that a session would seem to get further from its
 * end by going on; we keep its lowest value so far instead, so a longer session never waits longer
 * (a little optimistic for a session far beyond the usual, which the overrun share then covers).
 * At least `floorS`. Built once per estimate: sorted samples, suffix sums and running minima.
 */
function timeLeft(kept: readonly number[], floorS: number): (elapsedS: number) => number {
  const n = kept.length;
  const suffix: number[] = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + kept[i]!;
  // lowest[i]: the lowest residual mean just before e reaches kept[i], over kept[0..i].
  const lowest: number[] = [];
  for (let i = 0; i < n; i++) {
    const justBefore = suffix[i]! / (n - i) - kept[i]!;
    lowest.push(Math.min(justBefore, i > 0 ? lowest[i - 1]! : Infinity));
  }
  return (elapsedS) => {
    const e = Math.max(0, Number.isFinite(elapsedS) ? elapsedS : 0);
    let k = 0; // samples not longer than e
    while (k < n && kept[k]! <= e) k++;
    const now = k < n ? suffix[k]! / (n - k) - e : 0;
    return Math.max(floorS, Math.min(now, k > 0 ? lowest[k - 1]! : Infinity));
  };
}

/**
 * Seconds until a ticket with `ahead` before it starts, given when each agent is next free (0:
 * free now): the queue is played forward — the soonest-free agent takes the next ticket and is free
 * again a mean handling time later — and the ticket's own start is the (ahead + 1)-th.
 */
function startS(ahead: number, nextFreeS: number[], meanHandlingS: number): number {
  const t = [...nextFreeS];
  const soonest = () => t.reduce((best, v, i) => (v < t[best]! ? i : best), 0);
  for (let i = 0; i < ahead; i++) t[soonest()]! += meanHandlingS;
  return t[soonest()]!;
}

/** When each of `agents` is next free: the free ones now, the busy ones after their time left. */
function nextFree(
  agents: number,
  free: number,
  busy: readonly BusyAgent[],
  left: (elapsedS: number) => number,
  floorS: number,
): number[] {
  const f = Math.min(agents, Math.max(0, free));
  return Array.from({ length: agents }, (_, i) => {
    if (i < f) return 0;
    const b = busy[i - f];
    if (!b) return left(0);
    return 'inSessionS' in b ? left(b.inSessionS) : Math.max(0, Math.min(b.wrapUpLeftS, floorS));
  });
}

/**
 * The estimate for a ticket with `ahead` tickets before it: the queue played forward from when each
 * agent online is next free (startS, timeLeft), or, when sooner, the wait until the wider pool
 * takes it plus the same over the wider pool from then; in minutes rounded to the nearest, at least
 * 1. "Next" at the head with an agent free; "cannot say" with nobody online in either pool, or
 * without recent handling times.
 */
export function estimateWait({
  ahead,
  agentsOnline,
  freeAgents,
  recentHandlingS,
  busy = [],
  widened,
}: EstimateInput): WaitEstimate {
  const wide = widened && widened.agentsOnline > 0 ? widened : null;
  if (agentsOnline <= 0 && !wide) return { kind: 'none', reason: 'no-agent-online' };
  if (agentsOnline > 0 && ahead <= 0 && freeAgents > 0) return { kind: 'next' };
  const kept = keptSamples(recentHandlingS);
  const meanHandlingS = meanOf(kept);
  if (meanHandlingS === null) return { kind: 'none', reason: 'no-history' };
  const floorS = OVERRUN_SHARE * meanHandlingS;
  const left = timeLeft(kept, floorS);
  const options: Array<{ s: number; agents: number }> = [];
  if (agentsOnline > 0) {
    const times = nextFree(agentsOnline, freeAgents, busy, left, floorS);
    options.push({ s: startS(Math.max(0, ahead), times, meanHandlingS), agents: agentsOnline });
  }
  if (wide) {
    const inS = Math.max(0, wide.inS);
    const times = nextFree(wide.agentsOnline, wide.freeAgents ?? 0, wide.busy ?? [], left, floorS);
    const fromThen = times.map((t) => Math.max(0, t - inS));
    options.push({
      s: inS + startS(Math.max(0, wide.ahead), fromThen, meanHandlingS),
      agents: wide.agentsOnline,
    });
  }
  const best = options.reduce((a, b) => (b.s < a.s ? b : a));
  return { kind: 'minutes', minutes: toMinutes(best.s), agentsOnline: best.agents, meanHandlingS };
}

/**
 * Whole minutes for the kiosk's "大约 N 分钟" (about N minutes): the nearest, at least 1. Rounding
 * up made every estimate up to a minute longer than the expectation, on top of its own pessimism.
 */
export function toMinutes(s: number): number {
  return Math.max(1, Math.round(s / 60));
}

/** The share of samples cut from each end before averaging. */
export const TRIM_SHARE = 0.1;

/**
 * A trimmed mean (the middle 80 %) of the samples, in whole seconds, at least 1; null without any.
 *
 * Why not the plain mean: one session an agent forgot to close (an hour) would double the estimate
 * for everyone for two hours. Why not the median: handling times are right-skewed (log-normal), and
 * the time until `ahead + 1` sessions end is a sum, whose expectation is the mean, not the median;
 * the median underestimates it by the skew (about 15-25 % for the spread we see). The 10 %-trimmed
 * mean drops the outliers at both ends and stays close to the mean. With fewer than 10 samples
 * nothing is trimmed from a side (10 % of fewer than 10 rounds down to 0) except that the single
 * longest sample is dropped from 5 samples on, so one forgotten session cannot dominate a short history.
 */
export function robustMean(samples: readonly number[]): number | null {
  return meanOf(keptSamples(samples));
}

/** The samples robustMean averages, sorted. */
function keptSamples(samples: readonly number[]): number[] {
  const valid = samples.filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
  const cut = Math.floor(valid.length * TRIM_SHARE);
  const high = cut === 0 && valid.length >= 5 ? 1 : cut;
  return valid.slice(cut, valid.length - high);
}

function meanOf(kept: readonly number[]): number | null {
  if (kept.length === 0) return null;
  const mean = kept.reduce((sum, s) => sum + s, 0) / kept.length;
  return Math.max(1, Math.round(mean));
}

/** A handled session, as the store reads it. */
export interface HandledSession {
  /** ISO timestamp of the end. */
  endedAt: string;
  /** Seconds from the agent's acceptance to the end. */
  handlingS: number;
}

export interface RecentWindow {
  /** Only sessions that ended within this many seconds before `now` … */
  windowS: number;
  /** … at most this many, the latest … */
  maxCount: number;
  /** … and when the window holds fewer than this, the latest this many regardless of age. */
  minCount: number;
}

/** Two hours of history, the last 30 sessions at most; at least the last 5 when it is quiet. */
export const DEFAULT_RECENT: RecentWindow = { windowS: 2 * 3600, maxCount: 30, minCount: 5 };

/**
 * The handling times the estimate uses: the latest sessions that ended in the window before `now`
 * (the day's pace, not last week's), topped up with older ones when the window is nearly empty.
 */
export function recentHandlingSamples(
  sessions: readonly HandledSession[],
  now: Date,
  window: RecentWindow = DEFAULT_RECENT,
): number[] {
  const ended = sessions
    .filter((s) => Date.parse(s.endedAt) <= now.getTime() && Number.isFinite(s.handlingS))
    .sort((a, b) => (a.endedAt < b.endedAt ? 1 : a.endedAt > b.endedAt ? -1 : 0));
  const from = now.getTime() - window.windowS * 1000;
  const inWindow = ended.filter((s) => Date.parse(s.endedAt) >= from).length;
  const count = Math.min(window.maxCount, Math.max(inWindow, Math.min(window.minCount, ended.length)));
  return ended.slice(0, count).map((s) => s.handlingS);
}
