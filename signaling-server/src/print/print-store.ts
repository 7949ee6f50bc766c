/**
 * Print jobs in the database: one per agent's request key and session, read with their document's
 * title and digest and their session's members, moved from one state to the next only if still in
 * the state they were read in (a second report at the same time changes nothing twice).
 */
import type { PrintFailureReason, PrintJob, PrintJobState } from '@rvw/shared';
import type { Db } from '../db/database';
import type { PrintJobsTable } from '../db/schema';

/** A job with what its checks need. */
export interface JobRecord {
  job: PrintJob;
  kioskId: string;
  agentId: string;
  ticketId: string;
  sessionEnded: boolean;
}

function jobQuery(db: Db) {
  return db
    .selectFrom('print_jobs as j')
    .innerJoin('documents as d', 'd.id', 'j.document_id')
    .innerJoin('sessions as s', 's.id', 'j.session_id')
    .selectAll('j')
    .select([
      'd.kind',
      'd.title_zh',
      'd.title_en',
      'd.sha256',
      's.ticket_id',
      's.ended_at as session_ended_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof jobQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: Row): JobRecord {
  return {
    kioskId: r.kiosk_id,
    agentId: r.agent_id,
    ticketId: r.ticket_id,
    sessionEnded: r.session_ended_at !== null,
    job: {
      jobId: r.id,
      sessionId: r.session_id,
      caseId: r.case_id,
      documentId: r.document_id,
      kind: r.kind,
      title: { zh: r.title_zh, en: r.title_en },
      sha256: r.sha256,
      state: r.state,
      reason: r.reason as PrintFailureReason | null,
      detail: r.detail,
      requestId: r.request_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
  };
}

/** A job by id, or null. */
export async function getJob(db: Db, jobId: string): Promise<JobRecord | null> {
  const r = await jobQuery(db).where('j.id', '=', jobId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** The job an agent's request key made in a session, or null. */
export async function jobByRequest(db: Db, sessionId: string, requestId: string): Promise<JobRecord | null> {
  const r = await jobQuery(db)
    .where('j.session_id', '=', sessionId)
    .where('j.request_id', '=', requestId)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** Stores a new job (a UniqueViolation when the key was used in the session meanwhile). */
export async function insertJob(db: Db, row: PrintJobsTable): Promise<void> {
  await db.insertInto('print_jobs').values(row).execute();
}

/**
 * Moves a job from `from` to `to` (with reason and detail); false when it was no longer in `from`.
 */
export async function moveJob(
  db: Db,
  jobId: string,
  from: PrintJobState,
  to: { state: PrintJobState; reason?: string | null; detail?: string | null; at: Date },
): Promise<boolean> {
  const res = await db
    .updateTable('print_jobs')
    .set({
      state: to.state,
      reason: to.reason ?? null,
      detail: to.detail ?? null,
      updated_at: to.at.toISOString(),
    })
    .where('id', '=', jobId)
    .where('state', '=', from)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}

/** A session's jobs, oldest first. */
export async function jobsOfSession(db: Db, sessionId: string): Promise<JobRecord[]> {
  const rows = await jobQuery(db).where('j.session_id', '=', sessionId).orderBy('j.created_at').execute();
  return rows.map(toRecord);
}

/** A case's jobs, newest first. */
export async function jobsOfCase(db: Db, caseId: string): Promise<PrintJob[]> {
  const rows = await jobQuery(db)
    .where('j.case_id', '=', caseId)
    .orderBy('j.created_at', 'desc')
    .orderBy('j.id')
    .execute();
  return rows.map((r) => toRecord(r).job);
}

/** The id of the kiosk's latest session (open or ended), or null. */
export async function latestSessionOfKiosk(db: Db, kioskId: string): Promise<string | null> {
  const r = await db
    .selectFrom('sessions')
    .select('id')
    .where('kiosk_id', '=', kioskId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.id ?? null;
}
