/**
 * For tests (imported by tests only): a test kiosk's config against a test server, and the
 * renderer's real stack over a booted host, as a browser runs it: the browser shell (serving an
 * empty renderer), the web bridge over its socket.io and a started KioskApp.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PRINTER_CONFIG, type KioskConfig } from '../host/config';
import type { KioskHost } from '../host/kiosk-host';
import { createWebBridge } from '../renderer/bridge/web-bridge';
import { KioskApp } from '../renderer/kiosk-app';
import { startBrowserShell, type BrowserShell } from './browser-shell';

// Node has no media devices: the visit's kiosk has a camera and a microphone (readiness, issue 12).
const cameraAndMicrophone = async () => ({ camera: { ok: true }, microphone: { ok: true } });

/** What a test kiosk may differ in (issue 10: its printer and its document camera). */
export interface TestKioskOptions {
  /** Demo mode; default false. */
  demo?: boolean;
  /** The print queue (RVW_KIOSK_PRINTER); default the system default. */
  printer?: string;
  /** The CUPS server (RVW_KIOSK_CUPS_URL), e.g. a private cupsd's; default http://localhost:631. */
  cupsUrl?: string;
  /** A part of the document camera's label (RVW_KIOSK_DOCUMENT_CAMERA); default none. */
  documentCamera?: string;
}

/**
 * A kiosk with a fake reader talking to `serverUrl` with `kioskToken`, in zh-CN, not fullscreen.
 * `options` may be the demo flag alone. To print on the in-memory printer instead of a CUPS, give
 * bootKioskHost `{ printerDriver: new FakePrinterDriver() }` (and `printTempDir`, `printWait`).
 */
export function testKioskConfig(
  serverUrl: string,
  kioskToken: string,
  options: boolean | TestKioskOptions = false,
): KioskConfig {
  const o = typeof options === 'boolean' ? { demo: options } : options;
  return {
    serverUrl,
    kioskToken,
    locale: 'zh-CN',
    idcard: { path: '/dev/fake', baudRate: 115200 },
    demo: o.demo ?? false,
    demoSimControl: null,
    fullscreen: false,
    printer: { name: o.printer ?? null, cupsUrl: o.cupsUrl ?? DEFAULT_PRINTER_CONFIG.cupsUrl },
    documentCamera: o.documentCamera ?? null,
  };
}

/** The browser shell, the web bridge and the started controller of one kiosk renderer. */
export interface RendererStack {
  web: BrowserShell;
  bridge: ReturnType<typeof createWebBridge>;
  app: KioskApp;
}

/** Serves an empty renderer from a temporary folder named `dirPrefix`…, connects a bridge, starts a KioskApp. */
export async function startRendererStack(host: KioskHost, dirPrefix: string): Promise<RendererStack> {
  const dir = mkdtempSync(join(tmpdir(), dirPrefix));
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  const web = await startBrowserShell({ kioskHost: host, rendererDir: dir });
  const bridge = createWebBridge(web.url);
  const app = new KioskApp(bridge, { probeDevices: cameraAndMicrophone });
  await app.start();
  return { web, bridge, app };
}
