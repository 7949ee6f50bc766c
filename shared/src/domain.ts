/** Domain shapes every boundary shares: accounts, kiosks, tickets, the queue and sessions. */
import { z } from 'zod';
import { FleetProblem } from './fleet/problems';
import { IdentitySummary } from './identity';
import { CentreId, ResidentPlace } from './routing/centre';
import { Skill, TicketNeed } from './routing/needs';
import { PriorityTag } from './routing/priority';

/**
 * Account roles: an agent serves tickets; an admin (supervisor) also manages accounts and kiosks; a
 * technician watches and fixes the fleet (the 设备 tab, enrolment codes, diagnostics) and sees no
 * resident, queue or account.
 */
export const Role = z.enum(['agent', 'admin', 'technician']);
export type Role = z.infer<typeof Role>;

/** An agent or supervisor account as clients see it. */
export const Agent = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** The centre the account belongs to; an admin (supervisor) sees and manages only this centre. */
  centreId: CentreId,
  /** The catalogue categories the agent serves (empty: only tickets of need `unsure`). */
  skills: z.array(Skill),
});
export type Agent = z.infer<typeof Agent>;

/** An enrolled kiosk. Its secret token is never part of this shape. */
export const Kiosk = z.object({
  id: z.string(),
  name: z.string(),
  /** The neighbourhood committee (居委会) where it stands; for a portable kiosk, its home base. */
  location: z.string(),
  centreId: CentreId,
  /** `fixed` in an office, `portable` carried to a bed-bound resident's home (上门办). */
  kind: z.enum(['fixed', 'portable']),
});
export type Kiosk = z.infer<typeof Kiosk>;

/** Ticket lifecycle: waiting -> serving -> done, or waiting -> cancelled. */
export const TicketStatus = z.enum(['waiting', 'serving', 'done', 'cancelled']);
export type TicketStatus = z.infer<typeof TicketStatus>;

/** A ticket: a number a person can read aloud (A007), counting from 1 each day. */
export const Ticket = z.object({
  id: z.string(),
  number: z.string(),
  kioskId: z.string(),
  status: TicketStatus,
  /** ISO timestamp of creation. */
  createdAt: z.string(),
  /** True once the resident consented and the kiosk attached their identity. */
  hasIdentity: z.boolean(),
  /** What the resident said they need (the tile they pressed). */
  need: TicketNeed,
  /** The kiosk's centre, which serves it first. */
  centreId: CentreId,
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * What the kiosk said about the resident's identity when it asked for a ticket: `pending` (they
 * consented; the identity follows over HTTP), `declined` (they read the consent question and
 * declined to share) or `none` (no card was presented). Agents see the difference.
 */
export const IdentityIntent = z.enum(['pending', 'declined', 'none']);
export type IdentityIntent = z.infer<typeof IdentityIntent>;

/** One line of the live queue as agents see it; the server sends the lines already in service order. */
/** Why the system ended a call whose ticket went back to the front of the queue. */
export const ReturnedReason = z.enum(['kiosk-lost', 'agent-lost', 'media-lost']);
export type ReturnedReason = z.infer<typeof ReturnedReason>;

/** The note a requeued ticket carries for the next agent. */
export const ReturnedNote = z.object({
  reason: ReturnedReason,
  /** The display name of the agent whose call ended. */
  agentName: z.string(),
  /** When the call ended (ISO). */
  at: z.string(),
});
export type ReturnedNote = z.infer<typeof ReturnedNote>;

export const QueueEntry = z.object({
  ticketId: z.string(),
  /** 1 = next to be served; decided by the server's queue rules, so clients never re-sort. */
  position: z.number().int().positive(),
  number: z.string(),
  kiosk: Kiosk,
  /** ISO timestamp when the ticket was taken; clients compute time waited against `serverTime`. */
  createdAt: z.string(),
  /** Present only after the resident consented; the number is masked. */
  identity: IdentitySummary.optional(),
  /** Why there is no identity (or that one is on its way); `none` for kiosks that do not say. */
  identityIntent: IdentityIntent,
  /** False while the ticket's kiosk has no socket connected: its ticket cannot be accepted. */
  kioskOnline: z.boolean(),
  /** When the offline kiosk's last socket went away (ISO), if the server saw it go. */
  kioskOfflineSince: z.string().optional(),
  need: TicketNeed,
  /** Why it is where it is (80+, 助残, 预约 …); empty for first come, first served. */
  tags: z.array(PriorityTag),
  /** Where the resident is: centre, committee, kiosk. */
  place: ResidentPlace,
  /**
   * What is wrong with the ticket's kiosk now (printer out of paper, reader fault…), from its latest
   * heartbeat and readiness check, so the agent can tell the resident before accepting; absent or empty when well.
   */
  kioskProblems: z.array(FleetProblem).optional(),
  /**
   * A ticket back at the front because the system ended its call (issue 13 #1): why (the resident's
   * kiosk lost, the agent lost, the media lost), which agent served it and when it ended, so the next
   * agent knows before accepting. Absent (or null) for any other ticket.
   */
  returned: ReturnedNote.nullable().optional(),
});
export type QueueEntry = z.infer<typeof QueueEntry>;

/** Which side ended a session; `system` means the server did (member lost, shutdown). */
export const EndedBy = z.enum(['kiosk', 'agent', 'system']);
export type EndedBy = z.infer<typeof EndedBy>;

/** A WebRTC ICE server, handed to both members when a session opens. */
export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** A session: exactly two members, one kiosk and one agent. */
export const Session = z.object({
  id: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  kiosk: Kiosk,
  agent: Agent.pick({ id: true, displayName: true }),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  endedBy: EndedBy.nullable(),
});
export type Session = z.infer<typeof Session>;
