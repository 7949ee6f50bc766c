import { createServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import type { BridgeEventChannel, KioskBridge, KioskState, SessionOpened, TicketPosition } from '@rvw/shared';
import type { KioskConfig } from '../host/config';
import { dispatchBridgeCall } from '../host/dispatch';
import { FakeReader, sampleResidentCard } from '../host/fake-reader';
import { createKioskHost } from '../host/kiosk-host';
import type { KioskHost } from '../host/kiosk-host';
import { KioskApp } from './kiosk-app';
import type { FlowState } from './flow/machine';

const TOKEN = 'kiosk-token';
const kiosk = { id: 'k1', name: '1 号机', location: '愚园路' };
const position = (pos: number, status: 'waiting' | 'cancelled' = 'waiting'): TicketPosition => ({
  ticket: {
    id: 't1',
    number: 'A007',
    kioskId: 'k1',
    status,
    createdAt: '2026-01-01T00:00:00Z',
    hasIdentity: false,
  },
  position: pos,
  waiting: 3,
});
const opened: SessionOpened = {
  session: {
    id: 's1',
    ticketId: 't1',
    ticketNumber: 'A007',
    kiosk,
    agent: { id: 'a1', displayName: '王芳' },
    startedAt: '2026-01-01T00:01:00Z',
    endedAt: null,
    endedBy: null,
  },
  iceServers: [],
  initiator: false,
};

/** The kiosk host behind an in-process bridge: the same dispatch the IPC manager and web host use. */
function inProcessBridge(host: KioskHost): KioskBridge {
  return {
    invoke: async (channel, request) => {
      const res = await dispatchBridgeCall(host.handlers, channel, request);
      if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code });
      return res.data as never;
    },
    on: (channel, listener) => {
      const emitter = host.events as unknown as NodeJS.EventEmitter;
      emitter.on(channel as BridgeEventChannel, listener as never);
      return () => emitter.off(channel, listener as never);
    },
  };
}

