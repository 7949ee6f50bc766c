/**
 * The real-CUPS test harness (issue 10): a private cupsd, the test backend `rvw-test` installed
 * in /usr/lib/cups/backend/, and queues on the generic PDF driver whose jobs land as PDF files in
 * an output folder. A queue can be told to fail (out of paper, offline, jammed) through a control
 * file in that folder; a queue CUPS stopped is re-enabled with cupsenable.
 *
 *   const cups = await startCupsHarness();
 *   const q = cups.addQueue('RVW_Test');            // IPP: `${cups.url}/printers/RVW_Test`
 *   q.setFault('out-of-paper'); … q.setFault(null);
 *   const [pdf] = await q.waitForOutput(1);
 *   await cups.stop();
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  CUPSACCEPT,
  CUPSDISABLE,
  CUPSENABLE,
  CUPSREJECT,
  GENERIC_PDF_PPD,
  LPADMIN,
  startCupsd,
} from './cupsd';
import type { Cupsd, CupsdOptions } from './cupsd';

/** The backend's scheme and where cupsd looks for it. */
export const BACKEND_SCHEME = 'rvw-test';
export const BACKEND_DIR = '/usr/lib/cups/backend';
const BACKEND_SOURCE = fileURLToPath(new URL('./rvw-test-backend.sh', import.meta.url));

/** What a queue's backend can be told to do instead of printing. */
export type CupsFault = 'out-of-paper' | 'offline' | 'jammed';

/** Options of {@link CupsHarness.addQueue}. */
export interface CupsQueueOptions {
  /** Where printed jobs land (created if missing); default a folder in the harness's folder. */
  outDir?: string;
  /** Make it the instance's default printer. */
  isDefault?: boolean;
}

/** One queue on the private cupsd. */
export interface CupsQueue {
  name: string;
  /** The IPP URI of the queue (http://127.0.0.1:PORT/printers/NAME). */
  uri: string;
  /** The folder its backend writes each job to (job-<id>.pdf). */
  outDir: string;
  /** Makes the next job fail this way; null clears it (and lets a job waiting for paper print). */
  setFault(fault: CupsFault | null): void;
  /** The printed files so far, in job order. */
  outputs(): string[];
  /** Waits until at least `count` jobs have been printed; resolves to their files in job order. */
  waitForOutput(count: number, timeoutMs?: number): Promise<string[]>;
  /** Resumes a stopped queue (cupsenable) and makes it accept jobs (cupsaccept). */
  enable(): void;
  /** Stops the queue (cupsdisable), as an administrator would. */
  disable(): void;
  /** Makes the queue refuse jobs (cupsreject). */
  reject(): void;
  /** Deletes the queue (lpadmin -x); its output folder stays. */
  remove(): void;
}

/** A private cupsd with the test backend, and its queues. */
export interface CupsHarness {
  /** http://127.0.0.1:PORT: the CUPS URL a driver takes (RVW_KIOSK_CUPS_URL). */
  url: string;
  /** 127.0.0.1:PORT, for lpadmin/lpstat -h. */
  host: string;
  dir: string;
  readonly pid: number | null;
  cupsd: Cupsd;
  /** Creates (or re-creates) a queue on the generic PDF driver with printer-error-policy=abort-job. */
  addQueue(name: string, options?: CupsQueueOptions): CupsQueue;
  /** A queue added earlier, by name. */
  queue(name: string): CupsQueue;
  /** Removes every queue this harness added, then stops cupsd. */
  stop(): Promise<void>;
}

/**
 * Installs the test backend as /usr/lib/cups/backend/rvw-test (mode 0700: cupsd runs it as root),
 * replacing it atomically when its content differs. Needs root.
 */
export function installBackend(): string {
  const target = join(BACKEND_DIR, BACKEND_SCHEME);
  const source = readFileSync(BACKEND_SOURCE);
  if (existsSync(target) && readFileSync(target).equals(source)) {
    chmodSync(target, 0o700);
    return target;
  }
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, source, { mode: 0o700 });
  chmodSync(tmp, 0o700);
  renameSync(tmp, target);
  return target;
}

