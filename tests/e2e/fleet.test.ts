/**
 * The fleet end to end (issue 12) on real parts: the GA 467 simulator on a socat pty pair, two kiosk
 * hosts whose pages run in Chromium, the real server, and a supervisor's console on the 设备 tab.
 * The heartbeat's interval is ten minutes here, so only the change's own report can turn a kiosk red
 * in time: a reader unplugged shows red in the fleet view within one heartbeat. A kiosk whose browser
 * has no camera does not send its resident into a call: it says video is not available, takes no
 * ticket, and the fleet view says why. A technician signs in to the fleet alone.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed, loginAgent } from '../support/flows';

/** Ten minutes: a change must travel by itself, not wait for the next beat. */
const HEARTBEAT_MS = 600_000;

let server: TestServer;
let withReader: KioskStack;
let noCamera: KioskStack;
let browser: Browser;
let cameraless: Browser;
let consolePage: Page;
let readerKioskId: string;
let cameralessKioskId: string;
const kioskLog: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  const capture = (level: string) => (message: string) => void kioskLog.push(`${level} ${message}`);
  const logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const first = await createTestKiosk(server.server, {
    name: '田林街道 第三居委会',
    location: '上海市徐汇区',
  });
  readerKioskId = first.kiosk.id;
  withReader = await startKioskStack({
    serverUrl: server.url,
    kioskToken: first.token,
    reader: true,
    printer: 'none',
    heartbeatMs: HEARTBEAT_MS,
    logger,
  });
  const second = await createTestKiosk(server.server, {
    name: '田林街道 第五居委会',
    location: '上海市徐汇区',
  });
  cameralessKioskId = second.kiosk.id;
  noCamera = await startKioskStack({
    serverUrl: server.url,
    kioskToken: second.token,
    reader: false,
    printer: 'none',
    heartbeatMs: HEARTBEAT_MS,
    logger,
  });
  browser = await launchChromium();
  // This browser lists no camera at all (its microphone is still there).
  cameraless = await launchChromium({ cameras: 0 });
  const admin = await createTestAgent(server.server, { role: 'admin', displayName: '张主任' });
  consolePage = await (await newProbedContext(browser, server.url)).newPage();
  await loginAgent(consolePage, server.url, admin.agent.username, admin.password);
  await consolePage.getByTestId('tab-fleet').click();
  await consolePage.getByTestId('fleet-table').waitFor();
});

afterAll(async () => {
  await cameraless?.close();
  await browser?.close();
  await withReader?.close();
  await noCamera?.close();
  await server?.close();
});

const row = (kioskId: string): Locator =>
  consolePage.locator(`[data-testid="fleet-row"][data-kiosk-id="${kioskId}"]`);

test('a kiosk whose reader is unplugged turns red in the fleet view within one heartbeat', async () => {
  onTestFailed(() => console.log(`kiosk log:\n${kioskLog.join('\n')}`));
  const kioskPage = await (await newProbedContext(browser, new URL(withReader.url).origin)).newPage();
  await kioskPage.goto(withReader.url);
  await kioskPage.getByTestId('place-card-prompt').waitFor();
  // The page checks its camera and microphone at start; with the reader online the kiosk is well.
  await expect.poll(() => row(readerKioskId).getAttribute('data-level'), { timeout: 15_000 }).toBe('green');

  const unplugged = Date.now();
  await withReader.pair!.stop();
  await kioskPage.getByTestId('reader-offline').waitFor({ timeout: 10_000 });
  await expect.poll(() => row(readerKioskId).getAttribute('data-level'), { timeout: 15_000 }).toBe('red');
  // Far sooner than the next beat: the change was reported by itself.
  expect(Date.now() - unplugged).toBeLessThan(HEARTBEAT_MS / 10);
  expect(await row(readerKioskId).innerText()).toContain('身份证读卡器故障');

  // Plugged back in, it recovers on its own.
  await withReader.pair!.restart();
  await withReader.sim!.reopen();
  await expect.poll(() => row(readerKioskId).getAttribute('data-level'), { timeout: 20_000 }).toBe('green');
  await kioskPage.close();
});

test('a kiosk with no camera is not offered for a call, and the fleet view says why', async () => {
  onTestFailed(() => console.log(`kiosk log:\n${kioskLog.join('\n')}`));
  const kioskPage = await (await newProbedContext(cameraless, new URL(noCamera.url).origin)).newPage();
  await kioskPage.goto(noCamera.url);
  await kioskPage.getByTestId('screen-welcome').waitFor();
  await kioskPage.getByTestId('call-agent').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-no-video').waitFor({ timeout: 15_000 });
  expect(await kioskPage.getByTestId('screen-no-video').innerText()).toContain('居委会工作人员');

  // No ticket was taken: no agent is offered a call that would fail.
  const tickets = await server.server.db
    .selectFrom('tickets')
    .select('id')
    .where('kiosk_id', '=', cameralessKioskId)
    .execute();
  expect(tickets).toEqual([]);

  await expect.poll(() => row(cameralessKioskId).getAttribute('data-level'), { timeout: 15_000 }).toBe('red');
  const words = await row(cameralessKioskId).innerText();
  expect(words).toContain('没有摄像头');
  expect(words).toContain('无法进行视频通话');

  // Back to the start, calmly: the resident's card data is gone with the visit.
  await kioskPage.getByTestId('no-video-back').click();
  await kioskPage.getByTestId('screen-welcome').waitFor();
  await kioskPage.close();
});

test('a technician signs in to the fleet alone: the 设备 tab, live, and no queue', async () => {
  const tech = await createTestAgent(server.server, { role: 'technician', displayName: '赵工' });
  const page = await (await newProbedContext(browser, server.url)).newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').fill(tech.agent.username);
  await page.getByTestId('login-password').fill(tech.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('fleet-table').waitFor();
  expect(await page.getByTestId('tab-fleet').isVisible()).toBe(true);
  for (const hidden of ['tab-queue', 'tab-appointments', 'tab-admin', 'tab-live', 'waiting-count'])
    expect(await page.getByTestId(hidden).count(), hidden).toBe(0);
  const techRow = page.locator(`[data-testid="fleet-row"][data-kiosk-id="${readerKioskId}"]`);
  await expect.poll(() => techRow.getAttribute('data-level'), { timeout: 15_000 }).toMatch(/green|amber|red/);
  expect(await page.getByTestId('agent-name').innerText()).toContain('技术员');
  await page.close();
});
