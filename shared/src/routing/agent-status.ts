/** Agents' statuses (available, in a session, wrap-up, away) and what a supervisor sees of each. */
import { z } from 'zod';
import { CentreId } from './centre';
import { Skill } from './needs';

/** `in-session` and `wrap-up` are set by the server; an agent chooses `available` or `away`. */
export const AgentStatus = z.enum(['available', 'in-session', 'wrap-up', 'away']);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** What an agent may ask for with one click (wrap-up ends by choosing available). */
export const ChosenStatus = z.enum(['available', 'away']);
export type ChosenStatus = z.infer<typeof ChosenStatus>;

/** Why a status changed (recorded with every change). */
export const StatusReason = z.enum([
  'chosen', // the agent clicked
  'session-started',
  'session-ended', // into wrap-up
  'wrap-up-limit', // wrap-up ended by the centre's limit
  'missed-offer', // an offer timed out: the agent is set away so that offers stop going to an empty chair
  'signed-in',
  'signed-out', // last socket gone
]);
export type StatusReason = z.infer<typeof StatusReason>;

/** An agent's status as the agent (own) and a supervisor see it. */
export const AgentPresence = z.object({
  agentId: z.string(),
  displayName: z.string(),
  centreId: CentreId,
  skills: z.array(Skill),
  status: AgentStatus,
  /** ISO time the status began. */
  since: z.string(),
  /** Online = at least one console socket connected. An offline agent shows as away. */
  online: z.boolean(),
  /** The live session, while in one: its id and start (ISO). */
  session: z.object({ id: z.string(), startedAt: z.string(), ticketNumber: z.string() }).optional(),
  /** When wrap-up ends by itself (ISO), while in wrap-up. */
  wrapUpEndsAt: z.string().optional(),
});
export type AgentPresence = z.infer<typeof AgentPresence>;

/** Status texts for the console. */
export const AGENT_STATUS_TEXT: Record<AgentStatus, { zh: string; en: string }> = {
  available: { zh: '空闲', en: 'Available' },
  'in-session': { zh: '服务中', en: 'In a session' },
  'wrap-up': { zh: '整理中', en: 'Wrap-up' },
  away: { zh: '离开', en: 'Away' },
};
