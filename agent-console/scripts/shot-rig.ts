/**
 * What the console's screenshot scripts share (not a test): the real server on port 0 over a temp
 * SQLite file, serving agent-console/dist, with a clock that can be set back so that tickets are made
 * "minutes ago"; and the video kiosk simulator in a browser page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { idCheckDigit } from '@rvw/shared';
import { startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** A valid resident ID number from its first 17 digits. */
export function residentId(first17: string): string {
  return first17 + idCheckDigit(first17)!;
}

/** The screenshots' server, its address and the folder the pictures go to. */
export interface ShotServer {
  server: TestServer;
  url: string;
  outDir: string;
  /** Sets the server's clock `ms` off the real time (negative: in the past); 0 puts it back. */
  shift(ms: number): void;
}

/**
 * Installs Chromium and the CJK fonts when missing (exits when it cannot), builds the console when
 * its sources changed, makes the pictures' folder (argv[2], default screenshots/<name>) and starts
 * the server.
 */
export async function startShotServer(name: string): Promise<ShotServer> {
  if (!ensureDebian(['chromium', 'fonts-noto-cjk'])) process.exit(1);
  ensureBuilds({ only: ['console'] });
  const outDir = process.argv[2] ?? join(here, '../../screenshots', name);
  mkdirSync(outDir, { recursive: true });
  let shiftMs = 0;
  const server = await startTestServer({
    consoleDir: join(here, '../dist'),
    clock: () => new Date(Date.now() + shiftMs),
    logLevel: 'warn',
  });
  console.log(`server at ${server.url}`);
  return {
    server,
    url: server.url,
    outDir,
    shift: (ms) => {
      shiftMs = ms;
    },
  };
}

/** A browser page running the bundled kiosk simulator (kiosk-sim.ts: window.startKioskSim) on `url`. */
export async function kioskSimPage(browser: Browser, url: string): Promise<Page> {
  const sim = await build({
    entryPoints: [join(here, 'kiosk-sim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    alias: { events: 'bare-events' },
    logLevel: 'warning',
  });
  // The server's CSP allows only its own scripts; this page runs the bundled simulator inline.
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  page.on('pageerror', (e) => console.error(`[kiosk page] ${e.message}`));
  await page.goto(`${url}/api/health`);
  await page.addScriptTag({ content: sim.outputFiles[0]!.text });
  return page;
}
