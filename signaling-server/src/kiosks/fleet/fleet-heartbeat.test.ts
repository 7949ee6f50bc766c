// Issue 12 #2, #3, #9: heartbeats over real sockets: stored, downsampled history, the live fleet
// view for the centre's admins, bad heartbeats refused with their code (the socket stays usable, other
// kiosks unaffected), the per-kiosk rate limit, no filing for another kiosk, the alert rules, and the
// problems agents see in the queue.
import { createHttpClient, httpRoutes, type FleetKiosk, type HealthReport } from '@rvw/shared';
import { describe, expect, it } from 'vitest';
import {
  connectAgent,
  connectClient,
  connectKiosk,
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  okData,
  type TestClient,
} from '../../testing';
import { useTestServer } from '../../testing/hooks';
import { parsePromText, sampleValue } from '../../metrics/prom-text';
import { GiB, healthyReport } from './fleet-test-support';

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const t = useTestServer({ clock });

async function admin(centreId?: string) {
  const a = await createTestAgent(t.server, { role: 'admin', ...(centreId ? { centreId } : {}) });
  const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: a.token });
  const socket = await connectClient(t.url, { kind: 'agent', token: a.token });
  t.track(socket);
  await socket.waitFor('supervisor:update');
  return { api, socket, token: a.token };
}

async function kiosk(centreId?: string) {
  const k = await createTestKiosk(t.server, centreId ? { centreId } : {});
  const c = await connectKiosk(t.url, k.token);
  t.track(c);
  return { ...k, c };
}

const beat = (c: TestClient, over: Partial<HealthReport> = {}) =>
  c.request('kiosk:heartbeat', healthyReport({ at: clock().toISOString(), ...over }));

const updateOf = async (
  c: TestClient,
  kioskId: string,
  match: (k: FleetKiosk) => boolean,
  from = 0,
): Promise<FleetKiosk> =>
  (await c.waitFor('fleet:update', (u) => u.kiosk.kiosk.id === kioskId && match(u.kiosk), { from })).kiosk;

