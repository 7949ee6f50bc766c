/**
 * printAndWait: prints one PDF through any PrinterDriver and follows the job to its end.
 *
 * 1. Describes the printer: none -> 'no-printer'; refusing jobs -> 'not-accepting'; stopped ->
 *    its problem or 'stopped'.
 * 2. Submits, reports `printing`, then polls the job's state (job-state is trusted, not its
 *    reasons) and records the printer's reasons while it runs (they clear when the job ends).
 * 3. A blocking printer problem while the job runs (out of paper, jammed, offline…) cancels the
 *    job, so that it cannot print later, unattended, with a resident's data, and fails with it.
 *    aborted/canceled -> failed with the last problem seen or 'unknown'. Too long -> cancel and
 *    'timeout'. Losing the print system mid-job -> cancel (best effort) and 'interrupted'.
 *
 * Stale reasons: CUPS keeps a backend's -error reasons on the printer after a canceled job until
 * the next job's backend clears them. Where the driver gives the reasons as this job saw them
 * (DeviceJobStatus.jobPrinterReasons; CUPS job-printer-state-reasons) those are used. Otherwise a
 * blocking reason already present before submitting counts only once it is still there after the
 * job has been processing for `staleGraceMs`, or once it went away and came back.
 * Never throws for print failures; resolves to the final PrintProgress.
 */
import type { PrintFailureReason } from '@rvw/shared';
import { isPrinterError, PrinterErrorCode } from './errors';
import type { PrinterError } from './errors';
import { blockingProblem, readReason } from './reasons';
import type { DeviceJobStatus, PrinterDriver, PrinterInfo, PrintProgress } from './types';

/** Options of {@link printAndWait}. */
export interface PrintAndWaitOptions {
  /** The queue; the system default when absent. */
  printer?: string;
  /** The job's name in the print system (the document's kind, never personal data). */
  title: string;
  /** How often to read the job's state, in ms; default 250. */
  pollMs?: number;
  /** Overall limit from submitting to the job's end, in ms; default 120000. */
  timeoutMs?: number;
  /** How long a reason present before submitting is taken as stale, in ms; default 1000. */
  staleGraceMs?: number;
  /** Consecutive failed readings of the job before giving up as 'interrupted'; default 8. */
  maxReadErrors?: number;
  /** Called with each progress step (printing, then done or failed). */
  onProgress?: (progress: PrintProgress) => void;
  /** Clock and sleep, injectable for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const DETAIL_MAX = 300;

function detailOf(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.trim();
  return t === '' ? null : t.slice(0, DETAIL_MAX);
}

function reasonOfError(err: PrinterError): PrintFailureReason {
  switch (err.code) {
    case PrinterErrorCode.NoPrinter:
    case PrinterErrorCode.Unreachable:
    case PrinterErrorCode.Unsupported:
      return 'no-printer';
    case PrinterErrorCode.NotAccepting:
      return 'not-accepting';
    default:
      return 'unknown';
  }
}

/** Prints `file` and waits for the job's end; see the file's comment. */
export async function printAndWait(
  driver: PrinterDriver,
  file: string,
  options: PrintAndWaitOptions,
): Promise<PrintProgress> {
  const pollMs = options.pollMs ?? 250;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const staleGraceMs = options.staleGraceMs ?? 1000;
  const maxReadErrors = options.maxReadErrors ?? 8;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const report = (p: PrintProgress): PrintProgress => {
    try {
      options.onProgress?.(p);
    } catch {
      // A listener's failure must not change the job's outcome.
    }
    return p;
  };
  const fail = (reason: PrintFailureReason, detail: string | null, jobId: string | null): PrintProgress =>
    report({ state: 'failed', reason, detail: detailOf(detail), jobId });
  const failFromError = (err: unknown, jobId: string | null): PrintProgress =>
    isPrinterError(err)
      ? fail(reasonOfError(err), err.bilingual, jobId)
      : fail('unknown', err instanceof Error ? err.message : String(err), jobId);

  // 1. The printer before anything is sent.
  let info: PrinterInfo;
  try {
    info = await driver.describe(options.printer);
  } catch (err) {
    return failFromError(err, null);
  }
  if (!info.accepting) return fail('not-accepting', info.message, null);
  if (info.condition === 'stopped') return fail(info.problem ?? 'stopped', info.message, null);
  const stale = new Set(info.reasons.filter((r) => readReason(r).blocking).map((r) => r.toLowerCase()));

  // 2. Submit.
  let jobId: string;
  let printer: string;
  try {
    ({ jobId, printer } = await driver.submit(file, { printer: info.name, title: options.title }));
  } catch (err) {
    return failFromError(err, null);
  }
  report({ state: 'printing', jobId, printer });

  const started = now();
  let processingSince: number | null = null;
  let lastProblem: PrintFailureReason | null = null;
  let lastMessage: string | null = null;
  let readErrors = 0;

  const cancelAndFail = async (reason: PrintFailureReason, detail: string | null): Promise<PrintProgress> => {
    try {
      await driver.cancel(jobId, printer);
    } catch {
      // Best effort: the job may have ended meanwhile, or the system is gone.
    }
    return fail(reason, detail, jobId);
  };

  /** The blocking problem of this reading, ignoring stale reasons within their grace. */
  const problemOf = (status: DeviceJobStatus): PrintFailureReason | null => {
    const current = status.printerReasons.map((r) => r.toLowerCase());
    for (const r of [...stale]) if (!current.includes(r)) stale.delete(r);
    const graceOver = processingSince !== null && now() - processingSince >= staleGraceMs;
    // Reasons kept per job are this job's own: nothing stale in them (a stopped queue still counts).
    const counted = status.jobPrinterReasons
      ? [...status.jobPrinterReasons.map((r) => r.toLowerCase()), ...current.filter((r) => r === 'paused')]
      : graceOver
        ? current
        : current.filter((r) => !stale.has(r));
    const problem = blockingProblem(counted);
    // The queue stopped (CUPS adds 'paused'): a physical problem seen before names the cause.
    if (problem === 'stopped' && lastProblem !== null) return lastProblem;
    return problem;
  };

  // 3. Follow the job.
  for (;;) {
    await sleep(pollMs);
    let status: DeviceJobStatus;
    try {
      status = await driver.job(jobId, printer);
      readErrors = 0;
    } catch (err) {
      readErrors += 1;
      if (readErrors >= maxReadErrors || now() - started >= timeoutMs) {
        const why = isPrinterError(err) ? err.bilingual : String(err);
        return cancelAndFail('interrupted', why);
      }
      continue;
    }
    if (status.state === 'processing' && processingSince === null) processingSince = now();
    if (status.message) lastMessage = status.message;
    const problem = problemOf(status);
    if (problem !== null) lastProblem = problem;

    if (status.state === 'completed') return report({ state: 'done', jobId, printer });
    if (status.state === 'aborted' || status.state === 'canceled') {
      return fail(lastProblem ?? 'unknown', lastMessage, jobId);
    }
    if (problem !== null) return cancelAndFail(problem, status.message ?? lastMessage);
    if (status.state === 'stopped') return cancelAndFail(lastProblem ?? 'stopped', lastMessage);
    if (now() - started >= timeoutMs) return cancelAndFail('timeout', lastMessage);
  }
}
