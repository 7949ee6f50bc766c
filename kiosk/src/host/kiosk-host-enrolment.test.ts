// Issue 12 #1 against a real signaling server: a kiosk with no token is not enrolled; it redeems an
// enrolment code typed on the first-run screen, stores its credential (mode 0600), connects and
// appears connected on the server; the code is single-use; a revocation deletes the credential and
// says "not enrolled"; a rotation is stored, confirmed and used on the next connection.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnrolmentState, HttpClient, httpRoutes } from '@rvw/shared';
import { adminApi, connectKiosk, startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { FakePrinterDriver } from '../devices/printer';
import { testKioskConfig } from '../browser-shell/test-stack';
import { fileCredentialStore } from './credential-store';
import { bootKioskHost, type KioskHost, type KioskLogger } from './kiosk-host';

let t: TestServer;
let admin: HttpClient<typeof httpRoutes>;
let dir: string;
let host: KioskHost | null = null;
let logs: string[];
const logger: KioskLogger = {
  info: (l) => logs.push(l),
  warn: (l) => logs.push(l),
  error: (l) => logs.push(l),
};

beforeAll(async () => {
  t = await startTestServer();
  admin = await adminApi(t.server);
});
afterAll(async () => t.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-kiosk-enrol-'));
  logs = [];
  return async () => {
    await host?.close();
    host = null;
    rmSync(dir, { recursive: true, force: true });
  };
});

const issue = async (): Promise<string> =>
  (await admin.createEnrolmentCode({ body: { location: '天平路 居委会', name: '一号机' } })).code;

/** Whether a socket of `kioskId` is connected to the server, as the server sees it. */
async function connectedOnServer(kioskId: string): Promise<boolean> {
  const sockets = await t.server.io.fetchSockets();
  return sockets.some((s) => s.data.kind === 'kiosk' && s.data.kioskId === kioskId);
}

async function bootUnenrolled(): Promise<{ host: KioskHost; states: EnrolmentState[] }> {
  const booted = await bootKioskHost(testKioskConfig(t.url, ''), {
    reader: null,
    logger,
    credentials: fileCredentialStore(dir),
    printerDriver: new FakePrinterDriver(),
  });
  host = booted;
  const states: EnrolmentState[] = [];
  booted.events.on('enrolment:state', (s) => states.push(s));
  return { host: booted, states };
}

