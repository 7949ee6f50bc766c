/**
 * The demo's data (issue 11): two partner centres, a supervisor for each, agents with different
 * skills, the demo kiosk and a portable kiosk, with each kiosk's config file. Passwords are random
 * and returned only when created; nothing here has a default password. Run again on the same data
 * folder it creates only what is missing (and moves what an older demo left in the default centre).
 * (The production first admin is accounts/first-admin.ts.)
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Centre, Kiosk, Role, Skill } from '@rvw/shared';
import { createAgent, parseSkills } from './accounts/account-store';
import type { Credentials } from './accounts/first-admin';
import { generatePassword } from './accounts/passwords';
import type { Db } from './db/database';
import { DEFAULT_CENTRE_ID } from './db/migration-0008-routing';
import {
  demoAccounts,
  demoCentres,
  demoKiosks,
  formerDemoKioskName,
  type DemoAccountSpec,
} from './demo-roster';
import { createKiosk, rotateKioskToken, toKiosk } from './kiosks/kiosk-store';
import type { SlotCatalogue } from './appointments/slot-store';
import { addCentre, getCentre, updateCentre } from './centres/centre-store';
import { ensureDemoSlots, type DemoSlots } from './demo-slots';

export { demoAccounts, demoCentres, demoKiosks } from './demo-roster';
export type { DemoSlots } from './demo-slots';

/** The demo accounts' names; default admin `admin`, agent `agent`. */
export const demoNames = {
  admin: 'admin',
  agent: 'agent',
  kioskName: demoKiosks.main.name,
  kioskLocation: demoKiosks.main.location,
  portableKioskName: demoKiosks.portable.name,
} as const;

/** ensureDemoData's options. */
export interface DemoOptions {
  /** The data folder: the kiosks' config files are written there (demo-kiosk.json, demo-portable-kiosk.json). */
  dataDir: string;
  /** The server URL the demo kiosks connect to (written into their config files). */
  serverUrl: string;
  /** Password for a newly created demo admin; default random. */
  adminPassword?: string;
  /** Password for a newly created demo agent; default random. */
  agentPassword?: string;
  /** The time of creation; default now. */
  now?: Date;
  /** The server's catalogue: with it, the demo opens a few appointment slots in the next hours. */
  catalogue?: SlotCatalogue;
}

/** One demo account as it is now, with its password when it was created this time. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  centreId: string;
  skills: Skill[];
  /** Present only when the account was created this time. */
  credentials: Credentials | null;
}

/** A demo kiosk, its token (rotated on every call; the server keeps only its hash) and its config file. */
export interface DemoKiosk {
  kiosk: Kiosk;
  kioskToken: string;
  /** `<dataDir>/<file>`: { serverUrl, kioskToken, kioskId, name, location }, mode 0600. */
  kioskConfigPath: string;
}

/** What ensureDemoData did. Credentials are present only when the account was created this time. */
export interface DemoData extends DemoKiosk {
  admin: Credentials | null;
  agent: Credentials | null;
  /** The demo's centres as stored (a supervisor may have changed their routing since). */
  centres: Centre[];
  /** Every demo account, in demoAccounts' order. */
  accounts: DemoAccount[];
  /** The door-to-door (上门办) kiosk: a record and a config file; the demo does not run it. */
  portable: DemoKiosk;
  /** The appointment slots opened this time (none when the centre still had open ones, or without a catalogue). */
  slots: DemoSlots[];
}

/**
 * Creates the demo centres, accounts and kiosks if absent; rotates the demo kiosks' tokens and
 * writes each kiosk's own config file, as an enrolled kiosk would have it. Tokens are never logged.
 */
export async function ensureDemoData(db: Db, opts: DemoOptions): Promise<DemoData> {
  const now = opts.now ?? new Date();
  const centres = await ensureCentres(db, now);

  const accounts: DemoAccount[] = [];
  for (const spec of demoAccounts) {
    const password =
      spec.username === demoNames.admin
        ? opts.adminPassword
        : spec.username === demoNames.agent
          ? opts.agentPassword
          : undefined;
    accounts.push(await ensureAccount(db, spec, password, now));
  }
  const credentialsOf = (username: string) =>
    accounts.find((a) => a.username === username)?.credentials ?? null;

  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  const main = await ensureKiosk(db, dir, opts.serverUrl, demoKiosks.main, now, formerDemoKioskName);
  const portable = await ensureKiosk(db, dir, opts.serverUrl, demoKiosks.portable, now);
  const slots = opts.catalogue
    ? await ensureDemoSlots(db, demoKiosks.main.centreId, opts.catalogue, now)
    : [];
  return {
    admin: credentialsOf(demoNames.admin),
    agent: credentialsOf(demoNames.agent),
    centres,
    accounts,
    ...main,
    portable,
    slots,
  };
}

