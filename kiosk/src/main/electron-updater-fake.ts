/**
 * A hand-written fake of electron-updater's autoUpdater for main-process tests (used through
 * `vi.mock('electron-updater', () => import('./electron-updater-fake'))`): it records the feed, the
 * checks and the installs, and lets a test play the updater's part (emit update-downloaded).
 */
import { EventEmitter } from 'node:events';

export class FakeAutoUpdater extends EventEmitter {
  feeds: unknown[] = [];
  checks = 0;
  installs: Array<[isSilent?: boolean, isForceRunAfter?: boolean]> = [];
  autoDownload = false;
  autoInstallOnAppQuit = true;
  logger: unknown = console;
  /** What the next checkForUpdates does: resolve (default) or reject with this error. */
  failNextCheck: Error | null = null;

  setFeedURL(options: unknown): void {
    this.feeds.push(options);
  }
  async checkForUpdates(): Promise<null> {
    this.checks++;
    const fail = this.failNextCheck;
    this.failNextCheck = null;
    if (fail) throw fail;
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
  reset(): void {
    this.removeAllListeners();
    this.feeds = [];
    this.checks = 0;
    this.installs = [];
    this.autoDownload = false;
    this.autoInstallOnAppQuit = true;
    this.failNextCheck = null;
  }
}

export const autoUpdater = new FakeAutoUpdater();
