/** Agents, login tokens and kiosks: creation, listing and authentication. Queries stay in Kysely. */
import { randomUUID } from 'node:crypto';
import type { Agent, CreateAgentRequest, Kiosk, LoginResponse, Role } from '@rvw/shared';
import type { Db } from '../db/database';
import type { AgentRow, KioskRow } from '../db/schema';
import { ServerError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

/** The client-facing shape of an agent row. */
export function toAgent(row: Pick<AgentRow, 'id' | 'username' | 'display_name' | 'role'>): Agent {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role };
}

/** The client-facing shape of a kiosk row (never its token hash). */
export function toKiosk(row: Pick<KioskRow, 'id' | 'name' | 'location'>): Kiosk {
  return { id: row.id, name: row.name, location: row.location };
}

/** Number of agent accounts (0 on a fresh database). */
export async function countAgents(db: Db): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Creates an agent or admin; CONFLICT when the username is taken. */
export async function createAgent(db: Db, input: CreateAgentRequest, now: Date): Promise<Agent> {
  const existing = await db
    .selectFrom('agents')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (existing) throw ServerError.conflict(`The username "${input.username}"`);
  const row = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: now.toISOString(),
    disabled_at: null,
  };
  await db.insertInto('agents').values(row).execute();
  return toAgent(row);
}

/** Every agent account, by username. */
export async function listAgents(db: Db): Promise<Agent[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['id', 'username', 'display_name', 'role'])
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  return rows.map(toAgent);
}

/** Sets a new password for an existing account (CLI: create-admin on an existing name). */
export async function setPassword(db: Db, username: string, password: string): Promise<void> {
  const res = await db
    .updateTable('agents')
    .set({ password_hash: await hashPassword(password) })
    .where('username', '=', username)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw ServerError.notFound(`The account "${username}"`);
}

// Verified against when the username does not exist, so that a wrong username costs as much time
// as a wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;

/** Checks a username and password and issues a token (only its hash is stored) valid for `ttlHours`. */
export async function login(
  db: Db,
  username: string,
  password: string,
  ttlHours: number,
  now: Date,
): Promise<LoginResponse> {
  const row = await db
    .selectFrom('agents')
    .selectAll()
    .where('username', '=', username)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(password, await dummyHash);
    throw ServerError.loginFailed();
  }
  if (!(await verifyPassword(password, row.password_hash))) throw ServerError.loginFailed();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('auth_sessions')
    .values({
      id: randomUUID(),
      agent_id: row.id,
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, agent: toAgent(row), expiresAt };
}

/** A signed-in agent: the account and the login it used. */
export interface AgentPrincipal {
  agent: Agent;
  role: Role;
  authSessionId: string;
}

/** The agent a login token belongs to, or null when the token is unknown, expired or revoked. */
export async function authenticateAgent(db: Db, token: string, now: Date): Promise<AgentPrincipal | null> {
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select(['s.id as sid', 's.expires_at', 'a.id', 'a.username', 'a.display_name', 'a.role'])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { agent: toAgent(row), role: row.role, authSessionId: row.sid };
}

/** Revokes a login token; returns the login's id, or null if it was not valid. */
export async function logout(db: Db, token: string, now: Date): Promise<string | null> {
  const row = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Enrols a kiosk; the returned token is its only copy (the database keeps the hash). */
export async function createKiosk(
  db: Db,
  input: { name: string; location: string },
  now: Date,
): Promise<{ kiosk: Kiosk; token: string }> {
  const token = newToken();
  const row = {
    id: randomUUID(),
    name: input.name,
    location: input.location,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('kiosks').values(row).execute();
  return { kiosk: toKiosk(row), token };
}

/** Issues a new token for a kiosk, invalidating the old one; returns the new token. */
export async function rotateKioskToken(db: Db, kioskId: string): Promise<string> {
  const token = newToken();
  const res = await db
    .updateTable('kiosks')
    .set({ token_hash: hashToken(token), revoked_at: null })
    .where('id', '=', kioskId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw ServerError.notFound('The kiosk');
  return token;
}

/** Every enrolled kiosk, by name. */
export async function listKiosks(db: Db): Promise<Kiosk[]> {
  const rows = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location'])
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toKiosk);
}

/** The kiosk a token belongs to, or null when unknown or revoked. */
export async function authenticateKiosk(db: Db, token: string): Promise<Kiosk | null> {
  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toKiosk(row) : null;
}
