/** `kiosk-doctor network` against a real signaling server and against a closed port. */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@rvw/signaling-server/testing';
import type { TestServer } from '@rvw/signaling-server/testing';
import { EXIT, runDoctor } from './cli';
import { networkCheck } from './network';

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(
    ['network', ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {},
    { env },
  );
  return { code, out, err };
}

/** A port nothing listens on: bound, noted, closed. */
async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

describe('kiosk-doctor network', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a real server: health answers, the WebSocket upgrade is refused for lack of credentials (so it worked), clock in sync', async () => {
    const r = await doctor(['--server', server.url, '--json']);
    expect(r.code).toBe(EXIT.Ok);
    const json = JSON.parse(r.out[0]!);
    expect(json).toMatchObject({
      check: 'network',
      status: 'ok',
      details: {
        health: { httpStatus: 200, status: 'ok' },
        webSocket: { ok: true, how: 'refused', code: 'AUTH_MISSING' },
        turn: 'skipped: no TURN configured',
      },
    });
    expect(Math.abs(json.details.clockSkewS)).toBeLessThanOrEqual(2);
  });

  it('takes the server from RVW_SERVER_URL and says it in one line', async () => {
    const r = await doctor([], { RVW_SERVER_URL: server.url });
    expect(r.code).toBe(EXIT.Ok);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(
      /Server reachable .*WebSocket ok \(refused\), clock within .*TURN skipped: no TURN configured/,
    );
  });

  it('a clock 60 s behind the server: exit 15', async () => {
    const r = await networkCheck({ server: server.url, now: () => Date.now() - 60_000 });
    expect(r).toMatchObject({ status: 'fail', exit: EXIT.ClockSkew });
    expect(r.summary).toMatch(/this clock is (59|60)(\.\d)? s behind the server/);
  });

  it('a closed port: exit 13 with the sentence', async () => {
    const r = await doctor(['--server', `http://127.0.0.1:${await closedPort()}`]);
    expect(r.code).toBe(EXIT.ServerUnreachable);
    expect(r.err[0]).toMatch(/^FAIL: 服务器无应答 The server does not answer .*ECONNREFUSED/);
  });

  it('a server whose health answers but that refuses WebSocket upgrades (a proxy): exit 14', async () => {
    const proxy = createHttpServer((req, res) => {
      res.writeHead(req.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', version: 'x' }));
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const { port } = proxy.address() as { port: number };
      const r = await doctor(['--server', `http://127.0.0.1:${port}`, '--timeout', '3']);
      expect(r.code).toBe(EXIT.WebSocketFailed);
      expect(r.err[0]).toMatch(/WebSocket upgrade failed/);
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('no server or a malformed one: exit 2', async () => {
    expect((await doctor([])).code).toBe(EXIT.Usage);
    expect((await doctor(['--server', 'centre.example'])).code).toBe(EXIT.Usage);
  });
});
