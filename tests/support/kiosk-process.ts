/**
 * The kiosk stack (host and web host, no reader) as a process of its own, as on a kiosk, where the
 * host runs in Electron's main process and never shares an event loop with the server or a test
 * driver: `chaos/kiosk-stack-child.ts`. The chaos rig spawns it in the kiosk's network namespace;
 * bench:call spawns it plainly. Vitest-free.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const kioskChild = fileURLToPath(new URL('./chaos/kiosk-stack-child.ts', import.meta.url));

/** Starts a process (node:child_process spawn, or the chaos rig's spawn in a namespace). */
export type Spawner = (cmd: string, args: string[], options: SpawnOptions) => ChildProcess;

/** The kiosk stack child: resolves with its page's URL (its first stdout line). */
function kioskUrlOf(child: ChildProcess, log: string[]): Promise<string> {
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

/**
 * Spawns the kiosk stack for `serverUrl` with the kiosk's `token` (by `spawner`; default a plain
 * spawn); resolves once its page is served. A stack that does not come up is stopped.
 */
export async function startKioskProcess(
  serverUrl: string,
  token: string,
  spawner: Spawner = spawn,
): Promise<KioskProcess> {
  const log: string[] = [];
  const child = spawner(process.execPath, ['--import', 'tsx', kioskChild], {
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
