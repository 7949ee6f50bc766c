import type { HttpRouteSlice } from '@rvw/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAgent, login } from '../accounts/account-store';
import { openDatabase, type Db } from '../db/database';
import { createKiosk } from '../kiosks/kiosk-store';
import { installErrorHandling } from './http-support';
import { accountOf, registerRoutes } from './route-registrar';

const routes = {
  echo: {
    method: 'POST',
    path: '/echo/:id',
    roles: ['agent', 'admin'],
    params: z.object({ id: z.string().max(3) }),
    body: z.object({ n: z.number() }),
    response: z.object({ id: z.string(), n: z.number(), by: z.string() }),
    status: 201,
  },
  adminOnly: { method: 'GET', path: '/admin', roles: ['admin'], response: z.object({}) },
  kioskOnly: { method: 'GET', path: '/kiosk', roles: ['kiosk'], response: z.object({}) },
  broken: { method: 'GET', path: '/broken', roles: ['public'], response: z.object({ ok: z.literal(true) }) },
  checked: {
    method: 'POST',
    path: '/checked',
    roles: ['public'],
    body: z.object({ consent: z.literal(true), x: z.string() }),
    response: z.object({}),
  },
  file: {
    method: 'GET',
    path: '/file/:type',
    roles: ['kiosk'],
    params: z.object({ type: z.enum(['pdf', 'png']) }),
    response: z.instanceof(Uint8Array),
    binary: { contentType: ['application/pdf', 'image/png'] },
  },
  upload: {
    method: 'POST',
    path: '/upload',
    roles: ['kiosk'],
    response: z.object({ n: z.number(), type: z.string() }),
    status: 201,
    rawBody: { contentTypes: ['image/png', 'image/jpeg'], maxBytes: 4096 },
  },
} as const satisfies HttpRouteSlice;

const PDF = Buffer.from('%PDF-1.7 \u0000\u00ff', 'latin1');
let uploadsHandled = 0;

let db: Db;
let app: FastifyInstance;
const tokens = { agent: '', admin: '', kiosk: '' };

beforeAll(async () => {
  db = await openDatabase(':memory:');
  const now = new Date();
  for (const role of ['agent', 'admin'] as const) {
    await createAgent(db, { username: role, displayName: role, password: 'long-enough-pw', role }, now);
    tokens[role] = (await login(db, role, 'long-enough-pw', 1, now)).token;
  }
  tokens.kiosk = (await createKiosk(db, { name: 'k', location: 'l' }, now)).token;
  // A small JSON limit: the upload route's own limit is larger, and must not lift this one.
  app = Fastify({ bodyLimit: 2048 });
  installErrorHandling(app);
  registerRoutes(
    app,
    routes,
    {
      echo: async ({ params, body }, ctx) => ({
        id: params.id,
        n: body.n,
        by: accountOf(ctx).agent.username,
      }),
      adminOnly: async () => ({}),
      kioskOnly: async () => ({}),
      // A handler that breaks its own contract: the caller must not receive the undocumented answer.
      broken: async () => ({ ok: false }) as unknown as { ok: true },
      checked: {
        precheck(raw) {
          if ((raw as { consent?: unknown } | null)?.consent !== true) throw new Error('no consent');
        },
        handle: async () => ({}),
      },
      file: async ({ params }, ctx) => {
        if (params.type === 'png') ctx.setContentType('image/png');
        return params.type === 'png' ? new Uint8Array([0x89, 0x50, 0x4e, 0x47]) : PDF;
      },
      upload: async ({ body }, ctx) => {
        uploadsHandled++;
        return { n: body.length, type: ctx.contentType ?? '' };
      },
    },
    { db, clock: () => new Date() },
  );
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('registerRoutes', () => {
  it('validates params and body, runs the handler with its caller, and answers with the route status', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/echo/abc',
      headers: as(tokens.agent),
      payload: { n: 1 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: 'abc', n: 1, by: 'agent' });
    const badParam = await app.inject({
      method: 'POST',
      url: '/echo/abcd',
      headers: as(tokens.agent),
      payload: { n: 1 },
    });
    expect(badParam.json().error.code).toBe('BAD_PAYLOAD');
    const badBody = await app.inject({
      method: 'POST',
      url: '/echo/a',
      headers: as(tokens.agent),
      payload: { n: 'x' },
    });
    expect(badBody.json().error).toMatchObject({ code: 'BAD_PAYLOAD', message: expect.stringMatching(/n/) });
  });

  it("enforces the route's roles", async () => {
    const code = async (url: string, headers: Record<string, string> = {}) =>
      (await app.inject({ method: 'GET', url, headers })).json().error?.code as string | undefined;
    expect(await code('/admin')).toBe('AUTH_MISSING');
    expect(await code('/admin', { authorization: 'Basic x' })).toBe('AUTH_INVALID');
    expect(await code('/admin', as(tokens.agent))).toBe('FORBIDDEN');
    expect(await code('/admin', as(tokens.kiosk))).toBe('AUTH_INVALID');
    expect(await code('/admin', as(tokens.admin))).toBeUndefined();
    expect(await code('/kiosk', as(tokens.admin))).toBe('AUTH_INVALID');
    expect(await code('/kiosk', as(tokens.kiosk))).toBeUndefined();
  });

  it('answers INTERNAL rather than an answer that breaks its schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('INTERNAL');
  });

  it('runs a precheck on the raw body before the schema', async () => {
    expect(
      (await app.inject({ method: 'POST', url: '/checked', payload: { consent: false } })).statusCode,
    ).toBe(500);
    const shape = await app.inject({ method: 'POST', url: '/checked', payload: { consent: true } });
    expect(shape.json().error.code).toBe('BAD_PAYLOAD');
  });
});

