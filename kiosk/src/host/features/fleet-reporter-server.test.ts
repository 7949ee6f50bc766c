/**
 * Issue 12 against the real signaling server: the kiosk host's heartbeat reaches the fleet view
 * (the reader unplugged turns the kiosk red within one heartbeat), a readiness verdict with no camera
 * shows as "cannot call", and an admin's log request comes back scrubbed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, httpRoutes } from '@rvw/shared';
import type { FleetKiosk } from '@rvw/shared';
import {
  connectClient,
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import type { KioskConfig } from '../config';
import { FakeReader, sampleResidentCard } from '../fake-reader';
import { bootKioskHost } from '../kiosk-host';
import type { KioskHost } from '../kiosk-host';
import { fakeMachine, removeTrees, UOS_WITH_CAMERA } from '../fleet/test-tree';

const ID = '310101194803157793';

describe('fleet reporter on the real server', () => {
  let t: TestServer;
  let host: KioskHost | null;
  let admin: TestClient;
  let api: ReturnType<typeof createHttpClient<typeof httpRoutes>>;
  let kioskId: string;
  let token: string;
  const logs: string[] = [];

  beforeEach(async () => {
    t = await startTestServer();
    const a = await createTestAgent(t.server, { role: 'admin' });
    api = createHttpClient(httpRoutes, { baseUrl: t.url, token: a.token });
    admin = await connectClient(t.url, { kind: 'agent', token: a.token });
    await admin.waitFor('supervisor:update');
    const k = await createTestKiosk(t.server);
    kioskId = k.kiosk.id;
    token = k.token;
    host = null;
    logs.length = 0;
  });
  afterEach(async () => {
    await host?.close();
    admin.close();
    await t.close();
    removeTrees();
  });

  async function boot(reader: FakeReader) {
    const root = fakeMachine(UOS_WITH_CAMERA);
    const config: KioskConfig = {
      serverUrl: t.url,
      kioskToken: token,
      locale: 'zh-CN',
      idcard: { path: '/dev/fake', baudRate: 115200 },
      demo: false,
      demoSimControl: null,
      fullscreen: false,
      printer: { name: null, cupsUrl: 'http://127.0.0.1:9', none: true },
    };
    host = await bootKioskHost(config, {
      reader,
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
      // Far longer than the test: only the change itself can bring the red.
      heartbeatIntervalMs: 600_000,
      fleet: { watchMs: 600_000, root, platform: 'linux', dataDir: root, env: {} },
    });
    return host;
  }
  const row = (match: (k: FleetKiosk) => boolean) =>
    admin.waitFor('fleet:update', (u) => u.kiosk.kiosk.id === kioskId && match(u.kiosk), { timeoutMs: 8000 });

  it('the reader unplugged turns the kiosk red within one heartbeat; no camera: cannot call', async () => {
    const reader = new FakeReader();
    const h = await boot(reader);
    const green = await row((k) => k.report?.reader.state === 'online');
    expect(green.kiosk.report).toMatchObject({
      os: { name: 'UnionTech OS Desktop 20 Pro' },
      printer: { state: 'none' },
    });
    expect(green.kiosk.level).toBe('green');

    reader.unplug();
    const red = await row((k) => k.report?.reader.state === 'offline');
    expect(red.kiosk.level).toBe('red');
    expect(red.kiosk.problems.map((p) => p.code)).toContain('reader-fault');

    const verdict = await h.handlers['readiness:check']({
      camera: { ok: false, error: 'NotFoundError' },
      microphone: { ok: true },
    });
    expect(verdict.canCall).toBe(false);
    const cannot = await row((k) => k.report?.readiness?.canCall === false);
    expect(cannot.kiosk.problems.map((p) => p.code)).toContain('cannot-call');
  });

  it('answers an admin’s log request with scrubbed lines', async () => {
    const reader = new FakeReader();
    await boot(reader);
    await row((k) => k.report !== null);
    // A card is held; then a driver puts the name and an identity number in its reason: the host
    // logs it (the technician's local log), but neither may leave the kiosk (the server cannot know a name).
    reader.place(sampleResidentCard);
    await row((k) => k.report !== null && logs.some((l) => l.includes('card read')));
    reader.setStatus({ state: 'fault', reason: `${sampleResidentCard.name} X${ID}` as never });
    expect(logs.some((l) => l.includes(ID) && l.includes(sampleResidentCard.name))).toBe(true);
    const asked = await api.requestDiagnostics({ params: { kioskId }, body: { kind: 'logs' } });
    const done = await admin.waitFor(
      'fleet:diagnostics',
      (u) => u.request.id === asked.request.id && u.request.state === 'done',
      { timeoutMs: 8000 },
    );
    const result = done.request.result;
    const lines = result?.kind === 'logs' ? result.lines : [];
    expect(lines.some((l) => l.includes('server: connected'))).toBe(true);
    expect(lines.some((l) => l.includes('idcard: reader fault (＊＊ X310'))).toBe(true);
    expect(lines.join('\n')).not.toContain(ID);
    expect(lines.join('\n')).not.toContain(sampleResidentCard.name);
  });
});
