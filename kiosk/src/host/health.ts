/**
 * The kiosk's health snapshot (issue 10): the ID reader's status and the printer's, kept current by
 * the host. The printer is read at start, every minute and after each print job; a change of its
 * problem is logged. The browser shell serves the snapshot at GET /health (loopback only); the
 * fleet issue will report it to the server. Nothing about a resident is in it.
 */
import type { PrintFailureReason, ReaderStatus } from '@rvw/shared';
import type { PrinterCondition } from '../devices/printer/types';
import type { KioskLogger } from './feature';

/** A reading of the printer (the printer module's printerHealth answers one). */
export interface PrinterReading {
  /** The queue read (the default's real name when none is configured); null when none was found. */
  name: string | null;
  /** 'absent' when the print system or the printer could not be found. */
  condition: PrinterCondition | 'absent';
  accepting: boolean;
  /** What stops printing now, in the print failure's words; null when it can print. */
  problem: PrintFailureReason | null;
  /** The print system's own words, for technicians. */
  message: string | null;
}

/** The printer as last read. */
export interface PrinterHealth extends PrinterReading {
  /** True when the printer can print now (no problem). */
  ready: boolean;
  /** When it was read (ISO time). */
  checkedAt: string;
}

/** What GET /health answers. */
export interface KioskHealthSnapshot {
  /** When the snapshot was taken. */
  at: string;
  idcard: ReaderStatus;
  /** Null until the first reading. */
  printer: PrinterHealth | null;
}

/** What the snapshot is built from. */
export interface KioskHealthOptions {
  /** Reads the printer; must not throw (a failure is a reading with a problem). */
  readPrinter: () => Promise<PrinterReading>;
  /** The reader's status now. */
  readerStatus: () => ReaderStatus;
  logger: KioskLogger;
  now: () => Date;
  /** How often the printer is read; default 60 000 ms. */
  intervalMs?: number;
}

/** The host's health: a snapshot now, a printer re-read on demand, and close(). */
export interface KioskHealth {
  snapshot(): KioskHealthSnapshot;
  /** Reads the printer again (one reading at a time); resolves with the new reading. */
  refreshPrinter(): Promise<PrinterHealth>;
  close(): void;
}

/** Starts reading the printer now and every `intervalMs`. */
export function kioskHealth(options: KioskHealthOptions): KioskHealth {
  const { logger, now } = options;
  let printer: PrinterHealth | null = null;
  let reading: Promise<PrinterHealth> | null = null;
  let closed = false;

  const read = async (): Promise<PrinterHealth> => {
    const r = await options.readPrinter().catch((): PrinterReading => ({
      name: null,
      problem: 'unknown',
      condition: 'absent',
      accepting: false,
      message: 'the printer could not be read',
    }));
    const next: PrinterHealth = { ...r, ready: r.problem === null, checkedAt: now().toISOString() };
    if (closed) return next;
    const before = printer;
    printer = next;
    if (before === null || before.problem !== next.problem) {
      const queue = next.name ?? 'the default printer';
      if (next.problem) logger.warn(`printer: ${queue} has a problem: ${next.problem}`);
      else logger.info(`printer: ${queue} is ready`);
    }
    return next;
  };
  const refreshPrinter = (): Promise<PrinterHealth> => {
    reading ??= read().finally(() => {
      reading = null;
    });
    return reading;
  };

  void refreshPrinter();
  const timer = setInterval(() => void refreshPrinter(), options.intervalMs ?? 60_000);
  timer.unref();

  return {
    snapshot: () => ({ at: now().toISOString(), idcard: options.readerStatus(), printer }),
    refreshPrinter,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}
