/**
 * Capture requests and materials in the database: a request moves from one state to the next only
 * if still in the state it was read in; a material's image is stored encrypted (bound to its case
 * and id) and its content removed by retention while its row stays.
 */
import type { CaseMaterial, MaterialMime, MaterialRequest, MaterialRequestState } from '@rvw/shared';
import type { Db } from '../db/database';
import type { MaterialRequestsTable } from '../db/schema';
import { sha256Hex, type PaperVault } from '../documents/paper-vault';

/** A request with what its checks need. */
export interface RequestRecord {
  request: MaterialRequest;
  kioskId: string;
  agentId: string;
  ticketId: string;
  sessionEnded: boolean;
}

function requestQuery(db: Db) {
  return db
    .selectFrom('material_requests as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .selectAll('r')
    .select(['s.ticket_id', 's.ended_at as session_ended_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): RequestRecord {
  return {
    kioskId: r.kiosk_id,
    agentId: r.agent_id,
    ticketId: r.ticket_id,
    sessionEnded: r.session_ended_at !== null,
    request: {
      requestId: r.id,
      sessionId: r.session_id,
      caseId: r.case_id,
      label: r.label,
      state: r.state,
      materialId: r.material_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
  };
}

/** A request by id, or null. */
export async function getRequest(db: Db, requestId: string): Promise<RequestRecord | null> {
  const r = await requestQuery(db).where('r.id', '=', requestId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** A session's requests, oldest first. */
export async function requestsOfSession(db: Db, sessionId: string): Promise<RequestRecord[]> {
  const rows = await requestQuery(db).where('r.session_id', '=', sessionId).orderBy('r.created_at').execute();
  return rows.map(toRecord);
}

/** Stores a new request. */
export async function insertRequest(db: Db, row: MaterialRequestsTable): Promise<void> {
  await db.insertInto('material_requests').values(row).execute();
}

/** Moves a request from `from` to `to`; false when it was no longer in `from`. */
export async function moveRequest(
  db: Db,
  requestId: string,
  from: MaterialRequestState,
  to: { state: MaterialRequestState; materialId?: string; at: Date },
): Promise<boolean> {
  const res = await db
    .updateTable('material_requests')
    .set({
      state: to.state,
      updated_at: to.at.toISOString(),
      ...(to.materialId ? { material_id: to.materialId } : {}),
    })
    .where('id', '=', requestId)
    .where('state', '=', from)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** The label a material's image is bound to (with its case). */
export const materialLabel = (materialId: string): string => `material-${materialId}`;

/** A checked image to store. */
export interface NewMaterial {
  id: string;
  caseId: string;
  requestId: string;
  label: string;
  mime: MaterialMime;
  bytes: Uint8Array;
  width: number;
  height: number;
  at: Date;
}

/** Stores a material's image encrypted; returns it as the API lists it. */
export async function insertMaterial(db: Db, vault: PaperVault, m: NewMaterial): Promise<CaseMaterial> {
  const row = {
    id: m.id,
    case_id: m.caseId,
    request_id: m.requestId,
    label: m.label,
    mime: m.mime,
    bytes: m.bytes.length,
    width: m.width,
    height: m.height,
    sha256: sha256Hex(m.bytes),
    content: vault.seal(m.caseId, materialLabel(m.id), m.bytes),
    captured_at: m.at.toISOString(),
    purged_at: null,
  };
  await db.insertInto('materials').values(row).execute();
  return toMaterial(row);
}

function toMaterial(r: {
  id: string;
  case_id: string;
  request_id: string;
  label: string;
  mime: MaterialMime;
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  captured_at: string;
}): CaseMaterial {
  return {
    materialId: r.id,
    caseId: r.case_id,
    requestId: r.request_id,
    label: r.label,
    mime: r.mime,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    sha256: r.sha256,
    capturedAt: r.captured_at,
  };
}

/** A case's materials, oldest first (those whose image retention removed included). */
export async function materialsOfCase(db: Db, caseId: string): Promise<CaseMaterial[]> {
  const rows = await db
    .selectFrom('materials')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('captured_at')
    .execute();
  return rows.map(toMaterial);
}

/** A material with its image decrypted (null once retention removed it), or null when unknown; throws on a wrong digest. */
export async function getMaterial(
  db: Db,
  vault: PaperVault,
  materialId: string,
): Promise<{ material: CaseMaterial; image: Buffer<ArrayBuffer> | null } | null> {
  const r = await db.selectFrom('materials').selectAll().where('id', '=', materialId).executeTakeFirst();
  if (!r) return null;
  const image = r.content === null ? null : vault.open(r.case_id, materialLabel(r.id), r.content);
  if (image && sha256Hex(image) !== r.sha256) throw new Error('a stored material does not match its digest');
  return { material: toMaterial(r), image };
}
