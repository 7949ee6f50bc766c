// Issue 12 #7: /metrics, parsed as Prometheus text, carries the fleet: kiosks per health level (an
// offline kiosk red), alerts per rule, heartbeats by result, and the call set-up histogram moving as
// the members of a session report (once per side, members only).
import { describe, expect, it } from 'vitest';
import { healthyReport } from '../kiosks/fleet/fleet-test-support';
import { connectKiosk, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { parsePromText, sampleValue, type PromSample } from './prom-text';

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const t = useTestServer({ clock });

async function scrape(): Promise<PromSample[]> {
  const res = await t.server.app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  return parsePromText(res.body);
}

describe('fleet metrics', () => {
  it('count kiosks per level and alerts per rule; an offline kiosk is red', async () => {
    offsetMs = 0;
    const before = await scrape();
    expect(sampleValue(before, 'rvw_fleet_kiosks', { level: 'green' })).toBe(0);
    expect(sampleValue(before, 'rvw_fleet_alerts', { rule: 'printer' })).toBe(0);
    expect(sampleValue(before, 'rvw_heartbeats_total', { result: 'OK' })).toBe(0);

    const well = await createTestKiosk(t.server);
    const paperless = await createTestKiosk(t.server);
    await createTestKiosk(t.server); // never connected: offline
    const a = await connectKiosk(t.url, well.token);
    const b = await connectKiosk(t.url, paperless.token);
    t.track(a, b);
    okData(await a.request('kiosk:heartbeat', healthyReport()));
    okData(
      await b.request(
        'kiosk:heartbeat',
        healthyReport({ printer: { state: 'problem', name: 'Q', problem: 'out-of-paper', message: null } }),
      ),
    );
    const s = await scrape();
    expect(sampleValue(s, 'rvw_fleet_kiosks', { level: 'green', centre: 'main' })).toBe(1);
    expect(sampleValue(s, 'rvw_fleet_kiosks', { level: 'amber', centre: 'main' })).toBe(1);
    expect(sampleValue(s, 'rvw_fleet_kiosks', { level: 'red', centre: 'main' })).toBe(1);
    expect(sampleValue(s, 'rvw_fleet_alerts', { rule: 'printer', centre: 'main' })).toBe(1);
    expect(sampleValue(s, 'rvw_heartbeats_total', { result: 'OK' })).toBe(2);

    // Too big counts by its result.
    const device = { label: '摄'.repeat(120), path: '设'.repeat(120) };
    const big = healthyReport({ cameras: Array(16).fill(device), microphones: Array(16).fill(device) });
    expect(await a.request('kiosk:heartbeat', big)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(sampleValue(await scrape(), 'rvw_heartbeats_total', { result: 'PAYLOAD_TOO_LARGE' })).toBe(1);
  });
});

describe('call:setup', () => {
  it('feeds rvw_call_setup_seconds once per side, from members only', async () => {
    offsetMs = 0;
    const { kiosk, agent, ticket } = await t.kioskWithTicket();
    const { session } = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));
    expect(sampleValue(await scrape(), 'rvw_call_setup_seconds_count')).toBe(0);

    okData(await kiosk.request('call:setup', { sessionId: session.id, ms: 1800 }));
    okData(await agent.request('call:setup', { sessionId: session.id, ms: 4200 }));
    expect(await kiosk.request('call:setup', { sessionId: session.id, ms: 900 })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
    const stranger = await connectKiosk(t.url, (await createTestKiosk(t.server)).token);
    t.track(stranger);
    expect(await stranger.request('call:setup', { sessionId: session.id, ms: 900 })).toMatchObject({
      error: { code: 'NOT_SESSION_MEMBER' },
    });
    expect(await stranger.request('call:setup', { sessionId: 'no-such-session', ms: 900 })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });

    const s = await scrape();
    expect(sampleValue(s, 'rvw_call_setup_seconds_count', { side: 'kiosk' })).toBe(1);
    expect(sampleValue(s, 'rvw_call_setup_seconds_count', { side: 'agent' })).toBe(1);
    expect(sampleValue(s, 'rvw_call_setup_seconds_bucket', { side: 'kiosk', le: '2' })).toBe(1);
    expect(sampleValue(s, 'rvw_call_setup_seconds_bucket', { side: 'agent', le: '3' })).toBe(0);
    expect(sampleValue(s, 'rvw_call_setup_seconds_sum', { side: 'agent' })).toBeCloseTo(4.2);
    const rows = await t.server.db.selectFrom('call_setups').select(['side', 'ms']).orderBy('side').execute();
    expect(rows).toEqual([
      { side: 'agent', ms: 4200 },
      { side: 'kiosk', ms: 1800 },
    ]);
  });
});
