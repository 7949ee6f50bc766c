/**
 * The kiosk's accessibility walk (issue 8, "Done when"): the real kiosk page in Chromium, the kiosk
 * host with the simulated GA 467 reader, the real server. Every resident screen is shown: welcome
 * with the reader online, with a card left behind, with the reader unplugged and with the server
 * gone; greeting, consent, taking a number and its slow state, waiting at 1 ahead (with what the
 * resident gets without applying) and next (with the mirror: their own picture), the call with an agent, the hang-up question; the case
 * (issue 9): the form beside the call, a flagged row, the confirm walk's first and last page, the
 * signature, signed; then 办不成's notice, the rating and its reasons, thanks; and both problem
 * screens (these and the slow state by holding or refusing the request at the host, as it does
 * when the server is slow or says no).
 * Each is checked at 1920x1080, 1080x1920 and 1280x1024, in Chinese and in English: axe-core in the
 * page (every WCAG level, AAA contrast included) finds nothing serious or critical; no visible text
 * is below 30 px and every control is at least 80x80 px (the issue's elderly-first figures) and
 * lies inside the window; the screen was spoken in its language, each spoken sentence shown on it.
 * The idle privacy notice needs 90 s of real time and is not walked.
 * AXE_ALL=1 counts axe's moderate and minor findings as failures too, to list them.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BridgeError, ErrorCode, type CaseState } from '@rvw/shared';
import {
  adminApi,
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { sampleCards } from '@rvw/sim';
import { launchChromium } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { axeFindings } from '../support/axe';
import { kioskSizeFindings } from '../support/kiosk-sizes';
import { chooseNeed } from '../support/flows';
import { answerNext, type NextAnswer } from '../support/host-answers';
import { speechSpy } from '../support/speech-spy';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
] as const;
const MIN_TEXT_PX = 30;
const MIN_TARGET_PX = 80;

let server: TestServer;
let serverClosed = false;
let kiosk: KioskStack;
let browser: Browser;
let page: Page;
let agent: TestClient;
let ahead: TestClient;

// The host's next answer to a ticket request or a readiness check (see host-answers.ts).
let ticketAnswer: NextAnswer<'ticket:request'>;
let readinessAnswer: NextAnswer<'readiness:check'>;

beforeAll(async () => {
  server = await startTestServer();
  const { token } = await createTestKiosk(server.server, { name: '静安寺街道 第一居委会' });
  kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: true });
  ticketAnswer = answerNext(kiosk.host.handlers, 'ticket:request');
  readinessAnswer = answerNext(kiosk.host.handlers, 'readiness:check');
  agent = await connectAgent(
    server.url,
    (await createTestAgent(server.server, { displayName: '李敏' })).token,
  );
  // Another kiosk's resident is in line first, so the waiting screen shows "1 ahead" before "next".
  ahead = await connectKiosk(server.url, (await createTestKiosk(server.server, { name: '前面' })).token);
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['camera', 'microphone'], { origin: new URL(kiosk.url).origin });
  await context.addInitScript(speechSpy);
  page = await context.newPage();
});

afterAll(async () => {
  agent?.close();
  ahead?.close();
  await browser?.close();
  await kiosk?.close();
  if (!serverClosed) await server?.close();
});

/**
 * axe-core in the page (every WCAG 2.x level A to AAA, AAA contrast, best practice): serious and
 * critical findings, or all with AXE_ALL=1. The live video is left out, and only it: the issue
 * exempts text over live video from the contrast figure, and a two-way call has no caption track
 * for axe's video-caption rule to find.
 */
async function axeOnScreen(): Promise<string[]> {
  const includeAll = process.env.AXE_ALL === '1';
  return (await axeFindings(page, ['video']))
    .filter((f) => includeAll || f.impact === 'serious' || f.impact === 'critical')
    .map((f) => `axe ${f.id} (${f.impact}) ${f.nodes.join(' ')}`);
}

const sizeFindings = () => kioskSizeFindings(page, { minText: MIN_TEXT_PX, minTarget: MIN_TARGET_PX });

const pageLang = () => page.evaluate(() => document.documentElement.lang);

/** Null when the last speech is in the screen's language and every sentence of it is on screen. */
async function speechFinding(lang: string): Promise<string | null> {
  return page.evaluate(
    (want) => {
      const spoken = (window as unknown as { __rvwSpoken?: Array<{ text: string; lang: string }> })
        .__rvwSpoken;
      const last = spoken?.at(-1);
      if (!last) return 'nothing was spoken';
      if (last.lang !== want) return `spoken in ${last.lang}: "${last.text}"`;
      const shown = document.body.innerText.replace(/\s+/g, ' ');
      const missing = last.text
        .split(/[。.]\s*/u)
        .map((s) => s.trim())
        .filter((s) => s && !shown.includes(s));
      return missing.length ? `spoken but not shown: ${missing.map((s) => `"${s}"`).join(', ')}` : null;
    },
    lang === 'en' ? 'en-US' : 'zh-CN',
  );
}

