// Issue 12 #1, #5: remote diagnostics and credential rotation over real sockets: the round trip with
// logs scrubbed again on the server, who asked, expiry, only the asked kiosk may answer and once;
// rotation swaps the token only once the kiosk saved it (old refused, new accepted), and never logs it.
import { createHttpClient, httpRoutes } from '@rvw/shared';
import { describe, expect, it } from 'vitest';
import {
  connectClient,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  RefusedError,
} from '../../testing';
import { useTestServer } from '../../testing/hooks';

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
const t = useTestServer({ clock });

async function admin() {
  const a = await createTestAgent(t.server, { role: 'admin', displayName: '王主任' });
  const api = createHttpClient(httpRoutes, { baseUrl: t.url, token: a.token });
  const socket = await connectClient(t.url, { kind: 'agent', token: a.token });
  t.track(socket);
  await socket.waitFor('supervisor:update');
  return { api, socket, agent: a.agent };
}

async function kiosk() {
  const k = await createTestKiosk(t.server);
  const c = await connectKiosk(t.url, k.token);
  t.track(c);
  return { ...k, c };
}

// An 18-character resident ID number (a made-up one with a valid shape).
const ID_NUMBER = '31010519491231002X';

describe('remote diagnostics', () => {
  it('relays a log request, stores the answer scrubbed again, and records who asked', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    const { request } = await a.api.requestDiagnostics({
      params: { kioskId: k.kiosk.id },
      body: { kind: 'logs' },
    });
    expect(request).toMatchObject({
      kioskId: k.kiosk.id,
      kind: 'logs',
      state: 'sent',
      requestedBy: { id: a.agent.id, name: '王主任' },
    });
    const asked = await k.c.waitFor('diagnostics:request');
    expect(asked).toEqual({ requestId: request.id, kind: 'logs' });
    await a.socket.waitFor(
      'fleet:diagnostics',
      (d) => d.request.id === request.id && d.request.state === 'sent',
    );

    // Another kiosk may not answer it: to that kiosk it does not exist.
    const other = await kiosk();
    expect(
      await other.c.request('diagnostics:result', {
        requestId: request.id,
        result: { kind: 'logs', lines: ['forged'] },
      }),
    ).toMatchObject({ error: { code: 'NOT_FOUND' } });

    const lines = ['reader ok', `card read for ${ID_NUMBER} at the desk`];
    okData(
      await k.c.request('diagnostics:result', { requestId: request.id, result: { kind: 'logs', lines } }),
    );
    const done = await a.socket.waitFor('fleet:diagnostics', (d) => d.request.state === 'done');
    expect(done.request.result).toEqual({
      kind: 'logs',
      lines: ['reader ok', 'card read for 310***********002X at the desk'],
    });
    const stored = await t.server.db
      .selectFrom('kiosk_diagnostics')
      .select(['result', 'requested_by'])
      .execute();
    expect(stored[0]!.requested_by).toBe(a.agent.id);
    expect(stored[0]!.result).not.toContain(ID_NUMBER);

    // Once finished, a second answer is WRONG_STATE.
    expect(
      await k.c.request('diagnostics:result', { requestId: request.id, result: { kind: 'logs', lines: [] } }),
    ).toMatchObject({ error: { code: 'WRONG_STATE' } });

    const listed = await a.api.listDiagnostics({ params: { kioskId: k.kiosk.id } });
    expect(listed.requests.map((r) => [r.id, r.state])).toEqual([[request.id, 'done']]);
    // The audit line names who asked.
    expect(t.logText()).toMatch(new RegExp(`"by":"${a.agent.id}".*diagnostics requested`));
    expect(t.logText()).not.toContain(ID_NUMBER);
  });

  it('runs checks and records a refusal as failed', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    const checks = await a.api.requestDiagnostics({
      params: { kioskId: k.kiosk.id },
      body: { kind: 'checks' },
    });
    okData(
      await k.c.request('diagnostics:result', {
        requestId: checks.request.id,
        result: {
          kind: 'checks',
          checks: [{ name: 'printer', ok: false, exitCode: 7, summary: 'out of paper' }],
        },
      }),
    );
    const restart = await a.api.requestDiagnostics({
      params: { kioskId: k.kiosk.id },
      body: { kind: 'restart' },
    });
    okData(
      await k.c.request('diagnostics:result', { requestId: restart.request.id, result: null, error: 'BUSY' }),
    );
    const listed = await a.api.listDiagnostics({ params: { kioskId: k.kiosk.id } });
    const byId = new Map(listed.requests.map((r) => [r.id, r]));
    expect(byId.get(checks.request.id)).toMatchObject({ state: 'done', result: { kind: 'checks' } });
    expect(byId.get(restart.request.id)).toMatchObject({ state: 'failed', error: 'BUSY', result: null });
  });

  it('expires an unanswered request after 60 s; an offline kiosk is KIOSK_OFFLINE', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    const { request } = await a.api.requestDiagnostics({
      params: { kioskId: k.kiosk.id },
      body: { kind: 'logs' },
    });
    offsetMs = 30_000;
    await t.server.fleet.tick();
    expect((await a.api.listDiagnostics({ params: { kioskId: k.kiosk.id } })).requests[0]!.state).toBe(
      'sent',
    );
    offsetMs = 61_000;
    await t.server.fleet.tick();
    const expired = await a.socket.waitFor('fleet:diagnostics', (d) => d.request.state === 'expired');
    expect(expired.request).toMatchObject({ id: request.id, error: 'UNAVAILABLE' });
    expect(
      await k.c.request('diagnostics:result', { requestId: request.id, result: { kind: 'logs', lines: [] } }),
    ).toMatchObject({ error: { code: 'WRONG_STATE' } });

    k.c.close();
    await a.socket.waitFor('fleet:update', (u) => u.kiosk.kiosk.id === k.kiosk.id && !u.kiosk.online);
    await expect(
      a.api.requestDiagnostics({ params: { kioskId: k.kiosk.id }, body: { kind: 'logs' } }),
    ).rejects.toMatchObject({ code: 'KIOSK_OFFLINE' });
    offsetMs = 0;
  });
});

