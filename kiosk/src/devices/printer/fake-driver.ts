/**
 * An in-memory print system for tests and the demo without CUPS. It behaves like the CUPS queue of
 * the test harness: a job goes pending -> processing -> completed over a few readings; a printer
 * problem set with setProblem() acts on the jobs as CUPS does (out of paper: the job waits with
 * media-empty-error; offline: the job is aborted; jammed: the queue stops and the job waits;
 * not-accepting: submit is refused; stopped: the queue is disabled). Submitted files' bytes are recorded.
 */
import { readFile } from 'node:fs/promises';
import { PrinterError } from './errors';
import { blockingProblem } from './reasons';
import type { DeviceJobState, DeviceJobStatus, PrinterDriver, PrinterInfo, SubmitOptions } from './types';

/** The problems a fake printer can have. */
export type FakePrinterProblem = 'out-of-paper' | 'offline' | 'jammed' | 'not-accepting' | 'stopped';

/** A job the fake received. */
export interface FakeJob {
  jobId: string;
  printer: string;
  title: string;
  bytes: Buffer;
  state: DeviceJobState;
  /** Readings so far (a job advances one step per reading). */
  readings: number;
  /** The printer's reasons as this job saw them (like CUPS job-printer-state-reasons), once started. */
  printerReasons?: string[];
}

interface FakePrinter {
  name: string;
  problem: FakePrinterProblem | null;
  reasons: string[];
  stopped: boolean;
  accepting: boolean;
  message: string | null;
}

/** Options of {@link FakePrinterDriver}. */
export interface FakePrinterOptions {
  /** Printer names; the first is the default. Default ['RVW_Fake']. An empty list: no printer. */
  printers?: string[];
  /** Readings a job spends processing before it completes; default 1. */
  processingReadings?: number;
}

const REASON: Record<'out-of-paper' | 'offline' | 'jammed', string> = {
  'out-of-paper': 'media-empty-error',
  offline: 'offline-report',
  jammed: 'media-jam-error',
};

const MESSAGE: Record<FakePrinterProblem, string> = {
  'out-of-paper': 'Out of paper (fake)',
  offline: 'Printer not connected (fake)',
  jammed: 'Paper jam (fake)',
  'not-accepting': 'Rejecting jobs (fake)',
  stopped: 'Stopped by the administrator (fake)',
};

/** The in-memory driver. */
export class FakePrinterDriver implements PrinterDriver {
  readonly kind = 'fake' as const;
  /** Every job received, in order. */
  readonly jobs: FakeJob[] = [];
  private readonly printers = new Map<string, FakePrinter>();
  private readonly processingReadings: number;
  private nextId = 1;

  constructor(options: FakePrinterOptions = {}) {
    for (const name of options.printers ?? ['RVW_Fake']) {
      this.printers.set(name, {
        name,
        problem: null,
        reasons: [],
        stopped: false,
        accepting: true,
        message: null,
      });
    }
    this.processingReadings = options.processingReadings ?? 1;
  }

  /** The bytes of each file submitted, in order. */
  get submitted(): Buffer[] {
    return this.jobs.map((j) => j.bytes);
  }

  /** Jobs that completed (the paper that came out). */
  get printed(): FakeJob[] {
    return this.jobs.filter((j) => j.state === 'completed');
  }

  /**
   * Gives a printer a problem, or clears it (null): clearing also resumes a stopped queue and
   * makes it accept jobs, like a technician fixing the printer and running cupsenable. A new
   * problem replaces the previous one.
   */
  setProblem(problem: FakePrinterProblem | null, printer?: string): void {
    const p = this.printerOrThrow(printer);
    // One problem at a time: a new one replaces the last (which counts as fixed).
    p.problem = problem;
    p.reasons = [];
    p.stopped = false;
    p.accepting = true;
    p.message = null;
    if (problem === 'not-accepting') {
      p.accepting = false;
      p.message = MESSAGE[problem];
    } else if (problem === 'stopped') {
      p.stopped = true;
      p.message = MESSAGE[problem];
    }
  }

  async list(): Promise<PrinterInfo[]> {
    return [...this.printers.values()].map((p) => this.info(p));
  }

  async describe(name?: string): Promise<PrinterInfo> {
    return this.info(this.printerOrThrow(name));
  }

