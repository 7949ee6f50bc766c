/**
 * The database's tables as Kysely types. Timestamps are ISO-8601 strings (UTC), booleans are 0/1:
 * both portable to PostgreSQL without changing a query.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

/** Agents and supervisors (role admin). */
export interface AgentsTable {
  id: string;
  username: string;
  display_name: string;
  role: 'agent' | 'admin';
  /** scrypt$N$r$p$salt$hash (see accounts/passwords.ts). */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** Login tokens: only the SHA-256 of the token is stored. */
export interface AuthSessionsTable {
  id: string;
  agent_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** Enrolled kiosks: only the SHA-256 of the kiosk's secret token is stored. */
export interface KiosksTable {
  id: string;
  name: string;
  location: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  /** When the kiosk's last socket went away (ISO); null while connected or never seen to leave. */
  offline_since: Generated<string | null>;
}

/** The last ticket number issued on each Asia/Shanghai calendar day (YYYY-MM-DD). */
export interface TicketCountersTable {
  day: string;
  last: number;
}

/** Tickets. A kiosk holds at most one ticket whose status is waiting or serving (partial unique index). */
export interface TicketsTable {
  id: string;
  /** Asia/Shanghai calendar day the number belongs to. */
  day: string;
  /** The counter value on that day: 1 for A001. */
  seq: number;
  number: string;
  kiosk_id: string;
  status: 'waiting' | 'serving' | 'done' | 'cancelled';
  created_at: string;
  agent_id: string | null;
  accepted_at: string | null;
  closed_at: string | null;
  /** What the kiosk said of the resident's identity when it asked: pending, declined or none. */
  identity_intent: Generated<'pending' | 'declined' | 'none'>;
}

/** The identity a resident consented to share for one ticket. `id_number` is masked once the ticket closes. */
export interface TicketIdentitiesTable {
  ticket_id: string;
  card_type: string;
  name: string;
  english_name: string | null;
  gender: string;
  birth_date: string;
  id_number: string;
  id_number_masked: string;
  id_number_valid: number;
  nation: string | null;
  nationality: string | null;
  consented_at: string;
  purged_at: string | null;
}

/** Calls: exactly two members, one kiosk and one agent. */
export interface SessionsTable {
  id: string;
  ticket_id: string;
  kiosk_id: string;
  agent_id: string;
  started_at: string;
  ended_at: string | null;
  ended_by: 'kiosk' | 'agent' | 'system' | null;
  end_reason: string | null;
}

/** Every reveal of a full identity number: who, which ticket, when. */
export interface IdentityRevealsTable {
  id: Generated<number>;
  agent_id: string;
  ticket_id: string;
  at: string;
}

/** A session member whose last socket went away, and when the session ends unless it returns. */
export interface MemberAbsencesTable {
  session_id: string;
  member: 'kiosk' | 'agent';
  /** ISO time at which the server ends the session (endedBy 'system'). */
  deadline: string;
}

/** One row the health check rewrites to prove the store can write (see db/storage-health.ts). */
export interface StorageProbeTable {
  id: number;
  at: string;
}

/**
 * Failed sign-ins of one account (`account:<username>`) or one address (`address:<ip>`). Counted
 * before the password is checked, so that parallel guesses count too; a success takes it back.
 */
export interface LoginThrottleTable {
  key: string;
  /** Attempts counted since the counter was last forgotten (a success, or a quiet lock period). */
  failures: number;
  /** The last counted attempt (ISO); a counter quiet for the lock period is forgotten. */
  last_at: string;
  /** No attempt before this time (ISO): the growing delay. */
  next_attempt_at: string | null;
  /** Locked until this time (ISO). */
  locked_until: string | null;
}

/** Every table, as Kysely's database type (queries are checked against it). */
export interface Database {
  agents: AgentsTable;
  auth_sessions: AuthSessionsTable;
  kiosks: KiosksTable;
  ticket_counters: TicketCountersTable;
  tickets: TicketsTable;
  ticket_identities: TicketIdentitiesTable;
  sessions: SessionsTable;
  identity_reveals: IdentityRevealsTable;
  member_absences: MemberAbsencesTable;
  storage_probe: StorageProbeTable;
  login_throttle: LoginThrottleTable;
}

/** A row of agents. */
export type AgentRow = Selectable<AgentsTable>;
/** A row of kiosks. */
export type KioskRow = Selectable<KiosksTable>;
/** A row of tickets. */
export type TicketRow = Selectable<TicketsTable>;
/** A row of sessions. */
export type SessionRow = Selectable<SessionsTable>;
/** A row of ticket_identities. */
export type IdentityRow = Selectable<TicketIdentitiesTable>;
/** A new row of ticket_identities. */
export type NewIdentityRow = Insertable<TicketIdentitiesTable>;
