import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateAgent, createAgent, login } from './accounts/account-store';
import { runCli } from './cli';
import { openDatabase } from './db/database';
import { ensureFirstAdmin } from './accounts/first-admin';
import { ensureDemoData } from './demo';
import { connectKiosk, startTestServer } from './testing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rvw-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function capture(env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  return {
    io: {
      env: { RVW_DATA_DIR: dir, ...env },
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
    },
    out: () => out,
    err: () => err,
  };
}

describe('rvw-server CLI', () => {
  it('create-admin prints a generated one-time password that signs in', async () => {
    const c = capture();
    expect(await runCli(['create-admin', 'zhang.wei'], c.io)).toEqual({ exitCode: 0 });
    const password = /One-time password: (\S+)/.exec(c.out())![1]!;
    const db = await openDatabase(dir);
    try {
      const res = await login(db, 'zhang.wei', password, 1, new Date());
      expect(res.agent.role).toBe('admin');
    } finally {
      await db.destroy();
    }
    const again = capture();
    expect(await runCli(['create-admin', 'zhang.wei'], again.io)).toEqual({ exitCode: 1 });
    expect(again.err()).toMatch(/already exists\. \(CONFLICT\)/);
  });

  it('create-admin takes RVW_ADMIN_PASSWORD and never prints it', async () => {
    const c = capture({ RVW_ADMIN_PASSWORD: 'from-the-environment' });
    expect(await runCli(['create-admin', 'root'], c.io)).toEqual({ exitCode: 0 });
    expect(c.out()).not.toContain('from-the-environment');
    const db = await openDatabase(dir);
    try {
      await expect(login(db, 'root', 'from-the-environment', 1, new Date())).resolves.toBeTruthy();
    } finally {
      await db.destroy();
    }
  });

  it('create-kiosk prints the token once; usage errors exit 64', async () => {
    const c = capture();
    expect(await runCli(['create-kiosk', '--name', '第三居委会', '--location', '静安区'], c.io)).toEqual({
      exitCode: 0,
    });
    expect(c.out()).toMatch(/Secret token .*: [A-Za-z0-9_-]{43}\n/);
    const bad = capture();
    expect(await runCli(['create-kiosk', '--name', 'x'], bad.io)).toEqual({ exitCode: 64 });
    expect(await runCli(['create-kiosk', '--nmae', 'x'], bad.io)).toEqual({ exitCode: 64 });
    expect(await runCli(['frobnicate'], bad.io)).toEqual({ exitCode: 64 });
    expect(bad.err()).toMatch(/Unknown command/);
    const badConfig = capture({ RVW_PORT: 'x' });
    expect(await runCli(['create-kiosk', '--name', 'a', '--location', 'b'], badConfig.io)).toEqual({
      exitCode: 78,
    });
    expect(badConfig.err()).toMatch(/RVW_PORT/);
  });

  it('create-kiosk and create-admin take a centre (and a kiosk its kind); an unknown centre exits 64', async () => {
    const add = capture();
    expect(
      await runCli(
        ['centre', 'add', '--id', 'suzhou-gusu', '--name', '姑苏区便民服务中心', '--region', '苏州市'],
        add.io,
      ),
    ).toEqual({ exitCode: 0 });
    const kiosk = capture();
    expect(
      await runCli(
        [
          'create-kiosk',
          '--name',
          '上门办 1 号',
          '--location',
          '姑苏区',
          '--centre',
          'suzhou-gusu',
          '--kind',
          'portable',
        ],
        kiosk.io,
      ),
    ).toEqual({ exitCode: 0 });
    expect(kiosk.out()).toMatch(/Enrolled portable kiosk "上门办 1 号" \(.+\) in centre suzhou-gusu/);
    const admin = capture({ RVW_ADMIN_PASSWORD: 'a-long-enough-password' });
    expect(await runCli(['create-admin', 'gu.supervisor', '--centre', 'suzhou-gusu'], admin.io)).toEqual({
      exitCode: 0,
    });
    const db = await openDatabase(dir);
    try {
      const row = await db.selectFrom('kiosks').select(['centre_id', 'kind']).executeTakeFirstOrThrow();
      expect(row).toEqual({ centre_id: 'suzhou-gusu', kind: 'portable' });
      const a = await db
        .selectFrom('agents')
        .select('centre_id')
        .where('username', '=', 'gu.supervisor')
        .executeTakeFirstOrThrow();
      expect(a.centre_id).toBe('suzhou-gusu');
    } finally {
      await db.destroy();
    }
    const bad = capture();
    expect(
      await runCli(['create-kiosk', '--name', 'x', '--location', 'y', '--centre', 'nowhere'], bad.io),
    ).toEqual({
      exitCode: 64,
    });
    expect(
      await runCli(['create-kiosk', '--name', 'x', '--location', 'y', '--kind', 'boat'], bad.io),
    ).toEqual({
      exitCode: 64,
    });
    expect(await runCli(['create-admin', 'x.y', '--centre', 'nowhere'], bad.io)).toEqual({ exitCode: 64 });
    expect(bad.err()).toMatch(/There is no centre "nowhere"/);
  });

  it('serve creates the first admin on an empty database and prints its password once', async () => {
    const c = capture({ RVW_PORT: '0', RVW_LOG_LEVEL: 'silent' });
    const first = await runCli(['serve'], c.io);
    if (!('server' in first)) throw new Error('expected a server');
    expect(c.out()).toMatch(/first admin "admin" with password \S+/);
    await first.server.close();
    const second = capture({ RVW_PORT: '0', RVW_LOG_LEVEL: 'silent' });
    const again = await runCli([], second.io);
    if (!('server' in again)) throw new Error('expected a server');
    expect(second.out()).not.toMatch(/password/);
    await again.server.close();
  });
});

