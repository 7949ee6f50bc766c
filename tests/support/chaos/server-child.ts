/**
 * The signalling server as a real process inside the server's namespace (so that SIGTERM and a
 * restart are real): `ip netns exec <ns> node signaling-server/bin/rvw-server.mjs`, configured by
 * RVW_* variables, listening on 0.0.0.0 of its namespace. Its output is kept (the last 400 lines).
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { NetnsRig } from './netns-rig';

const serverBin = fileURLToPath(new URL('../../../signaling-server/bin/rvw-server.mjs', import.meta.url));
export const consoleDir = fileURLToPath(new URL('../../../agent-console/dist', import.meta.url));

export interface ServerChildOptions {
  dataDir: string;
  port: number;
  /** RVW_MEMBER_GRACE_SECONDS; the default is 60 s, passed explicitly. */
  graceSeconds?: number;
  logLevel?: 'info' | 'warn' | 'debug';
  /** More RVW_* variables. */
  env?: Record<string, string>;
}

export interface ServerChild {
  child: ChildProcess;
  /** Resolves with Date.now() when the server said it listens; rejects if it exits or is not ready in 120 s. */
  ready: Promise<number>;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  output(): string;
  /** SIGTERM (a graceful close); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, for teardown. */
  kill(): Promise<void>;
}

export function startServerChild(rig: NetnsRig, options: ServerChildOptions): ServerChild {
  const child = rig.spawnIn('server', process.execPath, [serverBin], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? options.dataDir,
      RVW_DATA_DIR: options.dataDir,
      RVW_PORT: String(options.port),
      RVW_HOST: '0.0.0.0',
      RVW_LOG_LEVEL: options.logLevel ?? 'info',
      RVW_CONSOLE_DIR: consoleDir,
      RVW_MEMBER_GRACE_SECONDS: String(options.graceSeconds ?? 60),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  const keep = (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    if (lines.length > 400) lines.splice(0, lines.length - 400);
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (d: Buffer) => {
      keep(d);
      seen += d.toString();
      // The CLI prints the console's address once the server listens.
      if (seen.includes('Agent console:')) resolve(Date.now());
    });
    child.stderr!.on('data', keep);
    void exited.then((code) =>
      reject(new Error(`server exited (${code}) before it was ready:\n${lines.join('\n')}`)),
    );
    setTimeout(() => reject(new Error(`server not ready in 120 s:\n${lines.join('\n')}`)), 120_000).unref();
  });
  ready.catch(() => undefined);
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    ready,
    exited,
    output: () => [...lines, partial].join('\n'),
    async stop() {
      if (running()) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
  };
}
