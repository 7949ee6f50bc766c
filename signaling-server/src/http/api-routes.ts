/** The HTTP API: health, login/logout/me, admin (agents, kiosks), and the kiosk's identity upload. */
import {
  AttachIdentityRequest,
  CreateAgentRequest,
  CreateKioskRequest,
  LoginRequest,
  type CreateKioskResponse,
  type LoginResponse,
} from '@rvw/shared';
import type { FastifyInstance } from 'fastify';
import { createAgent, createKiosk, listAgents, listKiosks, login, logout } from '../auth/accounts';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { ServerError } from '../errors';
import { attachIdentity } from '../identity/identity-store';
import { getTicket, toTicket } from '../queue/ticket-store';
import type { Hub } from '../socket/hub';
import { authHelpers, parseBody } from './http-support';

/** What the routes need. */
export interface ApiDeps {
  db: Db;
  clock: Clock;
  hub: Hub;
  version: string;
  sessionTtlHours: number;
}

/** Registers every /api route. */
export function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { db, clock, hub } = deps;
  const auth = authHelpers({ db, clock });
  const startedAt = process.hrtime.bigint();

  app.get('/api/health', async () => ({
    status: 'ok' as const,
    version: deps.version,
    uptimeSeconds: Math.floor(Number(process.hrtime.bigint() - startedAt) / 1e9),
  }));

  app.post('/api/auth/login', async (req): Promise<LoginResponse> => {
    const body = parseBody(LoginRequest, req.body);
    const res = await login(db, body.username, body.password, deps.sessionTtlHours, clock());
    req.log.info({ agentId: res.agent.id }, 'agent signed in');
    return res;
  });

  app.post('/api/auth/logout', async (req) => {
    const sid = await logout(db, auth.tokenOf(req), clock());
    if (!sid) throw ServerError.authInvalid();
    hub.disconnectLogin(sid);
    return {};
  });

  app.get('/api/me', async (req) => ({ agent: (await auth.agent(req)).agent }));

  app.get('/api/admin/agents', async (req) => {
    await auth.admin(req);
    return { agents: await listAgents(db) };
  });

  app.post('/api/admin/agents', async (req, reply) => {
    const who = await auth.admin(req);
    const agent = await createAgent(db, parseBody(CreateAgentRequest, req.body), clock());
    req.log.info({ by: who.agent.id, agentId: agent.id, role: agent.role }, 'account created');
    return reply.status(201).send({ agent });
  });

  app.get('/api/admin/kiosks', async (req) => {
    await auth.admin(req);
    return { kiosks: await listKiosks(db) };
  });

  app.post('/api/admin/kiosks', async (req, reply) => {
    const who = await auth.admin(req);
    const created: CreateKioskResponse = await createKiosk(
      db,
      parseBody(CreateKioskRequest, req.body),
      clock(),
    );
    req.log.info({ by: who.agent.id, kioskId: created.kiosk.id }, 'kiosk enrolled');
    return reply.status(201).send(created);
  });

  app.post('/api/kiosk/identity', async (req) => {
    const kiosk = await auth.kiosk(req);
    // Consent is checked before the shape so that a refusal says why in the resident's terms.
    const consent = (req.body as { consent?: unknown } | null | undefined)?.consent;
    if (consent !== true) throw ServerError.noConsent();
    const body = parseBody(AttachIdentityRequest, req.body);
    await attachIdentity(db, kiosk.id, body, clock());
    req.log.info(
      { kioskId: kiosk.id, ticketId: body.ticketId, cardType: body.identity.cardType },
      'identity attached',
    );
    await hub.queueChanged();
    await hub.identityAttached(body.ticketId);
    const t = await getTicket(db, body.ticketId);
    if (!t) throw ServerError.notFound('The ticket');
    return { ticket: toTicket(t.row, t.hasIdentity) };
  });
}
