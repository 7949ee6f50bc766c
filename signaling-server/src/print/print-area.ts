/**
 * Printing at the session's kiosk: the serving agent's `print:request` makes a job (`offered`; the
 * same request key in the same session answers with the same job), the kiosk is offered it, the
 * resident agrees (`print:consent`, a ledger entry) or declines, and the kiosk host reports its
 * progress (`print:status`), which only ever moves forward; final states never change, so a
 * retried or repeated message cannot print twice. Every change goes to both members as
 * `print:state`. A (re)joining member gets the open jobs again; a session's end declines the jobs
 * still waiting for the resident.
 */
import {
  AuthError,
  FINAL_PRINT_STATES,
  PRINT_STATE_ORDER,
  PaperError,
  RequestError,
  SessionError,
  type PrintJob,
} from '@rvw/shared';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { appendConsent } from '../cases/consent-ledger';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { isUniqueViolation } from '../db/storage-errors';
import { getDocument } from '../documents/document-store';
import { scrubIdNumbers } from '@rvw/shared';
import type { SessionsArea } from '../sessions/sessions-area';
import type { EventHandlers } from '../socket/dispatch';
import { memberRoom, type RvwServer, type RvwSocket, type SocketData } from '../socket/types';
import { getJob, insertJob, jobByRequest, jobsOfSession, moveJob, type JobRecord } from './print-store';

/** What the print area needs. */
export interface PrintAreaDeps {
  io: RvwServer;
  db: Db;
  clock: Clock;
  log: Logger;
  sessions: SessionsArea;
}

type PrintEvents = 'print:request' | 'print:consent' | 'print:status';
type Sock = RvwSocket & { data: SocketData };

/** Print jobs: socket handlers, pushes, resync and the session's end. */
export class PrintArea {
  constructor(private readonly deps: PrintAreaDeps) {}

  /** Sends a job's state to both members of its session. */
  private push(rec: Pick<JobRecord, 'kioskId' | 'agentId'>, job: PrintJob): void {
    this.deps.io
      .to(memberRoom('kiosk', rec.kioskId))
      .to(memberRoom('agent', rec.agentId))
      .emit('print:state', job);
  }

  /** The job `jobId` if the socket is its session's kiosk (NOT_FOUND, NOT_SESSION_MEMBER). */
  private async kioskJob(socket: Sock, jobId: string): Promise<JobRecord> {
    if (socket.data.kind !== 'kiosk') throw AuthError.forbidden();
    const rec = await getJob(this.deps.db, jobId);
    if (!rec) throw RequestError.notFound('The print job');
    if (rec.kioskId !== socket.data.kioskId) throw SessionError.notMember();
    return rec;
  }

  /** A job after a move that may have lost a race: what is stored now. */
  private async reread(jobId: string): Promise<PrintJob> {
    return (await getJob(this.deps.db, jobId))!.job;
  }

  /** A (re)joining member: the session's open jobs again, and the kiosk the offers still waiting. */
  async resync(socket: RvwSocket, sessionId: string): Promise<void> {
    for (const { job } of await jobsOfSession(this.deps.db, sessionId)) {
      if (FINAL_PRINT_STATES.includes(job.state)) continue;
      if (job.state === 'offered' && socket.data.kind === 'kiosk') socket.emit('print:offer', job);
      socket.emit('print:state', job);
    }
  }

  /**
   * Inside the transaction that ends a session: jobs still offered are declined ('session ended').
   * Returns what tells both members after the commit.
   */
  async ending(trx: Db, sessionId: string): Promise<() => void> {
    const now = this.deps.clock();
    const moved: JobRecord[] = [];
    for (const rec of await jobsOfSession(trx, sessionId)) {
      if (rec.job.state !== 'offered') continue;
      const detail = 'session ended';
      if (await moveJob(trx, rec.job.jobId, 'offered', { state: 'declined', detail, at: now }))
        moved.push({
          ...rec,
          job: { ...rec.job, state: 'declined', detail, updatedAt: now.toISOString() },
        });
    }
    return () => {
      for (const rec of moved) this.push(rec, rec.job);
    };
  }

  /** Socket handlers of printing. */
  readonly handlers: Pick<EventHandlers, PrintEvents> = {
    'print:request': async (socket, { sessionId, documentId, requestId }) => {
      const { db, clock, log } = this.deps;
      if (socket.data.kind !== 'agent') throw AuthError.forbidden();
      const s = await this.deps.sessions.memberSession(socket, sessionId);
      const again = await jobByRequest(db, sessionId, requestId);
      if (again) return { job: again.job };
      const found = await getDocument(db, documentId);
      if (!found || found.sessionId !== sessionId) throw RequestError.notFound('The document');
      if (found.caseStatus !== 'closed') throw PaperError.documentNotReady();
      const now = clock().toISOString();
      const jobId = randomUUID();
      try {
        await insertJob(db, {
          id: jobId,
          session_id: sessionId,
          case_id: found.doc.caseId,
          document_id: documentId,
          kiosk_id: s.kioskId,
          agent_id: s.agentId,
          request_id: requestId,
          state: 'offered',
          reason: null,
          detail: null,
          created_at: now,
          updated_at: now,
        });
      } catch (err) {
        // The same key twice at once: the first job is the job.
        if (!isUniqueViolation(err)) throw err;
        return { job: (await jobByRequest(db, sessionId, requestId))!.job };
      }
      const rec = (await getJob(db, jobId))!;
      log.info({ jobId, sessionId, documentId, kind: found.doc.kind }, 'print job offered');
      this.deps.io.to(memberRoom('kiosk', s.kioskId)).emit('print:offer', rec.job);
      this.push(rec, rec.job);
      return { job: rec.job };
    },

    'print:consent': async (socket, { jobId, accepted, consentText, locale }) => {
      const { db, clock, log } = this.deps;
      const rec = await this.kioskJob(socket, jobId);
      // Repeated or late (the session ended and declined it): the job as it is.
      if (rec.job.state !== 'offered') return { job: rec.job };
      const at = clock();
      const moved = await db.transaction().execute(async (trx) => {
        const ok = await moveJob(trx, jobId, 'offered', { state: accepted ? 'queued' : 'declined', at });
        if (ok && accepted)
          await appendConsent(trx, {
            at,
            kind: 'print',
            kioskId: rec.kioskId,
            ticketId: rec.ticketId,
            caseId: rec.job.caseId,
            text: consentText,
            locale,
          });
        return ok;
      });
      const job = await this.reread(jobId);
      if (moved) {
        log.info({ jobId, accepted }, 'print job answered by the resident');
        this.push(rec, job);
      }
      return { job };
    },

    'print:status': async (socket, { jobId, state, reason, detail }) => {
      const { db, clock, log } = this.deps;
      const rec = await this.kioskJob(socket, jobId);
      const current = rec.job.state;
      if (FINAL_PRINT_STATES.includes(current)) return { job: rec.job };
      if (current === 'offered' && state !== 'failed')
        throw PaperError.wrongState('The resident has not agreed to print this yet.');
      // Only forward: a late `printing` after `done`, or a repeat, changes nothing.
      if (PRINT_STATE_ORDER[state] <= PRINT_STATE_ORDER[current]) return { job: rec.job };
      const moved = await moveJob(db, jobId, current, {
        state,
        reason: state === 'failed' ? (reason ?? 'unknown') : null,
        detail: detail === undefined ? null : scrubIdNumbers(detail),
        at: clock(),
      });
      const job = await this.reread(jobId);
      if (moved) {
        log.info({ jobId, state, reason: job.reason }, 'print job state reported');
        this.push(rec, job);
      }
      return { job };
    },
  };
}
