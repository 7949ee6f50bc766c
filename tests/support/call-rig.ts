/**
 * The rig most call tests share: a test server serving the built console, one agent, one kiosk on the
 * kiosk stack (browser shell + host), and one Chromium with a probed page for each side.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack, type KioskStackOptions } from '@rvw/sim/kiosk-stack';

/** What a call test holds. */
export interface CallRig {
  server: TestServer;
  kiosk: KioskStack;
  browser: Browser;
  kioskPage: Page;
  consoleContext: BrowserContext;
  consolePage: Page;
  agent: { username: string; password: string };
  /** Closes the browser, the kiosk stack and the server; safe after a failed start. */
  close(): Promise<void>;
}

/** Options: the server's (beyond the console folder), the kiosk's name and location, the stack's. */
export interface CallRigOptions {
  server?: Parameters<typeof startTestServer>[0];
  kiosk?: { name?: string; location?: string };
  stack?: Partial<Omit<KioskStackOptions, 'serverUrl' | 'kioskToken'>>;
}

/** Starts the rig; an agent named 李敏 and a kiosk 第一居委会 (静安区), no reader unless `stack.reader`. */
export async function startCallRig(options: CallRigOptions = {}): Promise<CallRig> {
  const server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
    ...options.server,
  });
  const parts: Partial<CallRig> = { server };
  const close = async () => {
    await parts.browser?.close();
    await parts.kiosk?.close();
    await server.close();
  };
  try {
    const created = await createTestAgent(server.server, { displayName: '李敏' });
    const { token } = await createTestKiosk(server.server, {
      name: options.kiosk?.name ?? '第一居委会',
      location: options.kiosk?.location ?? '静安区',
    });
    const kiosk = (parts.kiosk = await startKioskStack({
      reader: false,
      ...options.stack,
      serverUrl: server.url,
      kioskToken: token,
    }));
    const browser = (parts.browser = await launchChromium());
    const kioskPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
    const consoleContext = await newProbedContext(browser, server.url);
    const consolePage = await consoleContext.newPage();
    const agent = { username: created.agent.username, password: created.password };
    return { server, kiosk, browser, kioskPage, consoleContext, consolePage, agent, close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
