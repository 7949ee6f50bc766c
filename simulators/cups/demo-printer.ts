/**
 * The demo's printer (npm start): a private cupsd with a queue RVW_Demo whose printed PDFs land in
 * the demo's data folder, and the kiosk settings that point the kiosk host at it. Where it cannot
 * run (not root, cups missing) it says so in one line and the demo carries on without a printer.
 */
import { join } from 'node:path';
import { cupsMissing } from './cupsd';
import { startCupsHarness } from './harness';

/** The demo's queue name. */
export const DEMO_QUEUE = 'RVW_Demo';

/** The demo printer, running or not. */
export interface DemoPrinter {
  /** RVW_KIOSK_CUPS_URL and RVW_KIOSK_PRINTER for the kiosk host; empty when not running. */
  env: Record<string, string>;
  /** One line for the demo's banner. */
  line: string;
  /** Where printed PDFs land, or null. */
  outDir: string | null;
  /** cupsd's PID, or null. */
  readonly pid: number | null;
  /** Removes the queue and stops cupsd (by its PID). */
  stop(): Promise<void>;
}

/** Starts the demo printer; never throws. */
export async function startDemoPrinter(options: {
  dataDir: string;
  queue?: string;
  /** Why CUPS cannot run here, or null (default cupsMissing; replaceable in tests). */
  check?: () => string | null;
}): Promise<DemoPrinter> {
  const queue = options.queue ?? DEMO_QUEUE;
  const off = (why: string): DemoPrinter => ({
    env: {},
    line: `Printer:         none — ${why} The kiosk reports "no printer" when asked to print.`,
    outDir: null,
    pid: null,
    stop: async () => {},
  });
  const missing = (options.check ?? cupsMissing)();
  if (missing) return off(missing);
  try {
    const cups = await startCupsHarness();
    const outDir = join(options.dataDir, 'printed');
    try {
      cups.addQueue(queue, { outDir, isDefault: true });
    } catch (err) {
      await cups.stop();
      throw err;
    }
    return {
      env: { RVW_KIOSK_CUPS_URL: cups.url, RVW_KIOSK_PRINTER: queue },
      line: `Printer:         ${queue} on a private CUPS at ${cups.url}; printed PDFs land in ${outDir}`,
      outDir,
      get pid() {
        return cups.pid;
      },
      stop: () => cups.stop(),
    };
  } catch (err) {
    return off(
      `the demo's CUPS did not start (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).`,
    );
  }
}
