/**
 * The kiosk's data folder (issue 12 #1): where its configuration file (`kiosk.json`) and its
 * credential live, shared by the Electron app, the browser shell and kiosk-doctor so that each finds
 * what the others wrote. RVW_KIOSK_DATA_DIR names it; by default it is Electron's userData folder of
 * the app "@rvw/kiosk": Linux `$XDG_CONFIG_HOME/@rvw/kiosk` (else ~/.config/@rvw/kiosk), Windows
 * `%APPDATA%\@rvw\kiosk`, macOS ~/Library/Application Support/@rvw/kiosk.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The configuration file's name in the data folder. */
export const KIOSK_CONFIG_FILE = 'kiosk.json';

/** The kiosk's data folder for this platform and environment. */
export function kioskDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const named = env.RVW_KIOSK_DATA_DIR?.trim();
  if (named) return named;
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(base, '@rvw', 'kiosk');
}
