/**
 * A real full disk under the database (a 2 MiB tmpfs as the data folder, filled with a file):
 * clients get UNAVAILABLE with a sentence, the log names SQLITE_FULL (not the rollback that hid it),
 * health says the storage is failing, and the service recovers by itself when space returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '@rvw/shared';
import { connectKiosk, createTestKiosk, okData, startTestServer, type TestServer } from '../testing';
import { canMount, mountSmallDisk, type SmallDisk } from '../testing/tmpfs';

const mountable = canMount();

describe.skipIf(!mountable)('a full disk under the database', () => {
  let disk: SmallDisk;
  let t: TestServer;

  beforeAll(async () => {
    disk = mountSmallDisk(2048);
    t = await startTestServer({ dataDir: disk.dir });
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    disk?.unmount();
  });

  async function health(): Promise<HealthResponse> {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    return HealthResponse.parse(await res.json());
  }

  it('answers UNAVAILABLE, logs the real cause, reports it in health, and recovers when space returns', async () => {
    expect(await health()).toMatchObject({ status: 'ok' });
    const kiosks = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createTestKiosk(t.server)));
    const clients = await Promise.all(kiosks.map((k) => connectKiosk(t.url, k.token)));
    try {
      disk.fill();
      // Every write needs new pages once the disk is full; a few requests make sure one needs them.
      const answers = [];
      for (const c of clients.slice(0, 5)) answers.push(await c.request('ticket:request', {}));
      const refused = answers.filter((a) => !a.ok);
      expect(refused.length).toBeGreaterThan(0);
      for (const a of refused) {
        expect(a).toMatchObject({
          ok: false,
          error: { code: 'UNAVAILABLE', message: expect.stringMatching(/storage|disk/i) },
        });
      }
      const log = t.logText();
      expect(log).toContain('SQLITE_FULL');
      expect(log).not.toContain('cannot rollback');
      expect(log).not.toContain('"code":"INTERNAL"');
      expect(await health()).toMatchObject({ status: 'degraded', checks: { storage: 'failing' } });

      disk.free();
      const last = clients[5]!;
      const { ticket } = okData(await last.request('ticket:request', {}));
      expect(ticket.status).toBe('waiting');
      expect(await health()).toMatchObject({ status: 'ok', checks: { storage: 'ok' } });
    } finally {
      for (const c of clients) c.close();
    }
  });
});