/**
 * Checks the screen on show (test id `screenId`) in both languages, at the three sizes; records
 * what fails, labelled. Waits (bounded) for the screen's buttons to take taps first, so that axe
 * checks their colours (it skips disabled controls).
 */
async function check(name: string, screenId: string, failures: string[]): Promise<void> {
  const first = await pageLang();
  for (const lang of [first, first === 'en' ? 'zh-CN' : 'en']) {
    if ((await pageLang()) !== lang) {
      // The language switch must be in reach on every screen, dialogs included.
      const switched = await page
        .getByTestId('lang-switch')
        .click({ timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
      if (!switched) {
        failures.push(`${name}: the language switch cannot be tapped`);
        continue;
      }
      await expect.poll(pageLang, { timeout: 5_000 }).toBe(lang);
    }
    await expect.poll(() => page.locator('[data-main-action]:disabled').count(), { timeout: 6_000 }).toBe(0);
    const spoken = await expect
      .poll(() => speechFinding(lang), { timeout: 5_000 })
      .toBeNull()
      .then(() => null)
      .catch(() => speechFinding(lang));
    if (spoken) failures.push(`${name} ${lang}: speech: ${spoken}`);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      // The layout follows the window through React: measure once it has been laid out anew.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const label = `${name} ${lang} ${size.width}x${size.height}`;
      for (const f of [...(await axeOnScreen()), ...(await sizeFindings())]) failures.push(`${label}: ${f}`);
    }
    // The screen must still be the one checked (a timer could have moved it on).
    expect(await page.getByTestId(screenId).isVisible(), `${name} still shown`).toBe(true);
  }
  await page.setViewportSize(SIZES[0]);
}

async function ready(testId: string): Promise<void> {
  await expect.poll(() => page.getByTestId(testId).isEnabled(), { timeout: 6_000 }).toBe(true);
}

/** The latest case:state of `caseId` the agent holds, once `match` holds for it. */
function agentState(caseId: string, match: (s: CaseState) => boolean): Promise<CaseState> {
  return agent.waitFor('case:state', (s) => s.caseId === caseId && match(s), { timeoutMs: 10_000 });
}

/**
 * Issue 9's screens during the call: the agent opens the long-term care application (prefilled
 * from the card), the form shows beside the video; the resident flags a row; the agent fills the
 * rest and asks to confirm: every page of the walk, the signature drawn with the mouse; then the
 * agent records 办不成 (the walk's caller ends the call and checks the outcome and the rating).
 */
async function walkCase(sessionId: string, failures: string[]): Promise<void> {
  const { caseId } = okData(await agent.request('case:open', { sessionId, itemCode: 'ltci-assessment' }));
  await page.getByTestId('kiosk-field-insuredName').waitFor({ timeout: 10_000 });
  await check('call (the form beside it)', 'screen-call', failures);
  await page.getByTestId('kiosk-flag-insuredName').click();
  await page.getByTestId('kiosk-flagged-insuredName').waitFor({ timeout: 5_000 });
  await agentState(caseId, (s) => s.form.flags.some((f) => f.field === 'insuredName'));
  await check('call (a row flagged)', 'screen-call', failures);

  let revision = 0;
  for (const [field, value] of [
    ['applicantRelation', 'self'],
    ['insuranceType', 'employee'],
    ['contactName', '李明'],
    ['contactPhone', '13812345678'],
    ['currentSetting', 'home'],
  ] as const)
    revision = okData(
      await agent.request('form:revise', { caseId, field, value, baseRevision: revision }),
    ).revision;
  okData(await agent.request('form:request-confirm', { caseId, revision }));
  await page.getByTestId('review-screen').waitFor({ timeout: 10_000 });
  await check('confirm (first page)', 'review-screen', failures);
  while (await page.getByTestId('review-next').isVisible()) {
    await ready('review-next');
    await page.getByTestId('review-next').click();
    await page.waitForTimeout(100);
  }
  await page.getByTestId('review-confirm').waitFor({ timeout: 5_000 });
  await check('confirm (last page)', 'review-screen', failures);
  await ready('review-confirm');
  await page.getByTestId('review-confirm').click();
  await page.getByTestId('sign-screen').waitFor({ timeout: 10_000 });
  await check('sign', 'sign-screen', failures);
  // A signature with pointer events on the canvas, as a finger would write it, once the canvas has
  // stopped moving after the size checks (a box read in the frame of the resize can be stale).
  let box = (await page.getByTestId('signature-canvas').boundingBox())!;
  for (let i = 0; i < 20; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const again = (await page.getByTestId('signature-canvas').boundingBox())!;
    if (JSON.stringify(again) === JSON.stringify(box)) break;
    box = again;
  }
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++)
    await page.mouse.move(
      box.x + box.width * (0.2 + i * 0.03),
      box.y + box.height * (0.5 + 0.2 * Math.sin(i)),
      {
        steps: 2,
      },
    );
  await page.mouse.up();
  await ready('sign-submit');
  await page.getByTestId('sign-submit').click();
  await page.getByTestId('form-notice').waitFor({ timeout: 10_000 });
  await agentState(caseId, (s) => s.form.signature?.revision === revision);
  await check('call (signed)', 'screen-call', failures);
  okData(
    await agent.request('case:outcome', {
      caseId,
      record: {
        outcome: 'not-done',
        reason: '被评估人未参加本市基本医疗保险，暂不能申请评估。',
        nextStep: '请先到社区事务受理服务中心办理城乡居民医保参保，下月起可以再申请。',
      },
    }),
  );
  await agentState(caseId, (s) => s.outcome?.outcome === 'not-done');
}

