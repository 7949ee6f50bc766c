/**
 * The demo's data (issue 11): two centres that are each other's partners, a supervisor for each,
 * agents with different skills, the demo kiosk in the first centre and a portable kiosk; run again
 * on the same data folder it creates nothing new and shows no password; an older demo's accounts
 * and kiosk in the default centre move to the demo centre.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAgent, listAgents, login } from './accounts/account-store';
import { openDatabase, type Db } from './db/database';
import { demoAccounts, demoKiosks, ensureDemoData } from './demo';
import { loadCatalogueDir } from './catalogue/catalogue-loader';
import { nextHalfHour } from './demo-slots';
import { createKiosk, listKiosks } from './kiosks/kiosk-store';

let dir: string;
let db: Db;
const url = 'http://127.0.0.1:8080';
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-demo-'));
  db = await openDatabase(dir);
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

it('creates two partner centres, supervisors and skilled agents in both, and two kiosks; once', async () => {
  const first = await ensureDemoData(db, { dataDir: dir, serverUrl: url });
  expect(first.centres.map((c) => [c.id, c.partners, c.routing.mode])).toEqual([
    ['xuhui-tianlin', ['suzhou-gusu'], 'pull'],
    ['suzhou-gusu', ['xuhui-tianlin'], 'offer'],
  ]);
  const stored = await db.selectFrom('centres').select(['id', 'region']).orderBy('id').execute();
  expect(stored.map((c) => c.id)).toEqual(['main', 'suzhou-gusu', 'xuhui-tianlin']);

  // Every account was created with a password that signs in, in its centre, with its skills.
  expect(first.accounts.map((a) => a.username)).toEqual(demoAccounts.map((a) => a.username));
  for (const a of first.accounts) {
    expect(a.credentials?.password).toMatch(/^[A-Za-z0-9]{16}$/);
    await expect(login(db, a.username, a.credentials!.password, 1, new Date())).resolves.toBeTruthy();
  }
  const agents = new Map((await listAgents(db)).map((a) => [a.username, a]));
  expect(agents.get('wangfang')).toMatchObject({
    centreId: 'xuhui-tianlin',
    skills: ['elderly-care', 'medical-insurance'],
  });
  expect(agents.get('liqiang')).toMatchObject({
    centreId: 'xuhui-tianlin',
    skills: ['disability', 'residence'],
  });
  expect(agents.get('zhangmin')).toMatchObject({ centreId: 'suzhou-gusu' });
  expect(agents.get('zhangmin')!.skills).toHaveLength(6);
  expect(agents.get('agent')).toMatchObject({ centreId: 'xuhui-tianlin', skills: [], role: 'agent' });
  expect(agents.get('admin')).toMatchObject({ centreId: 'xuhui-tianlin', role: 'admin' });
  expect(agents.get('suzhou-admin')).toMatchObject({ centreId: 'suzhou-gusu', role: 'admin' });
  expect(first.admin?.username).toBe('admin');
  expect(first.agent?.username).toBe('agent');

  // The running kiosk and the portable one, each with its own config file (mode 0600).
  expect(first.kiosk).toMatchObject({ name: demoKiosks.main.name, centreId: 'xuhui-tianlin', kind: 'fixed' });
  expect(first.portable.kiosk).toMatchObject({ centreId: 'xuhui-tianlin', kind: 'portable' });
  for (const k of [first, first.portable]) {
    const file = JSON.parse(readFileSync(k.kioskConfigPath, 'utf8')) as Record<string, string>;
    expect(file).toMatchObject({ serverUrl: url, kioskToken: k.kioskToken, kioskId: k.kiosk.id });
    expect(statSync(k.kioskConfigPath).mode & 0o777).toBe(0o600);
    // The door-to-door machine's file names its profile; the fixed kiosk's keeps the default.
    expect(file.profile).toBe(k.kiosk.kind === 'portable' ? 'portable' : undefined);
  }

  // Again on the same folder: nothing new, no password, new kiosk tokens.
  const second = await ensureDemoData(db, { dataDir: dir, serverUrl: url });
  expect(second.accounts.every((a) => a.credentials === null)).toBe(true);
  expect(second.admin).toBeNull();
  expect(second.kiosk).toEqual(first.kiosk);
  expect(second.portable.kiosk).toEqual(first.portable.kiosk);
  expect(second.kioskToken).not.toBe(first.kioskToken);
  expect(second.centres).toEqual(first.centres);
  expect(await listAgents(db)).toHaveLength(demoAccounts.length);
  expect(await listKiosks(db)).toHaveLength(2);
});

it("moves an older demo's accounts and kiosk from the default centre, keeping their passwords", async () => {
  const now = new Date();
  await createAgent(
    db,
    { username: 'agent', displayName: '李敏', password: 'old-password-1', role: 'agent' },
    now,
  );
  const old = await createKiosk(db, { name: '静安寺街道 第一居委会 一体机', location: '静安区' }, now);

  const demo = await ensureDemoData(db, { dataDir: dir, serverUrl: url });
  expect(demo.agent).toBeNull();
  await expect(login(db, 'agent', 'old-password-1', 1, now)).resolves.toBeTruthy();
  expect((await listAgents(db)).find((a) => a.username === 'agent')?.centreId).toBe('xuhui-tianlin');
  expect(demo.kiosk.id).toBe(old.kiosk.id);
  expect(demo.kiosk).toMatchObject({ name: demoKiosks.main.name, centreId: 'xuhui-tianlin' });
  expect(await listKiosks(db)).toHaveLength(2);
});

it('opens a few appointment slots from the next half hour with the real catalogue, and none while some are open', async () => {
  const items = new Map((await loadCatalogueDir()).map((i) => [i.code, i.category]));
  const catalogue = { categoryOf: (code: string) => items.get(code) };
  const now = new Date('2026-12-07T02:10:00Z'); // 10:10 in Shanghai
  const first = await ensureDemoData(db, { dataDir: dir, serverUrl: url, catalogue, now });
  expect(first.slots.map((s) => [s.skill, s.from, s.specialist])).toEqual([
    ['elderly-care', '2026-12-07T02:30:00.000Z', undefined],
    ['medical-insurance', '2026-12-07T02:30:00.000Z', 'wangfang'],
    ['disability', '2026-12-07T03:00:00.000Z', 'liqiang'],
  ]);
  const rows = await db.selectFrom('appointment_slots').selectAll().execute();
  expect(rows).toHaveLength(8);
  expect(new Set(rows.map((r) => r.centre_id))).toEqual(new Set(['xuhui-tianlin']));

  // Restarted the same morning: nothing new; the next day: the next hours' windows.
  const again = await ensureDemoData(db, { dataDir: dir, serverUrl: url, catalogue, now });
  expect(again.slots).toEqual([]);
  const tomorrow = new Date('2026-12-08T01:00:00Z');
  expect(
    (await ensureDemoData(db, { dataDir: dir, serverUrl: url, catalogue, now: tomorrow })).slots,
  ).toHaveLength(3);
});

it('nextHalfHour is the next :00 or :30 strictly after now', () => {
  expect(nextHalfHour(new Date('2026-12-07T02:10:00Z')).toISOString()).toBe('2026-12-07T02:30:00.000Z');
  expect(nextHalfHour(new Date('2026-12-07T02:30:00Z')).toISOString()).toBe('2026-12-07T03:00:00.000Z');
});
