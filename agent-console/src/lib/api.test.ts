import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '@rvw/shared';
import { apiRequest, parseMaybeWrapped } from './api';
import { ConsoleError } from './errors';

// A real HTTP server on port 0 answering the shapes the console must cope with.
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/ok') send(200, JSON.stringify({ hello: 'world' }));
    else if (req.url === '/auth') {
      const ok = req.headers.authorization === 'Bearer t1';
      send(
        ok ? 200 : 401,
        JSON.stringify(ok ? {} : { error: { code: 'AUTH_INVALID', message: 'Bad token.' } }),
      );
    } else if (req.url === '/bad-gateway') send(502, '<html>bad gateway</html>', 'text/html');
    else if (req.url === '/teapot') send(418, 'short and stout', 'text/plain');
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

describe('apiRequest', () => {
  it('returns the JSON of a success and sends the bearer token', async () => {
    expect(await apiRequest(`${base}/ok`)).toEqual({ hello: 'world' });
    expect(await apiRequest(`${base}/auth`, { token: 't1' })).toEqual({});
  });

  it("carries the server's error code from an HttpError body", async () => {
    expect(await codeOf(apiRequest(`${base}/auth`, { token: 'wrong' }))).toBe('AUTH_INVALID');
    expect(await codeOf(apiRequest(`${base}/nowhere`))).toBe('NOT_FOUND');
  });

  it('calls a proxy error or a closed port UNREACHABLE, and other garbage INTERNAL', async () => {
    expect(await codeOf(apiRequest(`${base}/bad-gateway`))).toBe('UNREACHABLE');
    expect(await codeOf(apiRequest(`${base}/teapot`))).toBe('INTERNAL');
    // Port 9 (discard) on loopback: nothing listens there on these machines.
    expect(await codeOf(apiRequest('http://127.0.0.1:9/api/me'))).toBe('UNREACHABLE');
  });
});

describe('parseMaybeWrapped', () => {
  const agent = { id: 'a1', username: 'wang', displayName: '王芳', role: 'admin' };

  it('accepts the bare value or the value under its key', () => {
    expect(parseMaybeWrapped(Agent, 'agent', agent, 'me')).toEqual(agent);
    expect(parseMaybeWrapped(Agent, 'agent', { agent }, 'me')).toEqual(agent);
    expect(parseMaybeWrapped(Agent.array(), 'agents', { agents: [agent] }, 'list')).toEqual([agent]);
  });

  it('rejects anything else as BAD_RESPONSE', () => {
    expect(() => parseMaybeWrapped(Agent, 'agent', { user: agent }, 'me')).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
    expect(() => parseMaybeWrapped(Agent, 'agent', null, 'me')).toThrow(ConsoleError);
  });
});
