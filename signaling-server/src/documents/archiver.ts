/**
 * Archiving on close (办结即归档): when a case gets its outcome, the server renders the documents the
 * case gets (planDocuments), stores each encrypted with its SHA-256 in one transaction, and tells the
 * serving agent (`case:documents`). It starts right after the outcome's ack: the case and its source
 * are read at once (before a session end can purge the identity); rendering runs in the render
 * worker (render-pool.ts), never on the event loop. A failure is logged (ids and the error's kind
 * only) and retried once. Archiving a case again returns what is stored; `regenerate` renders a
 * stored document again from the same case and source, which gives the same bytes. A server stop
 * drops archiving in progress; the next start archives closed cases without documents.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { RequestError, type CaseDocument } from '@rvw/shared';
import type { Logger } from 'pino';
import type { CaseRecord, CaseVault } from '../cases/case-record';
import { loadCase } from '../cases/case-store';
import { memberRoom, type RvwServer } from '../socket/types';
import { documentInput, sourceOf, type SourceDeps } from './archive-input';
import { documentsOfCase, insertDocuments, slotOf, type NewDocument } from './document-store';
import {
  planDocuments,
  renderDocument,
  type DocumentInput,
  type DocumentPlanEntry,
  type ExternalRecords,
  type RenderedDocument,
} from './render';

/** The renderer archiving uses (default: the PDF renderer in ./render). */
export type RenderFn = (
  entry: DocumentPlanEntry,
  input: DocumentInput,
  records: ExternalRecords,
) => Promise<RenderedDocument | null>;

/** What the archiver needs. */
export interface ArchiverDeps extends SourceDeps {
  io: RvwServer;
  vault: CaseVault;
  log: Logger;
  records: ExternalRecords;
  /** Default renderDocument. */
  render?: RenderFn;
  /** Wait before the one retry, in ms; default 1000. */
  retryDelayMs?: number;
}

/** The error's kind for the log: never its message, which could quote a document's content. */
function errorKind(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: typeof err };
  const e = err as Error & { code?: unknown; path?: unknown };
  return {
    error: e.name,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    // A missing font file names its path: not personal, and it tells the operator what to install.
    ...(typeof e.path === 'string' && e.path.startsWith('/usr/') ? { path: e.path } : {}),
  };
}

/** Renders, stores and announces the documents of closed cases. */
export class DocumentArchiver {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly render: RenderFn;
  private stopped = false;

  constructor(private readonly deps: ArchiverDeps) {
    this.render = deps.render ?? ((entry, input, records) => renderDocument(entry, input, records));
  }

  /**
   * A case just got its outcome: archive it in the background (the caller's ack is not held) and
   * tell its agent. The case and its source are read before this call's first await resolves.
   */
  caseClosed(rec: CaseRecord): void {
    const run = this.archiveWithRetry(rec.id).finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Resolves when every archiving started so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /**
   * The server stops: archiving in progress writes nothing more and is not retried (the next start
   * archives those cases: archiveMissing). A stop never waits for a render.
   */
  stop(): void {
    this.stopped = true;
  }

  private async archiveWithRetry(caseId: string): Promise<void> {
    const { log } = this.deps;
    for (let attempt = 1; attempt <= 2; attempt++) {
      if (this.stopped) return;
      try {
        const { rec, documents, created } = await this.archiveCase(caseId);
        if (this.stopped) return;
        if (created) log.info({ caseId, documents: documents.length }, 'case documents archived');
        this.deps.io.to(memberRoom('agent', rec.agentId)).emit('case:documents', { caseId, documents });
        return;
      } catch (err) {
        if (this.stopped) return;
        log.error({ caseId, attempt, ...errorKind(err) }, 'archiving case documents failed');
        if (attempt === 1) await new Promise((r) => setTimeout(r, this.deps.retryDelayMs ?? 1000));
      }
    }
  }

  /** Archives a closed case (idempotent: a case already archived answers with what is stored). */
  async archive(caseId: string): Promise<CaseDocument[]> {
    return (await this.archiveCase(caseId)).documents;
  }

  private async archiveCase(
    caseId: string,
  ): Promise<{ rec: CaseRecord; documents: CaseDocument[]; created: boolean }> {
    const { db, vault, clock } = this.deps;
    const loaded = await loadCase(db, vault, caseId);
    if (!loaded) throw RequestError.notFound('The case');
    const rec = loaded.rec;
    const existing = await documentsOfCase(db, caseId);
    if (existing.length) return { rec, documents: existing, created: false };
    if (rec.status !== 'closed' || !rec.outcome) throw new Error('the case has no outcome');
    const input = await documentInput(db, vault, rec, await sourceOf(this.deps, rec));
    // The outcome's ack leaves first; rendering is CPU work.
    await nextTurn();
    const createdAt = clock().toISOString();
    const docs: NewDocument[] = [];
    for (const entry of this.plan(rec)) {
      const out = await this.render(entry, input, this.deps.records);
      if (!out) continue;
      docs.push({
        id: randomUUID(),
        caseId,
        position: docs.length,
        kind: entry.kind,
        catalogueDocumentId: entry.catalogueDocumentId,
        title: entry.title,
        revision: rec.revision,
        sha256: out.sha256,
        bytes: out.bytes,
        pages: out.pages,
        createdAt,
      });
    }
    if (this.stopped) return { rec, documents: [], created: false };
    await db.transaction().execute((trx) => insertDocuments(trx, this.deps.paper, docs));
    return { rec, documents: await documentsOfCase(db, caseId), created: true };
  }

  private plan(rec: CaseRecord): DocumentPlanEntry[] {
    return planDocuments({ item: rec.item, outcome: rec.outcome!.outcome, signed: rec.signature !== null });
  }

  /**
   * Renders an archived document again from its case and the case's document source (the same
   * revision gives the same bytes while the case keeps its identity data). NOT_FOUND for an
   * unknown document.
   */
  async regenerate(documentId: string): Promise<RenderedDocument> {
    const { db, vault } = this.deps;
    const row = await db
      .selectFrom('documents')
      .select(['case_id', 'kind', 'catalogue_document_id'])
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!row) throw RequestError.notFound('The document');
    const loaded = await loadCase(db, vault, row.case_id);
    if (!loaded) throw RequestError.notFound('The case');
    const rec = loaded.rec;
    const input = await documentInput(db, vault, rec, await sourceOf(this.deps, rec));
    const slot = slotOf(row.kind, row.catalogue_document_id);
    const entry = this.plan(rec).find((e) => slotOf(e.kind, e.catalogueDocumentId) === slot);
    const out = entry ? await this.render(entry, input, this.deps.records) : null;
    if (!out) throw RequestError.notFound('The document in the case plan');
    return out;
  }

  /** Archives closed cases that have no documents (a stop between the outcome and the archive). */
  async archiveMissing(limit = 50): Promise<void> {
    const rows = await this.deps.db
      .selectFrom('cases as c')
      .leftJoin('documents as d', 'd.case_id', 'c.id')
      .select('c.id')
      .where('c.status', '=', 'closed')
      .where('c.outcome', 'is not', null)
      .where('d.id', 'is', null)
      .orderBy('c.closed_at', 'desc')
      .limit(limit)
      .execute();
    for (const r of rows) {
      const run = this.archiveWithRetry(r.id).finally(() => this.pending.delete(run));
      this.pending.add(run);
    }
  }
}
