/**
 * Feature "print link" (issue 10): printing at the kiosk. The server's `print:offer` and
 * `print:state` (checked by the link) go to the renderer; the resident's `print:consent` goes to the
 * server. A job the resident agreed to in this process runs exactly once per job id: the host
 * fetches the PDF with the kiosk's credential, checks its SHA-256 against the archived one, writes
 * it to a fresh private temp folder, prints it (reporting `printing`, then `done` or `failed` with
 * the reason) and deletes the folder as soon as the job ends. A reconnect, a re-sent offer or a
 * retried consent never prints twice; a job this process hears of as queued or printing but never
 * ran (the host restarted) is reported `failed: interrupted` and never printed again.
 * Logs carry job ids, states and reasons only.
 */
import { createHash } from 'node:crypto';
import { HttpClientError, PrintFailureReason } from '@rvw/shared';
import type { ClientPayload, KioskState, PrintJob, paperInvokes } from '@rvw/shared';
import type { PrintProgress } from '../../devices/printer/types';
import type { HostContext, HostFeature } from '../feature';
import type { PaperHttp } from '../paper-http';
import { removePrintFolder, writePrintFile, type PrintFile } from '../print-files';
import { openSession, type ServerLinkPort } from './server-link';

/** The final outcome of printing one file. */
export type PrintOutcome = Extract<PrintProgress, { state: 'done' | 'failed' }>;

/** Prints a file and waits for the print system's final word (the printer module's printAndWait). */
export type PrintRun = (
  file: string,
  options: { title: string; onProgress: (progress: PrintProgress) => void },
) => Promise<PrintOutcome>;

/** What the print link is built from. */
export interface PrintLinkOptions {
  /** Prints one file. */
  print: PrintRun;
  /** Fetches a job's PDF with the kiosk's credential. */
  http: Pick<PaperHttp, 'printFile'>;
  /** Where job folders go; default the OS temp folder. */
  tempRoot?: string;
  /** Called after every job ends (the health snapshot re-reads the printer). */
  onJobEnd?: () => void;
  /**
   * True: this machine has no printer (the door-to-door profile). An offer is not put to the
   * resident; it is answered at once `failed: no-printer`, so the agent is told, and the kiosk says
   * plainly that there is no printer here.
   */
  noPrinter?: boolean;
}

/** The print slice of the bridge, and what the host needs to wait for. */
export interface PrintLinkFeature extends HostFeature<Pick<typeof paperInvokes, 'print:consent'>> {
  /** Resolves once no job runs (for close and tests). */
  idle(): Promise<void>;
}

type StatusReport = Omit<ClientPayload<'print:status'>, 'jobId'> & { state: 'done' | 'failed' };

/** A job this process has run: running, or finished with the report the server may still need. */
type Run =
  { state: 'running'; done: Promise<void> } | { state: 'finished'; report: StatusReport; acked: boolean };

const ACTIVE: readonly PrintJob['state'][] = ['queued', 'printing'];
/** Finished runs kept to answer late echoes; the oldest are forgotten beyond this. */
const MAX_FINISHED = 1000;
/** How long close waits for a running job. */
const CLOSE_WAIT_MS = 5000;

const clip = (text: string): string => text.slice(0, 300);
const failed = (reason: PrintFailureReason, detail?: string | null): StatusReport => ({
  state: 'failed',
  reason,
  ...(detail ? { detail: clip(detail) } : {}),
});

