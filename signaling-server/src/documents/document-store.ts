/**
 * Archived documents in the database: stored once per case and slot (re-archiving is idempotent),
 * listed in print order with their case number, read back decrypted, and every download recorded.
 */
import type { CaseDocument, DocumentKind, LocalText } from '@rvw/shared';
import type { Db } from '../db/database';
import type { DocumentsTable } from '../db/schema';
import { sha256Hex, type PaperVault } from './paper-vault';

/** One rendered document ready to be stored. */
export interface NewDocument {
  id: string;
  caseId: string;
  position: number;
  kind: DocumentKind;
  catalogueDocumentId: string | null;
  title: LocalText;
  revision: number;
  sha256: string;
  bytes: Buffer;
  pages: number;
  createdAt: string;
}

/** The label a document's content is bound to (with its case). */
export const documentLabel = (documentId: string): string => `document-${documentId}`;

/** The slot of a document in its case: one of each kind and catalogue document. */
export const slotOf = (kind: DocumentKind, catalogueDocumentId: string | null): string =>
  `${kind}:${catalogueDocumentId ?? ''}`;

/** Stores a case's documents in one go; a slot already archived keeps its first document. */
export async function insertDocuments(
  db: Db,
  vault: PaperVault,
  docs: readonly NewDocument[],
): Promise<void> {
  if (!docs.length) return;
  const rows: DocumentsTable[] = docs.map((d) => ({
    id: d.id,
    case_id: d.caseId,
    slot: slotOf(d.kind, d.catalogueDocumentId),
    position: d.position,
    kind: d.kind,
    catalogue_document_id: d.catalogueDocumentId,
    title_zh: d.title.zh,
    title_en: d.title.en,
    revision: d.revision,
    sha256: d.sha256,
    bytes: d.bytes.length,
    pages: d.pages,
    content: vault.seal(d.caseId, documentLabel(d.id), d.bytes),
    created_at: d.createdAt,
  }));
  await db
    .insertInto('documents')
    .values(rows)
    .onConflict((oc) => oc.columns(['case_id', 'slot']).doNothing())
    .execute();
}

function documentQuery(db: Db) {
  return db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .select([
      'd.id',
      'd.case_id',
      'd.kind',
      'd.catalogue_document_id',
      'd.title_zh',
      'd.title_en',
      'd.revision',
      'd.sha256',
      'd.bytes',
      'd.pages',
      'd.created_at',
      'c.number',
    ]);
}

type ListedRow = Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirstOrThrow']>>;

function toCaseDocument(r: ListedRow): CaseDocument {
  return {
    documentId: r.id,
    caseId: r.case_id,
    caseNumber: r.number,
    kind: r.kind,
    catalogueDocumentId: r.catalogue_document_id,
    title: { zh: r.title_zh, en: r.title_en },
    revision: r.revision,
    sha256: r.sha256,
    bytes: r.bytes,
    pages: r.pages,
    createdAt: r.created_at,
  };
}

/** A case's archived documents in print order (empty until it is archived). */
export async function documentsOfCase(db: Db, caseId: string): Promise<CaseDocument[]> {
  const rows = await documentQuery(db).where('d.case_id', '=', caseId).orderBy('d.position').execute();
  return rows.map(toCaseDocument);
}

/** A document with what its checks need: its case's session, kiosk, agent and status. */
export interface DocumentRecord {
  doc: CaseDocument;
  sessionId: string;
  kioskId: string;
  agentId: string;
  caseStatus: 'open' | 'closed' | 'abandoned';
}

/** A document by id, or null. */
export async function getDocument(db: Db, documentId: string): Promise<DocumentRecord | null> {
  const r = await documentQuery(db)
    .select(['c.session_id', 'c.kiosk_id', 'c.agent_id', 'c.status'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    doc: toCaseDocument(r),
    sessionId: r.session_id,
    kioskId: r.kiosk_id,
    agentId: r.agent_id,
    caseStatus: r.status,
  };
}

/** The PDF of a document, decrypted, or null when it does not exist or its digest is wrong. */
export async function documentBytes(
  db: Db,
  vault: PaperVault,
  documentId: string,
): Promise<Buffer<ArrayBuffer> | null> {
  const r = await db
    .selectFrom('documents')
    .select(['case_id', 'content', 'sha256'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!r) return null;
  const bytes = vault.open(r.case_id, documentLabel(documentId), r.content);
  return sha256Hex(bytes) === r.sha256 ? bytes : null;
}

/** Who downloaded a document. */
export type DownloadRole = 'agent' | 'admin' | 'kiosk';

/** Records one download (an agent's, an admin's, or a kiosk's for a print job). */
export async function recordDownload(
  db: Db,
  d: { documentId: string; by: string; role: DownloadRole; jobId?: string | null; at: Date },
): Promise<void> {
  await db
    .insertInto('document_downloads')
    .values({
      document_id: d.documentId,
      by: d.by,
      role: d.role,
      job_id: d.jobId ?? null,
      at: d.at.toISOString(),
    })
    .execute();
}

/** A document's downloads, oldest first. */
export async function downloadsOf(
  db: Db,
  documentId: string,
): Promise<Array<{ by: string; role: DownloadRole; at: string }>> {
  const rows = await db
    .selectFrom('document_downloads')
    .select(['by', 'role', 'at'])
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ by: r.by, role: r.role, at: r.at }));
}