describe('binary answers and raw uploads', () => {
  it("sends the handler's bytes with the content type it chose, never cached", async () => {
    const pdf = await app.inject({ method: 'GET', url: '/file/pdf', headers: as(tokens.kiosk) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.rawPayload.equals(PDF)).toBe(true);
    const png = await app.inject({ method: 'GET', url: '/file/png', headers: as(tokens.kiosk) });
    expect(png.headers['content-type']).toBe('image/png');
    expect([...png.rawPayload]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const anon = await app.inject({ method: 'GET', url: '/file/pdf' });
    expect(anon.json().error.code).toBe('AUTH_MISSING');
  });

  it('takes raw bytes of its types up to its own limit, while JSON keeps the server limit', async () => {
    const send = (payload: Buffer, type: string, headers = as(tokens.kiosk)) =>
      app.inject({ method: 'POST', url: '/upload', headers: { ...headers, 'content-type': type }, payload });
    uploadsHandled = 0;
    const ok = await send(Buffer.alloc(4096, 7), 'image/jpeg');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ n: 4096, type: 'image/jpeg' });
    expect(uploadsHandled).toBe(1);

    const big = await send(Buffer.alloc(4097, 7), 'image/png');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const wrong = await send(Buffer.from('{"a":1}'), 'application/json');
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.code).toBe('UNSUPPORTED_MEDIA');
    const empty = await send(Buffer.alloc(0), 'image/png');
    expect(empty.json().error.code).toBe('UNSUPPORTED_MEDIA');
    const anon = await send(Buffer.alloc(10), 'image/png', {} as ReturnType<typeof as>);
    expect(anon.json().error.code).toBe('AUTH_MISSING');
    const agent = await send(Buffer.alloc(10), 'image/png', as(tokens.agent));
    expect(agent.json().error.code).toBe('AUTH_INVALID');
    expect(uploadsHandled).toBe(1);

    // 3000 bytes of JSON: under the upload's limit, over the server's JSON limit.
    const json = await app.inject({
      method: 'POST',
      url: '/echo/a',
      headers: as(tokens.agent),
      payload: { n: 1, pad: 'x'.repeat(3000) },
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error.code).toBe('BAD_PAYLOAD');
  });
});
