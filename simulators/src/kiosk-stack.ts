/**
 * A kiosk as the browser sees it, on real parts: the GA 467 simulator on one end of a socat pty
 * pair, the kiosk host's reader service on the other, and the web host serving the renderer build
 * with the bridge. Used by the demo (`npm start`), the end-to-end tests and the benchmarks.
 */
import { fileURLToPath } from 'node:url';
import {
  bootKioskHost,
  loadKioskConfig,
  startBrowserShell,
  type KioskHost,
  type KioskLogger,
} from '@rvw/kiosk';
import type { Ga467Simulator } from './ga467/simulator';
import { startControlServer, type ControlServer } from './ga467/control-server';
import { startSimulatedReaderLine, type SimulatedReaderLine } from './ga467/line';
import type { PtyPair } from './pty-pair';

/** Where `npm run build` puts the kiosk renderer (kiosk/dist/renderer), which the web host serves. */
export const rendererDir = fileURLToPath(new URL('../../kiosk/dist/renderer', import.meta.url));

/** Options of a kiosk stack. */
export interface KioskStackOptions {
  serverUrl: string;
  kioskToken: string;
  /** Start a simulated reader on a socat pty pair; default true. */
  reader?: boolean;
  /** Show the demo panel (place sample cards); default false. */
  demo?: boolean;
  /** Web host port; default 0 (any free port). */
  port?: number;
  /** Where the host's technician log goes; default console. */
  logger?: KioskLogger;
  /** The print queue (RVW_KIOSK_PRINTER) and CUPS' address (RVW_KIOSK_CUPS_URL); default the system's. */
  printer?: string;
  cupsUrl?: string;
  /** A part of the document camera's label (RVW_KIOSK_DOCUMENT_CAMERA); default none: the face camera serves. */
  documentCamera?: string;
  /** The fleet heartbeat's interval in ms (RVW_HEARTBEAT_MS); default the kiosk's (30 s). */
  heartbeatMs?: number;
  /** The reader's poll intervals idle / serving in ms (RVW_IDCARD_POLL_IDLE_MS / _SERVING_MS); default the kiosk's (60 / 500). */
  idcardPollIdleMs?: number;
  idcardPollServingMs?: number;
}

/** A kiosk served to the browser on simulated hardware; close() stops it in reverse order. */
export interface KioskStack {
  /** The kiosk page, e.g. http://127.0.0.1:5174/ */
  url: string;
  host: KioskHost;
  /** The simulated reader, or null without one. */
  sim: Ga467Simulator | null;
  pair: PtyPair | null;
  close(): Promise<void>;
}

/** Starts the simulator (optional), the kiosk host and the web host, in that order. */
export async function startKioskStack(options: KioskStackOptions): Promise<KioskStack> {
  const line: SimulatedReaderLine | null = (options.reader ?? true) ? await startSimulatedReaderLine() : null;
  const pair = line?.pair ?? null;
  const control: ControlServer | null = line && options.demo ? await startControlServer(line.sim, 0) : null;
  const config = loadKioskConfig({
    RVW_SERVER_URL: options.serverUrl,
    RVW_KIOSK_TOKEN: options.kioskToken,
    ...(pair ? { RVW_IDCARD_PORT: pair.kioskPath } : {}),
    ...(options.demo ? { RVW_DEMO: '1' } : {}),
    ...(control ? { RVW_DEMO_SIM_CONTROL: `http://127.0.0.1:${control.port}` } : {}),
    ...(options.printer ? { RVW_KIOSK_PRINTER: options.printer } : {}),
    ...(options.cupsUrl ? { RVW_KIOSK_CUPS_URL: options.cupsUrl } : {}),
    ...(options.documentCamera ? { RVW_KIOSK_DOCUMENT_CAMERA: options.documentCamera } : {}),
    ...(options.heartbeatMs ? { RVW_HEARTBEAT_MS: String(options.heartbeatMs) } : {}),
    ...(options.idcardPollIdleMs ? { RVW_IDCARD_POLL_IDLE_MS: String(options.idcardPollIdleMs) } : {}),
    ...(options.idcardPollServingMs
      ? { RVW_IDCARD_POLL_SERVING_MS: String(options.idcardPollServingMs) }
      : {}),
  });
  // The host opens the reader itself, so that the reader service's log reaches the host's logger.
  const host = await bootKioskHost(config, options.logger ? { logger: options.logger } : {});
  const web = await startBrowserShell({ kioskHost: host, rendererDir, port: options.port ?? 0 });
  return {
    url: `${web.url}/`,
    host,
    sim: line?.sim ?? null,
    pair,
    async close() {
      await web.close();
      await host.close();
      await control?.close();
      await line?.dispose();
    },
  };
}
