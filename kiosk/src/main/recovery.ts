/** Brings the resident screens back after a renderer process dies, with the identity wiped first. */
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { KioskHost } from '../host/kiosk-host';
import { APP_START_URL } from './app-protocol';

/** Options of the recovery; `delayMs` defaults to 1500. */
export interface RecoveryOptions {
  /** Wait before reloading, so a crash loop does not spin the CPU; default 1500 ms. */
  delayMs?: number;
  /** The page to load again (the window's own view); default the start page. */
  url?: string;
  /**
   * Wipe the held card first; default true. Only a window that walks the resident through the
   * visit holds the visit: the dual-screen machine's video window reloads without wiping.
   */
  wipe?: boolean;
  logger?: { warn(m: string): void };
}

/** On 'render-process-gone': wipe the held card, then reload the window's page after a short delay. */
export function setupRecovery(
  win: BrowserWindow,
  host: Pick<KioskHost, 'handlers'>,
  options: RecoveryOptions = {},
): void {
  const delayMs = options.delayMs ?? 1500;
  const url = options.url ?? APP_START_URL;
  const wipe = options.wipe ?? true;
  const logger = options.logger ?? console;
  let pending: ReturnType<typeof setTimeout> | null = null;
  win.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    logger.warn(
      `renderer gone (${details.reason}, exit ${details.exitCode}); ${wipe ? 'wiping identity and ' : ''}reloading`,
    );
    // Whoever was at the kiosk may have walked away: their card data must not survive the crash.
    const wiped = wipe ? host.handlers['identity:wipe']({}).catch(() => undefined) : Promise.resolve();
    void wiped.then(() => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        if (!win.isDestroyed()) void win.loadURL(url);
      }, delayMs);
    });
  });
}
