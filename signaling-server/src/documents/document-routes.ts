/**
 * The document routes: a case's archived documents listed and downloaded by its agent or a
 * supervisor (every download recorded in document_downloads and as a read of the case, so it shows
 * in caseReads), and a document's downloads for supervisors.
 */
import { AuthError, RequestError, type HttpRoutes } from '@rvw/shared';
import type { AgentPrincipal } from '../accounts/account-store';
import { recordRead } from '../cases/case-store';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { documentBytes, documentsOfCase, downloadsOf, getDocument, recordDownload } from './document-store';
import type { PaperVault } from './paper-vault';
import { requireSessionCentre } from '../supervision/centre-scope';

/** What the document routes need. */
export interface DocumentRoutesDeps {
  db: Db;
  clock: Clock;
  paper: PaperVault;
}

type DocumentRoutes = 'listCaseDocuments' | 'downloadDocument' | 'documentDownloads';

/**
 * The case a caller may read: NOT_FOUND, or FORBIDDEN for a case another agent handled (an admin
 * reads any of their own centre's). Shared by the paper routes (documents, print jobs, materials).
 */
export async function assertCaseReadable(db: Db, who: AgentPrincipal, caseId: string): Promise<void> {
  const c = await db
    .selectFrom('cases')
    .select(['agent_id', 'session_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) throw RequestError.notFound('The case');
  if (who.role !== 'admin' && c.agent_id !== who.agent.id)
    throw AuthError.forbidden('Only the agent who handled this case (or an admin) may read it.');
  // Issue 11: an admin reads the cases of their own centre's sessions only.
  if (who.role === 'admin') await requireSessionCentre(db, c.session_id, who.agent.centreId, 'The case');
}

/** HTTP routes of the documents. */
export function documentRouteHandlers(
  deps: DocumentRoutesDeps,
): Pick<RouteHandlers<HttpRoutes>, DocumentRoutes> {
  const { db, clock, paper } = deps;
  return {
    listCaseDocuments: async ({ params }, ctx) => {
      await assertCaseReadable(db, accountOf(ctx), params.caseId);
      return { documents: await documentsOfCase(db, params.caseId) };
    },
    downloadDocument: async ({ params }, ctx) => {
      const who = accountOf(ctx);
      // The route's roles keep technicians out; the download record names an agent or an admin.
      const role = who.role;
      if (role === 'technician') throw AuthError.forbidden();
      const found = await getDocument(db, params.documentId);
      if (!found) throw RequestError.notFound('The document');
      await assertCaseReadable(db, who, found.doc.caseId);
      const bytes = await documentBytes(db, paper, params.documentId);
      if (!bytes) {
        ctx.log.error({ documentId: params.documentId }, 'archived document does not match its digest');
        throw RequestError.internal();
      }
      const at = clock();
      await db.transaction().execute(async (trx) => {
        await recordDownload(trx, { documentId: params.documentId, by: who.agent.id, role, at });
        await recordRead(trx, {
          caseId: found.doc.caseId,
          agentId: who.agent.id,
          what: `document:download ${found.doc.kind} ${params.documentId}`,
          at,
        });
      });
      ctx.log.info({ documentId: params.documentId, agentId: who.agent.id }, 'document downloaded');
      return bytes;
    },
    documentDownloads: async ({ params }, ctx) => {
      const found = await getDocument(db, params.documentId);
      if (!found) throw RequestError.notFound('The document');
      await assertCaseReadable(db, accountOf(ctx), found.doc.caseId);
      return { downloads: await downloadsOf(db, params.documentId) };
    },
  };
}
