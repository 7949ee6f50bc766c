// Issue 7, defect 3: expiry and revocation reach open sockets at once, with a coded reason
// (`auth:revoked` with AUTH_EXPIRED / AUTH_REVOKED, then a disconnect), through the admin route,
// the revoke-kiosk command (another process writing the database) and sign-out.
// Issue 7, defect 10: limits per credential, not per socket: extra sockets are refused with
// TOO_MANY_CONNECTIONS and the sockets of one credential share one event budget.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import {
  RefusedError,
  adminApi,
  connectClient,
  connectKiosk,
  createTestKiosk,
  okData,
  type TestClient,
} from '../testing';
import { useTestServer } from '../testing/hooks';

const HOUR = 3_600_000;
let offsetMs = 0;
// The server's clock; a test moves it forward to let a login expire.
const clock = () => new Date(Date.now() + offsetMs);

const t = useTestServer({ clock }, { startEach: false });

async function waitUntil(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function refusedCode(auth: Parameters<typeof connectClient>[1]): Promise<string> {
  const err = await connectClient(t.url, auth).then(
    (c) => {
      c.close();
      return new Error('connected');
    },
    (e: unknown) => e,
  );
  return err instanceof RefusedError ? err.refusal.code : String(err);
}

const disconnected = (c: TestClient) => waitUntil(() => !c.connected);

describe('credentials that end while a socket is open', () => {
  it('refuses ticket:accept and identity:reveal once the login expired, tells the socket AUTH_EXPIRED, disconnects it', async () => {
    offsetMs = 0;
    // No sweep during the test: the event itself must find the expiry.
    await t.start({ credentialCheckSeconds: 3600 });
    // One agent serves a ticket (and may reveal its identity); the other would accept the next.
    const served = await t.kioskWithTicket();
    okData(await served.agent.request('ticket:accept', { ticketId: served.ticket.id }));
    const { agent, ticket } = await t.kioskWithTicket();
    offsetMs = t.server.config.sessionTtlHours * HOUR + 60_000;

    const accept = await agent.request('ticket:accept', { ticketId: ticket.id });
    expect(accept).toMatchObject({ ok: false, error: { code: 'AUTH_EXPIRED' } });
    expect(await agent.waitFor('auth:revoked')).toMatchObject({ code: 'AUTH_EXPIRED' });
    await disconnected(agent);
    const reveal = await served.agent.request('identity:reveal', { ticketId: served.ticket.id });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'AUTH_EXPIRED' } });
    await disconnected(served.agent);
    // Back to the present (test logins are issued on the real clock): the ticket still waits.
    offsetMs = 0;
    const { tickets } = await (await adminApi(t.server)).listTickets({});
    expect(tickets.find((x) => x.id === ticket.id)?.status).toBe('waiting');
  });

  it('ends an idle agent socket when its login expires (the periodic check)', async () => {
    offsetMs = 0;
    await t.start({ credentialCheckSeconds: 0.1 });
    const { agent } = await t.kioskWithTicket();
    offsetMs = t.server.config.sessionTtlHours * HOUR + 60_000;
    expect(await agent.waitFor('auth:revoked')).toMatchObject({ code: 'AUTH_EXPIRED' });
    await disconnected(agent);
  });

  it('revokes a kiosk through the admin route: its socket is told AUTH_REVOKED and dropped, its ticket cancelled', async () => {
    offsetMs = 0;
    await t.start({ credentialCheckSeconds: 3600 });
    const { k, kiosk, agent, ticket } = await t.kioskWithTicket();
    const api = await adminApi(t.server);
    const res = await api.revokeKiosk({ params: { kioskId: k.kiosk.id } });
    expect(res).toMatchObject({ kiosk: k.kiosk, cancelledTicketId: ticket.id });

    expect(await kiosk.waitFor('auth:revoked')).toMatchObject({ code: 'AUTH_REVOKED' });
    await disconnected(kiosk);
    await agent.waitFor('queue:update', (q) => q.entries.length === 0);
    const day = await api.listTickets({});
    expect(day.tickets.find((x) => x.id === ticket.id)?.status).toBe('cancelled');
    expect((await api.listKiosks()).kiosks.map((x) => x.id)).not.toContain(k.kiosk.id);
    expect(await refusedCode({ kind: 'kiosk', token: k.token })).toBe('AUTH_INVALID');
    // Revoking again answers the first revocation; an unknown kiosk is NOT_FOUND.
    expect(await api.revokeKiosk({ params: { kioskId: k.kiosk.id } })).toMatchObject({
      revokedAt: res.revokedAt,
      cancelledTicketId: null,
    });
    await expect(api.revokeKiosk({ params: { kioskId: 'no-such-kiosk' } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(t.logText()).toContain('kiosk revoked');
  });

  it('revoke-kiosk from the command line reaches the running server: socket told and dropped, ticket cancelled', async () => {
    offsetMs = 0;
    await t.start({ credentialCheckSeconds: 0.1 });
    const { k, kiosk, agent, ticket } = await t.kioskWithTicket();
    const out: string[] = [];
    const result = await runCli(['revoke-kiosk', k.kiosk.id], {
      env: { RVW_DATA_DIR: t.dataDir },
      out: { write: (s: string) => out.push(s) },
      err: { write: (s: string) => out.push(s) },
    });
    expect(result).toEqual({ exitCode: 0 });
    expect(out.join('')).toMatch(/Revoked kiosk/);
    expect(out.join('')).toContain(ticket.number);

    expect(await kiosk.waitFor('auth:revoked')).toMatchObject({ code: 'AUTH_REVOKED' });
    await disconnected(kiosk);
    await agent.waitFor('queue:update', (q) => q.entries.length === 0);
    expect(await refusedCode({ kind: 'kiosk', token: k.token })).toBe('AUTH_INVALID');
  });

  it('tells the sockets of a login that signed out AUTH_REVOKED before dropping them', async () => {
    offsetMs = 0;
    await t.start({ credentialCheckSeconds: 3600 });
    const { a, agent } = await t.kioskWithTicket();
    const res = await fetch(`${t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await agent.waitFor('auth:revoked')).toMatchObject({ code: 'AUTH_REVOKED' });
    await disconnected(agent);
  });
});

describe('limits per credential', () => {
  it('refuses sockets beyond the limit with TOO_MANY_CONNECTIONS, also when they arrive together', async () => {
    offsetMs = 0;
    await t.start({ maxSocketsPerCredential: 3 });
    const { token } = await createTestKiosk(t.server);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        connectKiosk(t.url, token).then(
          (c) => c,
          (e: unknown) => e,
        ),
      ),
    );
    const clients = results.filter((r): r is TestClient => !(r instanceof Error));
    t.track(...clients);
    expect(clients).toHaveLength(3);
    const refusals = results.filter((r): r is RefusedError => r instanceof RefusedError);
    expect(refusals).toHaveLength(17);
    expect(new Set(refusals.map((r) => r.refusal.code))).toEqual(new Set(['TOO_MANY_CONNECTIONS']));
    // Another kiosk is not affected; a closed socket frees its place.
    const other = await createTestKiosk(t.server);
    t.track(await connectKiosk(t.url, other.token));
    clients[0]!.close();
    await new Promise((r) => setTimeout(r, 100));
    t.track(await connectKiosk(t.url, token));
  });

  it('shares one event budget among the sockets of one credential', async () => {
    offsetMs = 0;
    // 5 events/s, bursts of 10: three sockets of one kiosk sending 8 each exceed it together.
    await t.start({ socketRateLimit: 5, maxSocketsPerCredential: 3 });
    const { token } = await createTestKiosk(t.server);
    const sockets = [
      await connectKiosk(t.url, token),
      await connectKiosk(t.url, token),
      await connectKiosk(t.url, token),
    ];
    t.track(...sockets);
    const acks = await Promise.all(
      sockets.flatMap((s) =>
        Array.from({ length: 8 }, () => s.requestRaw('ticket:cancel', { ticketId: 'nope' })),
      ),
    );
    const codes = acks.map((x) => (x.ok ? 'OK' : x.error.code));
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(10);
    expect(codes).toContain('NOT_FOUND');
    // Another kiosk has its own budget.
    const other = await connectKiosk(t.url, (await createTestKiosk(t.server)).token);
    t.track(other);
    expect(await other.requestRaw('ticket:cancel', { ticketId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
