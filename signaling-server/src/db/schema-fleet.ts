/** The tables of issue 12 (the fleet) as Kysely types; see migration-0011-fleet.ts. */
import type { Generated, Selectable } from 'kysely';

/** Each kiosk's latest health report (JSON) with its derived level and problems (JSON FleetProblem[]). */
export interface KioskHealthTable {
  kiosk_id: string;
  report: string;
  level: 'green' | 'amber' | 'red';
  problems: string;
  app_version: string | null;
  received_at: string;
}

/** The bounded history: a point at each change of level or problems, else one per bucket; 7 days. */
export interface KioskHealthHistoryTable {
  id: Generated<number>;
  kiosk_id: string;
  at: string;
  level: 'green' | 'amber' | 'red';
  /** JSON FleetProblemCode[]. */
  problems: string;
  app_version: string | null;
  rtt_ms: number | null;
  disk_free_bytes: number | null;
}

/** Admin settings of the fleet by key (`alert-rules`: JSON AlertRules). */
export interface FleetSettingsTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

/** Remote diagnostic requests, with who asked; `result` is JSON DiagnosticResult. */
export interface KioskDiagnosticsTable {
  id: string;
  kiosk_id: string;
  kind: 'logs' | 'checks' | 'restart';
  requested_by: string;
  requested_at: string;
  state: 'sent' | 'done' | 'failed' | 'expired';
  result: string | null;
  error: string | null;
  finished_at: string | null;
}

/** A credential rotation: the new token's hash until the kiosk says it stored the token. */
export interface KioskRotationsTable {
  id: string;
  kiosk_id: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  saved_at: string | null;
}

/** Each update channel's release and staged rollout. */
export interface UpdateChannelsTable {
  channel: 'stable' | 'beta';
  version: string;
  rollout_percent: number;
  release_notes: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** Call set-up times, once per session and side. */
export interface CallSetupsTable {
  session_id: string;
  side: 'kiosk' | 'agent';
  ms: number;
  reported_at: string;
}

export type KioskHealthRow = Selectable<KioskHealthTable>;
export type KioskDiagnosticRow = Selectable<KioskDiagnosticsTable>;
export type UpdateChannelRow = Selectable<UpdateChannelsTable>;
