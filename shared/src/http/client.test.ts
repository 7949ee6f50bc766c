import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHttpClient, HttpClientError } from './client';
import { httpRoutes } from './index';
import { routePath, type HttpRouteSlice } from './route';

// A real HTTP server on port 0 answering the shapes a client must cope with.
let server: Server;
let base = '';
const seen: Array<{
  method?: string;
  url?: string;
  auth?: string;
  body: string;
  type?: string;
  accept?: string;
  bytes?: Buffer;
}> = [];
const PDF = Buffer.from('%PDF-1.7\n\u0000\u00ff binary', 'latin1');

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString();
      seen.push({
        method: req.method,
        url: req.url,
        auth: req.headers.authorization,
        body,
        type: req.headers['content-type'],
        accept: req.headers.accept,
        bytes,
      });
      const send = (status: number, text: string, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(text);
      };
      if (req.url === '/ok') send(200, JSON.stringify({ hello: 'world', extra: 1 }));
      else if (req.url === '/auth') {
        const ok = req.headers.authorization === 'Bearer t1';
        send(
          ok ? 200 : 401,
          JSON.stringify(ok ? { hello: 'you' } : { error: { code: 'AUTH_INVALID', message: 'Bad token.' } }),
        );
      } else if (req.url?.startsWith('/items/')) send(200, JSON.stringify({ hello: req.url }));
      else if (req.url === '/wrong-shape') send(200, JSON.stringify({ hi: 1 }));
      else if (req.url === '/bad-gateway') send(502, '<html>bad gateway</html>', 'text/html');
      else if (req.url === '/teapot') send(418, 'short and stout', 'text/plain');
      else if (req.url === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end(PDF);
      } else if (req.url === '/pdf-as-json') send(200, JSON.stringify({ hello: 'not a pdf' }));
      else if (req.url === '/pdf-missing')
        send(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No.' } }));
      else if (req.url === '/upload') send(201, JSON.stringify({ hello: `${bytes.length}` }));
      else send(404, JSON.stringify({ error: { code: 'NOT_FOUND', message: 'No such route.' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hello = z.object({ hello: z.string() });
const routes = {
  ok: { method: 'GET', path: '/ok', roles: ['public'], response: hello },
  auth: { method: 'GET', path: '/auth', roles: ['agent'], response: hello },
  item: {
    method: 'POST',
    path: '/items/:id',
    roles: ['admin'],
    params: z.object({ id: z.string() }),
    query: z.object({ n: z.number().optional() }),
    body: z.object({ name: z.string() }),
    response: hello,
  },
  wrongShape: { method: 'GET', path: '/wrong-shape', roles: ['public'], response: hello },
  nowhere: { method: 'GET', path: '/nowhere', roles: ['public'], response: hello },
  badGateway: { method: 'GET', path: '/bad-gateway', roles: ['public'], response: hello },
  teapot: { method: 'GET', path: '/teapot', roles: ['public'], response: hello },
  pdf: {
    method: 'GET',
    path: '/pdf',
    roles: ['public'],
    response: z.instanceof(Uint8Array),
    binary: { contentType: 'application/pdf' },
  },
  pdfAsJson: {
    method: 'GET',
    path: '/pdf-as-json',
    roles: ['public'],
    response: z.instanceof(Uint8Array),
    binary: { contentType: 'application/pdf' },
  },
  pdfMissing: {
    method: 'GET',
    path: '/pdf-missing',
    roles: ['public'],
    response: z.instanceof(Uint8Array),
    binary: { contentType: ['application/pdf', 'image/png'] },
  },
  upload: {
    method: 'POST',
    path: '/upload',
    roles: ['kiosk'],
    response: hello,
    rawBody: { contentTypes: ['image/png'], maxBytes: 100 },
  },
} as const satisfies HttpRouteSlice;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HttpClientError);
    return (e as HttpClientError).code;
  }
  throw new Error('expected a rejection');
}

describe('createHttpClient', () => {
  it('returns the validated answer and sends the bearer token', async () => {
    const api = createHttpClient(routes, { baseUrl: base, token: () => 't1' });
    expect(await api.ok()).toEqual({ hello: 'world' });
    expect(await api.auth()).toEqual({ hello: 'you' });
    expect(seen.at(-1)?.auth).toBe('Bearer t1');
  });

  it('fills path parameters, the query string and the JSON body', async () => {
    const api = createHttpClient(routes, { baseUrl: base });
    expect(await api.item({ params: { id: 'a b' }, query: { n: 2 }, body: { name: 'x' } })).toEqual({
      hello: '/items/a%20b?n=2',
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: '{"name":"x"}' });
  });

  it("carries the server's error code from an HttpError body, with the status", async () => {
    const api = createHttpClient(routes, { baseUrl: base, token: 'wrong' });
    expect(await codeOf(api.auth())).toBe('AUTH_INVALID');
    expect(await codeOf(api.nowhere())).toBe('NOT_FOUND');
    await expect(api.nowhere()).rejects.toMatchObject({ status: 404 });
  });

  it('calls a proxy error or a closed port UNREACHABLE, a wrong shape BAD_RESPONSE, other garbage INTERNAL', async () => {
    const api = createHttpClient(routes, { baseUrl: base });
    expect(await codeOf(api.badGateway())).toBe('UNREACHABLE');
    expect(await codeOf(api.wrongShape())).toBe('BAD_RESPONSE');
    expect(await codeOf(api.teapot())).toBe('INTERNAL');
    // Port 9 (discard) on loopback: nothing listens there on these machines.
    const closed = createHttpClient(routes, { baseUrl: 'http://127.0.0.1:9' });
    expect(await codeOf(closed.ok())).toBe('UNREACHABLE');
  });
});

describe('binary answers and raw uploads', () => {
  it('returns a binary answer as the same bytes, and asks for its media type', async () => {
    const api = createHttpClient(routes, { baseUrl: base });
    const bytes = await api.pdf();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).equals(PDF)).toBe(true);
    expect(seen.at(-1)?.accept).toBe('application/pdf, application/json');
  });

  it('refuses a binary answer of another media type, and still reads an error body', async () => {
    const api = createHttpClient(routes, { baseUrl: base });
    expect(await codeOf(api.pdfAsJson())).toBe('BAD_RESPONSE');
    expect(await codeOf(api.pdfMissing())).toBe('NOT_FOUND');
  });

  it('sends a raw body as bytes with its content type', async () => {
    const api = createHttpClient(routes, { baseUrl: base, token: 'k' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    expect(await api.upload({ body: png, contentType: 'image/png' })).toEqual({ hello: '8' });
    const last = seen.at(-1)!;
    expect(last.type).toBe('image/png');
    expect([...last.bytes!]).toEqual([...png]);
  });
});

describe('httpRoutes', () => {
  it('has one method and path per route, and never mixes public with a role', () => {
    const keys = Object.values(httpRoutes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of Object.values(httpRoutes)) {
      const roles = r.roles as readonly string[];
      expect(roles.length).toBeGreaterThan(0);
      if (roles.includes('public')) expect(roles).toEqual(['public']);
    }
  });

  it('fills path parameters', () => {
    expect(routePath(httpRoutes.getSession, { sessionId: 's/1' })).toBe('/api/admin/sessions/s%2F1');
    expect(() => routePath(httpRoutes.getSession, {})).toThrow(/sessionId/);
  });
});