/** Runs a CUPS tool with an argument array; throws with its output when it fails. */
function cupsTool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  }
}

const SAFE_NAME = /^[A-Za-z0-9_-]{1,127}$/;
const SAFE_PATH = /^\/[A-Za-z0-9._/-]+$/;

function jobNumber(file: string): number {
  return Number(/^job-(\d+)\.pdf$/.exec(file)?.[1] ?? NaN);
}

/** Starts a private cupsd (see startCupsd) and installs the test backend. */
export async function startCupsHarness(options: CupsdOptions = {}): Promise<CupsHarness> {
  const cupsd = await startCupsd(options);
  try {
    installBackend();
  } catch (err) {
    await cupsd.stop();
    throw err;
  }
  const queues = new Map<string, CupsQueue>();
  const tool = (cmd: string, args: string[]): void => cupsTool(cmd, ['-h', cupsd.host, ...args]);

  const addQueue = (name: string, queueOptions: CupsQueueOptions = {}): CupsQueue => {
    if (!SAFE_NAME.test(name)) throw new Error(`Queue name "${name}" must be letters, digits, _ or -.`);
    const outDir = queueOptions.outDir ?? join(cupsd.dir, 'out', name);
    if (!SAFE_PATH.test(outDir)) {
      throw new Error(`Output folder "${outDir}" must be an absolute path of letters, digits and ._-/.`);
    }
    mkdirSync(outDir, { recursive: true });
    const control = join(outDir, 'control');
    rmSync(control, { force: true });
    tool(LPADMIN, [
      '-p',
      name,
      '-v',
      `${BACKEND_SCHEME}:${outDir}`,
      '-E',
      '-m',
      GENERIC_PDF_PPD,
      '-o',
      'printer-error-policy=abort-job',
    ]);
    if (queueOptions.isDefault) tool(LPADMIN, ['-d', name]);
    const outputs = (): string[] =>
      readdirSync(outDir)
        .filter((f) => Number.isFinite(jobNumber(f)))
        .sort((a, b) => jobNumber(a) - jobNumber(b))
        .map((f) => join(outDir, f));
    const queue: CupsQueue = {
      name,
      uri: `${cupsd.url}/printers/${name}`,
      outDir,
      setFault(fault) {
        if (fault === null) rmSync(control, { force: true });
        // A new line each time, so a waiting backend sees the file change.
        else writeFileSync(control, `${fault}\n${Date.now()}\n`);
      },
      outputs,
      async waitForOutput(count, timeoutMs = 15_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const files = outputs();
          if (files.length >= count) return files;
          if (Date.now() > deadline) {
            throw new Error(`Queue ${name} printed ${files.length} of ${count} jobs within ${timeoutMs} ms.`);
          }
          await delay(50);
        }
      },
      enable() {
        cupsTool(CUPSENABLE, ['-h', cupsd.host, name]);
        cupsTool(CUPSACCEPT, ['-h', cupsd.host, name]);
      },
      disable() {
        cupsTool(CUPSDISABLE, ['-h', cupsd.host, name]);
      },
      reject() {
        cupsTool(CUPSREJECT, ['-h', cupsd.host, name]);
      },
      remove() {
        queues.delete(name);
        tool(LPADMIN, ['-x', name]);
      },
    };
    queues.set(name, queue);
    return queue;
  };

  return {
    url: cupsd.url,
    host: cupsd.host,
    dir: cupsd.dir,
    get pid() {
      return cupsd.pid;
    },
    cupsd,
    addQueue,
    queue(name) {
      const q = queues.get(name);
      if (!q) throw new Error(`No queue ${name} on this harness.`);
      return q;
    },
    async stop() {
      for (const q of [...queues.values()]) {
        try {
          q.remove();
        } catch {
          // cupsd may already be gone; stopping it below is what matters.
        }
      }
      await cupsd.stop();
    },
  };
}

/** A fresh temp folder for outputs (for callers that want the files outside the harness's folder). */
export function tempOutDir(prefix = 'rvw-cups-out-'): string {
  return mkdtempSync(join('/tmp', prefix));
}
