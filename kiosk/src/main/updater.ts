/**
 * App updates (issue 12 #8): electron-updater's autoUpdater reads the server's feed with the generic
 * provider at `<serverUrl>/updates/<channel>/` (latest-linux.yml, latest-linux-arm64.yml or
 * latest.yml; the server sets each channel's release and staged rollout). It checks at start and
 * every hour while the kiosk is idle, downloads in the background, and installs only when the update
 * gate allows (kiosk/src/host/features/update-gate.ts: never while a resident is there).
 * The channel is RVW_UPDATE_CHANNEL (stable or beta; default stable). A kiosk installed from the
 * .deb does not download: installing a .deb needs root, so it logs the new release instead.
 */
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoUpdater } from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import { UpdateChannelName, type BridgeEventMap } from '@rvw/shared';
import { busyTracker, type BusyTracker } from '../host/busy-state';
import { KioskError } from '../host/errors';
import { createUpdateGate, type UpdateGate, type UpdateGateOptions } from '../host/features/update-gate';

/** The generic provider's options for a channel of the server's feed. */
export interface UpdateFeedOptions {
  provider: 'generic';
  url: string;
  /** The feed answers one byte range per request (differential downloads ask range by range). */
  useMultipleRangeRequest: false;
}

export function updateFeedOptions(serverUrl: string, channel: string): UpdateFeedOptions {
  return {
    provider: 'generic',
    url: `${serverUrl.replace(/\/+$/, '')}/updates/${encodeURIComponent(channel)}`,
    useMultipleRangeRequest: false,
  };
}

/** RVW_UPDATE_CHANNEL: stable (default) or beta; anything else fails fast, as the other settings do. */
export function updateChannelFrom(env: NodeJS.ProcessEnv): UpdateChannelName {
  const raw = env.RVW_UPDATE_CHANNEL?.trim().toLowerCase() || 'stable';
  const parsed = UpdateChannelName.safeParse(raw);
  if (!parsed.success)
    throw KioskError.configInvalid(
      `RVW_UPDATE_CHANNEL must be stable or beta, not "${env.RVW_UPDATE_CHANNEL}"`,
    );
  return parsed.data;
}

/** The part of electron-updater's AppUpdater the kiosk uses. */
export type Updater = Pick<
  AppUpdater,
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'quitAndInstall'
  | 'on'
  | 'removeListener'
  | 'autoDownload'
  | 'autoInstallOnAppQuit'
  | 'logger'
>;

export interface UpdaterOptions {
  serverUrl: string;
  channel: UpdateChannelName;
  /** The host's events (busy state, resident activity). */
  events: EventEmitter<BridgeEventMap>;
  /** The busy state; default a busyTracker over `events`. */
  busy?: BusyTracker;
  /** Default electron-updater's autoUpdater (tests pass a fake). */
  updater?: Updater;
  /** How often to look for a new release; default 1 hour. */
  checkEveryMs?: number;
  /** The gate's timing (tests). */
  gate?: Omit<UpdateGateOptions, 'busy' | 'events'>;
  log?: Pick<Console, 'info' | 'warn'>;
  /** How the app was installed (electron-builder's resources/package-type: deb, rpm…); default read from there. */
  packageType?: string | null;
}

/** electron-builder's record of the package the app came in ('deb' for the .deb), or null (AppImage, Windows, dev). */
export function installedPackageType(): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!resources) return null;
  try {
    return readFileSync(join(resources, 'package-type'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The running updater: stop() ends its checks and drops a waiting install. */
export interface KioskUpdater {
  gate: UpdateGate;
  /** Looks for a release now (skipped while busy). */
  check(): Promise<void>;
  stop(): void;
}

/** Wires the autoUpdater to the feed and the gate. */
export function setupUpdater(options: UpdaterOptions): KioskUpdater {
  const updater = options.updater ?? autoUpdater;
  const log = options.log ?? console;
  const ownBusy = options.busy ? null : busyTracker(options.events);
  const busy = options.busy ?? ownBusy!;
  const gate = createUpdateGate({ ...options.gate, busy, events: options.events });

  updater.setFeedURL(updateFeedOptions(options.serverUrl, options.channel));
  // A .deb installs only as root (electron-updater asks through pkexec: a password dialog in front of
  // the resident, or a failure): deb kiosks only report a new release and are updated with apt.
  const packageType = options.packageType === undefined ? installedPackageType() : options.packageType;
  const selfInstall = packageType !== 'deb';
  updater.autoDownload = selfInstall;
  // Never on a quit of its own: a quit may come mid-session (a crash, a restart); only the gate installs.
  updater.autoInstallOnAppQuit = false;
  updater.logger = { info: () => undefined, debug: () => undefined, warn: log.warn, error: log.warn };

  const onDownloaded = (info: { version: string }): void => {
    log.info(`kiosk: update ${info.version} downloaded; it installs when no resident is at the kiosk`);
    // Silent (the nsis installer shows nothing) and the app starts again after installing.
    gate.offer(() => updater.quitAndInstall(true, true));
  };
  const onError = (err: Error): void => log.warn(`kiosk: update failed: ${err.message}`);
  const onAvailable = (info: { version: string }): void => {
    if (!selfInstall)
      log.info(
        `kiosk: update ${info.version} available; install it with apt (sudo apt install ./rvw-kiosk_…deb)`,
      );
  };
  updater.on('update-available', onAvailable);
  updater.on('update-downloaded', onDownloaded);
  updater.on('error', onError);

  const check = async (): Promise<void> => {
    // A download during a video call would take its bandwidth: look only while idle.
    if (busy.busy()) return;
    await updater.checkForUpdates().then(
      () => undefined,
      (err: unknown) =>
        log.warn(`kiosk: update check failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 3_600_000);
  timer.unref?.();
  void check();

  return {
    gate,
    check,
    stop() {
      clearInterval(timer);
      updater.removeListener('update-available', onAvailable);
      updater.removeListener('update-downloaded', onDownloaded);
      updater.removeListener('error', onError);
      gate.close();
      ownBusy?.close();
    },
  };
}
