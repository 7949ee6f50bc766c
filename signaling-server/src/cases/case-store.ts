/**
 * Cases in the database: opening one (the day's number in the same transaction), loading it with
 * its session's state, writing a change with an optimistic revision check (portable: no row locks),
 * its revisions, signatures and the recorded reads of its identity data.
 */
import { randomUUID } from 'node:crypto';
import {
  CaseError,
  formatCaseNumber,
  type CaseStatus,
  type FormRevision,
  type FormRevisionEntry,
  type SignatureRecord,
  type SignatureStrokes,
} from '@rvw/shared';
import type { Db } from '../db/database';
import type { CaseRow } from '../db/schema';
import { shanghaiDay } from '../queue/queue-rules';
import { sessionInCentre } from '../supervision/centre-scope';
import type { CaseRecord, CaseVault } from './case-record';

/** A case and whether its session has ended. */
export interface LoadedCase {
  rec: CaseRecord;
  sessionEnded: boolean;
}

/** What a new case is made of (the form already prefilled). */
export interface NewCase {
  sessionId: string;
  ticketId: string;
  kioskId: string;
  agentId: string;
  item: CaseRecord['item'];
  values: CaseRecord['values'];
  hash: string;
  fromCard: string[];
  prefix: string;
  now: Date;
}

/** Opens a case: takes the day's next number and inserts it at revision 0. */
export async function insertCase(db: Db, vault: CaseVault, c: NewCase): Promise<CaseRecord> {
  return db.transaction().execute(async (trx) => {
    const day = shanghaiDay(c.now);
    const counter = await trx
      .insertInto('case_counters')
      .values({ day, last: 1 })
      .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb('case_counters.last', '+', 1) })))
      .returning('last')
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    const row: CaseRow = {
      id,
      number: formatCaseNumber(c.prefix, day, counter.last),
      day,
      seq: counter.last,
      session_id: c.sessionId,
      ticket_id: c.ticketId,
      kiosk_id: c.kioskId,
      agent_id: c.agentId,
      item_code: c.item.code,
      item_version: c.item.version,
      item_snapshot: JSON.stringify(c.item),
      status: 'open',
      revision: 0,
      form_values: vault.sealValues(id, c.values),
      form_hash: c.hash,
      from_card: JSON.stringify(c.fromCard),
      flags: '[]',
      last_changed: null,
      confirm_requested: null,
      confirmation: null,
      signed_revision: null,
      outcome: null,
      reason: null,
      next_step: null,
      note: null,
      outcome_at: null,
      abandon_reason: null,
      opened_at: c.now.toISOString(),
      closed_at: null,
      identity_purged_at: null,
    };
    await trx.insertInto('cases').values(row).execute();
    return vault.toRecord(row, null);
  });
}

function caseQuery(db: Db) {
  return db
    .selectFrom('cases as c')
    .innerJoin('sessions as s', 's.id', 'c.session_id')
    .leftJoin('signatures as g', (j) =>
      j.onRef('g.case_id', '=', 'c.id').onRef('g.revision', '=', 'c.signed_revision'),
    )
    .selectAll('c')
    .select(['s.ended_at as session_ended_at', 'g.hash as sig_hash', 'g.signed_at as sig_at']);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof caseQuery>['executeTakeFirstOrThrow']>>;

function toLoaded(vault: CaseVault, r: JoinedRow): LoadedCase {
  const { session_ended_at, sig_hash, sig_at, ...row } = r;
  const sig =
    row.signed_revision !== null && sig_hash !== null && sig_at !== null
      ? { revision: row.signed_revision, hash: sig_hash, signed_at: sig_at }
      : null;
  return { rec: vault.toRecord(row, sig), sessionEnded: session_ended_at !== null };
}

/** A case by id with its session's state, or null. */
export async function loadCase(db: Db, vault: CaseVault, caseId: string): Promise<LoadedCase | null> {
  const r = await caseQuery(db).where('c.id', '=', caseId).executeTakeFirst();
  return r ? toLoaded(vault, r) : null;
}

/** Every case of a session, oldest first. */
export async function casesOfSession(db: Db, vault: CaseVault, sessionId: string): Promise<CaseRecord[]> {
  const rows = await caseQuery(db)
    .where('c.session_id', '=', sessionId)
    .orderBy('c.opened_at')
    .orderBy('c.seq')
    .execute();
  return rows.map((r) => toLoaded(vault, r).rec);
}

/** Filters of listCases; `agentId` limits to the cases an agent handled. */
export interface CaseFilter {
  sessionId?: string;
  status?: CaseStatus;
  number?: string;
  agentId?: string;
  /** Issue 11: only cases of sessions that belong to this centre (a supervisor's own). */
  centreId?: string;
  limit?: number;
}

/** Cases newest first. */
export async function listCases(db: Db, vault: CaseVault, f: CaseFilter): Promise<CaseRecord[]> {
  let q = caseQuery(db);
  if (f.sessionId) q = q.where('c.session_id', '=', f.sessionId);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.number) q = q.where('c.number', 'like', `${f.number.replace(/[%_\\]/g, '')}%`);
  if (f.agentId) q = q.where('c.agent_id', '=', f.agentId);
  if (f.centreId) q = q.where(sessionInCentre(f.centreId));
  const rows = await q
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.seq', 'desc')
    .limit(f.limit ?? 50)
    .execute();
  return rows.map((r) => toLoaded(vault, r).rec);
}

