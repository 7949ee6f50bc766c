/**
 * A graceful server restart (issue 7 #1): the server runs as a real process (so SIGTERM is real),
 * a kiosk page in Chromium waits with a ticket, the server gets SIGTERM and is started again on the
 * same port and data folder. The waiting kiosk must be back in the queue with its ticket within
 * 5 s of the new server being ready: an agent sees its ticket with the kiosk online again, and the
 * kiosk page shows the same ticket number.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { QueueSnapshot, ServerStatus } from '@rvw/shared';
import {
  connectAgent,
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestClient,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed } from '../support/flows';

const serverBin = fileURLToPath(new URL('../../signaling-server/bin/rvw-server.mjs', import.meta.url));

/** The server as a child process: its output, and when it printed that it listens. */
interface ServerChild {
  child: ChildProcess;
  output(): string;
  /** Resolves with the time (Date.now()) at which the server said it was listening. */
  ready: Promise<number>;
  exited: Promise<number | null>;
}

function startServerChild(dataDir: string, port: number): ServerChild {
  const child = spawn(process.execPath, [serverBin], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      RVW_DATA_DIR: dataDir,
      RVW_PORT: String(port),
      RVW_HOST: '127.0.0.1',
      RVW_LOG_LEVEL: 'info',
      RVW_CONSOLE_DIR: join(dataDir, 'no-console'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<number>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      // The CLI prints the console's address once the server listens.
      if (out.includes('Agent console:')) resolve(Date.now());
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
    setTimeout(() => reject(new Error(`server not ready in 30 s:\n${out}`)), 30_000).unref();
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, ready, exited };
}

async function stopChild(s: ServerChild | null): Promise<void> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return;
  s.child.kill('SIGKILL');
  await s.exited;
}

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/** The agent's view of the ticket numbered `number` in the last queue:update, if any. */
function entryOf(agent: TestClient, number: string) {
  const last = agent.all('queue:update').at(-1) as QueueSnapshot | undefined;
  return last?.entries.find((e) => e.number === number);
}

let dataDir: string;
let port: number;
let first: ServerChild | null = null;
let second: ServerChild | null = null;
let kiosk: KioskStack;
let browser: Browser;
let kioskPage: Page;
let agentToken: string;
const agents: TestClient[] = [];
const statuses: Array<{ status: ServerStatus; at: number }> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'rvw-restart-'));
  port = await freePort();
  // The accounts go into the data folder through an in-process server, closed before the real one starts.
  const seed = await startTestServer({ dataDir });
  agentToken = (await createTestAgent(seed.server, { displayName: '李敏' })).token;
  const { token } = await createTestKiosk(seed.server, { name: '静安寺街道 第一居委会' });
  await seed.close();

  first = startServerChild(dataDir, port);
  await first.ready;
  kiosk = await startKioskStack({ serverUrl: `http://127.0.0.1:${port}`, kioskToken: token, reader: false });
  kiosk.host.events.on('server:status', (status) => statuses.push({ status, at: Date.now() }));
  browser = await launchChromium();
  kioskPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
});

afterAll(async () => {
  for (const a of agents) a.close();
  await browser?.close();
  await kiosk?.close();
  await stopChild(first);
  await stopChild(second);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('after SIGTERM and a restart on the same port, the waiting kiosk is back in the queue with its ticket within 5 s', async () => {
  onTestFailed(() => {
    console.log(`first server:\n${first?.output()}\nsecond server:\n${second?.output()}`);
    console.log(`kiosk server:status: ${JSON.stringify(statuses)}`);
  });
  const url = `http://127.0.0.1:${port}`;
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('call-agent').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-waiting').waitFor();
  const number = (await kioskPage.getByTestId('ticket-number').innerText()).trim();
  expect(number).toMatch(/^A\d{3}$/);

  const before = await connectAgent(url, agentToken);
  agents.push(before);
  await expect.poll(() => entryOf(before, number)?.kioskOnline, { timeout: 5000 }).toBe(true);

  // A real SIGTERM: main.ts closes the server gracefully and the process exits 0.
  first!.child.kill('SIGTERM');
  expect(await first!.exited).toBe(0);
  // The kiosk heard that the restart is planned: it reconnects calmly.
  await expect
    .poll(() => statuses.at(-1)?.status, { timeout: 5000 })
    .toEqual({
      connected: false,
      restarting: true,
    });
  // The server stays away a moment, as a supervisor's restart does.
  await new Promise((r) => setTimeout(r, 1000));

  second = startServerChild(dataDir, port);
  const readyAt = await second.ready;

  await expect
    .poll(() => statuses.find((s) => s.at >= readyAt && s.status.connected)?.at, { timeout: 5000 })
    .toBeDefined();
  const linkBackMs = statuses.find((s) => s.at >= readyAt && s.status.connected)!.at - readyAt;

  // Through the product: an agent sees the ticket with its kiosk online again.
  const after = await connectAgent(url, agentToken);
  agents.push(after);
  await expect.poll(() => entryOf(after, number)?.kioskOnline, { timeout: 5000 }).toBe(true);
  const queueBackMs = Date.now() - readyAt;

  // And the kiosk page shows the same ticket on its waiting screen.
  await kioskPage.getByTestId('screen-waiting').waitFor({ timeout: 5000 });
  expect((await kioskPage.getByTestId('ticket-number').innerText()).trim()).toBe(number);
  const pageBackMs = Date.now() - readyAt;

  console.log(
    `server restart: kiosk link back ${linkBackMs} ms, agent sees it online ${queueBackMs} ms, ` +
      `page checked ${pageBackMs} ms after the new server was ready`,
  );
  expect(queueBackMs).toBeLessThan(5000);
  expect(pageBackMs).toBeLessThan(5000);
});
