/** Account routes: sign-in and sign-out, the signed-in account, and the admin's account management. */
import { z } from 'zod';
import { Agent, Role } from '../domain';
import { CentreId } from '../routing/centre';
import { Skill } from '../routing/needs';
import type { HttpRouteSlice } from './route';

/** A username and password to sign in with. */
export const LoginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** A login token, its account and when it expires. */
export const LoginResponse = z.object({ token: z.string(), agent: Agent, expiresAt: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

/** A new agent or admin account; usernames are lower-case, passwords at least 10 characters. */
export const CreateAgentRequest = z.object({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/),
  displayName: z.string().min(1).max(100),
  password: z.string().min(10).max(256),
  role: Role,
  /** The catalogue categories the agent serves (default none: only "ask staff" tickets). */
  skills: z.array(Skill).max(10).optional(),
  /** Default: the creating supervisor's own centre, the only one they may add to. */
  centreId: CentreId.optional(),
});
export type CreateAgentRequest = z.infer<typeof CreateAgentRequest>;

const empty = z.object({});

/** Routes of the accounts area. */
export const accountRoutes = {
  /** Signs in with a username and password. */
  login: {
    method: 'POST',
    path: '/api/auth/login',
    roles: ['public'],
    body: LoginRequest,
    response: LoginResponse,
  },
  /** Revokes the caller's login token and disconnects its sockets; the body (`{}`) is ignored. */
  logout: {
    method: 'POST',
    path: '/api/auth/logout',
    roles: ['agent', 'admin', 'technician'],
    body: z.looseObject({}),
    response: empty,
  },
  /** The signed-in account. */
  me: {
    method: 'GET',
    path: '/api/me',
    roles: ['agent', 'admin', 'technician'],
    response: z.object({ agent: Agent }),
  },
  /** Every active account, by username. */
  listAgents: {
    method: 'GET',
    path: '/api/admin/agents',
    roles: ['admin'],
    response: z.object({ agents: z.array(Agent) }),
  },
  /** Creates an agent or admin account. */
  createAgent: {
    method: 'POST',
    path: '/api/admin/agents',
    roles: ['admin'],
    body: CreateAgentRequest,
    response: z.object({ agent: Agent }),
    status: 201,
  },
} as const satisfies HttpRouteSlice;
