import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient, httpRoutes, HttpClientError } from '@rvw/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminApi, createTestAgent, startTestServer, type TestServer } from '../testing';
import { writeFakeRelease, type FakeRelease } from '../testing/fake-release';
import { parseRange } from './update-feed';
import { newestFirst } from './release-folder';
import { resolveUpdatesDir } from './update-area';

let t: TestServer;
let updatesDir: string;
let admin: Awaited<ReturnType<typeof adminApi>>;
let v110: FakeRelease;
let v100: FakeRelease;

const v110Yml = () => v110.files['latest-linux.yml']!;
const feed = (path: string, init?: RequestInit) => fetch(`${t.url}/updates/${path}`, init);

async function refusal(p: Promise<unknown>): Promise<{ code: string; status: number }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpClientError);
  return { code: (err as HttpClientError).code, status: (err as HttpClientError).status };
}

beforeAll(async () => {
  updatesDir = mkdtempSync(join(tmpdir(), 'rvw-updates-'));
  v100 = writeFakeRelease(updatesDir, '1.0.0');
  v110 = writeFakeRelease(updatesDir, '1.1.0');
  writeFakeRelease(updatesDir, '1.2.0', { channelFiles: false });
  // 1.3.0's folder holding 1.1.0's channel file (a copying mistake).
  writeFakeRelease(updatesDir, '1.3.0');
  writeFileSync(join(updatesDir, '1.3.0', 'latest-linux.yml'), v110Yml());
  mkdirSync(join(updatesDir, 'not-a-version'));
  writeFileSync(join(updatesDir, 'not-a-version', 'latest-linux.yml'), 'version: 9.9.9\n');
  // A link in a release folder to a file outside it is never followed.
  symlinkSync('/etc/passwd', join(updatesDir, '1.1.0', 'passwd.deb'));
  t = await startTestServer({ updatesDir });
  admin = await adminApi(t.server);
});

afterAll(async () => {
  await t?.close();
  rmSync(updatesDir, { recursive: true, force: true });
});

describe('update channels (admin)', () => {
  it('lists the releases with a latest-linux.yml, newest first, and no channel before one is set', async () => {
    expect(await admin.listUpdateChannels({})).toEqual({
      channels: [],
      available: ['1.3.0', '1.1.0', '1.0.0'],
    });
    expect((await feed('stable/latest-linux.yml')).status).toBe(404);
  });

  it('refuses a version without its folder or without latest-linux.yml (NOT_FOUND), and other roles', async () => {
    const set = (version: string) =>
      admin.setUpdateChannel({ params: { channel: 'stable' }, body: { version, rolloutPercent: 10 } });
    expect(await refusal(set('9.9.9'))).toEqual({ code: 'NOT_FOUND', status: 404 });
    expect(await refusal(set('1.2.0'))).toEqual({ code: 'NOT_FOUND', status: 404 });
    expect(await refusal(set('1.3.0'))).toEqual({ code: 'BAD_PAYLOAD', status: 400 });
    const { token } = await createTestAgent(t.server, { role: 'agent' });
    const agent = createHttpClient(httpRoutes, { baseUrl: t.url, token });
    expect((await refusal(agent.listUpdateChannels({}))).status).toBe(403);
    expect(
      (
        await refusal(
          agent.setUpdateChannel({
            params: { channel: 'beta' },
            body: { version: '1.1.0', rolloutPercent: 5 },
          }),
        )
      ).status,
    ).toBe(403);
    expect((await admin.listUpdateChannels({})).channels).toEqual([]);
  });

  it('sets a channel with its rollout and records who set it', async () => {
    const { channel } = await admin.setUpdateChannel({
      params: { channel: 'stable' },
      body: { version: '1.1.0', rolloutPercent: 25, releaseNotes: '打印修复' },
    });
    expect(channel).toMatchObject({
      channel: 'stable',
      version: '1.1.0',
      rolloutPercent: 25,
      releaseNotes: '打印修复',
      updatedBy: 'Test supervisor',
    });
    await admin.setUpdateChannel({
      params: { channel: 'beta' },
      body: { version: '1.0.0', rolloutPercent: 100 },
    });
    const listed = await admin.listUpdateChannels({});
    expect(listed.channels.map((c) => [c.channel, c.version, c.rolloutPercent])).toEqual([
      ['beta', '1.0.0', 100],
      ['stable', '1.1.0', 25],
    ]);
  });
});

