/**
 * The CUPS driver (UOS, Kylin, Debian): IPP to the local cupsd with @sealsystems/ipp.
 * CUPS-Get-Printers / CUPS-Get-Default at the server, Get-Printer-Attributes, Print-Job (the PDF
 * streamed from its file, never through a shell), Get-Job-Attributes and Cancel-Job at
 * /printers/NAME. Job state is read from job-state (not job-state-reasons).
 */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import ipp from '@sealsystems/ipp';
import type { IppMessage, IppResponse } from '@sealsystems/ipp';
import { PrinterError } from './errors';
import { blockingProblem, realReasons } from './reasons';
import type {
  DeviceJobState,
  DeviceJobStatus,
  PrinterCondition,
  PrinterDriver,
  PrinterInfo,
  SubmitOptions,
} from './types';

/** The default CUPS URL (RVW_KIOSK_CUPS_URL). */
export const DEFAULT_CUPS_URL = 'http://localhost:631';

/** Options of {@link createCupsDriver}. */
export interface CupsDriverOptions {
  /** The CUPS server, http://host:port; default http://localhost:631. */
  url?: string;
  /** The user name CUPS records for each job; default 'rvw-kiosk'. */
  userName?: string;
  /** Each IPP request's timeout in ms; default 10000. */
  requestTimeoutMs?: number;
}

const PRINTER_ATTRIBUTES = [
  'printer-name',
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'printer-make-and-model',
];

const JOB_STATES: Readonly<Record<string, DeviceJobState>> = {
  pending: 'pending',
  'pending-held': 'held',
  processing: 'processing',
  'processing-stopped': 'stopped',
  canceled: 'canceled',
  aborted: 'aborted',
  completed: 'completed',
  // Numeric values (RFC 8011), should a response carry them unnamed.
  '3': 'pending',
  '4': 'held',
  '5': 'processing',
  '6': 'stopped',
  '7': 'canceled',
  '8': 'aborted',
  '9': 'completed',
};

