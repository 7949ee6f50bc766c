/**
 * The agent reloads the console mid-call (issue 8 #3): the reloaded console resumes the same
 * session and video decodes again on both sides within 5 s of the reload. Then a second console
 * tab of the same agent (issue 8 #4) is told the call is open elsewhere and takes it over; video
 * flows to the tab that took it, in the same session. Last, the agent's side goes away for good
 * (issue 8 #6): the kiosk says the connection dropped and that it is reconnecting, and when the
 * server gives the agent up the resident is told plainly they are still in line, at the front.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { adminApi, type TestServer } from '@rvw/signaling-server/testing';
import { framesDecoded } from '@rvw/sim/browser';
import type { KioskStack } from '@rvw/sim/kiosk-stack';
import { startCallRig, type CallRig } from '../support/call-rig';
import { callAndAccept, expectFramesRising } from '../support/flows';

const RECOVERY_LIMIT_MS = 5_000;

let rig: CallRig;
let server: TestServer;
let kiosk: KioskStack;
let kioskPage: Page;
let consoleContext: BrowserContext;
let consolePage: Page;
let agent: { username: string; password: string };

/**
 * Ms from `since` until the page decodes video again after a stall: the count must first stop
 * rising (the old connection is gone or frozen), so frames still arriving on the old connection in
 * the first instants do not pass for recovery. Null if not within `limitMs`.
 */
async function framesBackAfter(page: Page, since: number, limitMs: number): Promise<number | null> {
  let stalled = false;
  let last = await framesDecoded(page).catch(() => 0);
  while (Date.now() - since < limitMs) {
    await new Promise((r) => setTimeout(r, 150));
    const now = await framesDecoded(page).catch(() => 0);
    if (now <= last) stalled = true;
    else if (stalled) return Date.now() - since;
    last = now;
  }
  return null;
}

beforeAll(async () => {
  rig = await startCallRig({
    // Long enough for a console reload and for the kiosk to notice a vanished peer (ICE takes about
    // 8 s to call a silently closed page 'disconnected'); short enough to see the agent given up.
    server: { memberGraceSeconds: 14 },
  });
  ({ server, kiosk, kioskPage, consoleContext, consolePage, agent } = rig);
});

afterAll(async () => {
  await rig?.close();
});

test('a console reloaded mid-call resumes the call: video on both sides within 5 s', async () => {
  await kioskPage.goto(kiosk.url);
  await callAndAccept(kioskPage, consolePage, server.url, agent);
  const admin = await adminApi(server.server);
  const [session] = (await admin.listSessions()).sessions;

  const reloadedAt = Date.now();
  const kioskBack = framesBackAfter(kioskPage, reloadedAt, RECOVERY_LIMIT_MS);
  await consolePage.reload();
  const consoleBack = await framesBackAfter(consolePage, reloadedAt, RECOVERY_LIMIT_MS);
  console.log(
    `[console-reload] video back after the reload: kiosk ${await kioskBack} ms, console ${consoleBack} ms`,
  );
  expect(consoleBack).not.toBeNull();
  expect(await kioskBack).not.toBeNull();
  await consolePage.getByTestId('call-view').waitFor();
  await expectFramesRising(kioskPage);
  await expectFramesRising(consolePage);
  const after = (await admin.listSessions()).sessions;
  expect(after).toHaveLength(1);
  expect(after[0]).toMatchObject({ id: session?.id, endedAt: null });
});

test('a second tab of the same agent says the call is open elsewhere, and can take it over', async () => {
  // The same login in a second tab (as a duplicated tab has): same storage, its own tab id.
  const second = await consoleContext.newPage();
  const auth = await consolePage.evaluate(() => JSON.stringify(sessionStorage));
  await second.goto(`${server.url}/console/`);
  await second.evaluate((saved) => {
    for (const [k, v] of Object.entries(JSON.parse(saved) as Record<string, string>))
      if (!k.includes('tabId')) sessionStorage.setItem(k, v);
  }, auth);
  await second.reload();
  await second.getByTestId('call-elsewhere').waitFor();
  // The first tab keeps the call meanwhile.
  await expectFramesRising(consolePage);

  const takenAt = Date.now();
  await second.getByTestId('take-over').click();
  await consolePage.getByTestId('call-elsewhere').waitFor();
  // This tab never decoded anything before: its first frames are the call coming back.
  await expect.poll(() => framesDecoded(second), { timeout: RECOVERY_LIMIT_MS * 2 }).toBeGreaterThan(0);
  const back = Date.now() - takenAt;
  console.log(`[console-reload] video in the tab that took over after ${back} ms`);
  expect(back).not.toBeNull();
  await expectFramesRising(kioskPage);
  const sessions = (await (await adminApi(server.server)).listSessions()).sessions;
  expect(sessions).toHaveLength(1);
  expect(sessions[0]?.endedAt).toBeNull();
});

test('the agent gone for good: the kiosk says it is reconnecting, then that the resident is first in line', async () => {
  const closedAt = Date.now();
  for (const page of consoleContext.pages()) await page.close();
  await kioskPage.getByTestId('call-reconnecting').waitFor({ timeout: 15_000 });
  const reconnectingAfter = Date.now() - closedAt;
  await kioskPage.getByTestId('call-dropped').waitFor({ timeout: 20_000 });
  console.log(
    `[console-reload] agent gone: kiosk said reconnecting after ${reconnectingAfter} ms, back in line after ${Date.now() - closedAt} ms`,
  );
  await expect.poll(() => kioskPage.getByTestId('queue-position').innerText()).toContain('下一位就是您');
  await kioskPage.getByTestId('screen-thanks').waitFor({ state: 'detached' });
  const admin = await adminApi(server.server);
  const [session] = (await admin.listSessions()).sessions;
  expect(session).toMatchObject({ endedBy: 'system' });
  // The ticket is waiting again: the next agent serves it first.
  expect((await admin.listTickets({ query: {} })).tickets).toEqual([
    expect.objectContaining({ status: 'waiting' }),
  ]);
});
