/** The tables of issue 12 #1 (enrolment codes) as Kysely types; see migration-0010-enrolment.ts. */
import type { Selectable } from 'kysely';

/** One-time enrolment codes: only the code's SHA-256 is kept, never the code. */
export interface EnrolmentCodesTable {
  id: string;
  code_hash: string;
  centre_id: string;
  location: string;
  name: string | null;
  kind: 'fixed' | 'portable';
  /** The issuing account; null when issued by the server command. */
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  kiosk_id: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** Enrolment attempts per client address in the current one-minute window (shared by every node). */
export interface EnrolmentAttemptsTable {
  address: string;
  window_start: string;
  attempts: number;
}

/** A row of enrolment_codes. */
export type EnrolmentCodeRow = Selectable<EnrolmentCodesTable>;
