/** The supervisor's live view (issue 11 #9): queues, agents, today's figures, ratings, charts. */
import { z } from 'zod';
import { CentreId } from './centre';
import { AgentPresence } from './agent-status';
import { Skill } from './needs';

/** One queue line of the view: per centre and skill (`unsure` for "ask staff"). */
export const QueueFigure = z.object({
  centreId: CentreId,
  need: z.union([Skill, z.literal('unsure')]),
  waiting: z.number().int().nonnegative(),
  /** Seconds the longest-waiting ticket has waited (0 when none). */
  longestWaitS: z.number().nonnegative(),
  /** Offers missed today for tickets of this centre and need. */
  offersMissed: z.number().int().nonnegative(),
});
export type QueueFigure = z.infer<typeof QueueFigure>;

/** Today's figures (Asia/Shanghai day), for the supervisor's centres. */
export const DayFigures = z.object({
  day: z.string(),
  /** Tickets answered (accepted) today. */
  answered: z.number().int().nonnegative(),
  /** Share of answered tickets answered within 60 s, 0..1; null when none answered. */
  firstResponseWithin1Min: z.number().min(0).max(1).nullable(),
  /** Cases closed today. */
  closed: z.number().int().nonnegative(),
  /** Share of closed cases with 办结 or 受理, 0..1; null when none closed. */
  resolvedShare: z.number().min(0).max(1).nullable(),
  notDone: z.number().int().nonnegative(),
  /** Mean session length in seconds; null when none ended today. */
  meanHandlingS: z.number().nonnegative().nullable(),
  /** Sessions where agent and kiosk belonged to different centres (跨域/跨省通办). */
  crossCentre: z.number().int().nonnegative(),
  /** Sessions with a portable (door-to-door, 上门办) kiosk. */
  portable: z.number().int().nonnegative(),
});
export type DayFigures = z.infer<typeof DayFigures>;

/** Today's ratings across the five levels, and the low-rating follow-ups still open. */
export const RatingFigures = z.object({
  levels: z.object({
    'very-satisfied': z.number().int().nonnegative(),
    satisfied: z.number().int().nonnegative(),
    'basically-satisfied': z.number().int().nonnegative(),
    dissatisfied: z.number().int().nonnegative(),
    'very-dissatisfied': z.number().int().nonnegative(),
  }),
  notRated: z.number().int().nonnegative(),
  followUpsOpen: z.number().int().nonnegative(),
});
export type RatingFigures = z.infer<typeof RatingFigures>;

/** One live session as the supervisor sees it. */
export const LiveSession = z.object({
  sessionId: z.string(),
  ticketNumber: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  centreId: CentreId,
  kioskCentreId: CentreId,
  kioskName: z.string(),
  startedAt: z.string(),
});
export type LiveSession = z.infer<typeof LiveSession>;

/** Everything the live view shows, pushed as `supervisor:update` when anything changes. */
export const SupervisorSnapshot = z.object({
  serverTime: z.string(),
  /** The centres this supervisor may see. */
  centres: z.array(z.object({ id: CentreId, name: z.string() })),
  queues: z.array(QueueFigure),
  agents: z.array(AgentPresence),
  sessions: z.array(LiveSession),
  today: DayFigures,
  ratings: RatingFigures,
});
export type SupervisorSnapshot = z.infer<typeof SupervisorSnapshot>;

/** The day's series for the charts: per 10 minutes for the queue, per hour and per day for the rest. */
export const SupervisorCharts = z.object({
  day: z.string(),
  /** Every 10 minutes of the day so far: waiting count and longest wait (s). */
  queue: z.array(z.object({ at: z.string(), waiting: z.number().int(), longestWaitS: z.number() })),
  /** Per hour: answered, and the share answered within 1 minute (null with none). */
  firstResponse: z.array(
    z.object({
      hour: z.number().int().min(0).max(23),
      answered: z.number().int(),
      within1Min: z.number().nullable(),
    }),
  ),
  /** The last 14 days: ratings per level. */
  ratingsPerDay: z.array(z.object({ day: z.string(), levels: RatingFigures.shape.levels })),
});
export type SupervisorCharts = z.infer<typeof SupervisorCharts>;
