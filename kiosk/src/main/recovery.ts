/** Brings the resident screens back after the renderer process dies, with the identity wiped first. */
import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';
import type { KioskHost } from '../host/kiosk-host';
import { APP_START_URL } from './app-protocol';

/** Options of the recovery; `delayMs` defaults to 1500. */
export interface RecoveryOptions {
  /** Wait before reloading, so a crash loop does not spin the CPU; default 1500 ms. */
  delayMs?: number;
  logger?: { warn(m: string): void };
}

/** On 'render-process-gone': wipe the held card, then reload the start page after a short delay. */
export function setupRecovery(
  win: BrowserWindow,
  host: Pick<KioskHost, 'handlers'>,
  options: RecoveryOptions = {},
): void {
  const delayMs = options.delayMs ?? 1500;
  const logger = options.logger ?? console;
  let pending: ReturnType<typeof setTimeout> | null = null;
  win.webContents.on('render-process-gone', (_event: unknown, details: RenderProcessGoneDetails) => {
    logger.warn(`renderer gone (${details.reason}, exit ${details.exitCode}); wiping identity and reloading`);
    // Whoever was at the kiosk may have walked away: their card data must not survive the crash.
    void host.handlers['identity:wipe']({})
      .catch(() => undefined)
      .then(() => {
        if (pending) clearTimeout(pending);
        pending = setTimeout(() => {
          pending = null;
          if (!win.isDestroyed()) void win.loadURL(APP_START_URL);
        }, delayMs);
      });
  });
}