/** Forwards the server's print events, passes the resident's consent, and runs agreed jobs once. */
export function printLinkFeature(
  ctx: HostContext,
  link: ServerLinkPort,
  options: PrintLinkOptions,
): PrintLinkFeature {
  const { emit, logger } = ctx;
  // Jobs this process saw waiting for the resident's yes: only those may be printed here.
  const offered = new Set<string>();
  const runs = new Map<string, Run>();
  // The open session's jobs still in play, for a reloaded screen (by job id).
  const jobs = new Map<string, PrintJob>();
  let closed = false;

  /** Sends a status report; resolves with whether the server took it. */
  async function report(jobId: string, status: ClientPayload<'print:status'>['state'], extra: object = {}) {
    try {
      await link.request('print:status', { jobId, state: status, ...extra } as ClientPayload<'print:status'>);
      return true;
    } catch (err) {
      logger.warn(`print: job ${jobId}: the ${status} report did not reach the server (${codeOf(err)})`);
      return false;
    }
  }

  async function attempt(job: PrintJob, hold: (file: PrintFile) => void): Promise<StatusReport> {
    let bytes: Uint8Array;
    try {
      bytes = await options.http.printFile(job.jobId);
    } catch (err) {
      const detail = err instanceof HttpClientError ? `${err.code}: ${err.message}` : 'network error';
      return failed('download-failed', detail);
    }
    if (bytes.length === 0) return failed('download-failed', 'the download was empty');
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (digest !== job.sha256) return failed('digest-mismatch', `got ${digest.slice(0, 12)}…`);
    const file = await writePrintFile(bytes, options.tempRoot);
    hold(file);
    await report(job.jobId, 'printing');
    const outcome = await options.print(file.file, { title: job.title.zh, onProgress: () => undefined });
    if (outcome.state === 'done') return { state: 'done' };
    return failed(outcome.reason, outcome.detail);
  }

  async function run(job: PrintJob): Promise<void> {
    logger.info(`print: job ${job.jobId} agreed; fetching the document`);
    let file: PrintFile | null = null;
    let outcome: StatusReport;
    try {
      outcome = await attempt(job, (f) => (file = f));
    } catch (err) {
      outcome = failed(reasonOf(err), err instanceof Error ? err.message : null);
    } finally {
      // The resident's paper leaves the disk the moment the job ends, before anyone is told.
      if (file) await removePrintFolder((file as PrintFile).dir);
    }
    logger.info(`print: job ${job.jobId} ${outcome.state}${outcome.reason ? ` (${outcome.reason})` : ''}`);
    await finish(job.jobId, outcome);
    forgetOldRuns();
    options.onJobEnd?.();
  }

  function forgetOldRuns(): void {
    let excess = runs.size - MAX_FINISHED;
    for (const [id, r] of runs) {
      if (excess <= 0) break;
      if (r.state === 'finished' && r.acked) {
        runs.delete(id);
        excess -= 1;
      }
    }
  }

  /** Everything the host learns of a job (offer, state, consent's answer) passes here. */
  function learn(job: PrintJob): void {
    if (closed) return;
    if (job.state === 'offered') offered.add(job.jobId);
    const known = runs.get(job.jobId);
    if (!ACTIVE.includes(job.state)) return;
    if (known?.state === 'finished') {
      // The server missed the final report (a lost connection): tell it again, never print again.
      if (!known.acked) void finish(job.jobId, known.report);
      return;
    }
    if (known) return;
    if (job.state === 'queued' && offered.has(job.jobId)) {
      const done = run(job).catch(() => undefined);
      runs.set(job.jobId, { state: 'running', done });
      return;
    }
    // Queued or printing, but not by this process: it may or may not have printed. Never reprint.
    logger.warn(`print: job ${job.jobId} was ${job.state} before this start; reported interrupted`);
    void finish(job.jobId, failed('interrupted', 'the kiosk restarted while the job was open'));
  }

  /** Records a job's final report and sends it; a report the server did not take is sent again later. */
  function finish(jobId: string, outcome: StatusReport): Promise<void> {
    const finished: Extract<Run, { state: 'finished' }> = {
      state: 'finished',
      report: outcome,
      acked: false,
    };
    runs.set(jobId, finished);
    const { state, ...extra } = outcome;
    return report(jobId, state, extra).then((ok) => {
      finished.acked ||= ok;
    });
  }

  function keep(job: PrintJob): void {
    const known = jobs.get(job.jobId);
    if (known && known.updatedAt > job.updatedAt) return;
    if (job.state === 'offered' || ACTIVE.includes(job.state)) jobs.set(job.jobId, job);
    else jobs.delete(job.jobId);
  }

  link.on('print:offer', (job) => {
    if (closed) return;
    if (options.noPrinter) {
      if (!runs.has(job.jobId)) void finish(job.jobId, failed('no-printer', 'this machine has no printer'));
      return;
    }
    keep(job);
    emit('print:offer', job);
    learn(job);
  });
  link.on('print:state', (job) => {
    if (closed) return;
    keep(job);
    emit('print:state', job);
    learn(job);
  });
  link.on('session:ended', ({ sessionId }) => {
    for (const [id, job] of jobs) if (job.sessionId === sessionId) jobs.delete(id);
  });
  // A reloaded screen gets the open session's waiting and running jobs back after its kiosk:state.
  link.onGreeting((state: KioskState) => {
    if (closed) return;
    const open = openSession(state)?.id ?? null;
    for (const [id, job] of jobs) if (job.sessionId !== open) jobs.delete(id);
    for (const job of jobs.values()) emit(job.state === 'offered' ? 'print:offer' : 'print:state', job);
  });

  const idle = async (): Promise<void> => {
    const running = [...runs.values()].flatMap((r) => (r.state === 'running' ? [r.done] : []));
    await Promise.all(running);
  };

  return {
    idle,
    handlers: {
      'print:consent': async (req) => {
        const ack = await link.request('print:consent', req);
        logger.info(`print: job ${req.jobId} ${req.accepted ? 'agreed' : 'declined'} by the resident`);
        keep(ack.job);
        learn(ack.job);
        return ack;
      },
    },
    async close() {
      closed = true;
      jobs.clear();
      // A job in the middle of printing may finish (its file goes when it ends); a crash's leftovers
      // are removed at the next start.
      await Promise.race([idle(), new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
    },
  };
}

/** A printer module's failure as a reason: its own reason if it names one, else unknown. */
function reasonOf(err: unknown): PrintFailureReason {
  const e = err as { reason?: unknown; code?: unknown } | null;
  const named = PrintFailureReason.safeParse(e?.reason);
  if (named.success) return named.data;
  if (e?.code === 'NO_PRINTER') return 'no-printer';
  return 'unknown';
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}
