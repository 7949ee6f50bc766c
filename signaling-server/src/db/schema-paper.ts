/** The tables of issue 10 (paper: documents, print jobs, materials) as Kysely types; see migration-0007-paper.ts. */
import type { Generated } from 'kysely';

/** What a case's documents were rendered from besides the case (so the same case renders the same bytes). */
export interface DocumentSourcesTable {
  case_id: string;
  centre_name: string;
  agent_name: string;
  /** Encrypted JSON { name, idNumber } of the consented identity; null when none was shared. */
  resident: string | null;
  created_at: string;
  /** When retention replaced the resident's number by its masked form. */
  resident_purged_at: string | null;
}

/** Archived documents of closed cases: the PDF encrypted (base64 inside AES-GCM, bound to case and document). */
export interface DocumentsTable {
  id: string;
  case_id: string;
  /** `kind:catalogueDocumentId`: one document per slot and case (re-archiving is idempotent). */
  slot: string;
  /** Print order within the case. */
  position: number;
  kind: 'application-form' | 'receipt' | 'one-time-notice' | 'item-notice';
  catalogue_document_id: string | null;
  title_zh: string;
  title_en: string;
  revision: number;
  sha256: string;
  bytes: number;
  pages: number;
  content: string;
  created_at: string;
}

/** Every download of a document: an agent's or admin's (API) or a kiosk's (printing). */
export interface DocumentDownloadsTable {
  id: Generated<number>;
  document_id: string;
  /** The agent's or the kiosk's id. */
  by: string;
  role: 'agent' | 'admin' | 'kiosk';
  job_id: string | null;
  at: string;
}

/** Print jobs at the session's kiosk; `request_id` is the agent's idempotency key per session. */
export interface PrintJobsTable {
  id: string;
  session_id: string;
  case_id: string;
  document_id: string;
  kiosk_id: string;
  agent_id: string;
  request_id: string;
  state: 'offered' | 'queued' | 'printing' | 'done' | 'failed' | 'declined';
  reason: string | null;
  detail: string | null;
  created_at: string;
  updated_at: string;
}

/** The agent's requests for a picture from the document camera. */
export interface MaterialRequestsTable {
  id: string;
  session_id: string;
  case_id: string;
  kiosk_id: string;
  agent_id: string;
  label: string;
  state: 'asked' | 'consented' | 'captured' | 'declined' | 'cancelled';
  material_id: string | null;
  created_at: string;
  updated_at: string;
}

/** Captured materials: the image encrypted (bound to case and material); content null once purged. */
export interface MaterialsTable {
  id: string;
  case_id: string;
  request_id: string;
  label: string;
  mime: 'image/jpeg' | 'image/png';
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  content: string | null;
  captured_at: string;
  purged_at: string | null;
}
