/**
 * Transfer of a live session (转办, issue 11 #6): blind (back to the queue at the front, for an agent
 * or a skill) or consulted (the second agent joins, hears a hand-over from the first, who then
 * leaves). The case and its form travel with the session.
 */
import { z } from 'zod';
import { IceServer } from '../domain';
import { Skill } from './needs';

export const TransferMode = z.enum(['blind', 'consulted']);
export type TransferMode = z.infer<typeof TransferMode>;

/** To one agent, or to a skill group (blind only: the ticket waits at the front for that skill). */
export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('skill'), skill: Skill }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

/**
 * - `inviting`: consulted, waiting for the second agent to answer;
 * - `consulting`: the second agent is connected to the first (hand-over);
 * - `queued`: blind, the ticket waits at the front for the target;
 * - `completed`: the second agent serves the resident;
 * - `cancelled`: the first agent kept the resident (or the invitation was declined or timed out).
 */
export const TransferPhase = z.enum(['inviting', 'consulting', 'queued', 'completed', 'cancelled']);
export type TransferPhase = z.infer<typeof TransferPhase>;

/**
 * Why a transfer was cancelled: the invited agent declined or did not answer in time, the first agent
 * withdrew it, the session ended meanwhile, or a server restart interrupted the hand-over call.
 */
export const TransferCancelReason = z.enum(['declined', 'timeout', 'withdrawn', 'session-ended', 'restart']);
export type TransferCancelReason = z.infer<typeof TransferCancelReason>;

export const Transfer = z.object({
  transferId: z.string(),
  sessionId: z.string(),
  ticketNumber: z.string(),
  mode: TransferMode,
  target: TransferTarget,
  phase: TransferPhase,
  from: z.object({ agentId: z.string(), displayName: z.string() }),
  /** The agent who answered (consulted) or accepted (blind), once known. */
  to: z.object({ agentId: z.string(), displayName: z.string() }).optional(),
  /** A short written hand-over the first agent may add; shown to the second. */
  note: z.string().max(500).optional(),
  at: z.string(),
  /** Set once cancelled: why. */
  reason: TransferCancelReason.optional(),
});
export type Transfer = z.infer<typeof Transfer>;

/**
 * A transfer as its agents get it (the `transfer:state` push and the transfer acks): the record plus
 * the ICE servers of the hand-over call, the same list every session's `session:opened` carries, so
 * that both agents (the invited one has no session of their own) reach each other through them.
 */
export const TransferState = Transfer.extend({
  iceServers: z.array(IceServer),
  /** As session:opened's: 'relay' sends the hand-over call through TURN too. */
  iceTransportPolicy: z.enum(['all', 'relay']).optional(),
});
export type TransferState = z.infer<typeof TransferState>;

/** What the kiosk is told: it shows and says "正在为您转接，请稍候" until the new agent is connected. */
export const KioskTransferNotice = z.object({
  sessionId: z.string(),
  phase: z.enum(['transferring', 'connected', 'cancelled']),
});
export type KioskTransferNotice = z.infer<typeof KioskTransferNotice>;

/** Someone an agent can transfer to: an agent (with status) or a skill group, with the centre. */
export const TransferOption = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('agent'),
    agentId: z.string(),
    displayName: z.string(),
    centreId: z.string(),
    skills: z.array(Skill),
    /** Only `available` agents may be chosen; others are listed greyed with their status. */
    status: z.enum(['available', 'in-session', 'wrap-up', 'away']),
    online: z.boolean(),
  }),
  z.object({ kind: z.literal('skill'), skill: Skill, agentsOnline: z.number().int().nonnegative() }),
]);
export type TransferOption = z.infer<typeof TransferOption>;