describe('credential rotation', () => {
  it('gives the kiosk a new token; once saved the old one is refused and the new one accepted', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    k.c.socket.on('kiosk:credential', ({ rotationId }) => {
      void k.c.request('kiosk:credential-saved', { rotationId });
    });
    const rotated = a.api.rotateKioskToken({ params: { kioskId: k.kiosk.id } });
    const { token, rotationId } = await k.c.waitFor('kiosk:credential');
    const answer = await rotated;
    expect(answer.kiosk.id).toBe(k.kiosk.id);
    expect(token).not.toBe(k.token);

    await expect(connectKiosk(t.url, k.token)).rejects.toBeInstanceOf(RefusedError);
    const fresh = await connectKiosk(t.url, token);
    t.track(fresh);
    expect(fresh.connected).toBe(true);
    expect(t.logText()).toContain('kiosk credential rotated');
    expect(t.logText()).not.toContain(token);
    // A second save of the same rotation is refused.
    expect(await fresh.request('kiosk:credential-saved', { rotationId })).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
  });

  it('is KIOSK_OFFLINE for a kiosk that is not connected', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await createTestKiosk(t.server);
    await expect(a.api.rotateKioskToken({ params: { kioskId: k.kiosk.id } })).rejects.toMatchObject({
      code: 'KIOSK_OFFLINE',
    });
    await expect(a.api.rotateKioskToken({ params: { kioskId: 'no-such-kiosk' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('only the kiosk the rotation is for may save it', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    const other = await kiosk();
    const forged: unknown[] = [];
    k.c.socket.on('kiosk:credential', ({ rotationId }) => {
      void other.c.request('kiosk:credential-saved', { rotationId }).then((ack) => {
        forged.push(ack);
        void k.c.request('kiosk:credential-saved', { rotationId });
      });
    });
    await a.api.rotateKioskToken({ params: { kioskId: k.kiosk.id } });
    expect(forged).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    // The other kiosk's token still works.
    const again = await connectKiosk(t.url, other.token);
    t.track(again);
  });
});

describe('credential rotation whose confirmation is lost', () => {
  it('completes when the kiosk comes back with the new token (it proves the kiosk saved it)', async () => {
    offsetMs = 0;
    const a = await admin();
    const k = await kiosk();
    // The kiosk stores the token, but its kiosk:credential-saved never reaches the server.
    const rotated = a.api.rotateKioskToken({ params: { kioskId: k.kiosk.id } });
    const { token } = await k.c.waitFor('kiosk:credential');
    const back = await connectKiosk(t.url, token);
    t.track(back);
    expect(back.connected).toBe(true);
    // The admin waiting for the answer hears that it is done.
    expect((await rotated).kiosk.id).toBe(k.kiosk.id);
    expect(t.logText()).toContain('confirmed by sign-in');
    // …and now the old token is the one refused.
    await expect(connectKiosk(t.url, k.token)).rejects.toBeInstanceOf(RefusedError);
  });
});

describe('credential rotation without an answer', () => {
  it('answers UNAVAILABLE after 10 s and keeps the old token; a late save still swaps it', async () => {
    offsetMs = 0;
    const { CredentialRotation, ROTATION_ANSWER_MS } = await import('./credential-rotation');
    const { ManualScheduler } = await import('../../testing');
    const scheduler = new ManualScheduler();
    const s = t.server;
    const rotation = new CredentialRotation({
      io: s.io,
      db: s.db,
      clock,
      log: s.log,
      scheduler,
      isOnline: async () => true,
    });
    const a = await createTestAgent(s, { role: 'admin' });
    const k = await kiosk();
    const asked = rotation.rotate(k.kiosk.id, a.agent.id, 'main');
    const { rotationId, token } = await k.c.waitFor('kiosk:credential');
    scheduler.advance(ROTATION_ANSWER_MS - 1);
    scheduler.advance(1);
    await expect(asked).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const still = await connectKiosk(t.url, k.token);
    t.track(still);

    await rotation.saved(k.kiosk.id, rotationId);
    await expect(connectKiosk(t.url, k.token)).rejects.toBeInstanceOf(RefusedError);
    t.track(await connectKiosk(t.url, token));
  });
});
