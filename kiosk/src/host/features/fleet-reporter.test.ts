/**
 * The fleet reporter inside the real kiosk host, against a stand-in socket.io server that takes
 * heartbeats and relays diagnostics (the server's fleet area is tested on its side).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Server } from 'socket.io';
import type { Socket } from 'socket.io';
import { HealthReport, MAX_DIAGNOSTIC_LINE_CHARS } from '@rvw/shared';
import type { DiagnosticResult } from '@rvw/shared';
import type { KioskConfig } from '../config';
import { FakeReader, sampleResidentCard } from '../fake-reader';
import { bootKioskHost } from '../kiosk-host';
import type { KioskHost } from '../kiosk-host';
import { fakeMachine, removeTrees, UOS_WITH_CAMERA } from '../fleet/test-tree';
import { greetingWith } from './test-greeting';

const until = (check: () => unknown) => vi.waitFor(check, { timeout: 5000, interval: 10 });
const ok = { ok: true };

interface StandIn {
  url: string;
  beats: HealthReport[];
  answers: Array<{ requestId: string; result: DiagnosticResult | null }>;
  sockets: Socket[];
  close(): Promise<void>;
}

async function standIn(): Promise<StandIn> {
  const http = createServer();
  const io = new Server(http);
  const s: Omit<StandIn, 'url' | 'close'> = { beats: [], answers: [], sockets: [] };
  io.on('connection', (socket) => {
    s.sockets.push(socket);
    socket.on('kiosk:heartbeat', (payload: unknown, ack: (a: unknown) => void) => {
      s.beats.push(HealthReport.parse(payload));
      ack({ ok: true, data: { serverTime: new Date().toISOString(), nextInMs: 30_000 } });
    });
    socket.on('diagnostics:result', (payload: StandIn['answers'][number], ack: (a: unknown) => void) => {
      s.answers.push(payload);
      ack({ ok: true, data: {} });
    });
    socket.on('call:setup', (_p: unknown, ack: (a: unknown) => void) => ack({ ok: true, data: {} }));
    socket.emit('kiosk:state', greetingWith(null));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return {
    ...s,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => io.close(() => r())),
  };
}

function config(serverUrl: string): KioskConfig {
  return {
    serverUrl,
    kioskToken: 'kiosk-secret-token',
    locale: 'zh-CN',
    idcard: { path: '/dev/fake', baudRate: 115200 },
    demo: false,
    demoSimControl: null,
    fullscreen: false,
    printer: { name: null, cupsUrl: 'http://127.0.0.1:9', none: true },
  };
}

describe('fleet reporter in the kiosk host', () => {
  let server: StandIn;
  let host: KioskHost | null;
  let reader: FakeReader;
  let restart: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(async () => {
    server = await standIn();
    reader = new FakeReader();
    restart = vi.fn<() => void>();
    host = null;
  });
  afterEach(async () => {
    await host?.close();
    await server.close();
    removeTrees();
  });

  async function boot() {
    const root = fakeMachine(UOS_WITH_CAMERA);
    host = await bootKioskHost(config(server.url), {
      reader,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      restart,
      heartbeatIntervalMs: 60_000,
      fleet: { debounceMs: 50, watchMs: 60_000, root, platform: 'linux', dataDir: root, env: {} },
    });
    return host;
  }

  it('reports on connection, and the reader unplugged at once', async () => {
    await boot();
    await until(() => expect(server.beats.at(-1)?.reader.state).toBe('online'));
    expect(server.beats.at(-1)).toMatchObject({
      os: { name: 'UnionTech OS Desktop 20 Pro' },
      printer: { state: 'none' },
      cameras: [{ path: '/dev/video0' }],
      busy: false,
    });
    reader.unplug();
    // Within the debounce (50 ms here, 1 s by default), not the 60 s beat.
    await until(() => expect(server.beats.at(-1)?.reader.state).toBe('offline'));
  });

  it('answers readiness (no camera: no call), reports it at once, and records the last bridge error', async () => {
    const h = await boot();
    await until(() => expect(server.beats.length).toBeGreaterThan(0));
    const r = await h.handlers['readiness:check']({
      camera: { ok: false, error: 'NotFoundError' },
      microphone: ok,
    });
    expect(r.canCall).toBe(false);
    expect(r.checks.find((c) => c.part === 'server')).toEqual({ part: 'server', result: 'ok' });
    await until(() => expect(server.beats.at(-1)?.readiness?.canCall).toBe(false));

    await expect(
      h.handlers['identity:share']({ ticketId: 't1', consentText: 'x', locale: 'en' }),
    ).rejects.toMatchObject({ code: 'NO_CARD' });
    await until(() => expect(server.beats.at(-1)?.lastError?.code).toBe('NO_CARD'));
    expect(await h.handlers['call:setup']({ sessionId: 's1', ms: 1200 })).toEqual({});
  });

  it('is busy during a session: a restart is deferred until it ends', async () => {
    await boot();
    await until(() => expect(server.sockets).toHaveLength(1));
    const socket = server.sockets[0]!;
    socket.emit('session:opened', greetingWith('s1').session!);
    await until(() => expect(server.beats.at(-1)?.busy).toBe(true));
    socket.emit('diagnostics:request', { requestId: 'r1', kind: 'restart' });
    await until(() => expect(server.answers).toHaveLength(1));
    expect(server.answers[0]).toEqual({ requestId: 'r1', result: { kind: 'restart', outcome: 'deferred' } });
    expect(restart).not.toHaveBeenCalled();
    socket.emit('session:ended', { sessionId: 's1', endedBy: 'agent', endedAt: new Date().toISOString() });
    await until(() => expect(restart).toHaveBeenCalledTimes(1));
  });

  it('sends its log lines, scrubbed, when asked', async () => {
    await boot();
    await until(() => expect(server.sockets).toHaveLength(1));
    reader.place(sampleResidentCard);
    await until(() => expect(server.beats.length).toBeGreaterThan(0));
    server.sockets[0]!.emit('diagnostics:request', { requestId: 'r2', kind: 'logs' });
    await until(() => expect(server.answers).toHaveLength(1));
    const result = server.answers[0]!.result;
    const lines = result?.kind === 'logs' ? result.lines : [];
    expect(lines.some((l) => l.includes('server: connected'))).toBe(true);
    expect(lines.some((l) => l.includes('idcard: card read (resident)'))).toBe(true);
    const text = lines.join('\n');
    expect(text).not.toContain(sampleResidentCard.name);
    expect(text).not.toContain(sampleResidentCard.idNumber);
    expect(lines.every((l) => l.length <= MAX_DIAGNOSTIC_LINE_CHARS)).toBe(true);
  });
});
