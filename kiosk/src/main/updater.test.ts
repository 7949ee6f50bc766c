import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BridgeEventMap } from '@rvw/shared';
import { greetingWith } from '../host/features/test-greeting';
import { FakeAutoUpdater } from './electron-updater-fake';
import { setupUpdater, updateChannelFrom, updateFeedOptions, type Updater } from './updater';

const MINUTE = 60_000;
/** Wednesday 22:00 in Shanghai: outside opening hours (2 quiet minutes). */
const WED_22_SH = Date.parse('2026-12-09T14:00:00Z');

function setup(packageType: string | null = null) {
  vi.setSystemTime(WED_22_SH);
  const events = new EventEmitter<BridgeEventMap>();
  const fake = new FakeAutoUpdater();
  const log = { info: vi.fn(), warn: vi.fn() };
  const kiosk = setupUpdater({
    serverUrl: 'https://rvw.example.cn/',
    channel: 'beta',
    events,
    updater: fake as unknown as Updater,
    checkEveryMs: 60 * MINUTE,
    log,
    packageType,
  });
  return { events, fake, kiosk, log };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('updater', () => {
  it('reads the channel’s feed from the server, downloads by itself and never installs on quit', () => {
    const { fake, kiosk } = setup();
    expect(fake.feeds).toEqual([
      { provider: 'generic', url: 'https://rvw.example.cn/updates/beta', useMultipleRangeRequest: false },
    ]);
    expect(fake.autoDownload).toBe(true);
    expect(fake.autoInstallOnAppQuit).toBe(false);
    expect(fake.checks).toBe(1);
    kiosk.stop();
  });

  it('looks again every hour, but not during a session', async () => {
    const { events, fake, kiosk } = setup();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(fake.checks).toBe(2);
    events.emit('session:opened', greetingWith('s1').session!);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(fake.checks).toBe(2);
    kiosk.stop();
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(fake.checks).toBe(2);
  });

  it('installs a downloaded update only once the resident has gone and the kiosk was quiet', async () => {
    const { events, fake, kiosk } = setup();
    events.emit('session:opened', greetingWith('s1').session!);
    fake.emit('update-downloaded', { version: '1.5.0' });
    await vi.advanceTimersByTimeAsync(90 * MINUTE);
    expect(fake.installs).toEqual([]);
    events.emit('session:ended', { sessionId: 's1', endedBy: 'kiosk', endedAt: new Date().toISOString() });
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fake.installs).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    // Silent, and the app starts again after installing.
    expect(fake.installs).toEqual([[true, true]]);
    kiosk.stop();
  });

  it('logs a failed check or download and carries on', async () => {
    const { fake, kiosk, log } = setup();
    fake.failNextCheck = new Error('net::ERR_CONNECTION_REFUSED');
    await kiosk.check();
    expect(log.warn).toHaveBeenCalledWith(
      expect.stringMatching(/update check failed: net::ERR_CONNECTION_REFUSED/),
    );
    fake.emit('error', new Error('sha512 checksum mismatch'));
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/sha512 checksum mismatch/));
    kiosk.stop();
  });

  it('builds the feed URL and reads RVW_UPDATE_CHANNEL (default stable, else fail fast)', () => {
    expect(updateFeedOptions('http://10.0.0.5:8080', 'stable').url).toBe(
      'http://10.0.0.5:8080/updates/stable',
    );
    expect(updateChannelFrom({})).toBe('stable');
    expect(updateChannelFrom({ RVW_UPDATE_CHANNEL: ' Beta ' })).toBe('beta');
    expect(() => updateChannelFrom({ RVW_UPDATE_CHANNEL: 'nightly' })).toThrow(/RVW_UPDATE_CHANNEL.*nightly/);
  });

  it('on a .deb install downloads nothing and logs the release for apt (root is needed to install)', () => {
    const { fake, kiosk, log } = setup('deb');
    expect(fake.autoDownload).toBe(false);
    fake.emit('update-available', { version: '1.5.0' });
    expect(log.info).toHaveBeenCalledWith(expect.stringMatching(/1\.5\.0 available; install it with apt/));
    kiosk.stop();
    expect(fake.listenerCount('update-available')).toBe(0);
  });
});
