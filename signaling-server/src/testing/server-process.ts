/**
 * The real server process for tests that need it (a full log disk, a bad data folder): started with
 * `node bin/rvw-server.mjs` and the given environment, its stdout/stderr collected, killed by PID.
 * Not exported from the testing index (vitest-free, but only the server's own tests use it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/rvw-server.mjs');

/** A running (or finished) server process. */
export interface ServerProcess {
  child: ChildProcess;
  out(): string;
  err(): string;
  /** Resolves with the exit code (null if killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves with the base URL once the server printed it; rejects if it exits first or after `ms`. */
  ready(ms?: number): Promise<string>;
  /** SIGKILLs the process if it still runs and waits for it. */
  kill(): Promise<void>;
}

/** Starts `rvw-server args` with `env` added to a minimal environment. */
export function startServerProcess(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', RVW_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    out: () => out,
    err: () => err,
    exited,
    ready(ms = 30_000) {
      return new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const tick = setInterval(() => {
          const m = /Agent console: (http:\/\/\S+?)\/console\//.exec(out);
          if (m) {
            clearInterval(tick);
            resolve(m[1]!);
          } else if (child.exitCode !== null || Date.now() - started > ms) {
            clearInterval(tick);
            reject(new Error(`server not ready (exit ${child.exitCode}): ${err.slice(0, 2000)}`));
          }
        }, 50);
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
