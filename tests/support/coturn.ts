/**
 * A coturn of a test's own (issue 13 #4): Debian's `turnserver` as a child process on 127.0.0.1 with
 * a free port, the TURN REST API scheme (`use-auth-secret` + `static-auth-secret`), one realm, no
 * TLS/DTLS listeners, no CLI, loopback peers allowed (the call's peers are on loopback), its log on
 * stdout kept in memory. Ended by its PID. When `turnserver` is missing, coturn is installed the way
 * scripts/setup.mjs installs Debian packages (apt-get as root), else this fails naming the package.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebian } from '../../scripts/setup.mjs';

/** Where Debian's coturn puts the server. */
export const TURNSERVER = '/usr/bin/turnserver';
/** The realm every test coturn uses. */
export const COTURN_REALM = 'rvw.test';

/** A running coturn. */
export interface Coturn {
  /** `turn:127.0.0.1:PORT?transport=udp` and `…?transport=tcp`. */
  urls: string[];
  /** Its static-auth-secret (the signaling server's `turn.secret`). */
  secret: string;
  port: number;
  /** Everything it wrote so far. */
  log(): string;
  /** Ends it (SIGTERM to its PID, SIGKILL after 3 s) and removes its directory. */
  close(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 now (bound, noted, closed). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.listen(0, '127.0.0.1', resolve);
  });
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

/** True once something accepts TCP connections on the port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

/** Makes sure `turnserver` is there: installs coturn as root when it is not, else throws. */
function ensureTurnserver(): void {
  if (existsSync(TURNSERVER)) return;
  if (!ensureDebian(['coturn']) || !existsSync(TURNSERVER)) {
    throw new Error(
      `${TURNSERVER} is missing: install the Debian package coturn (as root: apt-get install -y coturn)`,
    );
  }
}

/** Starts coturn with use-auth-secret on a free loopback port and resolves once it listens. */
export async function startCoturn(opts: { secret?: string } = {}): Promise<Coturn> {
  ensureTurnserver();
  const secret = opts.secret ?? randomBytes(24).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'rvw-coturn-'));
  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(
    TURNSERVER,
    [
      '-n',
      `--listening-ip=127.0.0.1`,
      `--listening-port=${port}`,
      '--relay-ip=127.0.0.1',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      `--realm=${COTURN_REALM}`,
      '--allow-loopback-peers',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--fingerprint',
      '--log-file=stdout',
      '--simple-log',
      '--verbose',
      `--userdb=${join(dir, 'turndb')}`,
      `--pidfile=${join(dir, 'turnserver.pid')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  let spawnError: Error | null = null;
  child.on('error', (err) => (spawnError = err));

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const close = async (): Promise<void> => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGTERM');
      const killer = setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
          process.kill(child.pid, 'SIGKILL');
        }
      }, 3000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  // Up to 10 s: coturn listens within a few hundred ms on an idle machine.
  for (let i = 0; i < 100; i++) {
    if (spawnError || child.exitCode !== null) break;
    if (await accepts(port)) {
      return {
        urls: [`turn:127.0.0.1:${port}?transport=udp`, `turn:127.0.0.1:${port}?transport=tcp`],
        secret,
        port,
        log: () => log,
        close,
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  const why = spawnError ? ` (${(spawnError as Error).message})` : '';
  throw new Error(`turnserver did not listen on 127.0.0.1:${port}${why}:\n${log.replaceAll(secret, '***')}`);
}
