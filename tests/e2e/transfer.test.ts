/**
 * A consulted transfer in Chromium in which the video continues to the second agent (issue 11 #6,
 * the end-to-end test). Three browsers, each with a fake camera of its own colour: the
 * kiosk's green, agent A's red, agent B's blue, so that each page's picture tells whose camera it
 * shows. The resident places the card and asks for old-age care; A accepts and opens a case; A
 * opens the transfer, picks B, consulted, starts; B accepts and the two agents see each other in
 * the hand-over video; A completes. The kiosk shows "transferring" and then the call again, now
 * with B's picture; B sees the kiosk's picture; A's call is over (wrap-up); the case is B's.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import type { Page } from 'playwright-core';
import { sampleCards } from '@rvw/sim';
import { colourNear, framesDecoded, videoColour, videoWidth, type Rgb } from '@rvw/sim/browser';
import { openCase } from '../support/case-flows';
import { expectFramesRising } from '../support/flows';
import { cardToWaiting, queueRow, signIn, startRoutingRig, type RoutingRig } from '../support/routing-rig';

const CENTRE = 'xuhui-tianlin';
const GREEN: Rgb = { r: 40, g: 180, b: 70 };
const RED: Rgb = { r: 210, g: 40, b: 40 };
const BLUE: Rgb = { r: 40, g: 70, b: 210 };
let rig: RoutingRig;

beforeAll(async () => {
  rig = await startRoutingRig({
    centres: [{ id: CENTRE, name: '徐汇区田林街道社区事务受理服务中心', region: '上海市徐汇区' }],
    kioskCentre: CENTRE,
    kioskCamera: GREEN,
    people: [
      {
        key: 'a',
        displayName: '王芳',
        skills: ['elderly-care', 'medical-insurance'],
        centreId: CENTRE,
        camera: RED,
      },
      {
        key: 'b',
        displayName: '李强',
        skills: ['elderly-care', 'disability'],
        centreId: CENTRE,
        camera: BLUE,
      },
    ],
  });
});

afterAll(async () => {
  await rig?.close();
});

/** Waits until the page's video `testId` shows `colour` (whose camera it is). */
async function expectPicture(page: Page, testId: string, colour: Rgb): Promise<void> {
  await expect
    .poll(
      async () => {
        const got = await videoColour(page, testId);
        return got !== null && colourNear(got, colour) ? 'match' : JSON.stringify(got);
      },
      { timeout: 20_000 },
    )
    .toBe('match');
}

/** Records in the page whether `testId` was ever on screen (a screen that may show only briefly). */
async function watchFor(page: Page, testId: string): Promise<() => Promise<boolean>> {
  await page.evaluate((id) => {
    const w = window as unknown as Record<string, boolean>;
    const key = `__rvwSaw_${id}`;
    w[key] = document.querySelector(`[data-testid="${id}"]`) !== null;
    new MutationObserver(() => {
      if (document.querySelector(`[data-testid="${id}"]`)) w[key] = true;
    }).observe(document.body, { childList: true, subtree: true });
  }, testId);
  return () =>
    page.evaluate((id) => (window as unknown as Record<string, boolean>)[`__rvwSaw_${id}`] === true, testId);
}

test('consulted transfer: B joins the hand-over, A completes, the video continues between the kiosk and B', async () => {
  onTestFailed(() => {
    console.log(`browser log:\n${rig.browserLog.join('\n')}`);
    console.log(`kiosk log:\n${rig.kioskLog.join('\n')}`);
  });
  const { kioskPage } = rig;
  const a = await signIn(rig, 'a');
  const b = await signIn(rig, 'b');

  // The resident asks for old-age care; A accepts. Each side sees the other's camera.
  const number = await cardToWaiting(rig, sampleCards.resident, 'elderly-care');
  await queueRow(a.page, number).getByTestId('accept-button').click();
  await a.page.getByTestId('call-view').waitFor();
  await kioskPage.getByTestId('screen-call').waitFor();
  await expectFramesRising(kioskPage);
  await expectFramesRising(a.page);
  await expectPicture(kioskPage, 'remote-video', RED);
  await expectPicture(a.page, 'remote-video', GREEN);
  const caseNumber = await openCase(a.page, 'ltci-assessment', { query: 'cqhl' });

  // A transfers to B, consulted.
  const sawTransferring = await watchFor(kioskPage, 'screen-transferring');
  await a.page.getByTestId('transfer-open').click();
  await a.page.locator(`[data-testid="transfer-option"][data-kind="agent"][data-id="${b.id}"]`).click();
  await a.page.getByTestId('transfer-mode-consulted').click();
  await a.page.getByTestId('transfer-start').click();

  // B is invited and accepts; the two agents see each other in the hand-over video.
  await b.page.getByTestId('transfer-invite').waitFor({ timeout: 15_000 });
  await b.page.getByTestId('transfer-invite-accept').click();
  await expect.poll(() => videoWidth(a.page, 'consult-video'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => videoWidth(b.page, 'consult-video'), { timeout: 20_000 }).toBeGreaterThan(0);
  await expectPicture(a.page, 'consult-video', BLUE);
  await expectPicture(b.page, 'consult-video', RED);

  // A completes: A's call is over and A is in wrap-up.
  await a.page.getByTestId('transfer-complete').click();
  await a.page.getByTestId('call-view').waitFor({ state: 'detached', timeout: 20_000 });
  await a.page.getByTestId('status-current').filter({ hasText: '整理中' }).waitFor();

  // The kiosk said "transferring" and is in the call again, now with B's picture.
  await kioskPage.getByTestId('screen-call').waitFor({ timeout: 30_000 });
  await expect.poll(sawTransferring, { timeout: 20_000 }).toBe(true);
  await expectPicture(kioskPage, 'remote-video', BLUE);
  await expectFramesRising(kioskPage);

  // B serves the resident: the kiosk's picture, frames rising, and A's case open on B's console.
  await b.page.getByTestId('call-view').waitFor();
  await expectPicture(b.page, 'remote-video', GREEN);
  await expectFramesRising(b.page);
  await b.page.getByTestId('case-view').waitFor();
  expect((await b.page.getByTestId('case-number').innerText()).trim()).toBe(caseNumber);
  const stored = await rig.server.server.db
    .selectFrom('cases')
    .select('agent_id')
    .where('number', '=', caseNumber)
    .executeTakeFirstOrThrow();
  expect(stored.agent_id).toBe(b.id);

  // A no longer receives any video.
  await expect.poll(() => framesDecoded(a.page), { timeout: 20_000 }).toBe(0);
  expect(await rig.kioskPage.getByTestId('screen-transferring').count()).toBe(0);
});
