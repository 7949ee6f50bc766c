/**
 * The Electron main process, bundled to dist/main/main.cjs. The whole start-up reads in one screen:
 * each step is a setupX() from its own file.
 */
import { join } from 'node:path';
import { app, dialog, screen } from 'electron';
import { loadKioskConfig } from '../host/config';
import { KioskError } from '../host/errors';
import { displayReports } from '../host/fleet/displays';
import { bootKioskHost } from '../host/kiosk-host';
import type { KioskHost } from '../host/kiosk-host';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { kioskCredentialStore } from './credentials';
import { setupIpc } from './ipc-manager';
import { setupPermissions } from './permissions';
import { setupPowerSaveBlocker } from './power';
import { setupSingleInstance } from './single-instance';
import { setupUpdater, updateChannelFrom, type KioskUpdater } from './updater';
import { setupNavigationGuards } from './window';
import { setupWindows, type KioskWindows } from './windows';

let windows: KioskWindows | null = null;
let host: KioskHost | null = null;
let updater: KioskUpdater | null = null;

/** Starts the kiosk once Electron is ready; `dir` is where main.cjs and preload.cjs live. */
export async function startKiosk(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = loadKioskConfig(env);
  const channel = updateChannelFrom(env);
  // The credential: encrypted with safeStorage where it protects it, else a 0600 file.
  const credentials = kioskCredentialStore(env);
  console.info(
    `kiosk: credential in ${credentials.store.path} (${credentials.encrypted ? 'encrypted with safeStorage' : 'mode 0600, safeStorage not available'})`,
  );
  host = await bootKioskHost(config, {
    credentials: credentials.store,
    // The fleet view's restart (run by the host only between residents) and the displays it reports.
    restart: () => void restartKiosk(),
    displays: () => displayReports(screen.getAllDisplays(), screen.getPrimaryDisplay().id),
  });
  setupAppProtocol(join(dir, '..', 'renderer'));
  setupPermissions();
  setupNavigationGuards();
  setupIpc(host, () => windows?.all() ?? []);
  // One window per display as configured, each reloading its own view after a crash.
  windows = setupWindows({ config, preloadPath: join(dir, 'preload.cjs'), host });
  setupPowerSaveBlocker();
  // Updates from the server's feed, installed only between residents (host/features/update-gate.ts).
  updater = setupUpdater({ serverUrl: config.serverUrl, channel, events: host.events });
}

/** Closes the host: wipes the held card, stops the reader, leaves the server. */
export async function stopKiosk(): Promise<void> {
  const closing = host;
  host = null;
  updater?.stop();
  updater = null;
  windows?.stop();
  await closing?.close();
}

/** Restarts the app: the host closes first (the held card wiped), then Electron starts it again. */
async function restartKiosk(): Promise<void> {
  await stopKiosk().catch(() => undefined);
  app.relaunch();
  app.exit(0);
}

/** Entry: scheme registration and the single-instance lock must happen before 'ready'. */
export function main(dir: string): void {
  registerAppScheme();
  if (!setupSingleInstance(() => windows?.touchWindow() ?? null)) return;
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    // close() wipes the held card before the process goes.
    void stopKiosk();
  });
  app
    .whenReady()
    .then(() => startKiosk(dir))
    .catch((err: unknown) => {
      const text =
        err instanceof KioskError
          ? `${err.code}: ${err.message}`
          : 'The kiosk could not start. Run kiosk-doctor.';
      console.error(`kiosk: ${text}`);
      dialog.showErrorBox('远程虚拟窗口 / Remote service window', text);
      app.exit(1);
    });
}
