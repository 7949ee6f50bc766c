/**
 * A closed case's documents and their printing at the kiosk, outside React: the documents the server
 * archived (pushed as `case:documents`, or read back after a reload), each document's newest print
 * job kept live from `print:state`, and the agent's print clicks. A click makes one request id; if
 * its request fails before a job comes back, pressing again retries with the same id (the server
 * answers a repeated id with the same job, so nothing prints twice); once the job has ended (done,
 * failed, declined) the next click is a new job with a new id.
 */
import {
  ErrorCode,
  type CaseDocument,
  type ClientAckData,
  type ClientPayload,
  type PrintJob,
} from '@rvw/shared';
import { errorCodeOf } from '../lib/errors';
import { CaseViews, type PaperLoad } from './case-views';
import { isFinalJob, newerJob } from './print-rules';

/** How the store reaches the server. */
export interface PrintTransport {
  print(p: ClientPayload<'print:request'>): Promise<ClientAckData<'print:request'>>;
  listDocuments(caseId: string): Promise<CaseDocument[]>;
  /** Newest first. */
  listPrintJobs(caseId: string): Promise<PrintJob[]>;
}

/** A print click whose job has not come back yet. */
export interface PendingPrint {
  /** The click's idempotency key, reused when the same click is retried. */
  requestId: string;
  sending: boolean;
  /** Why the request failed (an error code), until it is retried. */
  error: string | null;
}

export type { PaperLoad } from './case-views';

/** One case's documents as the panel renders them. */
export interface CaseDocumentsView {
  documents: readonly CaseDocument[];
  load: PaperLoad;
  loadError: string | null;
  /** The newest job of each document, by document id. */
  jobs: Readonly<Record<string, PrintJob>>;
  /** Clicks awaiting their job, by document id. */
  pending: Readonly<Record<string, PendingPrint>>;
}

/** The outcome of a print click. */
export type PrintResult = { ok: true; job: PrintJob } | { ok: false; code: string };

const EMPTY: CaseDocumentsView = { documents: [], load: 'idle', loadError: null, jobs: {}, pending: {} };

/** A request id: 32 hex digits from the browser's random source. */
export function newRequestId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Documents and print jobs of the agent's cases; one per console, reset on sign-out. */
export class PrintStore extends CaseViews<CaseDocumentsView> {
  constructor(
    private readonly transport: PrintTransport,
    private readonly newId: () => string = newRequestId,
  ) {
    super(EMPTY);
  }

  /** `case:documents`: the server archived a closed case's documents. */
  documentsArchived = (caseId: string, documents: readonly CaseDocument[]): void => {
    const v = this.view(caseId);
    this.set(caseId, { documents: mergeDocuments(v.documents, documents) });
  };

  /** `print:state` (or an ack): a job changed; the document shows its newest job. */
  jobChanged = (job: PrintJob): void => {
    const v = this.view(job.caseId);
    const shown = newerJob(v.jobs[job.documentId], job);
    const pending = v.pending[job.documentId];
    const answered = pending?.requestId === job.requestId;
    if (shown === v.jobs[job.documentId] && !answered) return;
    this.set(job.caseId, {
      jobs: { ...v.jobs, [job.documentId]: shown },
      pending: answered ? without(v.pending, job.documentId) : v.pending,
    });
  };

  /**
   * Reads a case's documents and print jobs from the server (after a reload, or when the panel first
   * shows a closed case). Once loaded it is not read again unless `force`.
   */
  load = async (caseId: string, force = false): Promise<void> => {
    const v = this.view(caseId);
    if (v.load === 'loading' || (v.load === 'loaded' && !force)) return;
    const epoch = this.epoch;
    this.set(caseId, { load: 'loading', loadError: null });
    try {
      const [documents, jobs] = await Promise.all([
        this.transport.listDocuments(caseId),
        this.transport.listPrintJobs(caseId),
      ]);
      if (epoch !== this.epoch) return;
      this.set(caseId, { documents: mergeDocuments(documents, this.view(caseId).documents), load: 'loaded' });
      // Oldest first, so that each document ends with its newest job.
      for (const job of [...jobs].reverse()) this.jobChanged(job);
    } catch (e) {
      if (epoch === this.epoch) this.set(caseId, { load: 'failed', loadError: errorCodeOf(e) });
    }
  };

  /**
   * The agent pressed print (or 再打印, or retry) on a document. A click whose request failed is
   * retried with its own request id; a document whose job is still running is not printed again.
   */
  print = async (sessionId: string, caseId: string, documentId: string): Promise<PrintResult> => {
    const v = this.view(caseId);
    const job = v.jobs[documentId];
    const held = v.pending[documentId];
    if (held?.sending) return { ok: false, code: ErrorCode.RateLimited };
    if (!held && job && !isFinalJob(job)) return { ok: true, job };
    const requestId = held?.requestId ?? this.newId();
    const epoch = this.epoch;
    this.setPending(caseId, documentId, { requestId, sending: true, error: null });
    try {
      const { job: made } = await this.transport.print({ sessionId, documentId, requestId });
      if (epoch === this.epoch) this.jobChanged(made);
      return { ok: true, job: made };
    } catch (e) {
      const code = errorCodeOf(e);
      // A push of this click's job may have come while the ack was lost: then it is answered.
      if (epoch === this.epoch && this.view(caseId).pending[documentId]?.requestId === requestId)
        this.setPending(caseId, documentId, { requestId, sending: false, error: code });
      return { ok: false, code };
    }
  };

  private setPending(caseId: string, documentId: string, pending: PendingPrint): void {
    const v = this.view(caseId);
    this.set(caseId, { pending: { ...v.pending, [documentId]: pending } });
  }
}

/** The documents of `first`, in its order, then any of `more` it lacks (archived documents never change). */
function mergeDocuments(first: readonly CaseDocument[], more: readonly CaseDocument[]): CaseDocument[] {
  const ids = new Set(first.map((d) => d.documentId));
  return [...first, ...more.filter((d) => !ids.has(d.documentId))];
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}