describe('kiosk:heartbeat', () => {
  it('is stored with its level and problems, kept in a downsampled history and pushed to the admins', async () => {
    // Start just after a 5-minute boundary, so that the first beats share one bucket.
    const bucket = 5 * 60_000;
    offsetMs = Math.ceil(Date.now() / bucket) * bucket - Date.now() + 1000;
    const a = await admin();
    const k = await kiosk();
    // The connection itself shows the kiosk online.
    await updateOf(a.socket, k.kiosk.id, (r) => r.online && r.report === null);

    const ack = okData(await beat(k.c));
    expect(ack.nextInMs).toBe(30_000);
    expect(Math.abs(Date.parse(ack.serverTime) - clock().getTime())).toBeLessThan(5000);
    const green = await updateOf(a.socket, k.kiosk.id, (r) => r.report !== null);
    expect(green).toMatchObject({ level: 'green', problems: [], alerts: [], online: true });
    expect(green.report?.appVersion).toBe('1.2.0');

    // The same state again within 5 minutes: no new point. Out of paper: a point at once.
    okData(await beat(k.c));
    const mark = a.socket.received.length;
    okData(
      await beat(k.c, {
        printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: 'media-empty' },
      }),
    );
    const amber = await updateOf(a.socket, k.kiosk.id, (r) => r.level === 'amber', mark);
    expect(amber.problems).toEqual([{ code: 'printer-out-of-paper', level: 'amber', detail: 'media-empty' }]);
    expect(amber.alerts).toEqual(['printer-out-of-paper']);

    const fleet = await a.api.listFleet({ query: {} });
    expect(fleet.counts).toEqual({ green: 0, amber: 1, red: 0 });
    expect(fleet.kiosks.map((r) => r.kiosk.id)).toEqual([k.kiosk.id]);
    expect(fleet.latestVersion).toBeNull();
    expect((await a.api.listFleet({ query: { level: 'green' } })).kiosks).toEqual([]);

    const history = await a.api.kioskHistory({ params: { kioskId: k.kiosk.id }, query: {} });
    expect(history.points.map((p) => [p.level, p.problems])).toEqual([
      ['green', []],
      ['amber', ['printer-out-of-paper']],
    ]);
    expect(history.points[0]).toMatchObject({ appVersion: '1.2.0', rttMs: 12, diskFreeBytes: 50 * GiB });

    // Five minutes on, the unchanged state gets one more point.
    offsetMs += 5 * 60_000;
    okData(
      await beat(k.c, {
        printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: 'media-empty' },
      }),
    );
    const later = await a.api.kioskHistory({ params: { kioskId: k.kiosk.id }, query: {} });
    expect(later.points).toHaveLength(3);
    offsetMs = 0;
  });

  it('is pruned after 7 days', async () => {
    offsetMs = 0;
    const k = await kiosk();
    okData(await beat(k.c));
    offsetMs = 7 * 24 * 3_600_000 + 60_000;
    expect(await t.server.fleet.prune()).toBe(1);
    const rows = await t.server.db.selectFrom('kiosk_health_history').selectAll().execute();
    expect(rows).toEqual([]);
    offsetMs = 0;
  });

  it('refuses a bad heartbeat with its code; the socket stays usable and other kiosks unaffected', async () => {
    offsetMs = 0;
    const k = await kiosk();
    const other = await kiosk();
    const good = healthyReport({ at: clock().toISOString() });

    const { appVersion: _dropped, ...missing } = good;
    expect(await k.c.requestRaw('kiosk:heartbeat', missing)).toMatchObject({
      error: { code: 'BAD_PAYLOAD' },
    });
    expect(await k.c.requestRaw('kiosk:heartbeat', { ...good, extra: 1 })).toMatchObject({
      error: { code: 'BAD_PAYLOAD' },
    });
    // Every field within its own bound, but too big as a whole (three bytes a character).
    const device = { label: '摄'.repeat(120), path: '设'.repeat(120) };
    const big = { ...good, cameras: Array(16).fill(device), microphones: Array(16).fill(device) };
    expect(await k.c.requestRaw('kiosk:heartbeat', big)).toMatchObject({
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });

    expect(k.c.connected).toBe(true);
    okData(await k.c.request('kiosk:heartbeat', good));
    okData(await other.c.request('kiosk:heartbeat', good));
    const stored = await t.server.db.selectFrom('kiosk_health').select(['kiosk_id', 'report']).execute();
    expect(stored.map((r) => r.kiosk_id).sort()).toEqual([k.kiosk.id, other.kiosk.id].sort());
    expect(stored.every((r) => !r.report.includes('摄'))).toBe(true);
  });

  it('limits each kiosk to a burst of 6 and one more every 5 s, without touching other kiosks', async () => {
    offsetMs = 0;
    const k = await kiosk();
    const other = await kiosk();
    const answers = await Promise.all(Array.from({ length: 9 }, () => beat(k.c)));
    expect(answers.filter((a) => a.ok)).toHaveLength(6);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.error.code === 'RATE_LIMITED')).toBe(true);
    okData(await beat(other.c));
    const counted = parsePromText(await t.server.metrics.text());
    expect(sampleValue(counted, 'rvw_heartbeats_total', { result: 'RATE_LIMITED' })).toBe(3);
    expect(sampleValue(counted, 'rvw_heartbeats_total', { result: 'OK' })).toBe(7);
    offsetMs = 5000;
    okData(await beat(k.c));
    expect(await beat(k.c)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    offsetMs = 0;
  });

  it('files a report under the sending kiosk only', async () => {
    offsetMs = 0;
    const k = await kiosk();
    const victim = await createTestKiosk(t.server);
    // The report names no kiosk; naming one is an unknown field.
    expect(
      await k.c.requestRaw('kiosk:heartbeat', {
        ...healthyReport({ reader: { state: 'fault' } }),
        kioskId: victim.kiosk.id,
      }),
    ).toMatchObject({ error: { code: 'BAD_PAYLOAD' } });
    okData(await beat(k.c, { reader: { state: 'fault' } }));
    const rows = await t.server.db.selectFrom('kiosk_health').select('kiosk_id').execute();
    expect(rows.map((r) => r.kiosk_id)).toEqual([k.kiosk.id]);
    // An agent may not send heartbeats at all.
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(agent);
    expect(await agent.request('kiosk:heartbeat', healthyReport())).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('alert rules', () => {
  const always = { days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '23:59' };
  // `always` leaves out 23:59 in Shanghai: near midnight the test runs an hour earlier.
  const shanghaiMinute = () => Math.floor((Date.now() / 60_000 + 8 * 60) % (24 * 60));
  const awayFromMidnight = () => (shanghaiMinute() >= 23 * 60 || shanghaiMinute() < 10 ? -3_600_000 : 0);

  it('offline is red after offlineAfterS and an alert only during opening hours; the check pushes it', async () => {
    const base = awayFromMidnight();
    offsetMs = base;
    const a = await admin();
    const k = await kiosk();
    okData(await beat(k.c));
    const rules = { ...(await a.api.getAlertRules({})).rules, openingHours: always };
    expect(rules.offlineAfterS).toBe(120);
    await a.api.setAlertRules({ body: rules });

    k.c.close();
    await updateOf(a.socket, k.kiosk.id, (r) => !r.online);
    const justLeft = (await a.api.listFleet({ query: {} })).kiosks[0]!;
    expect(justLeft).toMatchObject({ online: false, level: 'green', alerts: [] });

    offsetMs = base + 121_000;
    const mark = a.socket.received.length;
    await t.server.fleet.tick();
    const off = await updateOf(a.socket, k.kiosk.id, (r) => r.level === 'red', mark);
    expect(off.problems.map((p) => p.code)).toEqual(['offline']);
    expect(off.alerts).toEqual(['offline']);
    // Going offline is a point in the history; a second check adds none.
    await t.server.fleet.tick();
    const history = await a.api.kioskHistory({ params: { kioskId: k.kiosk.id }, query: {} });
    expect(history.points.map((p) => [p.level, p.problems])).toEqual([
      ['green', []],
      ['red', ['offline']],
    ]);

    // Outside opening hours the kiosk is still red, but not an alert.
    await a.api.setAlertRules({ body: { ...rules, openingHours: { days: [], from: '08:30', to: '17:30' } } });
    const closed = (await a.api.listFleet({ query: {} })).kiosks[0]!;
    expect(closed).toMatchObject({ level: 'red', alerts: [] });
    offsetMs = 0;
  });

  it('reader fault, printer out of paper, disk low and a version behind are alerts, each while its rule is on', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    await t.server.db
      .insertInto('update_channels')
      .values({
        channel: 'stable',
        version: '1.3.0',
        rollout_percent: 100,
        release_notes: null,
        updated_at: clock().toISOString(),
        updated_by: null,
      })
      .execute();
    okData(
      await beat(k.c, {
        reader: { state: 'fault', reason: 'IDCARD_SAM_SELFTEST_FAILED' },
        printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null },
        disk: { freeBytes: 5 * GiB, totalBytes: 100 * GiB },
      }),
    );
    const fleet = await a.api.listFleet({ query: {} });
    expect(fleet.latestVersion).toBe('1.3.0');
    const row = fleet.kiosks[0]!;
    expect(row.level).toBe('red');
    const expected = ['reader-fault', 'printer-out-of-paper', 'disk-low', 'version-behind'];
    expect(row.problems.map((p) => p.code)).toEqual(expected);
    expect(row.alerts).toEqual(expected);
    expect(fleet.counts).toEqual({ green: 0, amber: 0, red: 1 });

    // Rules switched off (and a lower disk threshold): the problems stay, the alerts go, pushed at once.
    const mark = a.socket.received.length;
    await a.api.setAlertRules({
      body: {
        ...fleet.rules,
        readerFault: false,
        printerProblem: false,
        versionBehind: false,
        diskFreeMinPercent: 2,
      },
    });
    const pushed = await updateOf(a.socket, k.kiosk.id, () => true, mark);
    expect(pushed.problems.map((p) => p.code)).toEqual([
      'reader-fault',
      'printer-out-of-paper',
      'version-behind',
    ]);
    expect(pushed.alerts).toEqual([]);
    expect((await a.api.getAlertRules({})).rules.diskFreeMinPercent).toBe(2);
  });

  it('shows an admin only the kiosks of their own centre', async () => {
    offsetMs = 0;
    await createTestCentre(t.server, { id: 'xuhui' });
    const mine = await kiosk();
    const theirs = await kiosk('xuhui');
    okData(await beat(theirs.c));
    const a = await admin();
    const fleet = await a.api.listFleet({ query: {} });
    expect(fleet.kiosks.map((r) => r.kiosk.id)).toEqual([mine.kiosk.id]);
    expect((await a.api.listFleet({ query: { centreId: 'xuhui' } })).kiosks).toEqual([]);
    await expect(
      a.api.kioskHistory({ params: { kioskId: theirs.kiosk.id }, query: {} }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(a.socket.all('fleet:update').some((u) => u.kiosk.kiosk.id === theirs.kiosk.id)).toBe(false);
  });
});

describe('the queue', () => {
  it('shows agents the kiosk problems a resident meets, and re-sends the queue when they change', async () => {
    offsetMs = 0;
    const { kiosk: kc, agent } = await t.kioskWithTicket();
    const mark = agent.received.length;
    okData(
      await kc.request(
        'kiosk:heartbeat',
        healthyReport({
          at: clock().toISOString(),
          appVersion: '0.0.1',
          disk: { freeBytes: 1, totalBytes: 100 * GiB },
          printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null },
        }),
      ),
    );
    const q = await agent.waitFor('queue:update', (s) => (s.entries[0]?.kioskProblems?.length ?? 0) > 0, {
      from: mark,
    });
    // Disk and version are the technicians' business, not the resident's.
    expect(q.entries[0]!.kioskProblems!.map((p) => p.code)).toEqual(['printer-out-of-paper']);
    const back = agent.received.length;
    okData(await kc.request('kiosk:heartbeat', healthyReport({ at: clock().toISOString() })));
    const healed = await agent.waitFor('queue:update', () => true, { from: back });
    expect(healed.entries[0]!.kioskProblems).toBeUndefined();
  });
});
