/**
 * The database's tables as Kysely types. Timestamps are ISO-8601 strings (UTC), booleans are 0/1:
 * both portable to PostgreSQL without changing a query.
 */
import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  AgentStatusChangesTable,
  AppointmentSlotsTable,
  AppointmentsTable,
  CentresTable,
  FollowUpNotesTable,
  OffersTable,
  TransfersTable,
} from './schema-routing';
import type { EnrolmentAttemptsTable, EnrolmentCodesTable } from './schema-enrolment';
import type {
  CallSetupsTable,
  FleetSettingsTable,
  KioskDiagnosticsTable,
  KioskHealthHistoryTable,
  KioskHealthTable,
  KioskRotationsTable,
  UpdateChannelsTable,
} from './schema-fleet';
import type {
  DocumentSourcesTable,
  DocumentsTable,
  DocumentDownloadsTable,
  PrintJobsTable,
  MaterialRequestsTable,
  MaterialsTable,
} from './schema-paper';

export * from './schema-routing';
export * from './schema-enrolment';
export * from './schema-fleet';
export * from './schema-paper';

/** Agents and supervisors (role admin). */
export interface AgentsTable {
  id: string;
  username: string;
  display_name: string;
  role: 'agent' | 'admin' | 'technician';
  /** scrypt$N$r$p$salt$hash (see accounts/passwords.ts). */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** Issue 11: the centre, the skills (JSON array of categories), the status and since when. */
  centre_id: Generated<string>;
  skills: Generated<string>;
  status: Generated<'available' | 'in-session' | 'wrap-up' | 'away'>;
  status_since: Generated<string | null>;
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
  centre_id: Generated<string>;
  kind: Generated<'fixed' | 'portable'>;
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
  /** Issue 11: the tile pressed (a category or 'unsure') and the kiosk's centre. */
  need: Generated<string>;
  centre_id: Generated<string>;
  /** 1 when the resident said they have a disability. */
  disability: Generated<number>;
  /** Set by a blind transfer: the skill it now waits for, the one agent it waits for, and when. */
  route_skill: Generated<string | null>;
  target_agent_id: Generated<string | null>;
  transferred_at: Generated<string | null>;
  appointment_id: Generated<string | null>;
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
  /** 住址, AES-256-GCM ciphertext bound to the ticket; null when absent or once purged. */
  address: Generated<string | null>;
  /** 签发机关. */
  issuer: Generated<string | null>;
  /** YYYY-MM-DD. */
  valid_from: Generated<string | null>;
  /** YYYY-MM-DD or 'long-term'. */
  valid_to: Generated<string | null>;
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
  /** Issue 11: the serving agent's and the kiosk's centres at the accept (cross-centre figures). */
  agent_centre_id: Generated<string | null>;
  kiosk_centre_id: Generated<string | null>;
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

/** The last case number issued on each Asia/Shanghai calendar day (YYYY-MM-DD). */
export interface CaseCountersTable {
  day: string;
  last: number;
}

/**
 * One matter handled in a session (issue 9). The form's values are ciphertext (AES-256-GCM, the
 * case id as associated data): the full ID number and the address never sit in clear. JSON columns
 * hold plain JSON text; booleans are 0/1.
 */
export interface CasesTable {
  id: string;
  /** XH-20261207-0042: prefix, Shanghai day, the day's sequence. */
  number: string;
  day: string;
  seq: number;
  session_id: string;
  ticket_id: string;
  kiosk_id: string;
  agent_id: string;
  item_code: string;
  item_version: number;
  /** The catalogue item as it was when the case opened (JSON): the case keeps its version's form. */
  item_snapshot: string;
  status: 'open' | 'closed' | 'abandoned';
  /** The form's revision: 0 when opened, +1 per stored change. */
  revision: number;
  /** The form's values as encrypted JSON (`v1:` ciphertext). */
  form_values: string;
  /** formHash of the current content (SHA-256 hex of the canonical form). */
  form_hash: string;
  /** JSON array of field ids filled from the ID card and unchanged since. */
  from_card: string;
  /** JSON array of FieldFlag. */
  flags: string;
  /** The field changed by the last revision. */
  last_changed: string | null;
  /** The revision the agent asked the resident to confirm; null when none (or changed since). */
  confirm_requested: number | null;
  /** JSON { revision, hash, at } of the resident's confirmation of the current content, or null. */
  confirmation: string | null;
  /** The revision of the valid signature (in `signatures`), or null (none, or voided). */
  signed_revision: number | null;
  outcome: string | null;
  reason: string | null;
  next_step: string | null;
  note: string | null;
  outcome_at: string | null;
  abandon_reason: string | null;
  opened_at: string;
  closed_at: string | null;
  /** When the retention sweep replaced the identity values (ID numbers, addresses) by masked ones. */
  identity_purged_at: string | null;
}

/** Every stored change of a form; old and new values encrypted (associated data: case id and revision). */
export interface FormRevisionsTable {
  case_id: string;
  revision: number;
  field: string;
  old_value: string;
  new_value: string;
  by: string;
  at: string;
}

/** Signatures: the strokes (encrypted JSON) and the canvas, bound to a revision and its hash. */
export interface SignaturesTable {
  case_id: string;
  revision: number;
  hash: string;
  /** Encrypted JSON of SignatureStrokes['strokes']; null once the retention sweep removed it. */
  strokes: string | null;
  canvas_width: number;
  canvas_height: number;
  signed_at: string;
}

/** The consent ledger: append-only (triggers refuse UPDATE and DELETE). */
export interface ConsentEntriesTable {
  id: Generated<number>;
  at: string;
  kind: 'share-identity' | 'confirm-form' | 'sign-form' | 'print' | 'capture-material';
  kiosk_id: string;
  ticket_id: string | null;
  case_id: string | null;
  revision: number | null;
  hash: string | null;
  text: string;
  locale: 'zh-CN' | 'en';
}

/** One rating per session (好差评); `rated` 0 records "not rated" (the screen was left alone). */
export interface RatingsTable {
  session_id: string;
  rated: number;
  level: string | null;
  /** JSON array of LowRatingReason. */
  reasons: string;
  staff_note: string | null;
  at: string;
}

/** The follow-up a low rating opens; a supervisor closes it with a note. */
export interface FollowUpsTable {
  id: string;
  session_id: string;
  agent_id: string;
  opened_at: string;
  closed_at: string | null;
  closed_by: string | null;
  closing_note: string | null;
  assigned_to: Generated<string | null>;
}

/** Every read of a case's identity data in full: who, which case, when, what. */
export interface CaseReadsTable {
  id: Generated<number>;
  case_id: string;
  agent_id: string;
  at: string;
  what: string;
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
  case_counters: CaseCountersTable;
  cases: CasesTable;
  form_revisions: FormRevisionsTable;
  signatures: SignaturesTable;
  consent_entries: ConsentEntriesTable;
  ratings: RatingsTable;
  follow_ups: FollowUpsTable;
  case_reads: CaseReadsTable;
  document_sources: DocumentSourcesTable;
  documents: DocumentsTable;
  document_downloads: DocumentDownloadsTable;
  print_jobs: PrintJobsTable;
  material_requests: MaterialRequestsTable;
  materials: MaterialsTable;
  centres: CentresTable;
  agent_status_changes: AgentStatusChangesTable;
  offers: OffersTable;
  transfers: TransfersTable;
  appointment_slots: AppointmentSlotsTable;
  appointments: AppointmentsTable;
  follow_up_notes: FollowUpNotesTable;
  enrolment_codes: EnrolmentCodesTable;
  enrolment_attempts: EnrolmentAttemptsTable;
  kiosk_health: KioskHealthTable;
  kiosk_health_history: KioskHealthHistoryTable;
  fleet_settings: FleetSettingsTable;
  kiosk_diagnostics: KioskDiagnosticsTable;
  kiosk_rotations: KioskRotationsTable;
  update_channels: UpdateChannelsTable;
  call_setups: CallSetupsTable;
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
/** A row of cases. */
export type CaseRow = Selectable<CasesTable>;
/** A row of follow_ups. */
export type FollowUpRow = Selectable<FollowUpsTable>;
