import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import type { BridgeEventChannel, serverInvokes } from '@rvw/shared';
import { createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import type { HostFeature } from '../feature';
import { recordingContext, type RecordedEvent } from './recording-context';
import { serverLinkFeature } from './server-link';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });

describe('server link', () => {
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
  });

  function start(serverUrl: string, kioskToken: string, requestTimeoutMs?: number) {
    const recorded = recordingContext(serverUrl, kioskToken);
    events = recorded.events;
    logs = recorded.logs;
    const ctx = recorded.ctx;
    link = serverLinkFeature(ctx, requestTimeoutMs ? { requestTimeoutMs } : {});
    return link;
  }
  const named = (channel: BridgeEventChannel) =>
    events.filter((e) => e.channel === channel).map((e) => e.event);

  describe('on the real server', () => {
    let t: TestServer;
    let token: string;
    beforeEach(async () => {
      t = await startTestServer();
      token = (await createTestKiosk(t.server)).token;
    });
    afterEach(async () => {
      await link?.close();
      link = null;
      await t.close();
    });

    it('starts without a token (no attempt), connects with one set later (connectNow), and reads it at each connection', async () => {
      const recorded = recordingContext(t.url, '');
      events = recorded.events;
      logs = recorded.logs;
      const l = serverLinkFeature(recorded.ctx);
      link = l;
      await new Promise((r) => setTimeout(r, 200));
      expect(named('server:status')).toEqual([]);
      expect(await l.handlers['server:sync']({})).toEqual({ connected: false });
      recorded.ctx.config.kioskToken = token;
      l.connectNow();
      await until(() => expect(named('kiosk:state')).toHaveLength(1));
      expect(named('server:status')).toEqual([{ connected: true }]);
      // A wrong token set later is what the next connection presents.
      recorded.ctx.config.kioskToken = 'not-a-valid-token-0000000000';
      for (const s of await t.server.io.fetchSockets()) s.disconnect(true);
      await until(() => expect(logs).toContain('server: cannot connect (AUTH_INVALID)'));
    });

    it('re-sends a fresh kiosk:state on sync, and asks the server again once anything happened', async () => {
      const l = start(t.url, token);
      await until(() => expect(named('kiosk:state')).toHaveLength(1));
      expect(named('server:status')).toEqual([{ connected: true }]);
      expect(await l.handlers['server:sync']({})).toEqual({ connected: true });
      expect(named('kiosk:state')).toEqual([named('kiosk:state')[0], named('kiosk:state')[0]]);

      const position = await l.handlers['ticket:request']({});
      await until(() => expect(named('ticket:update').length).toBeGreaterThan(0));
      await l.handlers['server:sync']({});
      // The cached state says "no ticket"; the server's new greeting has the ticket.
      await until(() => expect(named('kiosk:state')).toHaveLength(3));
      expect(named('kiosk:state')[2]).toMatchObject({ ticket: { ticket: { id: position.ticket.id } } });
      await until(() => expect(named('server:status').at(-1)).toEqual({ connected: true }));
    });

    it("passes the server's own refusal code through", async () => {
      const l = start(t.url, token);
      await l.handlers['ticket:request']({});
      await expect(l.handlers['ticket:request']({})).rejects.toMatchObject({ code: 'ALREADY_QUEUED' });
      await expect(l.handlers['session:end']({ sessionId: 'nope' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('logs a refused token once, by its code, and never the token', async () => {
      start(t.url, 'wrong-token-0123456789abcdef');
      await until(() => expect(logs).toContain('server: cannot connect (AUTH_INVALID)'));
      expect(logs.join('\n')).not.toContain('wrong-token');
      // Reported once, so that the screen can ask for a technician (issue 7 #1).
      expect(named('server:status')).toEqual([{ connected: false, refused: 'AUTH_INVALID' }]);
    });
  });

  it('drops server events that break the protocol and says SERVER_UNREACHABLE when no answer comes', async () => {
    // A stand-in server, because the real one never sends malformed events.
    const http = createServer();
    const io = new Server(http);
    io.on('connection', (socket) => {
      socket.emit('ticket:update', { junk: true });
      socket.emit('kiosk:state', { kiosk: null });
      socket.emit('signal', { sessionId: 's1', data: { type: 'offer', sdp: 'v=0' } });
      // ticket:request is never answered.
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      const l = start(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, 'tok', 200);
      await until(() => expect(named('signal:relay')).toHaveLength(1));
      expect(events.map((e) => e.channel)).toEqual(['server:status', 'signal:relay']);
      await expect(l.handlers['ticket:request']({})).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
    } finally {
      await link?.close();
      link = null;
      await new Promise<void>((r) => io.close(() => r()));
    }
  });
});
