import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HttpError, LoginResponse } from '@rvw/shared';
import { login } from './accounts/account-store';
import {
  RefusedError,
  connectAgent,
  connectClient,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
} from './testing';
import { useTestServer } from './testing/hooks';

const t = useTestServer();

async function refusal(auth: Parameters<typeof connectClient>[1]) {
  const err = await connectClient(t.url, auth).then(
    () => {
      throw new Error('expected the connection to be refused');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RefusedError);
  return (err as RefusedError).refusal;
}

describe('socket authentication', () => {
  it('refuses a handshake without credentials with AUTH_MISSING', async () => {
    expect((await refusal(undefined)).code).toBe('AUTH_MISSING');
    expect((await refusal({ kind: 'kiosk' })).code).toBe('AUTH_MISSING');
    const r = await refusal({ kind: 'agent', token: '' });
    expect(r.code).toBe('AUTH_MISSING');
    expect(r.message).toMatch(/credentials/);
  });

  it('refuses wrong, malformed or revoked tokens with AUTH_INVALID', async () => {
    const { token: kioskToken } = await createTestKiosk(t.server);
    const { token: agentToken } = await createTestAgent(t.server);
    expect((await refusal({ kind: 'kiosk', token: 'not-a-token' })).code).toBe('AUTH_INVALID');
    // A kiosk token is not an agent token and vice versa.
    expect((await refusal({ kind: 'agent', token: kioskToken })).code).toBe('AUTH_INVALID');
    expect((await refusal({ kind: 'kiosk', token: agentToken })).code).toBe('AUTH_INVALID');
    expect((await refusal({ kind: 'robot', token: agentToken })).code).toBe('AUTH_INVALID');
    // After logout the token is revoked.
    const res = await t.server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${agentToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect((await refusal({ kind: 'agent', token: agentToken })).code).toBe('AUTH_INVALID');
  });

  it('refuses an expired login token with AUTH_INVALID', async () => {
    const { password, agent } = await createTestAgent(t.server, { username: 'early.bird' });
    const ttl = t.server.config.sessionTtlHours;
    const stale = await login(
      t.server.db,
      agent.username,
      password,
      ttl,
      new Date(Date.now() - (ttl + 1) * 3_600_000),
    );
    expect((await refusal({ kind: 'agent', token: stale.token })).code).toBe('AUTH_INVALID');
    const res = await t.server.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${stale.token}` },
    });
    expect(res.json().error.code).toBe('AUTH_INVALID');
  });

  it('accepts valid kiosk and agent tokens and greets them with their state', async () => {
    const { kiosk, token: kioskToken } = await createTestKiosk(t.server);
    const { agent, token } = await createTestAgent(t.server);
    const k = await connectKiosk(t.url, kioskToken);
    const a = await connectAgent(t.url, token);
    // No TURN configured: the kiosk's readiness probe gets no ICE servers.
    expect(await k.waitFor('kiosk:state')).toEqual({ kiosk, ticket: null, session: null, iceServers: [] });
    expect(await a.waitFor('agent:state')).toEqual({ agent, session: null });
    expect((await a.waitFor('queue:update')).entries).toEqual([]);
    k.close();
    a.close();
  });
});

describe('dispatch of bad input', () => {
  it('answers BAD_PAYLOAD and keeps both this and other clients connected and working', async () => {
    const { token: kioskToken } = await createTestKiosk(t.server);
    const { token } = await createTestAgent(t.server);
    const k = await connectKiosk(t.url, kioskToken);
    const a = await connectAgent(t.url, token);

    const bad = [
      await k.requestRaw('ticket:request', { extra: 1 }),
      await k.requestRaw('ticket:request', 'nonsense'),
      await k.requestRaw('ticket:cancel', { ticketId: 42 }),
      await a.requestRaw('ticket:accept', {}),
      // Over the schema's 64,000-character SDP bound but under the transport limit.
      await a.requestRaw('signal', { sessionId: 's', data: { type: 'offer', sdp: 'x'.repeat(64_100) } }),
      await a.requestRaw('signal', { sessionId: 's', data: { evil: true } }),
      await k.requestRaw('no-such-event', {}),
    ];
    for (const ack of bad) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
      if (!ack.ok) expect(ack.error.message).toMatch(/malformed/);
    }
    // The wrong role is refused as FORBIDDEN, not processed.
    expect(await k.requestRaw('ticket:accept', { ticketId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await a.requestRaw('ticket:request', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Events without an ack are processed or dropped without harm.
    (k.socket as unknown as { emit(e: string, p: unknown): void }).emit('ticket:cancel', { nope: true });
    (k.socket as unknown as { emit(e: string): void }).emit('ticket:request');

    expect(k.connected).toBe(true);
    expect(a.connected).toBe(true);
    // Both still work: the kiosk takes a ticket and the agent sees it.
    const pos = okData(await k.request('ticket:request', {}));
    expect(pos.ticket.number).toBe('A001');
    await a.waitFor('queue:update', (q) => q.entries.some((e) => e.ticketId === pos.ticket.id));
    k.close();
    a.close();
  });

  it('cuts only the offending connection when a frame exceeds the transport limit', async () => {
    await t.restart({ maxSocketMessageBytes: 65_536 });
    const { token: kioskToken } = await createTestKiosk(t.server);
    const { token } = await createTestAgent(t.server);
    const k = await connectKiosk(t.url, kioskToken);
    const a = await connectAgent(t.url, token);
    const dropped = new Promise<string>((resolve) =>
      a.socket.once('disconnect', (reason) => resolve(reason)),
    );
    a.socket.emit(
      'signal',
      { sessionId: 's', data: { type: 'offer', sdp: 'x'.repeat(100_000) } },
      () => undefined,
    );
    expect(await dropped).toBe('transport close');
    // The kiosk is untouched and the server still serves.
    expect(k.connected).toBe(true);
    expect(okData(await k.request('ticket:request', {})).ticket.number).toBe('A001');
    const again = await connectAgent(t.url, token);
    expect((await again.waitFor('queue:update')).entries).toHaveLength(1);
    k.close();
    again.close();
  });

  it('rate-limits a flooding socket with RATE_LIMITED without disconnecting it', async () => {
    await t.restart({ socketRateLimit: 5 });
    const { token } = await createTestAgent(t.server);
    const a = await connectAgent(t.url, token);
    const acks = await Promise.all(
      Array.from({ length: 30 }, () => a.requestRaw('ticket:accept', { ticketId: 'nope' })),
    );
    const codes = acks.map((x) => (x.ok ? 'OK' : x.error.code));
    expect(codes).toContain('RATE_LIMITED');
    expect(codes).toContain('NOT_FOUND');
    expect(a.connected).toBe(true);
    a.close();
  });
});

describe('HTTP API', () => {
  it('answers health', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; uptimeSeconds: number };
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
  });

  it('logs in, tells who is signed in, and refuses wrong passwords', async () => {
    const { agent, password } = await createTestAgent(t.server, { username: 'li.min' });
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'li.min', password }),
    });
    expect(login.status).toBe(200);
    const body = LoginResponse.parse(await login.json());
    expect(body.agent).toEqual(agent);
    const me = await fetch(`${t.url}/api/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(await me.json()).toEqual({ agent });

    for (const [username, pw] of [
      ['li.min', 'wrong-password'],
      ['nobody', password],
    ]) {
      const res = await t.server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: pw },
      });
      expect(res.statusCode).toBe(401);
      expect(HttpError.parse(res.json()).error.code).toBe('AUTH_INVALID');
    }
    const none = await t.server.app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('AUTH_MISSING');
  });

  it('maps bad bodies to BAD_PAYLOAD and unknown routes to NOT_FOUND', async () => {
    const res = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as HttpError).error.code).toBe('BAD_PAYLOAD');
    const shape = await t.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 1 },
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error).toMatchObject({
      code: 'BAD_PAYLOAD',
      message: expect.stringMatching(/username/),
    });
    const huge = await t.server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(100_000) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('BAD_PAYLOAD');
    const missing = await fetch(`${t.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as HttpError).error.code).toBe('NOT_FOUND');
  });

  it('lets admins, and only admins, manage agents and kiosks; kiosk tokens appear once', async () => {
    const admin = await createTestAgent(t.server, { role: 'admin', username: 'boss' });
    const plain = await createTestAgent(t.server, { username: 'plain' });
    const as = (token: string) => ({ authorization: `Bearer ${token}` });

    const forbidden = await t.server.app.inject({
      method: 'GET',
      url: '/api/admin/agents',
      headers: as(plain.token),
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('FORBIDDEN');

    const created = await t.server.app.inject({
      method: 'POST',
      url: '/api/admin/agents',
      headers: as(admin.token),
      payload: { username: 'zhang.wei', displayName: '张伟', password: 'long-enough-pw', role: 'agent' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().agent).toMatchObject({ username: 'zhang.wei', role: 'agent' });
    const again = await t.server.app.inject({
      method: 'POST',
      url: '/api/admin/agents',
      headers: as(admin.token),
      payload: { username: 'zhang.wei', displayName: '张伟', password: 'long-enough-pw', role: 'agent' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const list = await t.server.app.inject({
      method: 'GET',
      url: '/api/admin/agents',
      headers: as(admin.token),
    });
    expect(list.json().agents.map((a: { username: string }) => a.username)).toEqual([
      'boss',
      'plain',
      'zhang.wei',
    ]);

    const kiosk = await t.server.app.inject({
      method: 'POST',
      url: '/api/admin/kiosks',
      headers: as(admin.token),
      payload: { name: '第二居委会', location: '静安区' },
    });
    expect(kiosk.statusCode).toBe(201);
    const { token } = kiosk.json() as { token: string };
    expect(token.length).toBeGreaterThan(30);
    const kiosks = await t.server.app.inject({
      method: 'GET',
      url: '/api/admin/kiosks',
      headers: as(admin.token),
    });
    expect(kiosks.body).not.toContain(token);
    expect(kiosks.json().kiosks).toHaveLength(1);
    // The token works for the kiosk's socket.
    const k = await connectKiosk(t.url, token);
    k.close();
  });

  it('redirects / to the console and answers 503 when the console is not built', async () => {
    const root = await t.server.app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/console/');
    const consolePage = await t.server.app.inject({ method: 'GET', url: '/console/queue' });
    expect(consolePage.statusCode).toBe(503);
    expect(consolePage.json().error).toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/build/),
    });
  });
});

describe('agent console', () => {
  it('serves the build at /console with an index.html fallback for app routes', async () => {
    const dir = join(t.dataDir, 'console-build');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>坐席</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    await t.restart({ consoleDir: dir });
    const index = await fetch(`${t.url}/console/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('坐席');
    const asset = await fetch(`${t.url}/console/assets/app.js`);
    expect(await asset.text()).toBe('console.log(1)');
    const route = await fetch(`${t.url}/console/queue/today`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('坐席');
    const missingAsset = await fetch(`${t.url}/console/assets/missing.js`);
    expect(missingAsset.status).toBe(404);
    const bare = await fetch(`${t.url}/console`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
  });
});
