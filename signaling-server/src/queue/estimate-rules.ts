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
   * The wider pool the ticket reaches later: once it has waited its centre's anySkillAfterS, any
   * agent of the centre may take it (routing-rules.ts). Absent when there is no wider pool.
   */
  widened?: WidenedPool;
}

/** Who may serve the ticket after a wait, and how many tickets are ahead of it then. */
export interface WidenedPool {
  /** Seconds until the ticket reaches the pool (0: it has already). */
  inS: number;
  /** Tickets ahead of it that the wider pool's agents serve. */
  ahead: number;
  /** Agents online who may serve it then (at least the narrow pool's). */
  agentsOnline: number;
}

/**
 * Seconds until a ticket with `ahead` before it starts, with `agents` serving and `free` of them
 * free now: the free ones take the tickets ahead at once, and each further start comes on average
 * every mean handling / agents (exact for memoryless handling; near enough for the log-normal).
 */
function startS(ahead: number, agents: number, free: number, meanHandlingS: number): number {
  return ((Math.max(0, ahead - free) + 1) * meanHandlingS) / agents;
}

/**
 * The estimate for a ticket with `ahead` tickets before it: `(ahead − free + 1) × mean handling /
 * agents online`, or, when sooner, the wait until the wider pool takes it plus the same formula over
 * the wider pool; in whole minutes rounded up, at least 1. "Next" at the head with an agent free;
 * "cannot say" with nobody online in either pool, or without recent handling times.
 */
export function estimateWait({
  ahead,
  agentsOnline,
  freeAgents,
  recentHandlingS,
  widened,
}: EstimateInput): WaitEstimate {
  const wide = widened && widened.agentsOnline > 0 ? widened : null;
  if (agentsOnline <= 0 && !wide) return { kind: 'none', reason: 'no-agent-online' };
  if (agentsOnline > 0 && ahead <= 0 && freeAgents > 0) return { kind: 'next' };
  const meanHandlingS = robustMean(recentHandlingS);
  if (meanHandlingS === null) return { kind: 'none', reason: 'no-history' };
  const options: Array<{ s: number; agents: number }> = [];
  if (agentsOnline > 0)
    options.push({ s: startS(ahead, agentsOnline, freeAgents, meanHandlingS), agents: agentsOnline });
  if (wide)
    options.push({
      s: Math.max(0, wide.inS) + startS(wide.ahead, wide.agentsOnline, 0, meanHandlingS),
      agents: wide.agentsOnline,
    });
  const best = options.reduce((a, b) => (b.s < a.s ? b : a));
  const minutes = Math.max(1, Math.ceil(best.s / 60));
  return { kind: 'minutes', minutes, agentsOnline: best.agents, meanHandlingS };
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
  const valid = samples.filter((s) => Number.isFinite(s) && s >= 0).sort((a, b) => a - b);
  if (valid.length === 0) return null;
  const cut = Math.floor(valid.length * TRIM_SHARE);
  const high = cut === 0 && valid.length >= 5 ? 1 : cut;
  const kept = valid.slice(cut, valid.length - high);
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
