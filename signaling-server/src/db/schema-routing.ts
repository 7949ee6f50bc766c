/** The tables of issue 11 (routing and supervision) as Kysely types; see migration-0008-routing.ts. */
import type { Generated, Selectable } from 'kysely';

/** Centres: `partners` is a JSON array of centre ids, `routing` JSON RoutingSettings. */
export interface CentresTable {
  id: string;
  name: string;
  region: string;
  partners: string;
  routing: string;
  created_at: string;
}

/** Every change of an agent's status, with why. */
export interface AgentStatusChangesTable {
  id: Generated<number>;
  agent_id: string;
  status: 'available' | 'in-session' | 'wrap-up' | 'away';
  reason: string;
  at: string;
}

/** Offers of a ticket to one agent; `outcome` null while open (one open per ticket and per agent). */
export interface OffersTable {
  id: string;
  ticket_id: string;
  agent_id: string;
  centre_id: string;
  need: string;
  offered_at: string;
  expires_at: string;
  outcome: 'accepted' | 'missed' | 'declined' | 'withdrawn' | null;
  decided_at: string | null;
}

/** Transfers of a live session (the case records them through its session). */
export interface TransfersTable {
  id: string;
  session_id: string;
  ticket_id: string;
  mode: 'blind' | 'consulted';
  target_kind: 'agent' | 'skill';
  target_agent_id: string | null;
  target_skill: string | null;
  from_agent_id: string;
  to_agent_id: string | null;
  phase: 'inviting' | 'consulting' | 'queued' | 'completed' | 'cancelled';
  note: string | null;
  created_at: string;
  updated_at: string;
  /** Why it was cancelled (migration 0009); null unless cancelled. */
  cancel_reason: Generated<TransferCancelReason | null>;
}

/** Why a transfer was cancelled (see shared TransferCancelReason). */
export type TransferCancelReason = 'declined' | 'timeout' | 'withdrawn' | 'session-ended' | 'restart';

/** Appointment slots of a centre's skill group. */
export interface AppointmentSlotsTable {
  id: string;
  centre_id: string;
  skill: string;
  item_code: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  specialist_agent_id: string | null;
  created_at: string;
}

/**
 * Appointments: the resident's name and phone are ciphertext (`v1:`, the appointment id as associated
 * data); the ID number only as a keyed hash (HMAC-SHA-256 with the identity key) and masked.
 */
export interface AppointmentsTable {
  id: string;
  slot_id: string;
  status: 'booked' | 'arrived' | 'served' | 'cancelled' | 'missed';
  resident_name: string;
  id_hash: string;
  id_masked: string;
  phone: string | null;
  booked_by: string;
  booked_at: string;
  kiosk_id: string | null;
  arrived_at: string | null;
  ticket_id: string | null;
}

/** Notes added to a follow-up while it is open. */
export interface FollowUpNotesTable {
  id: Generated<number>;
  follow_up_id: string;
  by: string;
  at: string;
  text: string;
}

export type CentreRow = Selectable<CentresTable>;
export type OfferRow = Selectable<OffersTable>;
export type TransferRow = Selectable<TransfersTable>;
export type AppointmentSlotRow = Selectable<AppointmentSlotsTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
