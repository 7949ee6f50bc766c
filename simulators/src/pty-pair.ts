/**
 * A socat pty pair standing in for a serial cable: the kiosk opens one end, a device simulator
 * the other. stop() "unplugs" (kills socat), restart() "replugs" (a new pty behind the same links).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Options of {@link startPtyPair}. */
export interface PtyPairOptions {
  /** Directory for the two links; default a fresh temp directory (removed by dispose()). */
  dir?: string;
  /** How long to wait for socat to create the links, in ms; default 5000. */
  timeoutMs?: number;
}

/** Two linked ptys standing in for a cable, and the socat process that joins them. */
export interface PtyPair {
  /** The end the kiosk (driver) opens. */
  kioskPath: string;
  /** The end the device simulator opens. */
  devicePath: string;
  /** socat's PID while it runs, else null. */
  readonly pid: number | null;
  /** Kills this pair's socat (only its own PID) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts socat again on the same link paths (after stop(), or kills first). */
  restart(): Promise<void>;
  /** stop(), then removes the temp directory if this helper made it. */
  dispose(): Promise<void>;
}

/** Spawns `socat pty,raw,echo=0,link=…/ttyA pty,raw,echo=0,link=…/ttyB` and waits for both links. */
export async function startPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rvw-pty-'));
  const kioskPath = join(dir, 'ttyA');
  const devicePath = join(dir, 'ttyB');
  const timeoutMs = options.timeoutMs ?? 5000;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    // Stale links from a killed socat would look ready before the new one made its ptys.
    for (const p of [kioskPath, devicePath]) if (existsSync(p)) unlinkSync(p);
    const proc = spawn(
      'socat',
      ['-d', '-d', `pty,raw,echo=0,link=${kioskPath}`, `pty,raw,echo=0,link=${devicePath}`],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    // socat logs "starting data transfer loop" once both ptys exist and the links are made.
    while (!(
      existsSync(kioskPath) &&
      existsSync(devicePath) &&
      stderr.includes('starting data transfer loop')
    )) {
      if (proc.exitCode !== null) throw new Error(`socat exited early (${proc.exitCode}): ${stderr.trim()}`);
      if (Date.now() > deadline) {
        proc.kill('SIGTERM');
        throw new Error(`socat did not create ${kioskPath} and ${devicePath} within ${timeoutMs} ms`);
      }
      await delay(10);
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return {
    kioskPath,
    devicePath,
    get pid() {
      return child?.pid ?? null;
    },
    stop,
    async restart() {
      await stop();
      await start();
    },
    async dispose() {
      await stop();
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
