/**
 * The server link across server restarts and refusals: a graceful close (what SIGTERM does) and a
 * new server on the same port and data folder must bring the kiosk back by itself, with its ticket;
 * a refused credential must stop the retries and be reported.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import type { BridgeEventChannel, serverInvokes } from '@rvw/shared';
import { adminApi, createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import type { HostFeature } from '../feature';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature } from './server-link';

const until = (check: () => unknown, timeout = 5000) => vi.waitFor(check, { timeout, interval: 10 });

describe('server link across restarts', () => {
  let events: RecordedEvent[];
  let logs: string[];
  let link: HostFeature<typeof serverInvokes> | null;

  beforeEach(() => {
    events = [];
    logs = [];
    link = null;
  });
  afterEach(async () => {
    await link?.close();
    link = null;
  });

  function start(serverUrl: string, kioskToken: string) {
    const recorded = recordingContext(serverUrl, kioskToken);
    events = recorded.events;
    logs = recorded.logs;
    const ctx = recorded.ctx;
    link = serverLinkFeature(ctx);
    return link;
  }
  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);

  describe('on the real server', () => {
    let t: TestServer;
    beforeEach(async () => {
      t = await startTestServer();
    });
    afterEach(async () => {
      await link?.close();
      link = null;
      await t.close();
    });

    it('comes back with its ticket within 5 s after a graceful close and a new server on the same port', async () => {
      const { token } = await createTestKiosk(t.server);
      const l = start(t.url, token);
      await until(() => expect(named('kiosk:state')).toHaveLength(1));
      const { ticket } = await l.handlers['ticket:request']({});
      const port = t.server.port;

      // What SIGTERM does (main.ts): close() gracefully; then a new process on the same port and data.
      await t.server.close();
      await until(() => expect(named('server:status').at(-1)).toMatchObject({ connected: false }));
      // The server said it was a planned restart: the screen may stay calm.
      expect(named('server:status').at(-1)).toEqual({ connected: false, restarting: true });
      await new Promise((r) => setTimeout(r, 300));
      const before = named('kiosk:state').length;
      await t.restart({ port });
      const readyAt = Date.now();

      await until(() => expect(named('kiosk:state').length).toBeGreaterThan(before), 5000);
      const back = events.filter((e) => e.channel === 'kiosk:state').at(-1)!;
      console.log(`server link: back ${back.at - readyAt} ms after the new server was ready`);
      expect(back.at - readyAt).toBeLessThan(5000);
      expect(back.event).toMatchObject({ ticket: { ticket: { id: ticket.id, status: 'waiting' } } });
      expect(named('server:status').at(-1)).toEqual({ connected: true });
      expect(logs.join('\n')).not.toContain(token);
    });

    it('stops for good when the kiosk is revoked while connected, and says so for the technician', async () => {
      const { kiosk, token } = await createTestKiosk(t.server);
      start(t.url, token);
      await until(() => expect(named('kiosk:state')).toHaveLength(1));
      const api = await adminApi(t.server);
      await api.revokeKiosk({ params: { kioskId: kiosk.id } });
      await until(() =>
        expect(named('server:status').at(-1)).toEqual({ connected: false, refused: 'AUTH_REVOKED' }),
      );
      // It does not knock again with a revoked token.
      await new Promise((r) => setTimeout(r, 1500));
      expect(named('server:status').at(-1)).toEqual({ connected: false, refused: 'AUTH_REVOKED' });
      expect(logs.some((l) => l.includes('technician'))).toBe(true);
    });
  });

  it('comes back after the server drops it without notice (io server disconnect), by its policy', async () => {
    const http = createServer();
    const io = new Server(http);
    let connections = 0;
    io.on('connection', (socket) => {
      connections += 1;
      // The first connection is dropped by the server, as a close without a notice does.
      if (connections === 1) setTimeout(() => socket.disconnect(true), 50);
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      start(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, 'tok');
      await until(() => expect(connections).toBe(2), 3000);
      await until(() =>
        expect(named('server:status')).toEqual([
          { connected: true },
          { connected: false },
          { connected: true },
        ]),
      );
    } finally {
      await link?.close();
      link = null;
      await new Promise<void>((r) => io.close(() => r()));
    }
  });

  it('stops retrying when the server refuses the credential, and reports it for the technician', async () => {
    const http = createServer();
    const io = new Server(http);
    let handshakes = 0;
    io.use((_socket, next) => {
      handshakes += 1;
      if (handshakes === 1) return next();
      // From now on the kiosk's token is refused, as after a revocation.
      const err = Object.assign(new Error('revoked'), {
        data: { code: 'AUTH_INVALID', message: 'This kiosk has been revoked.' },
      });
      next(err);
    });
    io.on('connection', (socket) => setTimeout(() => socket.disconnect(true), 50));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      start(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, 'tok');
      await until(() => expect(handshakes).toBe(2), 3000);
      await until(() =>
        expect(named('server:status').at(-1)).toEqual({ connected: false, refused: 'AUTH_INVALID' }),
      );
      await new Promise((r) => setTimeout(r, 1500));
      expect(handshakes).toBe(2);
      expect(logs).toContain('server: cannot connect (AUTH_INVALID)');
      expect(logs.some((l) => l.includes('technician'))).toBe(true);
    } finally {
      await link?.close();
      link = null;
      await new Promise<void>((r) => io.close(() => r()));
    }
  });
});
