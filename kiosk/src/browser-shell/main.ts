/**
 * Runs the browser shell from the environment (same variables as the Electron kiosk, printer and
 * document camera included, plus RVW_KIOSK_WEB_PORT, default 5174, and RVW_KIOSK_RENDERER_DIR,
 * default kiosk/dist/renderer); GET /health answers the kiosk's health:
 *   npx tsx kiosk/src/browser-shell/main.ts
 * The token comes from RVW_KIOSK_TOKEN (the demo, the e2e tests). Without one, the kiosk's credential
 * store in the data folder (RVW_KIOSK_DATA_DIR; a 0600 file, no cipher: safeStorage is Electron's)
 * is used, and when it holds none the first-run screen asks for an enrolment code:
 *   RVW_KIOSK_DATA_DIR=$(mktemp -d) RVW_SERVER_URL=http://127.0.0.1:8080 npx tsx kiosk/src/browser-shell/main.ts
 */
import { fileURLToPath } from 'node:url';
import { loadKioskConfig } from '../host/config';
import { fileCredentialStore } from '../host/credential-store';
import { kioskDataDir } from '../host/data-dir';
import { KioskError } from '../host/errors';
import { bootKioskHost } from '../host/kiosk-host';
import { startBrowserShell } from './browser-shell';

async function main(): Promise<void> {
  const config = loadKioskConfig();
  const credentials = fileCredentialStore(kioskDataDir());
  const kioskHost = await bootKioskHost(config, { credentials });
  const rendererDir =
    process.env.RVW_KIOSK_RENDERER_DIR ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const port = Number(process.env.RVW_KIOSK_WEB_PORT ?? 5174);
  const web = await startBrowserShell({ kioskHost, rendererDir, port });
  const reader = config.idcard ? config.idcard.path : 'disabled';
  const printer = config.printer?.none ? 'none' : (config.printer?.name ?? 'the system default');
  console.info(
    `kiosk browser shell: ${web.url} (${config.profile ?? 'fixed'}, reader ${reader}, printer ${printer})`,
  );
  const { enrolled } = await kioskHost.handlers['enrolment:state']({});
  if (!enrolled)
    console.info(
      `kiosk browser shell: not enrolled (no RVW_KIOSK_TOKEN, nothing in ${credentials.path}): the first-run screen asks for a code`,
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
