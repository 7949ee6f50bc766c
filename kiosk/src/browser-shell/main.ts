/**
 * Runs the browser shell from the environment (same variables as the Electron kiosk, printer and
 * document camera included, plus RVW_KIOSK_WEB_PORT, default 5174, and RVW_KIOSK_RENDERER_DIR,
 * default kiosk/dist/renderer); GET /health answers the kiosk's health:
 *   npx tsx kiosk/src/browser-shell/main.ts
 */
import { fileURLToPath } from 'node:url';
import { loadKioskConfig } from '../host/config';
import { KioskError } from '../host/errors';
import { bootKioskHost } from '../host/kiosk-host';
import { startBrowserShell } from './browser-shell';

async function main(): Promise<void> {
  const config = loadKioskConfig();
  const kioskHost = await bootKioskHost(config);
  const rendererDir =
    process.env.RVW_KIOSK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const port = Number(process.env.RVW_KIOSK_WEB_PORT ?? 5174);
  const web = await startBrowserShell({ kioskHost, rendererDir, port });
  const reader = config.idcard ? config.idcard.path : 'disabled';
  const printer = config.printer?.none ? 'none' : (config.printer?.name ?? 'the system default');
  console.info(
    `kiosk browser shell: ${web.url} (${config.profile ?? 'fixed'}, reader ${reader}, printer ${printer})`,
  );

  const stop = async (): Promise<void> => {
    await web.close();
    // Wipes the held card before the process ends.
    await kioskHost.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  if (err instanceof KioskError) console.error(`kiosk browser shell: ${err.code}: ${err.message}`);
  else console.error('kiosk browser shell failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
