/**
 * The kiosk stack (host and web host, no reader) as a process of its own, as on a kiosk, where the
 * host runs in Electron's main process and never shares an event loop with the server or a test
 * driver: `chaos/kiosk-stack-child.ts`. The chaos rig spawns it in the kiosk's network namespace;
 * bench:call spawns it plainly. Vitest-free.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const kioskChild = fileURLToPath(new URL('./chaos/kiosk-stack-child.ts', import.meta.url));

/** The kiosk stack child: resolves with its page's URL (its first stdout line). */
export function kioskUrlOf(child: ChildProcess, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`kiosk stack exited (${code}):\n${log.join('\n')}`)));
    setTimeout(() => reject(new Error(`kiosk stack not up in 30 s:\n${log.join('\n')}`)), 30_000).unref();
  });
}

/** Keeps the last `max` lines written to a stream in `into`. */
export function keepLines(into: string[], max = 300) {
  return (d: Buffer | string) => {
    into.push(...d.toString().split('\n').filter(Boolean));
    if (into.length > max) into.splice(0, into.length - max);
  };
}

/** A kiosk stack process on this machine's network. */
export interface KioskProcess {
  url: string;
  /** The host's recent log lines. */
  log: string[];
  close(): Promise<void>;
}

/** Spawns the kiosk stack for `serverUrl` with the kiosk's `token`; resolves once its page is served. */
export async function startKioskProcess(serverUrl: string, token: string): Promise<KioskProcess> {
  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', kioskChild], {
    cwd: repoRoot,
    env: { ...process.env, RVW_CHAOS_SERVER_URL: serverUrl, RVW_CHAOS_KIOSK_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.stderr!.on('data', keepLines(log));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  try {
    return { url: await kioskUrlOf(child, log), log, close };
  } catch (e) {
    await close();
    throw e;
  }
}
