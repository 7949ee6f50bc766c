import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asConsoleError, consoleApi } from './api';
import { ConsoleError } from './errors';

// A real HTTP server on port 0 answering the shapes the console must cope with.
let server: Server;
let base = '';
const agent = {
  id: 'a1',
  username: 'wang',
  displayName: '王芳',
  role: 'admin',
  centreId: 'main',
  skills: [],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/api/me') {
      const ok = req.headers.authorization === 'Bearer t1';
      const wrapped = req.headers.authorization === 'Bearer bare';
      if (wrapped) send(200, JSON.stringify(agent));
      else
        send(
          ok ? 200 : 401,
          JSON.stringify(ok ? { agent } : { error: { code: 'AUTH_INVALID', message: 'Bad token.' } }),
        );
    } else if (req.url === '/bad-gateway/api/me') send(502, '<html>bad gateway</html>', 'text/html');
    else if (req.url === '/teapot/api/me') send(418, 'short and stout', 'text/plain');
    else send(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such route.' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConsoleError);
    return (e as ConsoleError).code;
  }
  throw new Error('expected a rejection');
}

describe('the console API client', () => {
  it('returns the documented answer and sends the bearer token', async () => {
    expect(await asConsoleError(consoleApi({ baseUrl: base, token: 't1' }).me())).toEqual({ agent });
  });

  it("carries the server's error code from an HttpError body", async () => {
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: base, token: 'wrong' }).me()))).toBe(
      'AUTH_INVALID',
    );
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: base, token: 't1' }).listAgents()))).toBe(
      'NOT_FOUND',
    );
  });

  it('calls a proxy error or a closed port UNREACHABLE, and other garbage INTERNAL', async () => {
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: `${base}/bad-gateway` }).me()))).toBe(
      'UNREACHABLE',
    );
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: `${base}/teapot` }).me()))).toBe('INTERNAL');
    // Port 9 (discard) on loopback: nothing listens there on these machines.
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: 'http://127.0.0.1:9' }).me()))).toBe(
      'UNREACHABLE',
    );
  });

  it('rejects an answer that is not the documented shape as BAD_RESPONSE', async () => {
    // The server wraps the account as { agent }; a bare account is not accepted any more.
    expect(await codeOf(asConsoleError(consoleApi({ baseUrl: base, token: 'bare' }).me()))).toBe(
      'BAD_RESPONSE',
    );
  });
});