describe('the feed /updates/<channel>/<file>', () => {
  it('serves the chosen release’s channel files with the rollout as stagingPercentage, uncached', async () => {
    for (const name of ['latest-linux.yml', 'latest-linux-arm64.yml', 'latest.yml']) {
      // electron-updater adds ?noCache=… to every channel-file request.
      const res = await feed(`stable/${name}?noCache=1abc`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/yaml/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const served = parse(await res.text()) as Record<string, unknown>;
      const original = parse(v110.files[name]!.toString()) as Record<string, unknown>;
      expect(served).toEqual({ ...original, stagingPercentage: 25 });
    }
    const beta = parse(await (await feed('beta/latest-linux.yml')).text()) as Record<string, unknown>;
    expect(beta).toMatchObject({ version: '1.0.0', stagingPercentage: 100 });
  });

  it('follows a new rollout at once', async () => {
    await admin.setUpdateChannel({
      params: { channel: 'stable' },
      body: { version: '1.1.0', rolloutPercent: 60 },
    });
    const served = parse(await (await feed('stable/latest-linux.yml')).text()) as Record<string, unknown>;
    expect(served.stagingPercentage).toBe(60);
  });

  it('streams the packages with their content types, no credentials needed', async () => {
    const types: Record<string, RegExp> = {
      'rvw-kiosk_1.1.0_amd64.deb': /^application\/vnd\.debian\.binary-package/,
      'rvw-kiosk-1.1.0-arm64.AppImage': /^application\/vnd\.appimage/,
      'rvw-kiosk-Setup-1.1.0.exe': /^application\/vnd\.microsoft\.portable-executable/,
      'rvw-kiosk-Setup-1.1.0.exe.blockmap': /^application\/octet-stream/,
    };
    for (const [name, type] of Object.entries(types)) {
      const res = await feed(`stable/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(Buffer.from(await res.arrayBuffer()).equals(v110.files[name]!)).toBe(true);
    }
  });

  it('answers one byte range with 206, a list of ranges with the whole file, a range past the end with 416', async () => {
    const name = 'rvw-kiosk-1.1.0-x86_64.AppImage';
    const data = v110.files[name]!;
    const ranged = async (range: string) => {
      const res = await feed(`stable/${name}`, { headers: { range } });
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };
    let r = await ranged('bytes=10-19');
    expect(r.res.status).toBe(206);
    expect(r.res.headers.get('content-range')).toBe(`bytes 10-19/${data.length}`);
    expect(r.body.equals(data.subarray(10, 20))).toBe(true);
    r = await ranged('bytes=4000-');
    expect(r.body.equals(data.subarray(4000))).toBe(true);
    r = await ranged('bytes=-16');
    expect(r.res.headers.get('content-range')).toBe(
      `bytes ${data.length - 16}-${data.length - 1}/${data.length}`,
    );
    expect(r.body.equals(data.subarray(data.length - 16))).toBe(true);
    r = await ranged('bytes=0-1, 5-9');
    expect(r.res.status).toBe(200);
    expect(r.body.equals(data)).toBe(true);
    r = await ranged(`bytes=${data.length}-`);
    expect(r.res.status).toBe(416);
    expect(r.res.headers.get('content-range')).toBe(`bytes */${data.length}`);
  });

  it('serves nothing of an unchosen release but its blockmap (for differential downloads)', async () => {
    expect((await feed('stable/rvw-kiosk_1.0.0_amd64.deb')).status).toBe(404);
    expect((await feed('stable/rvw-kiosk-1.2.0-x86_64.AppImage')).status).toBe(404);
    const old = await feed('stable/rvw-kiosk-Setup-1.0.0.exe.blockmap');
    expect(old.status).toBe(200);
    expect(
      Buffer.from(await old.arrayBuffer()).equals(v100.files['rvw-kiosk-Setup-1.0.0.exe.blockmap']!),
    ).toBe(true);
  });

  it('cannot be led out of the release folder or to other files', async () => {
    const tries = [
      'stable/builder-debug.yml',
      'stable/passwd.deb',
      'stable/..%2F1.0.0%2Frvw-kiosk_1.0.0_amd64.deb',
      'stable/%2e%2e%2F%2e%2e%2Fetc%2Fpasswd',
      'stable/..%5C1.0.0%5Clatest.yml',
      'stable/1.0.0%2Flatest-linux.yml',
      'nightly/latest-linux.yml',
      '..%2Fupdates/latest-linux.yml',
      'stable/',
    ];
    for (const path of tries) {
      const res = await feed(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toMatch(/root:|x64/);
    }
  });
});

describe('pieces', () => {
  it('parses one byte range', () => {
    expect(parseRange(undefined, 100)).toBe('all');
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-200', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=0-1,3-4', 100)).toBe('all');
    expect(parseRange('items=0-1', 100)).toBe('all');
    expect(parseRange('bytes=100-', 100)).toBeNull();
    expect(parseRange('bytes=5-4', 100)).toBeNull();
    expect(parseRange('bytes=-0', 100)).toBeNull();
  });

  it('orders versions newest first, a pre-release after its release', () => {
    expect(
      ['1.0.0', '1.10.0', '1.2.0', '1.10.0-beta.2', '1.10.0-beta.10', '2.0.0'].sort(newestFirst),
    ).toEqual(['2.0.0', '1.10.0', '1.10.0-beta.10', '1.10.0-beta.2', '1.2.0', '1.0.0']);
  });

  it('defaults the updates folder to <dataDir>/updates', () => {
    expect(resolveUpdatesDir('/srv/u', '/var/lib/rvw')).toBe('/srv/u');
    expect(resolveUpdatesDir(null, '/var/lib/rvw')).toBe('/var/lib/rvw/updates');
    expect(resolveUpdatesDir(null, ':memory:')).toBeNull();
    expect(resolveUpdatesDir(null)).toBeNull();
  });
});
