/**
 * The print routes: a case's jobs for its agent or a supervisor (the console's resync), and the
 * kiosk host's fetch of a job's PDF with its own credential: only its own job, of its current
 * (latest) session, while the job is `queued` or `printing`; NOT_FOUND otherwise, so that nothing
 * tells one kiosk about another's jobs. Every fetch is recorded as a download.
 */
import { RequestError, type HttpRoutes } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { assertCaseReadable } from '../documents/document-routes';
import { documentBytes, recordDownload } from '../documents/document-store';
import type { PaperVault } from '../documents/paper-vault';
import { accountOf, kioskOf, type RouteHandlers } from '../http/route-registrar';
import { getJob, jobsOfCase, latestSessionOfKiosk } from './print-store';

/** What the print routes need. */
export interface PrintRoutesDeps {
  db: Db;
  clock: Clock;
  paper: PaperVault;
}

type PrintRoutes = 'listCasePrintJobs' | 'kioskPrintFile';

/** HTTP routes of printing. */
export function printRouteHandlers(deps: PrintRoutesDeps): Pick<RouteHandlers<HttpRoutes>, PrintRoutes> {
  const { db, clock, paper } = deps;
  return {
    listCasePrintJobs: async ({ params }, ctx) => {
      await assertCaseReadable(db, accountOf(ctx), params.caseId);
      return { jobs: await jobsOfCase(db, params.caseId) };
    },
    kioskPrintFile: async ({ params }, ctx) => {
      const kiosk = kioskOf(ctx);
      const rec = await getJob(db, params.jobId);
      const printable =
        rec !== null &&
        rec.kioskId === kiosk.id &&
        (rec.job.state === 'queued' || rec.job.state === 'printing') &&
        (await latestSessionOfKiosk(db, kiosk.id)) === rec.job.sessionId;
      if (!printable) throw RequestError.notFound('The print job');
      const bytes = await documentBytes(db, paper, rec.job.documentId);
      if (!bytes) {
        ctx.log.error({ documentId: rec.job.documentId }, 'archived document does not match its digest');
        throw RequestError.internal();
      }
      await recordDownload(db, {
        documentId: rec.job.documentId,
        by: kiosk.id,
        role: 'kiosk',
        jobId: rec.job.jobId,
        at: clock(),
      });
      ctx.log.info({ jobId: rec.job.jobId, kioskId: kiosk.id }, 'print file fetched');
      return bytes;
    },
  };
}