/**
 * Adds the demo centres that are absent, then makes them each other's partners (addCentre checks
 * that partners exist); centres that existed are kept as they are (their supervisor may have
 * tuned them).
 */
async function ensureCentres(db: Db, now: Date): Promise<Centre[]> {
  const added: Centre[] = [];
  for (const centre of demoCentres)
    if (!(await getCentre(db, centre.id))) {
      await addCentre(db, { ...centre, partners: [] }, now);
      added.push(centre);
    }
  for (const centre of added) await updateCentre(db, centre.id, { partners: [...centre.partners] });
  const centres: Centre[] = [];
  for (const centre of demoCentres) centres.push((await getCentre(db, centre.id))!);
  return centres;
}

/**
 * Creates the account if absent. One an older demo left in the default centre moves to its demo
 * centre with its demo skills; otherwise an existing account is kept as it is.
 */
async function ensureAccount(
  db: Db,
  spec: DemoAccountSpec,
  password: string | undefined,
  now: Date,
): Promise<DemoAccount> {
  const { username, displayName, role, centreId, skills } = spec;
  const row = await db
    .selectFrom('agents')
    .select(['id', 'display_name', 'role', 'centre_id', 'skills'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) {
    const credentials = { username, password: password || generatePassword() };
    await createAgent(db, { ...credentials, displayName, role, centreId, skills }, now);
    return { ...spec, skills: [...skills], credentials };
  }
  if (row.centre_id === DEFAULT_CENTRE_ID) {
    await db
      .updateTable('agents')
      .set({ centre_id: centreId, skills: JSON.stringify(skills) })
      .where('id', '=', row.id)
      .execute();
    return {
      username,
      displayName: row.display_name,
      role: row.role,
      centreId,
      skills: [...skills],
      credentials: null,
    };
  }
  return {
    username,
    displayName: row.display_name,
    role: row.role,
    centreId: row.centre_id,
    skills: parseSkills(row.skills),
    credentials: null,
  };
}

type KioskSpec = (typeof demoKiosks)[keyof typeof demoKiosks];

/**
 * Finds the kiosk by its name (or by `formerName`, then renames and moves it), or enrols it;
 * rotates its token and writes its config file.
 */
async function ensureKiosk(
  db: Db,
  dir: string,
  serverUrl: string,
  spec: KioskSpec,
  now: Date,
  formerName?: string,
): Promise<DemoKiosk> {
  const find = (name: string) =>
    db
      .selectFrom('kiosks')
      .select(['id', 'name', 'location', 'centre_id', 'kind'])
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  let row = await find(spec.name);
  if (!row && formerName) {
    const former = await find(formerName);
    if (former) {
      const moved = { name: spec.name, location: spec.location, centre_id: spec.centreId, kind: spec.kind };
      await db.updateTable('kiosks').set(moved).where('id', '=', former.id).execute();
      row = { ...former, ...moved };
    }
  }
  let kiosk: Kiosk;
  let kioskToken: string;
  if (row) {
    kiosk = toKiosk(row);
    kioskToken = await rotateKioskToken(db, kiosk.id);
  } else {
    const created = await createKiosk(
      db,
      { name: spec.name, location: spec.location, centreId: spec.centreId, kind: spec.kind },
      now,
    );
    kiosk = created.kiosk;
    kioskToken = created.token;
  }

  const kioskConfigPath = join(dir, spec.configFile);
  const file = {
    serverUrl,
    kioskToken,
    kioskId: kiosk.id,
    name: kiosk.name,
    location: kiosk.location,
    // The door-to-door machine's config names its profile (kiosk/src/host/config.ts).
    ...(spec.kind === 'portable' ? { profile: 'portable' } : {}),
  };
  writeFileSync(kioskConfigPath, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  chmodSync(kioskConfigPath, 0o600);
  return { kiosk, kioskToken, kioskConfigPath };
}
