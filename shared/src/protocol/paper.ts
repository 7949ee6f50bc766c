/**
 * The paper area of the socket protocol (issue 10): print jobs and document-camera captures, both
 * on the session's case and at the session's kiosk only.
 *
 * Printing: the agent's `print:request` (with an idempotency key) creates a job in `offered` and
 * the server sends `print:offer` to the session's kiosk; the resident agrees or declines
 * (`print:consent`, a ledger entry either way it agrees); the kiosk host then fetches the PDF over
 * HTTPS (`kioskPrintFile`), checks the SHA-256 the offer named, prints, and reports `print:status`.
 * Every change goes to both members as `print:state`. On (re)open of a session the server re-sends
 * `print:offer` for jobs still `offered` and `print:state` for the others.
 *
 * Capture: the agent's `material:request` makes a request in `asked` (`material:state` to both);
 * the resident agrees (`material:consent`) and the kiosk shows the document camera's picture; the
 * agent's `material:capture` sends `material:capture-now` to the kiosk (or the resident taps the
 * button); the kiosk host uploads the image (`uploadMaterial`, HTTP) and the request becomes
 * `captured` with its material id.
 */
import { z } from 'zod';
import { ConsentText } from '../case/consent';
import { CaseDocument } from '../paper/document';
import { MaterialLabel, MaterialRequest } from '../paper/material';
import { PrintFailureReason, PrintJob } from '../paper/print-job';
import { wireId, type ClientEventSlice, type ServerEventSlice } from './event-spec';

const locale = z.enum(['zh-CN', 'en']);
const consent = { accepted: z.boolean(), consentText: ConsentText, locale };

/** Client -> server events of the paper area. */
export const paperClientEvents = {
  /**
   * The serving agent prints a document of the session's case at the session's kiosk. `requestId`
   * is the agent's idempotency key: the same key in the same session answers with the same job.
   * NOT_FOUND for a document of no case of this session.
   */
  'print:request': {
    from: ['agent'],
    payload: z
      .object({ sessionId: wireId, documentId: wireId, requestId: z.string().min(8).max(64) })
      .strict(),
    ack: z.object({ job: PrintJob }),
  },
  /**
   * The resident agrees to print (or declines) on the kiosk, with the text shown; recorded in the
   * consent ledger when accepted. Repeating it answers with the job as it is.
   */
  'print:consent': {
    from: ['kiosk'],
    payload: z.object({ jobId: wireId, ...consent }).strict(),
    ack: z.object({ job: PrintJob }),
  },
  /**
   * The kiosk host reports its job's progress. Only forward moves count; a report for a final job
   * is answered with the job unchanged. `reason` is required with `failed`.
   */
  'print:status': {
    from: ['kiosk'],
    payload: z
      .object({
        jobId: wireId,
        state: z.enum(['printing', 'done', 'failed']),
        reason: PrintFailureReason.optional(),
        detail: z.string().max(300).optional(),
      })
      .strict()
      .refine((p) => p.state !== 'failed' || p.reason !== undefined, {
        message: 'a failed job needs its reason',
        path: ['reason'],
      }),
    ack: z.object({ job: PrintJob }),
  },
  /** The serving agent asks the resident to put a material under the document camera. */
  'material:request': {
    from: ['agent'],
    payload: z.object({ sessionId: wireId, caseId: wireId, label: MaterialLabel }).strict(),
    ack: z.object({ request: MaterialRequest }),
  },
  /** The resident agrees to the capture (recorded in the ledger) or declines it. */
  'material:consent': {
    from: ['kiosk'],
    payload: z.object({ requestId: wireId, ...consent }).strict(),
    ack: z.object({ request: MaterialRequest }),
  },
  /** The serving agent presses capture: the kiosk takes the picture now (request must be `consented`). */
  'material:capture': {
    from: ['agent'],
    payload: z.object({ requestId: wireId }).strict(),
    ack: z.object({}),
  },
  /** Either member stops a capture request that is not yet captured. */
  'material:cancel': {
    from: ['agent', 'kiosk'],
    payload: z.object({ requestId: wireId }).strict(),
    ack: z.object({ request: MaterialRequest }),
  },
} as const satisfies ClientEventSlice;

/** Server -> client events of the paper area. */
export const paperServerEvents = {
  /** To the serving agent when a closed case's documents are archived (right after the outcome). */
  'case:documents': z.object({ caseId: z.string(), documents: z.array(CaseDocument) }),
  /** To the session's kiosk: a job waits for the resident's yes (re-sent on session re-open). */
  'print:offer': PrintJob,
  /** To both members after every change of a print job. */
  'print:state': PrintJob,
  /** To both members after every change of a capture request. */
  'material:state': MaterialRequest,
  /** To the session's kiosk: the agent pressed capture. */
  'material:capture-now': z.object({ requestId: z.string() }),
} as const satisfies ServerEventSlice;
