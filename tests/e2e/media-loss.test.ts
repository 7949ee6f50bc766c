/**
 * Media loss mid-call (issue 7 #2): the kiosk's Chromium runs in a network namespace this test
 * makes, joined to the host by a veth pair; UDP is dropped inside that namespace for 20 s while
 * the session stays open (signalling is TCP and keeps working). After the block is lifted, video
 * must decode again on both sides within 5 s, in the same session, and while it is down both
 * screens must say that the call is reconnecting.
 *
 * Needs root (ip netns, iptables). The kiosk page must stay a secure context on 127.0.0.1 and the
 * browser shell only serves loopback, so two socat forwarders carry its TCP: 127.0.0.1:P inside
 * the namespace -> the veth's host address -> 127.0.0.1:P on the host. WebRTC media goes straight
 * over the veth.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  adminApi,
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import {
  chromiumArgs,
  chromiumPath,
  framesDecoded,
  launchChromium,
  newProbedContext,
} from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { callAndAccept, expectFramesRising } from '../support/flows';

const BLOCK_MS = 20_000;
const RECOVERY_LIMIT_MS = 5_000;

// Names and addresses exist only for this run: the namespace, its veth pair and a /30 inside it.
const tag = String(process.pid % 10_000);
const ns = `rvw-ml-${tag}`;
const hostIf = `rvwml${tag}h`;
const nsIf = `rvwml${tag}n`;
const subnet = 200 + (process.pid % 50);
const hostAddr = `10.${subnet}.77.1`;
const nsAddr = `10.${subnet}.77.2`;

let server: TestServer;
let kiosk: KioskStack;
let kioskBrowser: Browser;
let consoleBrowser: Browser;
let kioskPage: Page;
let consolePage: Page;
let agent: { username: string; password: string };
let tmp: string;
const children: ChildProcess[] = [];

function sh(cmd: string, args: string[], allowFail = false): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0 && !allowFail)
    throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.error?.message || r.status}`);
}

function inNs(args: string[], allowFail = false): void {
  sh('ip', ['netns', 'exec', ns, ...args], allowFail);
}

/** Drops (or stops dropping) every UDP packet in and out of the kiosk's namespace. */
function blockUdp(on: boolean): void {
  for (const chain of ['INPUT', 'OUTPUT'])
    inNs(['iptables', on ? '-I' : '-D', chain, '-p', 'udp', '-j', 'DROP'], !on);
}

function forward(args: string[]): ChildProcess {
  const child = spawn(args[0]!, args.slice(1), { stdio: 'ignore' });
  children.push(child);
  return child;
}

async function waitForPort(url: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Time (ms after `since`) at which the page's decoded frames rose above their count at `since`. */
async function framesBackAt(page: Page, since: number, limitMs: number): Promise<number | null> {
  const base = await framesDecoded(page);
  while (Date.now() - since < limitMs) {
    const now = await framesDecoded(page);
    // Below the base means the old peer was replaced: any frame counted by the new one is back.
    if (now > base || (now > 0 && now < base)) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'rvw-media-loss-'));
  sh('ip', ['netns', 'add', ns]);
  sh('ip', ['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf]);
  sh('ip', ['link', 'set', nsIf, 'netns', ns]);
  sh('ip', ['addr', 'add', `${hostAddr}/30`, 'dev', hostIf]);
  sh('ip', ['link', 'set', hostIf, 'up']);
  inNs(['ip', 'addr', 'add', `${nsAddr}/30`, 'dev', nsIf]);
  inNs(['ip', 'link', 'set', nsIf, 'up']);
  inNs(['ip', 'link', 'set', 'lo', 'up']);

  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  const created = await createTestAgent(server.server, { displayName: '李敏' });
  agent = { username: created.agent.username, password: created.password };
  const { token } = await createTestKiosk(server.server, { name: '第一居委会', location: '静安区' });
  kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: false });
  const port = new URL(kiosk.url).port;
  forward(['socat', `TCP-LISTEN:${port},bind=${hostAddr},fork,reuseaddr`, `TCP:127.0.0.1:${port}`]);
  forward([
    'ip',
    ...['netns', 'exec', ns, 'socat'],
    `TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr`,
    `TCP:${hostAddr}:${port}`,
  ]);

  const wrapper = join(tmp, 'chromium-in-ns');
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${ns} ${chromiumPath} "$@"\n`);
  chmodSync(wrapper, 0o755);
  kioskBrowser = await chromium.launch({ executablePath: wrapper, args: chromiumArgs, headless: true });
  consoleBrowser = await launchChromium();
  kioskPage = await (await newProbedContext(kioskBrowser, new URL(kiosk.url).origin)).newPage();
  consolePage = await (await newProbedContext(consoleBrowser, server.url)).newPage();
  await waitForPort(`http://${hostAddr}:${port}/`);
});

afterAll(async () => {
  // Every step runs even if one before it fails: the namespace and its veth must not outlive the test.
  const steps: Array<() => unknown> = [
    () => kioskBrowser?.close(),
    () => consoleBrowser?.close(),
    () => children.forEach((child) => child.pid && child.kill('SIGTERM')),
    () => kiosk?.close(),
    () => server?.close(),
    () => sh('ip', ['netns', 'del', ns], true),
    () => sh('ip', ['link', 'del', hostIf], true),
    () => tmp && rmSync(tmp, { recursive: true, force: true }),
  ];
  for (const step of steps)
    await Promise.resolve()
      .then(step)
      .catch(() => undefined);
});

test('video comes back on both sides within 5 s of a 20 s UDP block, in the same session', async () => {
  // The namespace side of the forwarder may still be starting: try the page a few times.
  for (let i = 0; ; i++) {
    try {
      await kioskPage.goto(kiosk.url);
      break;
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await callAndAccept(kioskPage, consolePage, server.url, agent);
  const admin = await adminApi(server.server);
  const [session] = (await admin.listSessions()).sessions;
  expect(session?.endedAt).toBeNull();

  const blockedAt = Date.now();
  blockUdp(true);
  // Both screens say, in words, that the call is reconnecting while the media is gone.
  await kioskPage.getByTestId('call-reconnecting').waitFor({ timeout: BLOCK_MS });
  await consolePage.getByTestId('remote-status').waitFor({ timeout: BLOCK_MS });
  const shownAfter = Date.now() - blockedAt;
  await new Promise((r) => setTimeout(r, Math.max(0, BLOCK_MS - (Date.now() - blockedAt))));

  const liftedAt = Date.now();
  blockUdp(false);
  const [kioskBack, consoleBack] = await Promise.all([
    framesBackAt(kioskPage, liftedAt, RECOVERY_LIMIT_MS),
    framesBackAt(consolePage, liftedAt, RECOVERY_LIMIT_MS),
  ]);
  console.log(
    `[media-loss] reconnecting shown ${shownAfter} ms into the block; video back after the block: kiosk ${kioskBack} ms, console ${consoleBack} ms`,
  );
  expect(kioskBack).not.toBeNull();
  expect(consoleBack).not.toBeNull();
  await expectFramesRising(kioskPage);
  await expectFramesRising(consolePage);
  await kioskPage.getByTestId('call-reconnecting').waitFor({ state: 'detached' });

  // The same session carried on: nothing ended it, nothing opened another.
  const after = (await admin.listSessions()).sessions;
  expect(after).toHaveLength(1);
  expect(after[0]?.id).toBe(session?.id);
  expect(after[0]?.endedAt).toBeNull();
  await consolePage.getByTestId('end-call').click();
  await kioskPage.getByTestId('screen-call').waitFor({ state: 'detached' });
});
