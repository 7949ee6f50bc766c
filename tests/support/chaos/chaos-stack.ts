/**
 * The chaos rig's parts on its network (netns-rig.ts): the server as a process in the server's
 * namespace (seeded with an agent, an admin and a kiosk by an in-process server on the same data
 * folder, closed before the real one starts), the kiosk stack as a process in the kiosk's namespace,
 * the kiosk's Chromium in the kiosk's namespace (its page on 127.0.0.1, a secure context), and the
 * agent's Chromium in the agent's namespace, opening the console at http://<server>:<port>/console/
 * (treated as a secure context by --unsafely-treat-insecure-origin-as-secure, so that getUserMedia
 * works). close() undoes all of it; the network stays (the rig's own teardown removes it).
 * Vitest-free (the bench uses it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createHttpClient, httpRoutes, type HttpClient } from '@rvw/shared';
import { createTestAgent, createTestKiosk, startTestServer } from '@rvw/signaling-server/testing';
import { chromiumArgs, chromiumPath, newProbedContext } from '@rvw/sim/browser';
import type { NetnsRig } from './netns-rig';
import { startServerChild, type ServerChild } from './server-child';
import { keepLines, startKioskProcess } from '../kiosk-process';

export interface ChaosStackOptions {
  /** RVW_MEMBER_GRACE_SECONDS for the server (default 60, the default). */
  graceSeconds?: number;
  port?: number;
}

export interface ChaosStack {
  rig: NetnsRig;
  serverUrl: string;
  dataDir: string;
  port: number;
  server(): ServerChild;
  /** SIGTERM the server, wait `downMs`, start it again on the same port and data folder. */
  restartServer(
    downMs: number,
    during?: () => Promise<void>,
  ): Promise<{ exitCode: number | null; readyAt: number; startMs: number }>;
  api: HttpClient<typeof httpRoutes>;
  agent: { username: string; password: string };
  kioskUrl: string;
  kioskPage: Page;
  consolePage: Page;
  /** Recent lines of the kiosk host, the pages and the server, for a failure's report. */
  diagnostics(): string;
  close(): Promise<void>;
}

export async function startChaosStack(rig: NetnsRig, options: ChaosStackOptions = {}): Promise<ChaosStack> {
  const port = options.port ?? 7400;
  const serverUrl = `http://${rig.net.server.addr}:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'rvw-chaos-'));
  const cleanups: Array<() => unknown> = [() => rmSync(dataDir, { recursive: true, force: true })];
  const closeAll = async () => {
    for (const step of cleanups.reverse())
      await Promise.resolve()
        .then(step)
        .catch(() => undefined);
  };
  try {
    // Accounts and the kiosk go into the data folder through an in-process server on loopback.
    const seed = await startTestServer({ dataDir, logLevel: 'warn' });
    const agent = await createTestAgent(seed.server, { displayName: '李敏' });
    const admin = await createTestAgent(seed.server, { role: 'admin', displayName: 'Chaos supervisor' });
    const { token: kioskToken } = await createTestKiosk(seed.server, {
      name: '第一居委会',
      location: '静安区',
    });
    await seed.close();

    let server = startServerChild(rig, { dataDir, port, graceSeconds: options.graceSeconds ?? 60 });
    cleanups.push(() => server.kill());
    await server.ready;
    const api = createHttpClient(httpRoutes, { baseUrl: serverUrl, token: admin.token, timeoutMs: 5000 });

    const kiosk = await startKioskProcess(serverUrl, kioskToken, (cmd, args, opts) =>
      rig.spawnIn('kiosk', cmd, args, opts),
    );
    cleanups.push(kiosk.close);
    const kioskLog = kiosk.log;
    const kioskUrl = kiosk.url;

    const tmp = mkdtempSync(join(tmpdir(), 'rvw-chaos-bin-'));
    cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
    const kioskBrowser: Browser = await chromium.launch({
      executablePath: rig.wrapper('kiosk', chromiumPath, tmp),
      args: chromiumArgs,
      headless: true,
    });
    cleanups.push(() => kioskBrowser.close());
    const agentBrowser: Browser = await chromium.launch({
      executablePath: rig.wrapper('agent', chromiumPath, tmp),
      args: [...chromiumArgs, `--unsafely-treat-insecure-origin-as-secure=${serverUrl}`],
      headless: true,
    });
    cleanups.push(() => agentBrowser.close());
    const kioskPage = await (await newProbedContext(kioskBrowser, new URL(kioskUrl).origin)).newPage();
    const consolePage = await (await newProbedContext(agentBrowser, serverUrl)).newPage();
    const pageLog: string[] = [];
    for (const [name, page] of [
      ['kiosk', kioskPage],
      ['console', consolePage],
    ] as const) {
      page.on('console', (m) =>
        keepLines(pageLog)(`${new Date().toISOString().slice(11, 23)} [${name}] ${m.type()} ${m.text()}`),
      );
      page.on('pageerror', (e) => keepLines(pageLog)(`[${name}] pageerror ${e.message}`));
    }

    return {
      rig,
      serverUrl,
      dataDir,
      port,
      server: () => server,
      async restartServer(downMs, during) {
        const exitCode = await server.stop();
        const downAt = Date.now();
        await during?.();
        await new Promise((r) => setTimeout(r, Math.max(0, downMs - (Date.now() - downAt))));
        const startAt = Date.now();
        server = startServerChild(rig, { dataDir, port, graceSeconds: options.graceSeconds ?? 60 });
        const readyAt = await server.ready;
        return { exitCode, readyAt, startMs: readyAt - startAt };
      },
      api,
      agent: { username: agent.agent.username, password: agent.password },
      kioskUrl,
      kioskPage,
      consolePage,
      diagnostics: () =>
        [
          '--- kiosk host ---',
          ...kioskLog.slice(-60),
          '--- pages ---',
          ...pageLog.slice(-60),
          '--- server (without request lines) ---',
          ...server
            .output()
            .split('\n')
            .filter((l) => !/"msg":"(incoming request|request completed|case read in full)"/.test(l))
            .slice(-60),
        ].join('\n'),
      close: closeAll,
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}