describe('KioskApp against a stand-in signaling server', () => {
  let http: HttpServer;
  let io: Server;
  let serverUrl: string;
  let identityPosts: unknown[];
  let serverState: KioskState;
  let kioskSocket: ServerSocket | null;
  let received: string[];
  let reader: FakeReader;
  let host: KioskHost;
  let app: KioskApp;

  beforeEach(async () => {
    identityPosts = [];
    received = [];
    kioskSocket = null;
    serverState = { kiosk, ticket: null, session: null };
    http = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        if (req.url === '/api/kiosk/identity' && req.headers.authorization === `Bearer ${TOKEN}`) {
          identityPosts.push(JSON.parse(body));
          res.writeHead(200).end('{}');
        } else res.writeHead(401).end('{}');
      });
    });
    io = new Server(http);
    io.use((socket, next) => {
      const auth = socket.handshake.auth as { kind?: string; token?: string };
      if (auth.kind === 'kiosk' && auth.token === TOKEN) next();
      else next(Object.assign(new Error('refused'), { data: { code: 'AUTH_INVALID' } }));
    });
    io.on('connection', (socket) => {
      kioskSocket = socket;
      socket.emit('kiosk:state', serverState);
      socket.on('ticket:request', (_p, ack) => {
        received.push('ticket:request');
        ack({ ok: true, data: position(2) });
      });
      socket.on('ticket:cancel', (p, ack) => {
        received.push(`ticket:cancel:${p.ticketId}`);
        ack({ ok: true, data: {} });
      });
      socket.on('session:end', (p, ack) => {
        received.push(`session:end:${p.sessionId}`);
        ack({
          ok: true,
          data: { sessionId: p.sessionId, endedBy: 'kiosk', endedAt: '2026-01-01T00:09:00Z' },
        });
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    serverUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const config: KioskConfig = {
      serverUrl,
      kioskToken: TOKEN,
      locale: 'zh-CN',
      idcard: { path: '/dev/fake', baudRate: 115200 },
      demo: false,
      demoSimControl: null,
      fullscreen: false,
    };
    reader = new FakeReader();
    host = createKioskHost(config, { reader, logger: { info() {}, warn() {}, error() {} } });
    app = new KioskApp(inProcessBridge(host));
  });

  afterEach(async () => {
    app.stop();
    await host.close();
    io.close();
  });

  const flow = (): FlowState => app.getSnapshot().flow;
  const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 10 });

  it('walks card -> consent -> ticket -> identity shared -> call -> thanks -> wiped welcome', async () => {
    await app.start();
    await until(() => expect(app.getSnapshot().serverConnected).toBe(true));
    expect(flow().reader.state).toBe('online');

    reader.place(sampleResidentCard);
    expect(flow().screen).toBe('greeting');
    app.send({ type: 'confirm-identity' });
    app.send({ type: 'consent', agree: true });
    await until(() => expect(flow().identityShared).toBe(true));
    expect(flow().screen).toBe('waiting');
    expect(received).toEqual(['ticket:request']);
    expect(identityPosts).toEqual([
      expect.objectContaining({
        ticketId: 't1',
        consent: true,
        identity: expect.objectContaining({ name: '李秀英' }),
      }),
    ]);

    kioskSocket!.emit('ticket:update', position(1));
    await until(() => expect(flow().ticket?.position).toBe(1));
    kioskSocket!.emit('ticket:update', { junk: true } as never);
    kioskSocket!.emit('session:opened', opened);
    await until(() => expect(flow().screen).toBe('call'));
    kioskSocket!.emit('session:ended', {
      sessionId: 's1',
      endedBy: 'agent',
      endedAt: '2026-01-01T00:09:00Z',
    });
    await until(() => expect(flow().screen).toBe('thanks'));
    app.send({ type: 'thanks-done' });
    await until(async () => expect((await host.handlers['idcard:current']({})).card).toBeNull());
    expect(flow().screen).toBe('welcome');
  });

  it('declining consent wipes the card before the ticket and never posts the identity', async () => {
    await app.start();
    await until(() => expect(app.getSnapshot().serverConnected).toBe(true));
    reader.place(sampleResidentCard);
    app.send({ type: 'confirm-identity' });
    app.send({ type: 'consent', agree: false });
    await until(() => expect(flow().screen).toBe('waiting'));
    expect((await host.handlers['idcard:current']({})).card).toBeNull();
    expect(identityPosts).toEqual([]);
  });

  it('resumes a waiting ticket when the server says so on connect, and cancels it', async () => {
    serverState = { kiosk, ticket: position(4), session: null };
    await app.start();
    await until(() => expect(flow().screen).toBe('waiting'));
    expect(flow().ticket?.position).toBe(4);
    app.send({ type: 'cancel-ticket' });
    await until(() => expect(received).toEqual(['ticket:cancel:t1']));
    expect(flow().screen).toBe('welcome');
  });

  it('hang-up tells the server and language returns to the default after the visit', async () => {
    serverState = { kiosk, ticket: null, session: opened };
    await app.start();
    await until(() => expect(flow().screen).toBe('call'));
    app.setLocale('en');
    app.send({ type: 'hang-up' });
    await until(() => expect(received).toEqual(['session:end:s1']));
    expect(flow().screen).toBe('thanks');
    app.send({ type: 'thanks-done' });
    expect(app.getSnapshot().locale).toBe('zh-CN');
  });

  it('shows the problem screen when the server cannot give a ticket, and goes home from it', async () => {
    io.close();
    app.stop();
    app = new KioskApp(inProcessBridge(host), { requestTimeoutMs: 200 });
    await app.start();
    app.send({ type: 'call-without-card' });
    expect(flow().screen).toBe('requesting');
    // socket.io buffers the emit while disconnected; the request times out into a problem, not a hang.
    await until(() => expect(flow()).toMatchObject({ screen: 'problem', problem: 'server' }));
    app.send({ type: 'reset' });
    expect(flow().screen).toBe('welcome');
  });
});
