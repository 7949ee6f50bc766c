/**
 * Picking the print system for this kiosk, and the printer's state for the kiosk's health.
 * The host reads RVW_KIOSK_PRINTER (queue name; default: the system default) and
 * RVW_KIOSK_CUPS_URL (default http://localhost:631) and passes them here as options.
 */
import type { PrintFailureReason } from '@rvw/shared';
import { createCupsDriver, DEFAULT_CUPS_URL } from './cups-driver';
import { isPrinterError } from './errors';
import type { PrinterCondition, PrinterDriver } from './types';
import { createWindowsDriver } from './windows-driver';
import type { WindowsDriverOptions } from './windows-driver';

/** Options of {@link createPrinterDriver}. */
export interface PrinterDriverOptions {
  /** process.platform: 'win32' uses the Windows spooler, anything else CUPS. */
  platform: NodeJS.Platform;
  /** The CUPS server (RVW_KIOSK_CUPS_URL); default http://localhost:631. */
  cupsUrl?: string;
  /** The queue (RVW_KIOSK_PRINTER); kept for the caller, the driver itself takes it per call. */
  printer?: string;
  /** Test seams of the Windows driver. */
  windows?: WindowsDriverOptions;
}

/** The driver for this platform. */
export function createPrinterDriver(options: PrinterDriverOptions): PrinterDriver {
  if (options.platform === 'win32') return createWindowsDriver(options.windows);
  return createCupsDriver({ url: options.cupsUrl ?? DEFAULT_CUPS_URL });
}

/** The printer's state in the kiosk's health report. */
export interface PrinterHealth {
  /** The printer's name, or null when there is none. */
  name: string | null;
  condition: PrinterCondition | 'absent';
  accepting: boolean;
  /** What stops printing now, in our words, or null when it can print. */
  problem: PrintFailureReason | null;
  /** The print system's words (its message, or why it could not be asked). */
  message: string | null;
}

/** Reads the printer (`name`, else the default) for the health report. Never throws. */
export async function printerHealth(driver: PrinterDriver, name?: string): Promise<PrinterHealth> {
  try {
    const info = await driver.describe(name);
    const problem = !info.accepting ? 'not-accepting' : info.problem;
    return {
      name: info.name,
      condition: info.condition,
      accepting: info.accepting,
      problem,
      message: info.message,
    };
  } catch (err) {
    return {
      name: name ?? null,
      condition: 'absent',
      accepting: false,
      problem: 'no-printer',
      message: isPrinterError(err) ? err.messageEn : err instanceof Error ? err.message : String(err),
    };
  }
}
