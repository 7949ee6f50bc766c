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
} as const satisfies HttpRouteSlice;

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
  app = Fastify();
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