test('every kiosk screen, three sizes, two languages: 0 serious axe findings (AAA), type >= 30 px, targets >= 80 px, spoken', async () => {
  const started = Date.now();
  const failures: string[] = [];
  await page.setViewportSize(SIZES[0]);
  kiosk.sim!.placeCard(null);
  await page.goto(kiosk.url);
  await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
  await check('welcome', 'screen-welcome', failures);

  // The problem screens: the host answers the request as it does when this kiosk already holds a
  // ticket, and when the server gives no answer.
  ticketAnswer.next(() => Promise.reject(BridgeError.fromServer(ErrorCode.AlreadyQueued, 'already queued')));
  await ready('call-without-card');
  await page.getByTestId('call-without-card').click();
  // Issue 11: what the resident needs (the picture tiles), then the optional disability question.
  await page.getByTestId('screen-need').waitFor({ timeout: 5_000 });
  await check('need (the tiles)', 'screen-need', failures);
  await ready('need-tile-unsure');
  await page.getByTestId('need-tile-unsure').click();
  await page.getByTestId('screen-disability').waitFor({ timeout: 5_000 });
  await check('disability (yes or no)', 'screen-disability', failures);
  await ready('disability-no');
  await page.getByTestId('disability-no').click();
  await page.getByTestId('screen-problem').waitFor({ timeout: 5_000 });
  await check('problem (already queued)', 'screen-problem', failures);
  await ready('problem-back');
  await page.getByTestId('problem-back').click();
  ticketAnswer.next(() => Promise.reject(BridgeError.serverUnreachable('no answer')));
  await ready('call-without-card');
  await page.getByTestId('call-without-card').click();
  await chooseNeed(page);
  await page.getByTestId('screen-problem').waitFor({ timeout: 5_000 });
  await check('problem (server)', 'screen-problem', failures);
  await ready('problem-back');
  await page.getByTestId('problem-back').click();
  // Issue 12: a kiosk that cannot hold a video call says so calmly instead of taking a ticket.
  readinessAnswer.next(async () => ({
    canCall: false,
    checks: [{ part: 'camera', result: 'problem', code: 'NotFoundError' }],
    at: new Date().toISOString(),
  }));
  await ready('call-without-card');
  await page.getByTestId('call-without-card').click();
  await chooseNeed(page);
  await page.getByTestId('screen-no-video').waitFor({ timeout: 5_000 });
  await check('no video (cannot call)', 'screen-no-video', failures);
  await ready('no-video-back');
  await page.getByTestId('no-video-back').click();
  await page.getByTestId('place-card-prompt').waitFor({ timeout: 5_000 });

  kiosk.sim!.placeCard(sampleCards.resident);
  await page.getByTestId('greeting').waitFor({ timeout: 10_000 });
  await check('greeting', 'screen-greeting', failures);
  await page.getByTestId('confirm-identity').click();
  await page.getByTestId('screen-consent').waitFor({ timeout: 5_000 });
  await check('consent', 'screen-consent', failures);

  // Someone else's ticket is first in line; ours is held at the host until the slow state shows.
  const first = okData(await ahead.request('ticket:request', {}));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  ticketAnswer.next(async (req) => {
    await held;
    return ticketAnswer.real(req);
  });
  await page.getByTestId('consent-yes').click();
  await chooseNeed(page);
  await page.getByTestId('screen-requesting').waitFor({ timeout: 5_000 });
  await page.getByTestId('requesting-slow').waitFor({ timeout: 8_000 });
  await check('requesting (slow)', 'screen-requesting', failures);
  release();
  await page.getByTestId('screen-waiting').waitFor({ timeout: 10_000 });
  await expect.poll(() => page.getByTestId('queue-position').innerText()).toMatch(/1/);
  // The card's resident is 78: the senior allowance comes without applying (免申即享), told here.
  await page.getByTestId('entitlements').waitFor({ timeout: 10_000 });
  await check('waiting (1 ahead, with entitlements)', 'screen-waiting', failures);
  okData(await ahead.request('ticket:cancel', { ticketId: first.ticket.id }));
  await expect
    .poll(() => page.getByTestId('queue-position').innerText(), { timeout: 5_000 })
    .toMatch(/下一位就是您|You are next/);
  // Next in line: the mirror (issue 13), the resident's own picture with its spoken line.
  await page.getByTestId('mirror-video').waitFor({ timeout: 10_000 });
  await expect
    .poll(() => page.getByTestId('mirror-video').evaluate((v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await check('waiting (next, the mirror)', 'screen-waiting', failures);

  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  const ticketId = (await (await adminApi(server.server)).listTickets()).tickets.find(
    (t) => t.number === number && t.status === 'waiting',
  )!.id;
  const { session } = okData(await agent.request('ticket:accept', { ticketId }));
  await page.getByTestId('screen-call').waitFor({ timeout: 10_000 });
  await check('call (entitlements beside it)', 'screen-call', failures);
  await page.getByTestId('hang-up').click();
  await page.getByTestId('hang-up-confirm').waitFor({ timeout: 5_000 });
  await check('hang-up question', 'hang-up-confirm', failures);
  await page.getByTestId('hang-up-keep').click();
  await walkCase(session.id, failures);
  // 办不成 was recorded: its reason and next step come before the rating.
  await page.getByTestId('hang-up').click();
  await page.getByTestId('hang-up-confirm').waitFor({ timeout: 5_000 });
  await page.getByTestId('hang-up-end').click();
  await page.getByTestId('outcome-notice').waitFor({ timeout: 10_000 });
  await check('outcome (办不成)', 'outcome-notice', failures);
  await ready('outcome-ok');
  await page.getByTestId('outcome-ok').click();
  await page.getByTestId('screen-rating').waitFor({ timeout: 5_000 });
  await check('rating', 'screen-rating', failures);
  await ready('rating-dissatisfied');
  await page.getByTestId('rating-dissatisfied').click();
  await page.getByTestId('rating-reason-not-solved').waitFor({ timeout: 5_000 });
  await ready('rating-reason-not-solved');
  await page.getByTestId('rating-reason-not-solved').click();
  await check('rating (a low one asks why)', 'screen-rating', failures);
  await page.getByTestId('rating-submit').click();
  // The card is still on the reader: thanks asks for it.
  await page.getByTestId('screen-thanks').waitFor({ timeout: 10_000 });
  await check('thanks', 'screen-thanks', failures);
  await page.getByTestId('thanks-done').click();
  await page.getByTestId('take-card').waitFor({ timeout: 5_000 });
  await check('welcome (card left)', 'screen-welcome', failures);
  kiosk.sim!.placeCard(null);
  await page.getByTestId('take-card').waitFor({ state: 'hidden', timeout: 5_000 });

  await kiosk.pair!.stop();
  await page.getByTestId('reader-offline').waitFor({ timeout: 15_000 });
  await check('welcome (reader offline)', 'screen-welcome', failures);

  await server.close();
  serverClosed = true;
  await page.getByTestId('service-down').waitFor({ timeout: 15_000 });
  await check('welcome (server unavailable)', 'screen-welcome', failures);

  // Issue 12: the credential was revoked ("此设备需要重新登记"), then the technician's first-run screen.
  kiosk.host.events.emit('enrolment:state', { enrolled: false, serverUrl: null, kiosk: null });
  await page.getByTestId('screen-re-enrol').waitFor({ timeout: 5_000 });
  await check('needs enrolling again', 'screen-re-enrol', failures);
  await ready('re-enrol-technician');
  await page.getByTestId('re-enrol-technician').click();
  await page.getByTestId('screen-enrol').waitFor({ timeout: 5_000 });
  // 登记 waits for a code (and, with no server configured, its address): the technician types them.
  await page.getByTestId('enrol-code').fill('k7qx 93rm td');
  await page.getByTestId('enrol-server').fill('https://rvw.example.gov.cn');
  await check('enrol (first run, a code typed)', 'screen-enrol', failures);

  console.info(`kiosk a11y walk: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(failures).toEqual([]);
});
