// Issue 12 #3: the technician role. A technician watches the fleet of their centre (the view, live
// pushes, diagnostics, enrolment codes, rotation) and sees nothing of residents, the queue or the
// accounts: their socket sends nothing, gets no queue and is no agent online; the routes of agents
// and admins refuse them; only admins change the alert rules and the update channels.
import { createHttpClient, DEFAULT_ALERT_RULES, httpRoutes } from '@rvw/shared';
import { describe, expect, it } from 'vitest';
import { connectClient, connectKiosk, createTestAgent, createTestKiosk } from '../../testing';
import { useTestServer } from '../../testing/hooks';
import { healthyReport } from './fleet-test-support';

const t = useTestServer();

async function technician() {
  const tech = await createTestAgent(t.server, { role: 'technician', displayName: '赵工' });
  const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: tech.token });
  return { ...tech, api };
}

describe('a technician', () => {
  it('reads the fleet and its kiosks, issues codes and asks for diagnostics; not the rules or updates', async () => {
    const { api } = await technician();
    const k = await createTestKiosk(t.server, { name: '康健 一号' });
    const kc = await connectKiosk(t.url, k.token);
    t.track(kc);
    expect((await kc.request('kiosk:heartbeat', healthyReport())).ok).toBe(true);

    const fleet = await api.listFleet({});
    expect(fleet.kiosks.map((r) => r.kiosk.id)).toContain(k.kiosk.id);
    expect((await api.kioskHistory({ params: { kioskId: k.kiosk.id } })).points.length).toBeGreaterThan(0);
    const asked = await api.requestDiagnostics({ params: { kioskId: k.kiosk.id }, body: { kind: 'logs' } });
    expect(asked.request.requestedBy.name).toBe('赵工');
    const code = await api.createEnrolmentCode({ body: { location: '康健居委会' } });
    expect(code.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
    expect((await api.getAlertRules()).rules).toEqual(DEFAULT_ALERT_RULES);
    expect((await api.me()).agent.role).toBe('technician');

    await expect(api.setAlertRules({ body: DEFAULT_ALERT_RULES })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      api.setUpdateChannel({ params: { channel: 'stable' }, body: { version: '1.0.0', rolloutPercent: 10 } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is refused everything of residents, the queue and the accounts', async () => {
    const { api } = await technician();
    await expect(api.listTickets()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.listAgents()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.supervisorLive()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.listCases({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.revokeKiosk({ params: { kioskId: 'any' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('hears the fleet live on a socket that gets no queue, sends nothing and is no agent online', async () => {
    const tech = await technician();
    const socket = await connectClient(t.url, { kind: 'agent', token: tech.token });
    t.track(socket);
    const k = await createTestKiosk(t.server, { name: '康健 二号' });
    const kc = await connectKiosk(t.url, k.token);
    t.track(kc);
    await kc.request(
      'kiosk:heartbeat',
      healthyReport({ reader: { state: 'fault', reason: 'IDCARD_TIMEOUT' } }),
    );
    const update = await socket.waitFor(
      'fleet:update',
      (u) => u.kiosk.kiosk.id === k.kiosk.id && u.kiosk.level === 'red',
    );
    expect(update.kiosk.problems.map((p) => p.code)).toContain('reader-fault');

    // A resident takes a number: agents are told, the technician is not.
    const agent = await createTestAgent(t.server);
    const agentSocket = await connectClient(t.url, { kind: 'agent', token: agent.token });
    t.track(agentSocket);
    expect((await kc.request('ticket:request', {})).ok).toBe(true);
    await agentSocket.waitFor('queue:update', (q) => q.entries.length === 1);
    expect(socket.received.map((r) => r.event)).not.toContain('queue:update');
    expect(socket.received.map((r) => r.event)).not.toContain('supervisor:update');

    const refused = await socket.request('agent:status', { status: 'available' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const online = await t.server.io.in('agents').fetchSockets();
    expect(online.map((s) => s.data.kind === 'agent' && s.data.agentId)).not.toContain(tech.agent.id);
  });
});