describe('ensureDemoData', () => {
  it('creates the demo accounts once, rotates the kiosk token, and writes the kiosk config file', async () => {
    const t = await startTestServer({ dataDir: dir });
    try {
      const first = await ensureDemoData(t.server.db, { dataDir: dir, serverUrl: t.url });
      expect(first.admin?.username).toBe('admin');
      expect(first.agent?.username).toBe('agent');
      expect(first.admin!.password).toMatch(/^[A-Za-z0-9]{16}$/);
      const file = JSON.parse(readFileSync(first.kioskConfigPath, 'utf8')) as Record<string, string>;
      expect(file).toEqual({
        serverUrl: t.url,
        kioskToken: first.kioskToken,
        kioskId: first.kiosk.id,
        name: first.kiosk.name,
        location: first.kiosk.location,
      });
      expect(statSync(first.kioskConfigPath).mode & 0o777).toBe(0o600);
      await expect(login(t.server.db, 'agent', first.agent!.password, 1, new Date())).resolves.toBeTruthy();

      const second = await ensureDemoData(t.server.db, { dataDir: dir, serverUrl: t.url });
      expect(second.admin).toBeNull();
      expect(second.agent).toBeNull();
      expect(second.kiosk).toEqual(first.kiosk);
      expect(second.kioskToken).not.toBe(first.kioskToken);
      // The new token connects; the old one no longer does.
      (await connectKiosk(t.url, second.kioskToken)).close();
      await expect(connectKiosk(t.url, first.kioskToken)).rejects.toMatchObject({
        refusal: { code: 'AUTH_INVALID' },
      });
      expect(t.logText()).not.toContain(second.kioskToken);
      expect(await ensureFirstAdmin(t.server.db)).toBeNull();
    } finally {
      await t.close();
    }
  });
});

describe('rvw-server reset-password (issue 8 #16)', () => {
  async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const db = await openDatabase(dir);
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  }

  it("resets any account's password, prints it once, and ends that account's open logins", async () => {
    const oldToken = await withDb(async (db) => {
      await createAgent(
        db,
        { username: 'li.min', displayName: '李敏', password: 'old-password-1', role: 'agent' },
        new Date(),
      );
      return (await login(db, 'li.min', 'old-password-1', 1, new Date())).token;
    });
    const c = capture();
    expect(await runCli(['reset-password', 'li.min'], c.io)).toEqual({ exitCode: 0 });
    const password = /One-time password: (\S+)/.exec(c.out())![1]!;
    expect(c.out()).toMatch(/ended 1 open login/);
    await withDb(async (db) => {
      expect(await authenticateAgent(db, oldToken, new Date())).toBeNull();
      await expect(login(db, 'li.min', 'old-password-1', 1, new Date())).rejects.toThrow();
      expect((await login(db, 'li.min', password, 1, new Date())).agent.role).toBe('agent');
    });
  });

  it('takes RVW_NEW_PASSWORD (or RVW_ADMIN_PASSWORD) without printing it; an unknown account exits 1', async () => {
    await withDb((db) =>
      createAgent(
        db,
        { username: 'agent', displayName: 'Agent', password: 'old-password-1', role: 'agent' },
        new Date(),
      ),
    );
    const c = capture({ RVW_NEW_PASSWORD: 'chosen-by-the-admin' });
    expect(await runCli(['reset-password', 'agent'], c.io)).toEqual({ exitCode: 0 });
    expect(c.out()).not.toContain('chosen-by-the-admin');
    const a = capture({ RVW_ADMIN_PASSWORD: 'from-admin-variable' });
    expect(await runCli(['reset-password', 'agent'], a.io)).toEqual({ exitCode: 0 });
    await withDb((db) =>
      expect(login(db, 'agent', 'from-admin-variable', 1, new Date())).resolves.toBeTruthy(),
    );
    const unknown = capture();
    expect(await runCli(['reset-password', 'nobody'], unknown.io)).toEqual({ exitCode: 1 });
    expect(unknown.err()).toMatch(/nobody/);
    expect(await runCli(['reset-password'], unknown.io)).toEqual({ exitCode: 64 });
  });

  it('create-admin --reset-password still works, as another name for reset-password', async () => {
    expect(await runCli(['create-admin', 'root'], capture().io)).toEqual({ exitCode: 0 });
    const c = capture();
    expect(await runCli(['create-admin', 'root', '--reset-password'], c.io)).toEqual({ exitCode: 0 });
    const password = /One-time password: (\S+)/.exec(c.out())![1]!;
    await withDb((db) => expect(login(db, 'root', password, 1, new Date())).resolves.toBeTruthy());
  });

  it('with no database in RVW_DATA_DIR it exits 78 naming RVW_DATA_DIR and the path, and creates nothing', async () => {
    const elsewhere = join(dir, 'not-the-data-folder');
    for (const argv of [
      ['reset-password', 'agent'],
      ['create-admin', 'agent', '--reset-password'],
    ]) {
      const c = capture({ RVW_DATA_DIR: elsewhere });
      expect(await runCli(argv, c.io)).toEqual({ exitCode: 78 });
      expect(c.err()).toContain('RVW_DATA_DIR');
      expect(c.err()).toContain(join(elsewhere, 'rvw.sqlite'));
      expect(existsSync(elsewhere)).toBe(false);
    }
  });
});
