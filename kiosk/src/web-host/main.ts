/**
 * Runs the web host from the environment (same variables as the Electron kiosk, plus
 * RVW_KIOSK_WEB_PORT, default 5174, and RVW_KIOSK_RENDERER_DIR, default kiosk/dist/renderer):
 *   npx tsx kiosk/src/web-host/main.ts
 */
import { fileURLToPath } from 'node:url';
import { loadKioskConfig } from '../host/config';
import { KioskError } from '../host/errors';
import { bootKioskHost } from '../host/kiosk-host';
import { startWebHost } from './web-host';

async function main(): Promise<void> {
  const config = loadKioskConfig();
  const kioskHost = await bootKioskHost(config);
  const rendererDir =
    process.env.RVW_KIOSK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const port = Number(process.env.RVW_KIOSK_WEB_PORT ?? 5174);
  const web = await startWebHost({ kioskHost, rendererDir, port });
  console.info(`kiosk web host: ${web.url} (reader ${config.idcard ? config.idcard.path : 'disabled'})`);

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
  if (err instanceof KioskError) console.error(`kiosk web host: ${err.code}: ${err.message}`);
  else console.error('kiosk web host failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
