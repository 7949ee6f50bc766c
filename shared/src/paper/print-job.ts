/**
 * Print jobs (issue 10): the agent prints a document of the session's case at the session's kiosk.
 * The resident agrees on the kiosk (a consent in the ledger), the kiosk host fetches the PDF with
 * its own credential, checks its digest, prints through the operating system's print system and
 * reports each state; the agent sees it live and can print again.
 *
 * States, in order: `offered` (waiting for the resident's yes) -> `queued` (agreed; the kiosk
 * fetches) -> `printing` (handed to the printer) -> `done` | `failed`; or `declined` (the resident
 * said no) or `failed` at any point before `done`. `done`, `failed` and `declined` are final and
 * never change again: a retried or repeated message cannot print twice.
 */
import { z } from 'zod';
import type { LocalText } from '../catalogue/text';
import { DocumentKind } from './document';

export const PrintJobState = z.enum(['offered', 'queued', 'printing', 'done', 'failed', 'declined']);
export type PrintJobState = z.infer<typeof PrintJobState>;

/** States after which a job never changes. */
export const FINAL_PRINT_STATES: readonly PrintJobState[] = ['done', 'failed', 'declined'];

/** The order of states: a report may only move a job forward. */
export const PRINT_STATE_ORDER: Readonly<Record<PrintJobState, number>> = {
  offered: 0,
  queued: 1,
  printing: 2,
  done: 3,
  failed: 3,
  declined: 3,
};

/** Why a job failed, in words the agent reads (printerReason + PRINT_FAILURE_TEXT). */
export const PrintFailureReason = z.enum([
  'out-of-paper',
  'offline',
  'jammed',
  'stopped',
  /** The queue refuses jobs (printer-is-accepting-jobs false). */
  'not-accepting',
  /** No printer is configured or the named one does not exist. */
  'no-printer',
  'cover-open',
  'out-of-toner',
  /** The PDF could not be fetched from the server. */
  'download-failed',
  /** The fetched PDF's SHA-256 is not the archived one: not printed. */
  'digest-mismatch',
  /** The kiosk restarted or lost the job while it ran; it may or may not have printed. */
  'interrupted',
  /** The job did not finish in time and was cancelled. */
  'timeout',
  /** The print system cancelled or aborted the job for a reason it did not name. */
  'unknown',
]);
export type PrintFailureReason = z.infer<typeof PrintFailureReason>;

/** What the agent reads for each failure. The resident only hears that staff will help. */
export const PRINT_FAILURE_TEXT: Readonly<Record<PrintFailureReason, LocalText>> = {
  'out-of-paper': { zh: '打印机缺纸', en: 'The printer is out of paper' },
  offline: { zh: '打印机离线或未连接', en: 'The printer is offline or not connected' },
  jammed: { zh: '打印机卡纸', en: 'Paper jam in the printer' },
  stopped: { zh: '打印机已停止', en: 'The printer is stopped' },
  'not-accepting': { zh: '打印队列不接收任务', en: 'The print queue is not accepting jobs' },
  'no-printer': { zh: '一体机没有可用的打印机', en: 'The kiosk has no usable printer' },
  'cover-open': { zh: '打印机盖板打开', en: 'The printer cover is open' },
  'out-of-toner': { zh: '打印机缺墨粉', en: 'The printer is out of toner' },
  'download-failed': { zh: '一体机下载文件失败', en: 'The kiosk could not download the file' },
  'digest-mismatch': {
    zh: '下载的文件与存档不一致，未打印',
    en: 'The downloaded file does not match the archive; not printed',
  },
  interrupted: {
    zh: '打印中断（一体机重启或断开），请确认是否已出纸',
    en: 'Printing was interrupted (the kiosk restarted or disconnected); check whether paper came out',
  },
  timeout: { zh: '打印超时，已取消', en: 'Printing took too long and was cancelled' },
  unknown: { zh: '打印系统取消了任务', en: 'The print system cancelled the job' },
};

/** A print job as both members see it (`print:state`). */
export const PrintJob = z.object({
  jobId: z.string(),
  sessionId: z.string(),
  caseId: z.string(),
  documentId: z.string(),
  /** What the document is: the kiosk says "take your receipt" for a receipt. */
  kind: DocumentKind,
  /** The document's title, for both screens. */
  title: z.object({ zh: z.string(), en: z.string() }),
  /** The archived document's SHA-256: the kiosk prints only a download with this digest. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  state: PrintJobState,
  reason: PrintFailureReason.nullable(),
  /** The print system's own words for a failure (e.g. CUPS' printer-state-message), for the agent. */
  detail: z.string().max(300).nullable(),
  /** The agent's idempotency key: the same key in the same session gives back the same job. */
  requestId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;