describe('the kiosk host enrols with a code', () => {
  it('not enrolled → redeem → stored 0600, connected; the code is single-use; revoke → not enrolled', async () => {
    const { host: h, states } = await bootUnenrolled();
    expect(await h.handlers['enrolment:state']({})).toEqual({
      enrolled: false,
      serverUrl: t.url,
      kiosk: null,
    });
    expect(await h.handlers['server:sync']({})).toMatchObject({ connected: false });

    const code = await issue();
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const state = await h.handlers['enrolment:redeem']({ code: typed });
    // Once enrolled the renderer is not told where the server is (issue 6).
    expect(state).toEqual({
      enrolled: true,
      serverUrl: null,
      kiosk: { name: '一号机', location: '天平路 居委会' },
    });
    expect(states.at(-1)).toEqual(state);

    const store = fileCredentialStore(dir);
    const token = await store.load();
    expect(token).toMatch(/./);
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    // The token is in no log line and no answer the renderer gets.
    expect(logs.join('\n')).not.toContain(token!);
    expect(JSON.stringify(states)).not.toContain(token!);

    const { kiosks } = await admin.listKiosks({});
    const kiosk = kiosks.find((k) => k.name === '一号机')!;
    await vi.waitFor(async () => expect(await connectedOnServer(kiosk.id)).toBe(true), { timeout: 5000 });
    await vi.waitFor(async () =>
      expect(await h.handlers['server:sync']({})).toMatchObject({ connected: true }),
    );

    // Single use: the same code again (even on a fresh kiosk) is refused.
    const other = await bootKioskHost(testKioskConfig(t.url, ''), {
      reader: null,
      logger,
      credentials: fileCredentialStore(join(dir, 'other')),
      printerDriver: new FakePrinterDriver(),
    });
    await expect(other.handlers['enrolment:redeem']({ code })).rejects.toMatchObject({
      code: 'ENROLMENT_CODE_INVALID',
    });
    await other.close();
    // Already enrolled: no second code is spent.
    await expect(h.handlers['enrolment:redeem']({ code: await issue() })).rejects.toMatchObject({
      code: 'WRONG_STATE',
    });

    // Revoked at the centre: not enrolled, the credential deleted, the log says so.
    await admin.revokeKiosk({ params: { kioskId: kiosk.id } });
    await vi.waitFor(
      () => expect(states.at(-1)).toEqual({ enrolled: false, serverUrl: t.url, kiosk: null }),
      {
        timeout: 5000,
      },
    );
    expect(await h.handlers['enrolment:state']({})).toMatchObject({ enrolled: false });
    await vi.waitFor(async () => expect(await store.load()).toBeNull());
    expect(logs.some((l) => /AUTH_REVOKED.*deleted/.test(l))).toBe(true);

    // Enrolling again with a new code connects again.
    const again = await h.handlers['enrolment:redeem']({ code: await issue() });
    expect(again.enrolled).toBe(true);
    await vi.waitFor(
      async () => expect(await h.handlers['server:sync']({})).toMatchObject({ connected: true }),
      {
        timeout: 5000,
      },
    );
  });

  it('a malformed code is refused without spending an attempt; a server that is not there is SERVER_UNREACHABLE', async () => {
    const { host: h } = await bootUnenrolled();
    await expect(h.handlers['enrolment:redeem']({ code: 'abc' })).rejects.toMatchObject({
      code: 'ENROLMENT_CODE_INVALID',
    });
    await expect(
      h.handlers['enrolment:redeem']({ code: 'K7QX-93RM-TD', serverUrl: 'http://127.0.0.1:9' }),
    ).rejects.toMatchObject({ code: 'BAD_PAYLOAD' });
    await h.close();
    host = await bootKioskHost(testKioskConfig('http://127.0.0.1:9', ''), {
      reader: null,
      logger,
      credentials: fileCredentialStore(dir),
      printerDriver: new FakePrinterDriver(),
    });
    await expect(host.handlers['enrolment:redeem']({ code: 'K7QX-93RM-TD' })).rejects.toMatchObject({
      code: 'SERVER_UNREACHABLE',
    });
  });

  it('a stored credential is used at start (enrolled, connected); a rotation is stored, confirmed and used', async () => {
    const { host: first } = await bootUnenrolled();
    await first.handlers['enrolment:redeem']({ code: await issue() });
    await first.close();
    host = null;
    const { host: h } = await bootUnenrolled();
    expect(await h.handlers['enrolment:state']({})).toMatchObject({ enrolled: true });
    await vi.waitFor(
      async () => expect(await h.handlers['server:sync']({})).toMatchObject({ connected: true }),
      {
        timeout: 5000,
      },
    );
    // Once greeted, the state names where the kiosk stands.
    await vi.waitFor(async () =>
      expect(await h.handlers['enrolment:state']({})).toMatchObject({
        kiosk: { name: '一号机', location: '天平路 居委会' },
      }),
    );

    // Rotation against the real server: the new token is stored and confirmed, the old one refused.
    const store = fileCredentialStore(dir);
    const old = (await store.load())!;
    // This test's kiosk: the one connected now (earlier tests' hosts are closed).
    const { kiosks } = await admin.listKiosks({});
    const online = await Promise.all(
      kiosks.map(async (k) => ((await connectedOnServer(k.id)) ? k.id : null)),
    );
    const id = online.find((k) => k !== null)!;
    await admin.rotateKioskToken({ params: { kioskId: id } });
    await vi.waitFor(async () => expect(await store.load()).not.toBe(old), { timeout: 5000 });
    const fresh = (await store.load())!;
    await vi.waitFor(() => expect(logs.some((l) => /credential rotated and stored/.test(l))).toBe(true));
    expect(logs.join('\n')).not.toContain(fresh);
    await expect(connectKiosk(t.url, old)).rejects.toThrow();
    // The next connection uses the new token.
    for (const s of await t.server.io.fetchSockets()) if (s.data.kind === 'kiosk') s.disconnect(true);
    await vi.waitFor(
      async () => {
        await h.handlers['server:sync']({});
        expect(await connectedOnServer(id)).toBe(true);
      },
      { timeout: 10_000, interval: 300 },
    );
    expect(await h.handlers['enrolment:state']({})).toMatchObject({ enrolled: true });
  });
});