/**
 * Writes the mutable state of a case, only if it is still at `expectedRevision` and open (another
 * change in between is a CONFLICT, on any engine). The caller runs it inside its transaction.
 */
export async function saveCase(
  db: Db,
  vault: CaseVault,
  rec: CaseRecord,
  expectedRevision: number,
): Promise<void> {
  const res = await db
    .updateTable('cases')
    .set({
      status: rec.status,
      revision: rec.revision,
      form_values: vault.sealValues(rec.id, rec.values),
      form_hash: rec.hash,
      from_card: JSON.stringify(rec.fromCard),
      flags: JSON.stringify(rec.flags),
      last_changed: rec.lastChanged,
      confirm_requested: rec.confirmRequested,
      confirmation: rec.confirmation ? JSON.stringify(rec.confirmation) : null,
      signed_revision: rec.signature?.revision ?? null,
      outcome: rec.outcome?.outcome ?? null,
      reason: rec.outcome?.reason ?? null,
      next_step: rec.outcome?.nextStep ?? null,
      note: rec.outcome?.note ?? null,
      outcome_at: rec.outcome?.at ?? null,
      abandon_reason: rec.abandonReason,
      closed_at: rec.closedAt,
    })
    .where('id', '=', rec.id)
    .where('revision', '=', expectedRevision)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (res.numUpdatedRows === 0n)
    throw CaseError.conflict('The case changed in the meantime; reload it and try again.');
}

/** Stores one revision with its old and new value encrypted. */
export async function insertRevision(
  db: Db,
  vault: CaseVault,
  caseId: string,
  r: FormRevision,
): Promise<void> {
  await db
    .insertInto('form_revisions')
    .values({
      case_id: caseId,
      revision: r.revision,
      field: r.field,
      old_value: vault.sealValue(caseId, r.revision, r.oldValue),
      new_value: vault.sealValue(caseId, r.revision, r.newValue),
      by: r.by,
      at: r.at,
    })
    .execute();
}

/** A case's revisions, oldest first, values decrypted (a recorded read: getCase). */
export async function revisionsOf(db: Db, vault: CaseVault, caseId: string): Promise<FormRevisionEntry[]> {
  const rows = await db
    .selectFrom('form_revisions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    field: r.field,
    oldValue: vault.openValue(caseId, r.revision, r.old_value),
    newValue: vault.openValue(caseId, r.revision, r.new_value),
    by: r.by,
    at: r.at,
  }));
}

/** Stores the strokes of a signature (encrypted), bound to the revision and its hash. */
export async function insertSignature(
  db: Db,
  vault: CaseVault,
  caseId: string,
  s: { revision: number; hash: string; strokes: SignatureStrokes; at: string },
): Promise<void> {
  const values = {
    hash: s.hash,
    strokes: vault.seal(caseId, `signature-${s.revision}`, s.strokes.strokes),
    canvas_width: s.strokes.canvas.width,
    canvas_height: s.strokes.canvas.height,
    signed_at: s.at,
  };
  await db
    .insertInto('signatures')
    .values({ case_id: caseId, revision: s.revision, ...values })
    .onConflict((oc) => oc.columns(['case_id', 'revision']).doUpdateSet(values))
    .execute();
}

/** The valid signature of a case with its strokes, or null (none, voided, or strokes removed). */
export async function signatureOf(
  db: Db,
  vault: CaseVault,
  rec: CaseRecord,
): Promise<SignatureRecord | null> {
  if (!rec.signature) return null;
  const row = await db
    .selectFrom('signatures')
    .selectAll()
    .where('case_id', '=', rec.id)
    .where('revision', '=', rec.signature.revision)
    .executeTakeFirst();
  if (!row || row.strokes === null) return null;
  return {
    revision: row.revision,
    hash: row.hash,
    signedAt: row.signed_at,
    strokes: {
      canvas: { width: row.canvas_width, height: row.canvas_height },
      strokes: vault.open(rec.id, `signature-${row.revision}`, row.strokes),
    },
  };
}

/** Records a read of a case's identity data in full: who, when and what. */
export async function recordRead(
  db: Db,
  r: { caseId: string; agentId: string; what: string; at: Date },
): Promise<void> {
  await db
    .insertInto('case_reads')
    .values({ case_id: r.caseId, agent_id: r.agentId, what: r.what, at: r.at.toISOString() })
    .execute();
}

/** Every recorded read of a case, oldest first. */
export async function readsOf(
  db: Db,
  caseId: string,
): Promise<Array<{ agentId: string; at: string; what: string }>> {
  const rows = await db
    .selectFrom('case_reads')
    .select(['agent_id', 'at', 'what'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ agentId: r.agent_id, at: r.at, what: r.what }));
}

/** How many cases were closed with an outcome under each item (the catalogue's "most handled"). */
export async function handledCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['item_code', eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'closed')
    .groupBy('item_code')
    .execute();
  return new Map(rows.map((r) => [r.item_code, Number(r.n)]));
}