  async submit(file: string, options: SubmitOptions): Promise<{ jobId: string; printer: string }> {
    const p = this.printerOrThrow(options.printer);
    if (!p.accepting) throw PrinterError.notAccepting(p.name);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (err) {
      throw PrinterError.badFile(err);
    }
    const jobId = String(this.nextId++);
    this.jobs.push({ jobId, printer: p.name, title: options.title, bytes, state: 'pending', readings: 0 });
    return { jobId, printer: p.name };
  }

  async job(jobId: string, printer: string): Promise<DeviceJobStatus> {
    const p = this.printerOrThrow(printer);
    const job = this.jobs.find((j) => j.jobId === jobId && j.printer === p.name);
    if (!job) throw PrinterError.noJob(jobId);
    this.advance(job, p);
    const printerReasons = p.stopped ? [...p.reasons, 'paused'] : [...p.reasons];
    const status: DeviceJobStatus = {
      jobId,
      printer: p.name,
      state: job.state,
      printerReasons,
      message: p.message,
    };
    if (job.printerReasons) status.jobPrinterReasons = [...job.printerReasons];
    return status;
  }

  async cancel(jobId: string, printer: string): Promise<void> {
    const p = this.printerOrThrow(printer);
    const job = this.jobs.find((j) => j.jobId === jobId && j.printer === p.name);
    if (!job) throw PrinterError.noJob(jobId);
    if (job.state === 'completed' || job.state === 'aborted' || job.state === 'canceled') return;
    job.state = 'canceled';
    // Like CUPS: the backend is killed; the reasons it set stay, a -report one goes.
    p.reasons = p.reasons.filter((r) => !r.endsWith('-report'));
  }

  private printerOrThrow(name?: string): FakePrinter {
    const p = name === undefined ? [...this.printers.values()][0] : this.printers.get(name);
    if (!p) throw PrinterError.noPrinter(name);
    return p;
  }

  private info(p: FakePrinter): PrinterInfo {
    const reasons = p.stopped ? [...p.reasons, 'paused'] : [...p.reasons];
    const busy = this.jobs.some((j) => j.printer === p.name && j.state === 'processing');
    return {
      name: p.name,
      isDefault: p === [...this.printers.values()][0],
      condition: p.stopped ? 'stopped' : busy ? 'printing' : 'idle',
      accepting: p.accepting,
      reasons,
      problem: blockingProblem(reasons) ?? (p.stopped ? 'stopped' : null),
      message: p.message,
      makeAndModel: 'In-memory fake printer',
    };
  }

  /** One step of a job per reading, as CUPS and the test backend would move it. */
  private advance(job: FakeJob, p: FakePrinter): void {
    const wasProcessing = job.state === 'processing';
    this.step(job, p);
    // Like CUPS: a job's own record of the printer's reasons starts empty and follows the printer.
    if (wasProcessing) job.printerReasons = p.stopped ? [...p.reasons, 'paused'] : [...p.reasons];
    else if (job.state === 'processing') job.printerReasons = [];
  }

  private step(job: FakeJob, p: FakePrinter): void {
    job.readings += 1;
    if (job.state === 'pending') {
      if (!p.stopped) job.state = 'processing';
      return;
    }
    if (job.state !== 'processing') return;
    const problem = p.problem === 'not-accepting' || p.problem === 'stopped' ? null : p.problem;
    if (problem === 'out-of-paper') {
      p.reasons = [REASON[problem]];
      p.message = MESSAGE[problem];
      return;
    }
    if (problem === 'offline') {
      if (!p.reasons.includes(REASON.offline)) {
        p.reasons = [REASON.offline];
        p.message = MESSAGE.offline;
        return;
      }
      job.state = 'aborted';
      p.reasons = [];
      p.message = null;
      return;
    }
    if (problem === 'jammed') {
      if (!p.reasons.includes(REASON.jammed)) {
        p.reasons = [REASON.jammed];
        p.message = MESSAGE.jammed;
        return;
      }
      job.state = 'pending';
      p.stopped = true;
      p.message = null;
      return;
    }
    // The job's start clears what an earlier job's backend left behind.
    p.reasons = [];
    if (job.readings > this.processingReadings) {
      job.state = 'completed';
      p.message = null;
    }
  }
}
