/** Agent and admin accounts and their login tokens: creation, listing, sign-in and authentication. */
import { randomUUID } from 'node:crypto';
import {
  AuthError,
  RequestError,
  type Agent,
  type CreateAgentRequest,
  type LoginResponse,
  type Role,
  Skill,
} from '@rvw/shared';
import { z } from 'zod';
import type { Db } from '../db/database';
import { DEFAULT_CENTRE_ID } from '../db/migration-0008-routing';
import type { AgentRow } from '../db/schema';
import { mappingStorageErrors, UniqueViolation } from '../db/storage-errors';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken, newToken } from './tokens';

/** The client-facing shape of an agent row. */
export function toAgent(
  row: Pick<AgentRow, 'id' | 'username' | 'display_name' | 'role' | 'centre_id' | 'skills'>,
): Agent {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    centreId: row.centre_id,
    skills: parseSkills(row.skills),
  };
}

/** The skills column (a JSON array of categories); anything unreadable counts as none. */
export function parseSkills(json: string): Agent['skills'] {
  const parsed = z.array(Skill).safeParse(safeJson(json));
  return parsed.success ? parsed.data : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
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
  if (existing) throw RequestError.conflict(`The username "${input.username}"`);
  const row = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: now.toISOString(),
    disabled_at: null,
    centre_id: input.centreId ?? DEFAULT_CENTRE_ID,
    skills: JSON.stringify(input.skills ?? []),
  };
  try {
    await mappingStorageErrors(() => db.insertInto('agents').values(row).execute());
  } catch (err) {
    // Two creations of one username raced past the check above.
    if (err instanceof UniqueViolation) throw RequestError.conflict(`The username "${input.username}"`);
    throw err;
  }
  return toAgent(row);
}

/** Every agent account, by username. */
export async function listAgents(db: Db): Promise<Agent[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['id', 'username', 'display_name', 'role', 'centre_id', 'skills'])
    .where('disabled_at', 'is', null)
    .orderBy('username')
    .execute();
  return rows.map(toAgent);
}

/**
 * Sets a new password for an existing account and ends its open logins (a running server drops
 * their sockets at its next credential check); returns how many logins were ended. NOT_FOUND
 * when there is no such account.
 */
export async function resetPassword(db: Db, username: string, password: string, now: Date): Promise<number> {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('agents')
      .set({ password_hash: hash })
      .where('username', '=', username)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw RequestError.notFound(`The account "${username}"`);
    const ended = await trx
      .updateTable('auth_sessions')
      .set({ revoked_at: now.toISOString() })
      .where('agent_id', '=', row.id)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return Number(ended.numUpdatedRows);
  });
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
    throw AuthError.loginFailed();
  }
  if (!(await verifyPassword(password, row.password_hash))) throw AuthError.loginFailed();
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
  /** When the login expires (ISO time). */
  expiresAt: string;
}

/** The agent a login token belongs to, or null when the token is unknown, expired or revoked. */
export async function authenticateAgent(db: Db, token: string, now: Date): Promise<AgentPrincipal | null> {
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('agents as a', 'a.id', 's.agent_id')
    .select([
      's.id as sid',
      's.expires_at',
      'a.id',
      'a.username',
      'a.display_name',
      'a.role',
      'a.centre_id',
      'a.skills',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.revoked_at', 'is', null)
    .where('a.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return { agent: toAgent(row), role: row.role, authSessionId: row.sid, expiresAt: row.expires_at };
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

/**
 * Logins and accounts whose validity ended after `since`: revoked logins and disabled accounts (any
 * time after it), logins expired by `now`.
 */
export async function credentialsEndedBetween(
  db: Db,
  since: Date,
  now: Date,
): Promise<{ revokedLogins: string[]; expiredLogins: string[]; disabledAgents: string[] }> {
  const [from, to] = [since.toISOString(), now.toISOString()];
  const revoked = await db.selectFrom('auth_sessions').select('id').where('revoked_at', '>', from).execute();
  const expired = await db
    .selectFrom('auth_sessions')
    .select('id')
    .where('expires_at', '>', from)
    .where('expires_at', '<=', to)
    .where('revoked_at', 'is', null)
    .execute();
  const disabled = await db.selectFrom('agents').select('id').where('disabled_at', '>', from).execute();
  return {
    revokedLogins: revoked.map((r) => r.id),
    expiredLogins: expired.map((r) => r.id),
    disabledAgents: disabled.map((r) => r.id),
  };
}
