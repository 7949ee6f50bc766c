/**
 * Pure rules of the print panel: which of two reports of a job (or of two jobs of a document) the
 * agent must see, what the print button does in each state, and the words of a job's state.
 */
import {
  FINAL_PRINT_STATES,
  PRINT_FAILURE_TEXT,
  PRINT_STATE_ORDER,
  type Locale,
  type PrintJob,
} from '@rvw/shared';
import { local } from '../i18n/local-text';

/** True once a job can never change again (done, failed, declined). */
export function isFinalJob(job: PrintJob): boolean {
  return FINAL_PRINT_STATES.includes(job.state);
}

/**
 * The job to show for a document given the one held and a new report: a report of the same job
 * counts only if it moves it forward (a final job never changes); a different job counts if it is
 * newer (made later; the same instant: updated later).
 */
export function newerJob(held: PrintJob | undefined, next: PrintJob): PrintJob {
  if (!held) return next;
  if (held.jobId === next.jobId) {
    if (isFinalJob(held)) return held;
    return PRINT_STATE_ORDER[next.state] > PRINT_STATE_ORDER[held.state] ? next : held;
  }
  const made = Date.parse(next.createdAt) - Date.parse(held.createdAt);
  if (made !== 0) return made > 0 ? next : held;
  return Date.parse(next.updatedAt) >= Date.parse(held.updatedAt) ? next : held;
}

/** What the print button of a document does and says. */
export type PrintButton =
  /** No job yet: 打印. */
  | 'print'
  /** The last job ended (done, failed, declined): 再打印, a new job. */
  | 'again'
  /** The click's request failed before a job came back: 重试, the same request id. */
  | 'retry'
  /** The request is on its way. */
  | 'sending'
  /** A job is offered, queued or printing: nothing to press. */
  | 'busy';

/** The print button for a document's newest job and the click awaiting a job, if any. */
export function printButton(
  job: PrintJob | undefined,
  pending: { sending: boolean; error: string | null } | undefined,
): PrintButton {
  if (pending?.sending) return 'sending';
  if (pending?.error) return 'retry';
  if (!job) return 'print';
  return isFinalJob(job) ? 'again' : 'busy';
}

/** The words of a job's state, in the console's language (the reason and the printer's own words on failure). */
export function printStateText(
  job: PrintJob,
  locale: Locale,
  words: Readonly<Record<PrintJob['state'], string>>,
): string {
  if (job.state !== 'failed') return words[job.state];
  const reason = job.reason ? local(PRINT_FAILURE_TEXT[job.reason], locale) : '';
  const detail = job.detail?.trim();
  return `${words.failed}${reason}${detail && detail !== reason ? ` — ${detail}` : ''}`;
}
