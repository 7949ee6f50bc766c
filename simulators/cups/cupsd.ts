/**
 * A private cupsd under the caller's control: its own ServerRoot, spool, cache, state and log
 * folders, listening on 127.0.0.1 only (a free port), a permissive policy (this instance only), run
 * in the foreground (`cupsd -f`) without systemd and stopped by its PID. Needs root (cupsd runs its
 * backends and filters as root/lp) and Debian's cups.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Where Debian keeps cupsd and the CUPS command-line tools. */
export const CUPSD = '/usr/sbin/cupsd';
export const LPADMIN = '/usr/sbin/lpadmin';
export const CUPSENABLE = '/usr/sbin/cupsenable';
export const CUPSACCEPT = '/usr/sbin/cupsaccept';
export const CUPSDISABLE = '/usr/sbin/cupsdisable';
export const CUPSREJECT = '/usr/sbin/cupsreject';

/** Options of {@link startCupsd}. */
export interface CupsdOptions {
  /** Folder for the instance's files; default a fresh temp folder (removed by stop()). */
  dir?: string;
  /** TCP port on 127.0.0.1; default a free one. */
  port?: number;
  /** How long to wait for cupsd to accept connections, in ms; default 10000. */
  timeoutMs?: number;
}

/** A running private cupsd. */
export interface Cupsd {
  /** 127.0.0.1:PORT, for lpadmin -h and the like. */
  host: string;
  port: number;
  /** http://127.0.0.1:PORT, the IPP base URL. */
  url: string;
  /** The instance's folder (config, spool, logs). */
  dir: string;
  /** cupsd's PID while it runs, else null. */
  readonly pid: number | null;
  /** The instance's error_log so far (for diagnosing a failed test). */
  errorLog(): string;
  /** Kills this cupsd (its PID only) and waits for it to exit; removes `dir` if this helper made it. */
  stop(): Promise<void>;
}

/**
 * Why a private cupsd cannot run here, as one sentence naming what is missing, or null when it can.
 * Checks root, cupsd, lpadmin and the generic PDF driver from cups-filters.
 */
export function cupsMissing(): string | null {
  const missing: string[] = [];
  if (process.platform !== 'linux')
    return `a private cupsd needs Linux with CUPS (this is ${process.platform}).`;
  if (process.getuid?.() !== 0) missing.push('root (cupsd runs the test backend as root)');
  if (!existsSync(CUPSD)) missing.push(`${CUPSD} (apt-get install cups)`);
  if (!existsSync(LPADMIN)) missing.push(`${LPADMIN} (apt-get install cups-client)`);
  if (!existsSync(GENERIC_PDF_PPD_FILE))
    missing.push(`${GENERIC_PDF_PPD_FILE} (apt-get install cups-filters)`);
  return missing.length ? `A private CUPS cannot run here: missing ${missing.join(', ')}.` : null;
}

/** The generic PDF driver from cups-filters, as lpadmin -m names it and where the file lives. */
export const GENERIC_PDF_PPD = 'lsb/usr/cupsfilters/Generic-PDF_Printer-PDF.ppd';
export const GENERIC_PDF_PPD_FILE = '/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd';

/** A free TCP port on 127.0.0.1 (bound and released). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function writeConfig(dir: string, port: number): { conf: string; files: string } {
  const d = (name: string): string => join(dir, name);
  for (const sub of ['etc', 'etc/ppd', 'spool', 'spool/tmp', 'cache', 'state', 'log']) {
    mkdirSync(d(sub), { recursive: true });
  }
  // Filters run as lp: the folders above must be traversable (mkdtemp makes 0700).
  chmodSync(dir, 0o755);
  const conf = d('etc/cupsd.conf');
  const files = d('etc/cups-files.conf');
  writeFileSync(
    conf,
    [
      '# Private test instance (simulators/cups): loopback only, no auth, no browsing.',
      'LogLevel info',
      'MaxLogSize 0',
      `Listen 127.0.0.1:${port}`,
      'Browsing No',
      'WebInterface No',
      'DefaultAuthType None',
      'JobRetryInterval 5',
      'PreserveJobHistory Yes',
      'PreserveJobFiles No',
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Policy default>',
      '  <Limit All>',
      '    Order deny,allow',
      '    Allow all',
      '  </Limit>',
      '</Policy>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    files,
    [
      `ServerRoot ${d('etc')}`,
      `RequestRoot ${d('spool')}`,
      `TempDir ${d('spool/tmp')}`,
      `CacheDir ${d('cache')}`,
      `StateDir ${d('state')}`,
      `ErrorLog ${d('log/error_log')}`,
      `AccessLog ${d('log/access_log')}`,
      `PageLog ${d('log/page_log')}`,
      // Not /run/cups/printcap: that file belongs to the system's own cupsd.
      `Printcap ${d('state/printcap')}`,
      'User lp',
      'Group lp',
      'SystemGroup root',
      'FileDevice No',
      '',
    ].join('\n'),
  );
  return { conf, files };
}

/** Starts a private `cupsd -f -c CONF -s FILES` and waits until it accepts connections. */
export async function startCupsd(options: CupsdOptions = {}): Promise<Cupsd> {
  const missing = cupsMissing();
  if (missing) throw new Error(missing);
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'rvw-cups-'));
  const port = options.port ?? (await freePort());
  const { conf, files } = writeConfig(dir, port);
  const test = spawnSync(CUPSD, ['-t', '-c', conf, '-s', files], { encoding: 'utf8' });
  if (test.status !== 0) {
    throw new Error(`cupsd rejected the private configuration: ${(test.stderr || test.stdout).trim()}`);
  }
  let child: ChildProcess | null = spawn(CUPSD, ['-f', '-c', conf, '-s', files], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const proc = child;
  let stderr = '';
  proc.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const errorLogPath = join(dir, 'log/error_log');
  const errorLog = (): string => (existsSync(errorLogPath) ? readFileSync(errorLogPath, 'utf8') : '');

  const stop = async (): Promise<void> => {
    const p = child;
    child = null;
    if (p && p.exitCode === null && p.signalCode === null) {
      p.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
      if (!killed) {
        p.kill('SIGKILL');
        await exited;
      }
    }
    if (ownDir) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await canConnect(port))) {
    if (proc.exitCode !== null) {
      await stop();
      throw new Error(`cupsd exited early (${proc.exitCode}): ${stderr.trim() || errorLog().slice(-1000)}`);
    }
    if (Date.now() > deadline) {
      const log = errorLog().slice(-1000);
      await stop();
      throw new Error(`cupsd did not listen on 127.0.0.1:${port} in time: ${log}`);
    }
    await delay(50);
  }
  return {
    host: `127.0.0.1:${port}`,
    port,
    url: `http://127.0.0.1:${port}`,
    dir,
    get pid() {
      return child?.pid ?? null;
    },
    errorLog,
    stop,
  };
}
