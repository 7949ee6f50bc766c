/** The accounts area's routes: sign-in and sign-out, the signed-in account, the admin's account management. */
import { AuthError, type HttpRoutes } from '@rvw/shared';
import type { Clock } from '../clock';
import type { Db } from '../db/database';
import { accountOf, type RouteHandlers } from '../http/route-registrar';
import { callerCentre, ownCentre } from '../supervision/centre-scope';
import { createAgent, listAgents, login, logout } from './account-store';
import type { LoginThrottle } from './login-throttle';

/**
 * What the account routes need; `throttle` limits sign-ins per account and address;
 * `disconnectLogin` drops the sockets opened with a revoked login.
 */
export interface AccountRoutesDeps {
  db: Db;
  clock: Clock;
  sessionTtlHours: number;
  throttle: LoginThrottle;
  disconnectLogin(authSessionId: string): void;
}

/** HTTP routes of the accounts area. */
export function accountRouteHandlers(
  deps: AccountRoutesDeps,
): Pick<RouteHandlers<HttpRoutes>, 'login' | 'logout' | 'me' | 'listAgents' | 'createAgent'> {
  const { db, clock } = deps;
  return {
    login: async ({ body }, ctx) => {
      const now = clock();
      const res = await deps.throttle.attempt({ username: body.username, address: ctx.address }, now, () =>
        login(db, body.username, body.password, deps.sessionTtlHours, now),
      );
      ctx.log.info({ agentId: res.agent.id }, 'agent signed in');
      return res;
    },
    logout: async (_req, ctx) => {
      if (ctx.caller.kind !== 'account') throw AuthError.invalid();
      const sid = await logout(db, ctx.caller.token, clock());
      if (!sid) throw AuthError.invalid();
      deps.disconnectLogin(sid);
      return {};
    },
    me: async (_req, ctx) => ({ agent: accountOf(ctx).agent }),
    // Issue 11: a supervisor lists and adds the accounts of their own centre only.
    listAgents: async (_req, ctx) => {
      const centreId = callerCentre(ctx);
      return { agents: (await listAgents(db)).filter((a) => a.centreId === centreId) };
    },
    createAgent: async ({ body }, ctx) => {
      const centreId = ownCentre(body.centreId, callerCentre(ctx));
      const agent = await createAgent(db, { ...body, centreId }, clock());
      ctx.log.info({ by: accountOf(ctx).agent.id, agentId: agent.id, role: agent.role }, 'account created');
      return { agent };
    },
  };
}
