/** The first admin of a fresh installation, so that someone can sign in and enrol the rest. */
import { countAgents, createAgent } from './account-store';
import { generatePassword } from './passwords';
import type { Db } from '../db/database';

/** A username with the password it was just given. */
export interface Credentials {
  username: string;
  password: string;
}

/**
 * On a fresh database (no accounts) creates the admin `username` (default 'admin') with `password`
 * or a generated one, and returns the credentials; returns null when any account already exists.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: { username?: string; password?: string; now?: Date } = {},
): Promise<Credentials | null> {
  if ((await countAgents(db)) > 0) return null;
  const username = opts.username ?? 'admin';
  const password = opts.password || generatePassword();
  await createAgent(
    db,
    { username, displayName: '管理员 Administrator', password, role: 'admin' },
    opts.now ?? new Date(),
  );
  return { username, password };
}
