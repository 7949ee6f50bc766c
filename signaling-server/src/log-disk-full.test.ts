/**
 * A real full disk under the log file (a tmpfs as the log folder, filled with a file), with the
 * real server process: it keeps serving, health says the log is failing, and once space returns
 * the log resumes with a line saying how many lines were lost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '@rvw/shared';
import { connectKiosk } from './testing';
import { startServerProcess, type ServerProcess } from './testing/server-process';
import { canMount, mountSmallDisk, type SmallDisk } from './testing/tmpfs';

describe.skipIf(!canMount())('a full disk under the log file', () => {
  let disk: SmallDisk;
  let dataDir: string;
  let server: ServerProcess;

  beforeAll(() => {
    disk = mountSmallDisk(512);
    dataDir = mkdtempSync(join(tmpdir(), 'rvw-logdisk-'));
  });
  afterAll(async () => {
    await server?.kill();
    disk?.unmount();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function health(url: string): Promise<HealthResponse> {
    const res = await fetch(`${url}/api/health`);
    expect(res.status).toBe(200);
    return HealthResponse.parse(await res.json());
  }

  it('keeps serving, reports the log failing, and resumes the log when space returns', async () => {
    const logFile = join(disk.dir, 'rvw.log');
    server = startServerProcess(['serve', '--demo'], {
      RVW_DATA_DIR: dataDir,
      RVW_LOG_FILE: logFile,
      RVW_SOCKET_RATE_LIMIT: '5',
    });
    const url = await server.ready();
    const { kioskToken } = JSON.parse(readFileSync(join(dataDir, 'demo-kiosk.json'), 'utf8')) as {
      kioskToken: string;
    };
    disk.fill();
    const kiosk = await connectKiosk(url, kioskToken);
    try {
      // Rate-limited events, each of which used to write one warning line.
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => kiosk.requestRaw('ticket:cancel', { ticketId: 'x' })),
      );
      expect(answers.some((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toBe(true);
      expect(server.child.exitCode).toBeNull();
      // The file's last page may still have room for a few lines; each request logs one more.
      let h = await health(url);
      for (let i = 0; i < 200 && h.status === 'ok'; i++) h = await health(url);
      expect(h).toMatchObject({ status: 'degraded', checks: { log: 'failing', storage: 'ok' } });
      expect(server.child.exitCode).toBeNull();
      expect(server.err()).toMatch(/log/i);

      disk.free();
      // The log retries at most once a second; any event writes a line.
      await new Promise((r) => setTimeout(r, 1200));
      await kiosk.requestRaw('ticket:cancel', { ticketId: 'x' });
      expect(await health(url)).toMatchObject({ status: 'ok', checks: { log: 'ok' } });
      expect(readFileSync(logFile, 'utf8')).toMatch(/lines? (were|was) lost/);
      expect(server.child.exitCode).toBeNull();
    } finally {
      kiosk.close();
    }
  }, 60_000);
});
