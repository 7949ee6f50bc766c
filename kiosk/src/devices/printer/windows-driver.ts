/**
 * The Windows driver: pdf-to-printer (SumatraPDF, run with an argument array) spools the PDF; the
 * printer's and the job's state come from the Windows spooler through PowerShell (Get-Printer,
 * Get-PrintJob, Remove-PrintJob), run by an injected command runner with an argument array. Names
 * and job ids reach PowerShell as environment variables, never inside the script text. Kept thin:
 * it cannot run on the build machines; tests drive it with a fake module and a fake runner.
 *
 * Limits of the spooler: it forgets a job once printed (unless "keep printed documents" is on), so
 * a job that has left the queue without an error is taken as completed; it has no "accepting jobs"
 * notion (always true).
 */
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { PrinterError, PrinterErrorCode } from './errors';
import { blockingProblem } from './reasons';
import type { DeviceJobState, DeviceJobStatus, PrinterDriver, PrinterInfo, SubmitOptions } from './types';

/** The part of pdf-to-printer this driver uses. */
export interface PdfToPrinterModule {
  print(pdf: string, options?: { printer?: string; silent?: boolean }): Promise<void>;
  getPrinters(): Promise<{ name: string }[]>;
  getDefaultPrinter(): Promise<{ name: string } | null>;
}

/** Runs a program with an argument array (never a shell); resolves to its stdout. */
export type CommandRunner = (file: string, args: string[], env: Record<string, string>) => Promise<string>;

/** Options of {@link createWindowsDriver}. */
export interface WindowsDriverOptions {
  /** pdf-to-printer, or a loader for it; default `import('pdf-to-printer')`. */
  pdfToPrinter?: PdfToPrinterModule | (() => Promise<PdfToPrinterModule>);
  /** Default: execFile with the argument array, 15 s timeout, the environment given. */
  run?: CommandRunner;
}

export const POWERSHELL = 'powershell.exe';
const PS_PREFIX = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'];
const UTF8 = '[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false); ';

/** The PowerShell scripts (constant text: inputs come from $env:RVW_PRINTER and $env:RVW_JOB_ID). */
export const SCRIPTS = {
  printers: `${UTF8}@(Get-Printer | Select-Object Name,@{n='Status';e={[string]$_.PrinterStatus}}) | ConvertTo-Json -Compress`,
  jobs: `${UTF8}@(Get-PrintJob -PrinterName $env:RVW_PRINTER | Select-Object Id,DocumentName,@{n='Status';e={[string]$_.JobStatus}}) | ConvertTo-Json -Compress`,
  cancel: `Remove-PrintJob -PrinterName $env:RVW_PRINTER -ID ([int]$env:RVW_JOB_ID)`,
} as const;

/** The argument array for one script. */
export function powershellArgs(script: string): string[] {
  return [...PS_PREFIX, script];
}

const defaultRun: CommandRunner = (file, args, env) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { env: { ...process.env, ...env }, timeout: 15_000, windowsHide: true, encoding: 'utf8' },
      (err, stdout) => (err ? reject(err) : resolve(stdout)),
    );
  });

/** Windows PrinterStatus words -> CUPS-style reason keywords (read by reasons.ts). */
const STATUS_REASONS: Readonly<Record<string, string>> = {
  paperout: 'media-empty-error',
  paperjam: 'media-jam-error',
  paperproblem: 'media-needed-error',
  offline: 'offline-report',
  notavailable: 'offline-report',
  dooropen: 'door-open-error',
  notoner: 'toner-empty-error',
  tonerlow: 'toner-low-warning',
  paused: 'paused',
  error: 'other-error',
  userintervention: 'other-error',
};

/** Reasons for a status text such as "PaperOut" or "Error, Printing". */
export function statusReasons(status: string): string[] {
  return status
    .split(',')
    .map((s) => STATUS_REASONS[s.trim().toLowerCase()])
    .filter((r): r is string => r !== undefined);
}

/** A spooler JobStatus text -> our job state. */
export function jobStateOf(status: string): DeviceJobState {
  const words = status.split(',').map((s) => s.trim().toLowerCase());
  if (words.includes('deleting') || words.includes('deleted')) return 'canceled';
  if (words.includes('printed') || words.includes('completed')) return 'completed';
  if (words.includes('error') || words.includes('offline') || words.includes('paperout')) return 'stopped';
  if (words.includes('paused') || words.includes('blocked')) return 'held';
  if (words.includes('printing') || words.includes('spooling')) return 'processing';
  return 'pending';
}

function parseJson<T>(stdout: string): T[] {
  const t = stdout.trim();
  if (t === '') return [];
  const v = JSON.parse(t) as T | T[];
  return Array.isArray(v) ? v : [v];
}

