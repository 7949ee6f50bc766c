/**
 * Errors of the print system. Each has a stable `code` and a sentence in Chinese and in English.
 * No error ever carries a document's content or a resident's data (job titles are document kinds).
 */

/** Stable codes of PrinterError. */
export const PrinterErrorCode = {
  /** No printer is configured, the named one does not exist, or the system has no default. */
  NoPrinter: 'NO_PRINTER',
  /** The print system itself cannot be reached (cupsd not running, spooler service stopped). */
  Unreachable: 'PRINT_SYSTEM_UNREACHABLE',
  /** The queue refuses jobs. */
  NotAccepting: 'NOT_ACCEPTING',
  /** The file to print cannot be read. */
  BadFile: 'BAD_FILE',
  /** The job is not known to the print system. */
  NoJob: 'NO_JOB',
  /** The print system answered with an error status. */
  Refused: 'PRINT_SYSTEM_REFUSED',
  /** This driver cannot run on this platform (e.g. the Windows spooler on Linux). */
  Unsupported: 'UNSUPPORTED_PLATFORM',
} as const;
export type PrinterErrorCode = (typeof PrinterErrorCode)[keyof typeof PrinterErrorCode];

/** An error of a PrinterDriver: a stable `code`, a Chinese and an English sentence. */
export class PrinterError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    readonly code: PrinterErrorCode,
    messageZh: string,
    messageEn: string,
    options: { cause?: unknown } = {},
  ) {
    super(messageEn, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PrinterError';
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** Both sentences on one line: `中文。 English.` */
  get bilingual(): string {
    return `${this.messageZh} ${this.messageEn}`;
  }

  static noPrinter(name?: string): PrinterError {
    return name === undefined
      ? new PrinterError(
          PrinterErrorCode.NoPrinter,
          '系统没有默认打印机。',
          'The print system has no default printer.',
        )
      : new PrinterError(
          PrinterErrorCode.NoPrinter,
          `找不到打印机 ${name}。`,
          `There is no printer named ${name}.`,
        );
  }

  static unreachable(where: string, cause?: unknown): PrinterError {
    const why = cause instanceof Error ? ` (${cause.message})` : '';
    return new PrinterError(
      PrinterErrorCode.Unreachable,
      `无法连接打印系统 ${where}。`,
      `The print system at ${where} cannot be reached${why}.`,
      { cause },
    );
  }

  static notAccepting(name: string): PrinterError {
    return new PrinterError(
      PrinterErrorCode.NotAccepting,
      `打印机 ${name} 不接收任务。`,
      `The printer ${name} is not accepting jobs.`,
    );
  }

  static badFile(cause?: unknown): PrinterError {
    return new PrinterError(
      PrinterErrorCode.BadFile,
      '要打印的文件无法读取。',
      'The file to print cannot be read.',
      { cause },
    );
  }

  static noJob(jobId: string): PrinterError {
    return new PrinterError(
      PrinterErrorCode.NoJob,
      `打印系统中没有任务 ${jobId}。`,
      `The print system has no job ${jobId}.`,
    );
  }

  static refused(operation: string, status: string): PrinterError {
    return new PrinterError(
      PrinterErrorCode.Refused,
      `打印系统拒绝了 ${operation}（${status}）。`,
      `The print system refused ${operation} (${status}).`,
    );
  }

  static unsupported(what: string): PrinterError {
    return new PrinterError(
      PrinterErrorCode.Unsupported,
      `${what} 不能在本平台运行。`,
      `${what} cannot run on this platform.`,
    );
  }
}

/** True when `err` is a PrinterError (with the given code). */
export function isPrinterError(err: unknown, code?: PrinterErrorCode): err is PrinterError {
  return err instanceof PrinterError && (code === undefined || err.code === code);
}
