/**
 * The backbone, end to end: a kiosk asks for help, an agent accepts in the console, both sides
 * see and hear each other over WebRTC in real Chromium with fake devices, the agent hangs up and
 * both return to their idle screens with every camera and microphone track of the call stopped.
 * Issue 13: the kiosk shows the resident's own picture (the mirror) once they are next, and the
 * console holds the agent's camera while available and in wrap-up; each call uses clones of those,
 * stopped with the call; the kiosk's camera stops with the session, the agent's when they go away.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { adminApi, type TestServer } from '@rvw/signaling-server/testing';
import { framesDecoded, liveLocalTracks, videoWidth } from '@rvw/sim/browser';
import type { KioskStack } from '@rvw/sim/kiosk-stack';
import { startCallRig, type CallRig } from '../support/call-rig';
import { chooseNeed, loginAgent, expectFramesRising, rateAndGoHome } from '../support/flows';

let rig: CallRig;
let server: TestServer;
let kiosk: KioskStack;
let kioskPage: Page;
let consolePage: Page;
let agentPassword: string;
let agentUsername: string;

const peerCount = (page: Page) =>
  page.evaluate(() => ((window as unknown as { __rvwPeers?: unknown[] }).__rvwPeers ?? []).length);

beforeAll(async () => {
  rig = await startCallRig({ kiosk: { name: '静安寺街道 第一居委会', location: '上海市静安区' } });
  ({ server, kiosk, kioskPage, consolePage } = rig);
  agentUsername = rig.agent.username;
  agentPassword = rig.agent.password;
});

afterAll(async () => {
  await rig?.close();
});

test('kiosk asks for help, agent accepts, video flows both ways, agent hangs up', async () => {
  await kioskPage.goto(kiosk.url);
  await kioskPage.getByTestId('screen-welcome').waitFor();
  // No reader is configured, so calling an agent is the one main action.
  await kioskPage.getByTestId('call-agent').click();
  await chooseNeed(kioskPage);
  await kioskPage.getByTestId('screen-waiting').waitFor();
  const number = (await kioskPage.getByTestId('ticket-number').innerText()).trim();
  expect(number).toMatch(/^A\d{3}$/);
  // First in line: the kiosk says so in words rather than as a number.
  await expect.poll(() => kioskPage.getByTestId('queue-position').innerText()).toContain('下一位就是您');
  // Next in line: their own picture plays, and nothing is sent (no peer connection exists yet).
  await expect.poll(() => videoWidth(kioskPage, 'mirror-video'), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await peerCount(kioskPage)).toBe(0);
  expect(await liveLocalTracks(kioskPage)).toBe(2);

  await loginAgent(consolePage, server.url, agentUsername, agentPassword);
  // Available: the console opens the agent's camera and microphone before any call, and prepares
  // the next call's peer with a clone of them (its offer made, nothing sent: the kiosk has no peer).
  await consolePage.getByTestId('status-available').click();
  await consolePage.getByTestId('status-current').filter({ hasText: '空闲' }).waitFor();
  await expect.poll(() => liveLocalTracks(consolePage)).toBe(4);
  await expect.poll(() => peerCount(consolePage)).toBe(1);
  expect(await peerCount(kioskPage)).toBe(0);
  const row = consolePage.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`);
  await row.waitFor();
  expect(await row.innerText()).toContain('静安寺街道 第一居委会');
  await row.getByTestId('accept-button').click();

  await consolePage.getByTestId('call-view').waitFor();
  await kioskPage.getByTestId('screen-call').waitFor();

  // Video decodes on both sides, and keeps decoding.
  await expectFramesRising(kioskPage);
  await expectFramesRising(consolePage);
  await expect.poll(() => videoWidth(kioskPage, 'remote-video'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => videoWidth(consolePage, 'remote-video'), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => videoWidth(kioskPage, 'local-video'), { timeout: 15_000 }).toBeGreaterThan(0);

  await consolePage.getByTestId('end-call').click();

  // Both sides return to idle, and no camera or microphone track is left running.
  await consolePage.getByTestId('queue-table').or(consolePage.getByTestId('queue-empty')).first().waitFor();
  // The call's media stop at once, while the kiosk asks the resident for the rating.
  await kioskPage.getByTestId('screen-rating').waitFor({ timeout: 30_000 });
  await expect.poll(() => liveLocalTracks(kioskPage)).toBe(0);
  await rateAndGoHome(kioskPage);
  await expect.poll(() => liveLocalTracks(kioskPage)).toBe(0);
  // In wrap-up the agent's held camera and microphone stay for the next call (the call's clones
  // stopped; the next call's prepared peer has a clone of its own); going away stops them all.
  await expect.poll(() => liveLocalTracks(consolePage)).toBe(4);
  await consolePage.getByTestId('status-away').click();
  await expect.poll(() => liveLocalTracks(consolePage)).toBe(0);
  expect(await framesDecoded(kioskPage)).toBe(0);

  // The server recorded who ended the session.
  const [session] = (await (await adminApi(server.server)).listSessions()).sessions;
  expect(session?.endedBy).toBe('agent');
  expect(session?.endedAt).toBeTruthy();
});
