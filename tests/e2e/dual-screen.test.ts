/**
 * The dual-screen machine (双屏一体机, issue 9 #8) in the browser shell's stand-in (`/dual`): the
 * video view in a frame above the touch view, two renderers on one kiosk host, as the Electron main
 * opens two windows. Real Chromium with a fake camera, the real server and console: the resident
 * calls from the touch screen, the agent's video plays on the upper display only, the kiosk holds
 * exactly one peer connection (the video frame's) and the touch frame opens no camera; hanging up
 * on the touch screen ends the call on both. The single page stays the default at `/`.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import {
  createTestAgent,
  createTestKiosk,
  startTestServer,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed, expectFramesRising, loginAgent } from '../support/flows';

let server: TestServer;
let kiosk: KioskStack;
let browser: Browser;
let dualPage: Page;
let consolePage: Page;
let agent: { username: string; password: string };
const cspViolations: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  const created = await createTestAgent(server.server, { displayName: '李敏' });
  agent = { username: created.agent.username, password: created.password };
  const { token } = await createTestKiosk(server.server, { name: '静安寺街道 第一居委会' });
  kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: false });
  browser = await launchChromium();
  dualPage = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
  // Two 1920x1080 displays, one above the other with a 24 px bezel: the stand-in at real size.
  await dualPage.setViewportSize({ width: 1920, height: 2184 });
  dualPage.on('console', (m) => {
    if (/Content Security Policy|Refused to (frame|load|connect)/i.test(m.text()))
      cspViolations.push(m.text());
  });
  consolePage = await (await newProbedContext(browser, server.url)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
  await server?.close();
});

function frameOf(view: 'video' | 'touch'): Frame {
  const frame = dualPage.frames().find((f) => new URL(f.url()).searchParams.get('view') === view);
  if (!frame) throw new Error(`no ${view} frame`);
  return frame;
}
const peers = (frame: Frame) =>
  frame.evaluate(() => ((window as unknown as { __rvwPeers?: unknown[] }).__rvwPeers ?? []).length);
const liveTracks = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __rvwLiveTracks(): number }).__rvwLiveTracks());
const framesDecodedIn = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __rvwFramesDecoded(): Promise<number> }).__rvwFramesDecoded());

test('the dual page shows the video view above the touch view; one call, in the video view', async () => {
  await dualPage.goto(`${kiosk.url}dual`);
  await dualPage.getByTestId('dual-preview').waitFor();
  const video = dualPage.frameLocator('[data-testid="dual-video"]');
  const touch = dualPage.frameLocator('[data-testid="dual-touch"]');

  // Upper display: a calm word pointing down; lower: the welcome screen with its buttons.
  await video.getByTestId('video-standby').waitFor();
  await touch.getByTestId('screen-welcome').waitFor();
  expect(await video.getByTestId('video-standby').innerText()).toContain('请在下方的触摸屏上操作');
  const upperBox = (await dualPage.getByTestId('dual-video').boundingBox())!;
  const lowerBox = (await dualPage.getByTestId('dual-touch').boundingBox())!;
  expect(upperBox).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
  expect(lowerBox).toMatchObject({ x: 0, y: 1104, width: 1920, height: 1080 });

  // The resident calls from the touch screen; the agent accepts.
  await touch.getByTestId('call-agent').click();
  await chooseNeed(touch);
  await touch.getByTestId('screen-waiting').waitFor();
  await loginAgent(consolePage, server.url, agent.username, agent.password);
  await consolePage.getByTestId('accept-button').first().click();
  await consolePage.getByTestId('call-view').waitFor();

  // Touch screen: the call's name and hang-up, told to look up, and no video at all.
  await touch.getByTestId('screen-call').waitFor();
  await touch.getByTestId('call-look-up').waitFor();
  expect(await touch.getByTestId('screen-call').innerText()).toContain('李敏');
  expect(await touch.locator('video').count()).toBe(0);
  // Upper display: the agent large, filling the display, with the resident's own small picture.
  await video.getByTestId('call-video').waitFor();
  const remoteBox = (await video.getByTestId('remote-video').boundingBox())!;
  expect(remoteBox.width * remoteBox.height).toBeGreaterThanOrEqual(1920 * 1080 * 0.99);
  const selfBox = (await video.getByTestId('local-video').boundingBox())!;
  expect(selfBox.width * selfBox.height).toBeLessThan((1920 * 1080) / 10);
  expect(await video.getByTestId('call-video').innerText()).toContain('李敏');

  // Exactly one peer connection on the kiosk: the video frame's. The touch frame opens no camera.
  const [videoFrame, touchFrame] = [frameOf('video'), frameOf('touch')];
  await expect.poll(() => framesDecodedIn(videoFrame), { timeout: 20_000 }).toBeGreaterThan(0);
  const first = await framesDecodedIn(videoFrame);
  await dualPage.waitForTimeout(1000);
  expect(await framesDecodedIn(videoFrame)).toBeGreaterThan(first);
  await expectFramesRising(consolePage);
  expect(await peers(videoFrame)).toBe(1);
  expect(await peers(touchFrame)).toBe(0);
  expect(await peers(dualPage.mainFrame())).toBe(0);
  // The touch frame opened the camera only for the readiness check before the call (issue 12), and
  // stopped it at once: it holds no camera during the call.
  expect(await liveTracks(touchFrame)).toBe(0);
  expect(await liveTracks(videoFrame)).toBeGreaterThan(0);

  // The resident switches to English on the touch screen: the upper display follows.
  await touch.getByTestId('lang-switch').click();
  await expect.poll(() => video.getByTestId('call-video').innerText()).toContain('Staff member: 李敏');

  // Hanging up on the touch screen ends the call on both displays and frees the camera.
  await touch.getByTestId('hang-up').click();
  await touch.getByTestId('hang-up-confirm').waitFor();
  await touch.getByTestId('hang-up-end').click();
  // What follows the call on the touch screen (rating, thanks) is the journey's; the call is over.
  await touch.getByTestId('screen-call').waitFor({ state: 'detached' });
  await video.getByTestId('video-standby').waitFor({ timeout: 15_000 });
  await expect.poll(() => liveTracks(videoFrame)).toBe(0);
  expect(cspViolations).toEqual([]);
});

test('the single page stays the default: one renderer showing both views', async () => {
  await dualPage.setViewportSize({ width: 1920, height: 1080 });
  await dualPage.goto(kiosk.url);
  await dualPage.getByTestId('screen-welcome').waitFor();
  expect(await dualPage.locator('iframe').count()).toBe(0);
  expect(await dualPage.locator('.kiosk').getAttribute('data-view')).toBe('both');
});
