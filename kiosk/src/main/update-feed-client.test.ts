/**
 * The server's update feed read by electron-updater's own code (no Electron needed): its
 * GenericProvider with builder-util-runtime's HTTP executor over Node's http (as electron-builder's
 * NodeHttpExecutor), its file resolution and checksum-checked download, and its staged-rollout rule
 * (AppUpdater.isStagingMatch on a stand-in `this`). This proves a kiosk would accept what the server
 * serves: latest-linux.yml (x64), latest-linux-arm64.yml and latest.yml (Windows).
 */
import { request, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancellationToken, HttpExecutor } from 'builder-util-runtime';
import type { UpdateInfo } from 'builder-util-runtime';
import { AppUpdater } from 'electron-updater/out/AppUpdater';
import { GenericProvider } from 'electron-updater/out/providers/GenericProvider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, startTestServer, writeFakeRelease, type TestServer } from '@rvw/signaling-server/testing';
import { updateFeedOptions } from './updater';

class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }
}

let t: TestServer;
let updatesDir: string;

beforeAll(async () => {
  updatesDir = mkdtempSync(join(tmpdir(), 'rvw-feed-client-'));
  writeFakeRelease(updatesDir, '1.4.0');
  t = await startTestServer({ updatesDir });
  const admin = await adminApi(t.server);
  await admin.setUpdateChannel({
    params: { channel: 'stable' },
    body: { version: '1.4.0', rolloutPercent: 50 },
  });
});

afterAll(async () => {
  await t?.close();
  rmSync(updatesDir, { recursive: true, force: true });
});

/** The provider the kiosk's autoUpdater builds from updateFeedOptions, on `platform`. */
function provider(platform: 'linux' | 'win32', channel = 'stable') {
  const options = updateFeedOptions(t.url, channel);
  // The updater's own channel stays unset, so the provider asks for latest*.yml under the channel's URL.
  const updater = { channel: null, isAddNoCacheQuery: true } as unknown as ConstructorParameters<
    typeof GenericProvider
  >[1];
  return new GenericProvider(options, updater, {
    // The runtime options name Electron's executor; the provider only calls request() on it.
    executor: new NodeHttpExecutor() as unknown as ConstructorParameters<
      typeof GenericProvider
    >[2]['executor'],
    platform,
    isUseMultipleRangeRequest: options.useMultipleRangeRequest !== false,
  });
}

/** electron-updater's staged-rollout rule for a kiosk whose staging id is `uuid`. */
function admitted(info: UpdateInfo, uuid: string): Promise<boolean> {
  const self = {
    stagingUserIdPromise: { value: Promise.resolve(uuid) },
    _logger: { info: () => {}, warn: () => {} },
  };
  return (
    AppUpdater.prototype as unknown as { isStagingMatch(i: UpdateInfo): Promise<boolean> }
  ).isStagingMatch.call(self, info);
}

describe('the update feed, as electron-updater reads it', () => {
  it('gives the Linux x64 kiosk the release, its files resolved and downloaded with matching SHA-512', async () => {
    const p = provider('linux');
    const info = await p.getLatestVersion();
    expect(info.version).toBe('1.4.0');
    expect(info.stagingPercentage).toBe(50);
    const files = p.resolveFiles(info);
    expect(files.map((f) => f.url.pathname).sort()).toEqual([
      '/updates/stable/rvw-kiosk-1.4.0-x86_64.AppImage',
      '/updates/stable/rvw-kiosk_1.4.0_amd64.deb',
    ]);
    const executor = new NodeHttpExecutor();
    for (const file of files) {
      // downloadToBuffer checks the bytes against the yml's sha512 and fails on a mismatch.
      const data = await executor.downloadToBuffer(file.url, {
        sha512: file.info.sha512,
        cancellationToken: new CancellationToken(),
      });
      expect(data.length).toBe(file.info.size);
    }
  });

  it('gives the arm64 kiosk latest-linux-arm64.yml', async () => {
    const saved = process.env.TEST_UPDATER_ARCH;
    // electron-updater's own switch for the architecture it asks for (default process.arch).
    process.env.TEST_UPDATER_ARCH = 'arm64';
    try {
      const p = provider('linux');
      const info = await p.getLatestVersion();
      expect(
        p
          .resolveFiles(info)
          .map((f) => f.url.pathname)
          .sort(),
      ).toEqual([
        '/updates/stable/rvw-kiosk-1.4.0-arm64.AppImage',
        '/updates/stable/rvw-kiosk_1.4.0_arm64.deb',
      ]);
    } finally {
      if (saved === undefined) delete process.env.TEST_UPDATER_ARCH;
      else process.env.TEST_UPDATER_ARCH = saved;
    }
  });

  it('gives Windows latest.yml (the nsis installer)', async () => {
    const p = provider('win32');
    const info = await p.getLatestVersion();
    expect(p.resolveFiles(info).map((f) => f.url.pathname)).toEqual([
      '/updates/stable/rvw-kiosk-Setup-1.4.0.exe',
    ]);
  });

  it('reports a channel without a release as electron-updater’s "channel file not found"', async () => {
    await expect(provider('linux', 'beta').getLatestVersion()).rejects.toMatchObject({
      code: 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    });
  });

  it('offers the release to the share of kiosks the rollout names', async () => {
    const info = await provider('linux').getLatestVersion();
    // The last 4 bytes of the staging id place a kiosk between 0 and 1: 0.25 is in a 50 % rollout, 0.75 not.
    expect(await admitted(info, '6f9619ff-8b86-d011-b42d-00cf40000000')).toBe(true);
    expect(await admitted(info, '6f9619ff-8b86-d011-b42d-00cfc0000000')).toBe(false);
    expect(await admitted({ ...info, stagingPercentage: 0 }, '6f9619ff-8b86-d011-b42d-00cf00000001')).toBe(
      false,
    );
  });
});
