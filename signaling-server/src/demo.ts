/**
 * The demo's data: its admin, agent and kiosk, and the kiosk's config file. Passwords are random
 * and returned only when created; nothing here has a default password. (The production first admin
 * is accounts/first-admin.ts.)
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Kiosk } from '@rvw/shared';
import { createAgent } from './accounts/account-store';
import type { Credentials } from './accounts/first-admin';
import { generatePassword } from './accounts/passwords';
import type { Db } from './db/database';
import { createKiosk, rotateKioskToken, toKiosk } from './kiosks/kiosk-store';

/** The demo accounts' names; default admin `admin`, agent `agent`. */
export const demoNames = {
  admin: 'admin',
  agent: 'agent',
  kioskName: '静安寺街道 第一居委会 一体机',
  kioskLocation: '上海市静安区静安寺街道 第一居委会 (Jing’an Temple Street, 1st Neighbourhood Committee)',
} as const;

/** ensureDemoData's options. */
export interface DemoOptions {
  /** The data folder: the demo kiosk's config file is written there as demo-kiosk.json. */
  dataDir: string;
  /** The server URL the demo kiosk connects to (written into its config file). */
  serverUrl: string;
  /** Password for a newly created demo admin; default random. */
  adminPassword?: string;
  /** Password for a newly created demo agent; default random. */
  agentPassword?: string;
  /** The time of creation; default now. */
  now?: Date;
}

/** What ensureDemoData did. Credentials are present only when the account was created this time. */
export interface DemoData {
  admin: Credentials | null;
  agent: Credentials | null;
  kiosk: Kiosk;
  /** The demo kiosk's token, rotated on every call (the server keeps only its hash). */
  kioskToken: string;
  /** `<dataDir>/demo-kiosk.json`: { serverUrl, kioskToken, kioskId, name, location }, mode 0600. */
  kioskConfigPath: string;
}

/**
 * Creates the demo admin, agent and kiosk if absent; rotates the demo kiosk's token and writes the
 * kiosk's own config file, as an enrolled kiosk would have it. The token is never logged.
 */
export async function ensureDemoData(db: Db, opts: DemoOptions): Promise<DemoData> {
  const now = opts.now ?? new Date();
  const exists = async (username: string) =>
    (await db.selectFrom('agents').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined;

  let admin: Credentials | null = null;
  if (!(await exists(demoNames.admin))) {
    admin = { username: demoNames.admin, password: opts.adminPassword || generatePassword() };
    await createAgent(db, { ...admin, displayName: '王主任 (Supervisor Wang)', role: 'admin' }, now);
  }
  let agent: Credentials | null = null;
  if (!(await exists(demoNames.agent))) {
    agent = { username: demoNames.agent, password: opts.agentPassword || generatePassword() };
    await createAgent(db, { ...agent, displayName: '李敏 (Agent Li Min)', role: 'agent' }, now);
  }

  const row = await db
    .selectFrom('kiosks')
    .select(['id', 'name', 'location', 'centre_id', 'kind'])
    .where('name', '=', demoNames.kioskName)
    .executeTakeFirst();
  let kiosk: Kiosk;
  let kioskToken: string;
  if (row) {
    kiosk = toKiosk(row);
    kioskToken = await rotateKioskToken(db, kiosk.id);
  } else {
    const created = await createKiosk(
      db,
      { name: demoNames.kioskName, location: demoNames.kioskLocation },
      now,
    );
    kiosk = created.kiosk;
    kioskToken = created.token;
  }

  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const kioskConfigPath = join(dir, 'demo-kiosk.json');
  const file = {
    serverUrl: opts.serverUrl,
    kioskToken,
    kioskId: kiosk.id,
    name: kiosk.name,
    location: kiosk.location,
  };
  writeFileSync(kioskConfigPath, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  chmodSync(kioskConfigPath, 0o600);
  return { admin, agent, kiosk, kioskToken, kioskConfigPath };
}