function list(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

function text(value: unknown): string | null {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function groups(value: IppResponse['printer-attributes-tag']): Record<string, unknown>[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

function conditionOf(state: unknown): PrinterCondition {
  const s = String(state);
  if (s === 'idle' || s === '3') return 'idle';
  if (s === 'processing' || s === '4') return 'printing';
  if (s === 'stopped' || s === '5') return 'stopped';
  return 'unknown';
}

function isOk(res: IppResponse): boolean {
  return typeof res.statusCode === 'string' && res.statusCode.startsWith('successful-ok');
}

/** Creates a driver talking IPP to the CUPS at `options.url`. */
export function createCupsDriver(options: CupsDriverOptions = {}): PrinterDriver {
  const base = (options.url ?? DEFAULT_CUPS_URL).replace(/\/+$/, '');
  const userName = options.userName ?? 'rvw-kiosk';
  const timeout = options.requestTimeoutMs ?? 10_000;

  const printerUrl = (name: string): string => `${base}/printers/${encodeURIComponent(name)}`;

  const call = (url: string, operation: string, msg: IppMessage): Promise<IppResponse> =>
    new Promise((resolve, reject) => {
      let printer;
      try {
        printer = ipp.Printer(url, { timeout });
      } catch (err) {
        reject(PrinterError.unreachable(base, err));
        return;
      }
      printer.execute(operation, msg, (err, res) => {
        if (err) reject(PrinterError.unreachable(base, err));
        else resolve(res);
      });
    });

  const op = (extra: Record<string, unknown> = {}): IppMessage => ({
    'operation-attributes-tag': { 'requesting-user-name': userName, ...extra },
  });

  const toInfo = (attrs: Record<string, unknown>, defaultName: string | null): PrinterInfo => {
    const name = text(attrs['printer-name']) ?? '';
    const reasons = realReasons(list(attrs['printer-state-reasons']));
    const condition = conditionOf(attrs['printer-state']);
    const problem = blockingProblem(reasons) ?? (condition === 'stopped' ? 'stopped' : null);
    return {
      name,
      isDefault: defaultName !== null && name === defaultName,
      condition,
      accepting: attrs['printer-is-accepting-jobs'] !== false,
      reasons,
      problem,
      message: text(attrs['printer-state-message']),
      makeAndModel: text(attrs['printer-make-and-model']),
    };
  };

  const defaultName = async (): Promise<string | null> => {
    const res = await call(`${base}/`, 'CUPS-Get-Default', op({ 'requested-attributes': ['printer-name'] }));
    if (!isOk(res)) return null;
    return text(groups(res['printer-attributes-tag'])[0]?.['printer-name']);
  };

  const describeNamed = async (name: string, dflt: string | null): Promise<PrinterInfo> => {
    const res = await call(
      printerUrl(name),
      'Get-Printer-Attributes',
      op({ 'requested-attributes': PRINTER_ATTRIBUTES }),
    );
    if (res.statusCode === 'client-error-not-found') throw PrinterError.noPrinter(name);
    if (!isOk(res)) throw PrinterError.refused('Get-Printer-Attributes', res.statusCode);
    const attrs = groups(res['printer-attributes-tag'])[0];
    if (!attrs) throw PrinterError.noPrinter(name);
    return toInfo(attrs, dflt);
  };

  return {
    kind: 'cups',

    async list() {
      const [res, dflt] = await Promise.all([
        call(`${base}/`, 'CUPS-Get-Printers', op({ 'requested-attributes': PRINTER_ATTRIBUTES })),
        defaultName(),
      ]);
      // CUPS answers client-error-not-found when it has no printer at all.
      if (res.statusCode === 'client-error-not-found') return [];
      if (!isOk(res)) throw PrinterError.refused('CUPS-Get-Printers', res.statusCode);
      return groups(res['printer-attributes-tag']).map((a) => toInfo(a, dflt));
    },

    async describe(name) {
      const dflt = await defaultName();
      const target = name ?? dflt;
      if (target === null) throw PrinterError.noPrinter();
      return describeNamed(target, dflt);
    },

    async submit(file, submitOptions: SubmitOptions) {
      const printer = submitOptions.printer ?? (await defaultName());
      if (printer === null) throw PrinterError.noPrinter();
      try {
        await access(file, constants.R_OK);
      } catch (err) {
        throw PrinterError.badFile(err);
      }
      const msg: IppMessage = {
        ...op({ 'job-name': submitOptions.title, 'document-format': 'application/pdf' }),
        data: createReadStream(file),
      };
      const res = await call(printerUrl(printer), 'Print-Job', msg);
      if (res.statusCode === 'client-error-not-found') throw PrinterError.noPrinter(printer);
      if (res.statusCode === 'server-error-not-accepting-jobs') throw PrinterError.notAccepting(printer);
      if (!isOk(res)) throw PrinterError.refused('Print-Job', res.statusCode);
      const jobId = groups(res['job-attributes-tag'])[0]?.['job-id'];
      if (jobId === undefined) throw PrinterError.refused('Print-Job', 'no job-id in the answer');
      return { jobId: String(jobId), printer };
    },

    async job(jobId, printer) {
      const [jobRes, printerRes] = await Promise.all([
        call(
          printerUrl(printer),
          'Get-Job-Attributes',
          op({
            'job-id': Number(jobId),
            'requested-attributes': [
              'job-id',
              'job-state',
              'job-printer-state-reasons',
              'job-printer-state-message',
            ],
          }),
        ),
        call(
          printerUrl(printer),
          'Get-Printer-Attributes',
          op({ 'requested-attributes': ['printer-state-reasons', 'printer-state-message'] }),
        ),
      ]);
      if (jobRes.statusCode === 'client-error-not-found') throw PrinterError.noJob(jobId);
      if (!isOk(jobRes)) throw PrinterError.refused('Get-Job-Attributes', jobRes.statusCode);
      const attrs = groups(jobRes['job-attributes-tag'])[0] ?? {};
      const state = JOB_STATES[String(attrs['job-state'])];
      if (!state) throw PrinterError.refused('Get-Job-Attributes', `job-state ${String(attrs['job-state'])}`);
      const pAttrs = isOk(printerRes) ? (groups(printerRes['printer-attributes-tag'])[0] ?? {}) : {};
      const status: DeviceJobStatus = {
        jobId,
        printer,
        state,
        printerReasons: realReasons(list(pAttrs['printer-state-reasons'])),
        message: text(attrs['job-printer-state-message']) ?? text(pAttrs['printer-state-message']),
      };
      // CUPS keeps the printer's reasons per job from the job's start (and after its end).
      const jobReasons = attrs['job-printer-state-reasons'];
      if (jobReasons !== undefined) status.jobPrinterReasons = realReasons(list(jobReasons));
      return status;
    },

    async cancel(jobId, printer) {
      const res = await call(printerUrl(printer), 'Cancel-Job', op({ 'job-id': Number(jobId) }));
      if (res.statusCode === 'client-error-not-found') throw PrinterError.noJob(jobId);
      // A job already canceled, aborted or completed cannot be canceled: nothing left to do.
      if (res.statusCode === 'client-error-not-possible') return;
      if (!isOk(res)) throw PrinterError.refused('Cancel-Job', res.statusCode);
    },
  };
}