interface PsPrinter {
  Name: string;
  Status: string;
}
interface PsJob {
  Id: number;
  DocumentName: string;
  Status: string;
}

/** Creates the Windows driver. */
export function createWindowsDriver(options: WindowsDriverOptions = {}): PrinterDriver {
  const run = options.run ?? defaultRun;
  let loaded: Promise<PdfToPrinterModule> | null = null;
  const module = (): Promise<PdfToPrinterModule> => {
    const given = options.pdfToPrinter;
    if (given && typeof given !== 'function') return Promise.resolve(given);
    loaded ??= given
      ? given()
      : import('pdf-to-printer').then(
          (m) => ((m as { default?: unknown }).default ?? m) as PdfToPrinterModule,
        );
    return loaded;
  };
  const ps = async <T>(script: string, env: Record<string, string> = {}): Promise<T[]> => {
    try {
      return parseJson<T>(await run(POWERSHELL, powershellArgs(script), env));
    } catch (err) {
      throw PrinterError.unreachable('the Windows print spooler', err);
    }
  };
  const jobsOf = (printer: string): Promise<PsJob[]> => ps<PsJob>(SCRIPTS.jobs, { RVW_PRINTER: printer });
  /** Jobs seen in the queue, per job id: an error seen once stays in the job's story. */
  const seen = new Map<string, DeviceJobStatus>();

  const infos = async (): Promise<PrinterInfo[]> => {
    const m = await module();
    const [names, dflt, statuses] = await Promise.all([
      m.getPrinters(),
      m.getDefaultPrinter(),
      ps<PsPrinter>(SCRIPTS.printers),
    ]);
    return names.map(({ name }) => {
      const status = statuses.find((s) => s.Name === name)?.Status ?? '';
      const reasons = statusReasons(status);
      const stopped = reasons.includes('paused');
      return {
        name,
        isDefault: dflt?.name === name,
        condition: stopped
          ? 'stopped'
          : /printing|busy|processing/i.test(status)
            ? 'printing'
            : status
              ? 'idle'
              : 'unknown',
        accepting: true,
        reasons,
        problem: blockingProblem(reasons) ?? (stopped ? 'stopped' : null),
        message: status && status !== 'Normal' ? status : null,
        makeAndModel: null,
      } satisfies PrinterInfo;
    });
  };

  return {
    kind: 'windows',
    list: infos,

    async describe(name) {
      const all = await infos();
      const found = name === undefined ? all.find((p) => p.isDefault) : all.find((p) => p.name === name);
      if (!found) throw PrinterError.noPrinter(name);
      return found;
    },

    async submit(file, submitOptions: SubmitOptions) {
      const m = await module();
      const printer = submitOptions.printer ?? (await m.getDefaultPrinter())?.name;
      if (!printer) throw PrinterError.noPrinter();
      const before = new Set((await jobsOf(printer)).map((j) => j.Id));
      try {
        await m.print(file, { printer, silent: true });
      } catch (err) {
        throw new PrinterError(
          PrinterErrorCode.Refused,
          '打印文件未能送到打印机。',
          `Spooling the file to ${printer} failed.`,
          {
            cause: err,
          },
        );
      }
      const fresh = (await jobsOf(printer)).filter((j) => !before.has(j.Id));
      const doc = basename(file);
      const job = fresh.find((j) => j.DocumentName?.includes(doc)) ?? fresh[fresh.length - 1];
      // Already gone from the queue: the spooler printed it at once.
      const jobId = job ? String(job.Id) : `gone-${Date.now()}`;
      return { jobId, printer };
    },

    async job(jobId, printer) {
      const [jobs, statuses] = await Promise.all([jobsOf(printer), ps<PsPrinter>(SCRIPTS.printers)]);
      const printerStatus = statuses.find((s) => s.Name === printer)?.Status ?? '';
      const job = jobs.find((j) => String(j.Id) === jobId);
      const previous = seen.get(jobId);
      const state: DeviceJobState = job
        ? jobStateOf(job.Status)
        : previous?.state === 'canceled'
          ? 'canceled'
          : 'completed';
      const status: DeviceJobStatus = {
        jobId,
        printer,
        state,
        printerReasons: statusReasons(printerStatus),
        message: printerStatus && printerStatus !== 'Normal' ? printerStatus : null,
      };
      seen.set(jobId, status);
      return status;
    },

    async cancel(jobId, printer) {
      if (!/^\d+$/.test(jobId)) return;
      await ps(SCRIPTS.cancel, { RVW_PRINTER: printer, RVW_JOB_ID: jobId });
      const previous = seen.get(jobId);
      if (previous) seen.set(jobId, { ...previous, state: 'canceled' });
    },
  };
}
