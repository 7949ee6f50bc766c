import { describe, expect, it } from 'vitest';
import { connectAgent, connectKiosk, createTestAgent, createTestKiosk, okData } from '../testing';
import { useTestServer } from '../testing/hooks';
import { parsePromText, sampleValue, type PromSample } from './prom-text';

const TOKEN = 'scrape-token-0123456789';

async function scrape(t: ReturnType<typeof useTestServer>): Promise<PromSample[]> {
  const res = await t.server.app.inject({ method: 'GET', url: '/metrics' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  return parsePromText(res.body);
}

describe('GET /metrics without a token', () => {
  const t = useTestServer();

  it('moves as a ticket is issued, accepted and its session ends', async () => {
    const before = await scrape(t);
    // The default process metrics are on the server's own registry.
    expect(sampleValue(before, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sampleValue(before, 'rvw_tickets_waiting')).toBe(0);
    expect(sampleValue(before, 'rvw_ticket_wait_seconds_count')).toBe(0);

    const k = await createTestKiosk(t.server);
    const kiosk = await connectKiosk(t.url, k.token);
    const agent = await connectAgent(t.url, (await createTestAgent(t.server)).token);
    t.track(kiosk, agent);
    const { ticket } = okData(await kiosk.request('ticket:request', {}));

    const issued = await scrape(t);
    expect(sampleValue(issued, 'rvw_connected_members', { kind: 'kiosk' })).toBe(1);
    expect(sampleValue(issued, 'rvw_connected_members', { kind: 'agent' })).toBe(1);
    expect(sampleValue(issued, 'rvw_tickets_waiting', { need: 'unsure', centre: 'main' })).toBe(1);
    expect(sampleValue(issued, 'rvw_ticket_longest_wait_seconds', { centre: 'main' })).toBeGreaterThanOrEqual(
      0,
    );
    expect(sampleValue(issued, 'rvw_socket_events_total', { event: 'ticket:request', code: 'OK' })).toBe(1);
    // A second request is refused, and counted with its code.
    expect(await kiosk.request('ticket:request', {})).toMatchObject({ ok: false });
    const opened = okData(await agent.request('ticket:accept', { ticketId: ticket.id }));

    const accepted = await scrape(t);
    expect(
      sampleValue(accepted, 'rvw_socket_events_total', { event: 'ticket:request', code: 'ALREADY_QUEUED' }),
    ).toBe(1);
    expect(sampleValue(accepted, 'rvw_tickets_waiting')).toBe(0);
    expect(sampleValue(accepted, 'rvw_sessions_live')).toBe(1);
    expect(sampleValue(accepted, 'rvw_ticket_wait_seconds_count')).toBe(1);
    expect(sampleValue(accepted, 'rvw_ticket_wait_seconds_bucket', { le: '1200' })).toBe(1);
    expect(sampleValue(accepted, 'rvw_socket_events_total', { event: 'ticket:accept', code: 'OK' })).toBe(1);

    okData(await kiosk.request('session:end', { sessionId: opened.session.id, reason: 'resident done' }));
    await agent.waitFor('session:ended');
    const ended = await scrape(t);
    expect(sampleValue(ended, 'rvw_sessions_live')).toBe(0);
    expect(sampleValue(ended, 'rvw_sessions_ended_total')).toBe(1);
    // The rating levels and print outcomes are listed from the start, at zero here.
    expect(ended.some((s) => s.name === 'rvw_ratings_total' && s.labels.level === 'satisfied')).toBe(true);
    expect(sampleValue(ended, 'rvw_print_jobs_total', { outcome: 'failed' })).toBe(0);
  });

  it('counts refused socket events by their code and HTTP requests by route pattern, never by URL', async () => {
    const k = await createTestKiosk(t.server);
    const kiosk = await connectKiosk(t.url, k.token);
    t.track(kiosk);
    // A kiosk may not accept tickets (FORBIDDEN), and a bad payload is BAD_PAYLOAD.
    expect(await kiosk.request('ticket:accept', { ticketId: 'x' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await kiosk.request('ticket:cancel', {} as never)).toMatchObject({
      error: { code: 'BAD_PAYLOAD' },
    });
    await t.server.app.inject({ method: 'GET', url: '/api/health' });
    await t.server.app.inject({ method: 'GET', url: '/no/such/place-123' });

    const s = await scrape(t);
    expect(sampleValue(s, 'rvw_socket_events_total', { event: 'ticket:accept', code: 'FORBIDDEN' })).toBe(1);
    expect(sampleValue(s, 'rvw_socket_events_total', { event: 'ticket:cancel', code: 'BAD_PAYLOAD' })).toBe(
      1,
    );
    const routes = new Set(
      s.filter((x) => x.name === 'rvw_http_request_duration_seconds_count').map((x) => x.labels.route),
    );
    expect(routes.has('/api/health')).toBe(true);
    expect(routes.has('unmatched')).toBe(true);
    expect([...routes].some((r) => r?.includes('place-123'))).toBe(false);
    expect(
      sampleValue(s, 'rvw_http_request_duration_seconds_count', {
        route: '/api/health',
        method: 'GET',
        status: '2xx',
      }),
    ).toBe(1);
  });

  it('serves loopback callers and refuses any other caller with FORBIDDEN', async () => {
    const local = await t.server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' });
    expect(local.statusCode).toBe(200);
    const remote = await t.server.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('GET /metrics with RVW_METRICS_TOKEN', () => {
  const t = useTestServer({ metricsToken: TOKEN });

  it('requires the token, from loopback too', async () => {
    const get = (authorization?: string, remoteAddress = '127.0.0.1') =>
      t.server.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: authorization ? { authorization } : {},
      });
    const none = await get();
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ error: { code: 'AUTH_MISSING' } });
    const wrong = await get(`Bearer ${TOKEN}x`);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'AUTH_INVALID' } });
    const right = await get(`Bearer ${TOKEN}`, '10.1.2.3');
    expect(right.statusCode).toBe(200);
    expect(sampleValue(parsePromText(right.body), 'rvw_sessions_live')).toBe(0);
  });
});

describe('two servers in one process', () => {
  const t = useTestServer();

  it('keep their own registries', async () => {
    const { startTestServer } = await import('../testing');
    const other = await startTestServer();
    try {
      const k = await createTestKiosk(other.server);
      const kiosk = await connectKiosk(other.url, k.token);
      okData(await kiosk.request('ticket:request', {}));
      kiosk.close();
      const mine = await scrape(t);
      expect(sampleValue(mine, 'rvw_socket_events_total', { event: 'ticket:request' })).toBe(0);
      const theirs = parsePromText(await other.server.metrics.text());
      expect(sampleValue(theirs, 'rvw_socket_events_total', { event: 'ticket:request', code: 'OK' })).toBe(1);
    } finally {
      await other.close();
    }
  });
});
