/**
 * The printer as a device (issue 10): one interface with a CUPS implementation (IPP to the local
 * cupsd: UOS and Kylin), a Windows implementation (the spooler, through pdf-to-printer) and an
 * in-memory fake. Plain Node: no `electron` import. The host's print feature, `kiosk-doctor
 * printer` and the contract suite (run against the fake and a real CUPS) all use this interface.
 */
import type { PrintFailureReason } from '@rvw/shared';

/** A printer's condition as the print system reports it. */
export type PrinterCondition = 'idle' | 'printing' | 'stopped' | 'unknown';

/** A printer (a CUPS queue, a Windows printer). */
export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  condition: PrinterCondition;
  /** printer-is-accepting-jobs (CUPS); true where the system has no such notion. */
  accepting: boolean;
  /** The system's raw reasons (CUPS printer-state-reasons without "none"), for technicians. */
  reasons: string[];
  /** The worst problem among `reasons` in our words, or null when the printer can print. */
  problem: PrintFailureReason | null;
  /** The system's own message (printer-state-message), when it gives one. */
  message: string | null;
  makeAndModel: string | null;
}

/** The state of one submitted job (CUPS job-state names; Windows spooler states mapped onto them). */
export type DeviceJobState =
  'pending' | 'held' | 'processing' | 'stopped' | 'canceled' | 'aborted' | 'completed';

/** Job states after which a job never changes. */
export const FINAL_DEVICE_JOB_STATES: readonly DeviceJobState[] = ['canceled', 'aborted', 'completed'];

/** One reading of a submitted job. */
export interface DeviceJobStatus {
  jobId: string;
  printer: string;
  state: DeviceJobState;
  /** The printer's reasons at the time of reading (they clear when the job ends: record them). */
  printerReasons: string[];
  /**
   * The printer's reasons as this job saw them, where the system keeps them per job (CUPS
   * job-printer-state-reasons): empty when the job starts, so a reason an earlier job left on the
   * printer is not in it. Absent when the system has no such notion or the job has not started.
   */
  jobPrinterReasons?: string[];
  /** The printer's message at the time of reading. */
  message: string | null;
}

/** What the print call needs. */
export interface SubmitOptions {
  /** The queue; the system default when absent. */
  printer?: string;
  /** The job's name as the print system shows it (never personal data: the document's kind). */
  title: string;
}

/** A print system. Every method rejects with a PrinterError (stable code, a sentence). */
export interface PrinterDriver {
  readonly kind: 'cups' | 'windows' | 'fake';
  /** Every printer the system knows. */
  list(): Promise<PrinterInfo[]>;
  /** One printer, or the default when `name` is absent; PrinterError NO_PRINTER when none. */
  describe(name?: string): Promise<PrinterInfo>;
  /** Submits a PDF file; resolves once the system has the job. */
  submit(file: string, options: SubmitOptions): Promise<{ jobId: string; printer: string }>;
  /** Reads a job's state. */
  job(jobId: string, printer: string): Promise<DeviceJobStatus>;
  /** Cancels a job (used when a blocking problem means it would print later, unattended). */
  cancel(jobId: string, printer: string): Promise<void>;
}

/** Progress of printAndWait, for the host to report live. */
export type PrintProgress =
  | { state: 'printing'; jobId: string; printer: string }
  | { state: 'done'; jobId: string; printer: string }
  | { state: 'failed'; reason: PrintFailureReason; detail: string | null; jobId: string | null };
