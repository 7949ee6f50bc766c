/**
 * Remote diagnostics (issue 12 #5): an admin asks a connected kiosk of their centre for its log
 * lines, its checks or a restart; the request is recorded with who asked and relayed
 * (`diagnostics:request`); only that kiosk may answer it, once (`diagnostics:result`); unanswered
 * requests expire after DIAGNOSTIC_EXPIRY_MS. Log lines are scrubbed again here before they are
 * stored (the kiosk scrubs them first). Every change is pushed to the centre's admins
 * (`fleet:diagnostics`).
 */
import { randomUUID } from 'node:crypto';
import {
  DiagnosticResult,
  RequestError,
  scrubIdNumbers,
  type DiagnosticKind,
  type DiagnosticRequest,
} from '@rvw/shared';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { KioskDiagnosticRow } from '../../db/schema-fleet';
import { memberRoom, type RvwServer } from '../../socket/types';
import { fleetRoom } from './fleet-room';
import { FleetError } from './fleet-errors';
import { requireKioskOfCentre } from './fleet-store';

/** How long a kiosk has to answer (60 s); then the request is `expired`. */
export const DIAGNOSTIC_EXPIRY_MS = 60_000;
/** How many requests listDiagnostics returns. */
const LIST_LIMIT = 50;

/** What the desk needs. */
export interface DiagnosticsDeskDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  /** True when the kiosk has a socket connected. */
  isOnline(kioskId: string): Promise<boolean>;
}

type Row = KioskDiagnosticRow & { requester_name: string | null; centre_id: string };

function toRequest(r: Row): DiagnosticRequest {
  const result = r.result ? DiagnosticResult.safeParse(JSON.parse(r.result)) : null;
  return {
    id: r.id,
    kioskId: r.kiosk_id,
    kind: r.kind,
    requestedBy: { id: r.requested_by, name: r.requester_name ?? r.requested_by },
    requestedAt: r.requested_at,
    state: r.state,
    result: result?.success ? result.data : null,
    error: r.error,
    finishedAt: r.finished_at,
  };
}

/** Records, relays, answers and expires diagnostic requests. */
export class DiagnosticsDesk {
  constructor(private readonly deps: DiagnosticsDeskDeps) {}

  /** Asks `kioskId` (of the caller's centre) for `kind`; KIOSK_OFFLINE when it is not connected. */
  async request(
    kioskId: string,
    kind: DiagnosticKind,
    by: string,
    centreId: string,
  ): Promise<DiagnosticRequest> {
    await requireKioskOfCentre(this.deps.db, kioskId, centreId);
    if (!(await this.deps.isOnline(kioskId))) throw FleetError.kioskOffline();
    const id = randomUUID();
    await this.deps.db
      .insertInto('kiosk_diagnostics')
      .values({
        id,
        kiosk_id: kioskId,
        kind,
        requested_by: by,
        requested_at: this.deps.clock().toISOString(),
        state: 'sent',
        result: null,
        error: null,
        finished_at: null,
      })
      .execute();
    // Audit: who asked which kiosk for what.
    this.deps.log.info({ requestId: id, kioskId, kind, by }, 'diagnostics requested');
    // The admins hear of it as sent before the kiosk can answer it.
    const sent = await this.pushed(id);
    this.deps.io.to(memberRoom('kiosk', kioskId)).emit('diagnostics:request', { requestId: id, kind });
    return sent;
  }

  /** The kiosk's answer: NOT_FOUND unless the request is this kiosk's, WRONG_STATE once finished. */
  async answer(
    kioskId: string,
    answer: { requestId: string; result: DiagnosticResult | null; error?: string | undefined },
  ): Promise<void> {
    const row = await this.deps.db
      .selectFrom('kiosk_diagnostics')
      .select(['kiosk_id', 'kind', 'state'])
      .where('id', '=', answer.requestId)
      .executeTakeFirst();
    if (!row || row.kiosk_id !== kioskId) throw RequestError.notFound('The diagnostic request');
    if (row.state !== 'sent') throw FleetError.finished();
    let result = answer.result;
    if (result && result.kind !== row.kind)
      throw RequestError.badPayload(`result.kind: expected "${row.kind}"`);
    if (result?.kind === 'logs') result = { kind: 'logs', lines: result.lines.map(scrubIdNumbers) };
    const done = result !== null;
    const res = await this.deps.db
      .updateTable('kiosk_diagnostics')
      .set({
        state: done ? 'done' : 'failed',
        result: result ? JSON.stringify(result) : null,
        error: done ? null : (answer.error ?? 'UNAVAILABLE'),
        finished_at: this.deps.clock().toISOString(),
      })
      .where('id', '=', answer.requestId)
      .where('state', '=', 'sent')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw FleetError.finished();
    this.deps.log.info(
      { requestId: answer.requestId, kioskId, state: done ? 'done' : 'failed' },
      'diagnostics answered',
    );
    await this.pushed(answer.requestId);
  }

  /** Expires the requests unanswered for DIAGNOSTIC_EXPIRY_MS; returns how many. */
  async expireDue(): Promise<number> {
    const now = this.deps.clock();
    const due = await this.deps.db
      .selectFrom('kiosk_diagnostics')
      .select('id')
      .where('state', '=', 'sent')
      .where('requested_at', '<=', new Date(now.getTime() - DIAGNOSTIC_EXPIRY_MS).toISOString())
      .execute();
    for (const { id } of due) {
      const res = await this.deps.db
        .updateTable('kiosk_diagnostics')
        .set({ state: 'expired', error: 'UNAVAILABLE', finished_at: now.toISOString() })
        .where('id', '=', id)
        .where('state', '=', 'sent')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) await this.pushed(id);
    }
    return due.length;
  }

  /** A kiosk's requests (of the caller's centre), newest first. */
  async list(kioskId: string, centreId: string): Promise<DiagnosticRequest[]> {
    await requireKioskOfCentre(this.deps.db, kioskId, centreId);
    const rows = await this.select()
      .where('d.kiosk_id', '=', kioskId)
      .orderBy('d.requested_at', 'desc')
      .limit(LIST_LIMIT)
      .execute();
    return rows.map(toRequest);
  }

  private select() {
    return this.deps.db
      .selectFrom('kiosk_diagnostics as d')
      .innerJoin('kiosks as k', 'k.id', 'd.kiosk_id')
      .leftJoin('agents as a', 'a.id', 'd.requested_by')
      .selectAll('d')
      .select(['a.display_name as requester_name', 'k.centre_id']);
  }

  private async pushed(id: string): Promise<DiagnosticRequest> {
    const row = await this.select().where('d.id', '=', id).executeTakeFirstOrThrow();
    const request = toRequest(row);
    this.deps.io.to(fleetRoom(row.centre_id)).emit('fleet:diagnostics', { request });
    return request;
  }
}
