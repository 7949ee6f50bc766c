/**
 * `npm run bench:journey` (issue 13 #6): the whole matter at the window, timed, with no pauses for
 * talking. A scripted resident and agent in Chromium, on real parts: the kiosk stack with the GA 467
 * simulator on a socat pty pair (reader on), the real server serving the console build, a private
 * CUPS as the kiosk's printer (tests/support/paper.ts). For each of N journeys (default 5,
 * RVW_BENCH_JOURNEYS, 1..50): card placed → greeting → 是我本人 → consent → need → number → the
 * agent accepts → first decoded frame on both sides → the agent finds 长期护理 (cqhl), the case
 * opens prefilled on the kiosk, the agent fills five fields (each seen on the kiosk) → the resident
 * walks the review and confirms → signs on the canvas → 办结 → the receipt prints (CUPS job
 * completed) → the agent ends the call → 满意 → the resident takes the card → welcome, the kiosk
 * host holding no card. Each step is timed and marked product, settle or person (journey-clock.ts);
 * p50/p95 per step and of the total, and the product share, are printed. Asserts nothing but that
 * each journey got through (the case closed 办结, rated, the receipt printed).
 * Needs root (cupsd) and Debian's chromium, socat, cups, cups-filters, poppler-utils, fonts-noto-cjk.
 */
import { cpus, loadavg } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { sampleCards } from '@rvw/sim';
import { firstFrameAt } from '@rvw/sim/browser';
import { ensureBuilds, ensureDebian } from '../../scripts/setup.mjs';
import { expectOnKiosk, typeField, type CaseRig } from '../support/case-flows';
import { loginAgent } from '../support/flows';
import { kioskPrintStatus, printingMissing, startPrintRig, waitPrintState } from '../support/paper';
import { percentile } from './stats';
import {
  JourneyClock,
  longTaskProbe,
  report,
  takeClicks,
  takeLongTasks,
  whenClickable,
  whenTappable,
  type JourneyTimes,
} from './journey-clock';

if (!ensureDebian(['chromium', 'socat', 'cups', 'cups-filters', 'poppler-utils', 'fonts-noto-cjk']))
  process.exit(1);
const missing = printingMissing();
if (missing) {
  console.error(missing);
  process.exit(1);
}
ensureBuilds({ only: ['console', 'kiosk'] });

const journeys = Number(process.env.RVW_BENCH_JOURNEYS ?? 5);
if (!Number.isInteger(journeys) || journeys < 1 || journeys > 50)
  throw new Error('RVW_BENCH_JOURNEYS must be 1..50');

/** Kiosk page: each change of the screen on show ([data-testid^="screen-"]), [test id, epoch ms]. */
const screenProbe = `(() => {
  window.__rvwScreens = [];
  let last = null;
  const look = () => {
    const el = document.querySelector('[data-testid^="screen-"]');
    const id = el ? el.getAttribute('data-testid') : null;
    if (id !== last) window.__rvwScreens.push([id, performance.timeOrigin + performance.now()]);
    last = id;
  };
  addEventListener('DOMContentLoaded', () => new MutationObserver(look).observe(document.body, { subtree: true, childList: true }));
})();`;

/** How long the kiosk showed `screen` (its first showing since the probe was cleared); null if never. */
async function screenTime(page: Page, screen: string): Promise<number | null> {
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __rvwScreens: Array<[string | null, number]> };
    const out = w.__rvwScreens;
    w.__rvwScreens = [];
    return out;
  });
  const i = seen.findIndex(([id]) => id === screen);
  return i >= 0 && i + 1 < seen.length ? seen[i + 1]![1] - seen[i]![1] : null;
}

const card = sampleCards.resident;
const ITEM = 'ltci-assessment';
const clock = new JourneyClock();
const step = clock.step.bind(clock);

/** The resident's tap on a kiosk button: the screen's settling (settle), then the tap (person). */
async function tap(rig: CaseRig, testId: string, what: string, settleName = `${what}: on screen, settled`) {
  await step(settleName, 'settle', () => whenTappable(rig.kioskPage, testId));
  await step(`${what}: tap`, 'person', () => rig.kioskPage.getByTestId(testId).click());
}

/** Card → greeting → consent → need → number; the agent accepts; first frame on both sides. */
async function cardToVideo(rig: CaseRig): Promise<{ kioskMs: number; agentMs: number }> {
  const { kioskPage, consolePage, kiosk } = rig;
  await step('card placed -> greeting', 'product', async () => {
    kiosk.sim!.placeCard(card);
    await kioskPage.getByTestId('greeting').waitFor();
  });
  await tap(rig, 'confirm-identity', 'greeting 是我本人');
  await tap(rig, 'consent-yes', 'consent 同意', 'consent: on screen, read 1.5 s + spoken');
  await tap(rig, 'need-tile-unsure', 'need 我不知道');
  await tap(rig, 'disability-no', 'disability 否');
  const number = await step('ticket -> number on screen', 'product', async () => {
    await kioskPage.getByTestId('screen-waiting').waitFor();
    return (await kioskPage.getByTestId('ticket-number').innerText()).trim();
  });
  // Of which the readiness check (camera and microphone opened, the host's verdict: issue 12 #4).
  const preparing = await screenTime(kioskPage, 'screen-preparing');
  if (preparing !== null) readinessMs.push(preparing);
  const row = consolePage.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`);
  await step("number -> row with identity on the agent's queue", 'product', () =>
    row.getByTestId('identity-name').filter({ hasText: card.name }).waitFor({ timeout: 15_000 }),
  );
  await step('accept button takes clicks', 'product', () =>
    whenClickable(
      consolePage,
      `[data-testid="queue-row"][data-ticket-number="${number}"] [data-testid="accept-button"]`,
    ),
  );
  const t0 = Date.now();
  await step('agent clicks 接听', 'person', () => row.getByTestId('accept-button').click());
  return step('accept -> first frame, both sides', 'product', async () => {
    const [kioskAt, agentAt] = await Promise.all([
      kioskPage
        .getByTestId('screen-call')
        .waitFor()
        .then(() => firstFrameAt(kioskPage)),
      firstFrameAt(consolePage),
    ]);
    return { kioskMs: kioskAt - t0, agentMs: agentAt - t0 };
  });
}

/** The agent finds the item and opens its case; the kiosk shows it prefilled; five fields filled. */
async function caseAndForm(rig: CaseRig): Promise<string> {
  const { kioskPage, consolePage } = rig;
  await step('agent types cqhl in the catalogue', 'person', () =>
    consolePage.getByTestId('item-search').fill('cqhl'),
  );
  const result = consolePage.getByTestId(`catalogue-result-${ITEM}`);
  await step('catalogue result shown', 'product', () => result.waitFor());
  await step('agent picks the item', 'person', () => result.click());
  await step('开始办理 takes clicks', 'product', () => whenTappable(consolePage, 'open-case'));
  await step('agent clicks 开始办理', 'person', () => consolePage.getByTestId('open-case').click());
  const caseNumber = await step('case opens on the console', 'product', async () => {
    await consolePage.getByTestId('case-view').waitFor();
    await consolePage.locator(`[data-testid=item-guide][data-item-code="${ITEM}"]`).waitFor();
    return (await consolePage.getByTestId('case-number').innerText()).trim();
  });
  await step('case on the kiosk, prefilled from the card', 'product', () =>
    expectOnKiosk(kioskPage, 'insuredName', card.name),
  );
  // The fields the card does not fill (as fillLtciForm, split into the agent's input and the echo).
  const picks = [
    ['applicantRelation', 'self', '本人'],
    ['insuranceType', 'employee', '职工基本医疗保险'],
    ['currentSetting', 'home', '家中'],
  ] as const;
  for (const [field, value, shown] of picks) {
    await step('agent fills a field (x5)', 'person', () =>
      consolePage.getByTestId(`field-${field}`).selectOption(value),
    );
    await step('field shown on the kiosk (x5)', 'product', () => expectOnKiosk(kioskPage, field, shown));
  }
  for (const [field, value, shown] of [
    ['contactName', '王小明', '王小明'],
    ['contactPhone', '13912345678', '139 1234 5678'],
  ] as const) {
    await step('agent fills a field (x5)', 'person', () => typeField(consolePage, field, value));
    await step('field shown on the kiosk (x5)', 'product', () => expectOnKiosk(kioskPage, field, shown));
  }
  return caseNumber;
}

/** 请确认 → the review walked page by page (as walkReviewAndConfirm, tap by tap) → the signature. */
async function confirmAndSign(rig: CaseRig): Promise<void> {
  const { kioskPage, consolePage } = rig;
  await step('agent clicks 请居民确认', 'person', () => consolePage.getByTestId('request-confirm').click());
  await step('review on the kiosk', 'product', () => kioskPage.getByTestId('review-screen').waitFor());
  for (let page = 0; ; page++) {
    if (page > 20) throw new Error('the review never reached its last page');
    const last = await step('review page: on screen, settled', 'settle', async () => {
      await kioskPage
        .getByTestId('review-confirm')
        .or(kioskPage.getByTestId('review-next'))
        .first()
        .waitFor();
      const isLast = await kioskPage.getByTestId('review-confirm').isVisible();
      await whenTappable(kioskPage, isLast ? 'review-confirm' : 'review-next');
      return isLast;
    });
    if (last) break;
    const before = await kioskPage.getByTestId('kiosk-form').getAttribute('data-page');
    await step('review 下一页: tap', 'person', () => kioskPage.getByTestId('review-next').click());
    await step('review next page drawn', 'product', () =>
      kioskPage.waitForFunction(
        (was) => document.querySelector('[data-testid="kiosk-form"]')?.getAttribute('data-page') !== was,
        before,
      ),
    );
  }
  await step('review 内容正确，确认: tap', 'person', () => kioskPage.getByTestId('review-confirm').click());
  await step('confirm -> signature screen', 'product', () => kioskPage.getByTestId('sign-screen').waitFor());
  const canvas = kioskPage.getByTestId('signature-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature canvas has no box');
  await step('resident signs (2 strokes)', 'person', async () => {
    for (const stroke of [
      [0.1, 0.6, 0.25, 0.3, 0.35, 0.65],
      [0.45, 0.5, 0.75, 0.45],
    ]) {
      await kioskPage.mouse.move(box.x + box.width * stroke[0]!, box.y + box.height * stroke[1]!);
      await kioskPage.mouse.down();
      for (let i = 2; i < stroke.length; i += 2)
        await kioskPage.mouse.move(box.x + box.width * stroke[i]!, box.y + box.height * stroke[i + 1]!, {
          steps: 8,
        });
      await kioskPage.mouse.up();
    }
  });
  await tap(rig, 'sign-submit', 'sign 确认签名', 'sign screen: settle left after signing');
  await step('signature -> back in the call, form signed', 'product', async () => {
    await kioskPage.getByTestId('screen-call').waitFor();
    await consolePage.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
  });
}

/** 办结; the documents; the receipt printed through CUPS; the call ended; 满意; the card taken; welcome. */
async function outcomePrintRate(rig: CaseRig): Promise<void> {
  const { kioskPage, consolePage, kiosk } = rig;
  await step('agent picks 办结', 'person', async () => {
    const pane = consolePage.getByTestId('pane-outcome');
    if (await pane.isVisible()) await pane.click();
    await consolePage.getByTestId('outcome-completed').click();
  });
  await step('记录结果 takes clicks', 'product', () => whenTappable(consolePage, 'record-outcome'));
  await step('agent clicks 记录结果', 'person', () => consolePage.getByTestId('record-outcome').click());
  await step('outcome -> case closed', 'product', () =>
    consolePage.locator('[data-testid=case-status][data-status=closed]').waitFor(),
  );
  await step('closed -> receipt listed (documents rendered)', 'product', () =>
    consolePage.getByTestId('document-row-receipt').waitFor({ timeout: 45_000 }),
  );
  await step('agent clicks 打印 (receipt)', 'person', () =>
    consolePage.getByTestId('document-print-receipt').click(),
  );
  await step('print offer on the kiosk', 'product', () => kioskPage.getByTestId('print-offer').waitFor());
  await tap(rig, 'print-accept', 'print offer 打印');
  await step('print tap -> CUPS job completed, both sides', 'product', async () => {
    const state = await waitPrintState(consolePage, 'receipt', ['done', 'failed'], 60_000);
    if (state !== 'done') throw new Error(`the receipt did not print: ${state}`);
    await kioskPrintStatus(kioskPage, 'done');
  });
  await tap(rig, 'print-dismiss', 'print done 好的');
  await step('agent ends the call', 'person', () => consolePage.getByTestId('end-call').click());
  await step('end -> rating screen', 'product', () =>
    kioskPage.getByTestId('screen-rating').waitFor({ timeout: 30_000 }),
  );
  await tap(rig, 'rating-satisfied', 'rating 满意');
  await step('rating -> thanks', 'product', () => kioskPage.getByTestId('screen-thanks').waitFor());
  await step('resident takes the card', 'person', async () => kiosk.sim!.placeCard(null));
  await tap(rig, 'thanks-done', 'thanks 完成');
  await step('-> welcome, card forgotten', 'product', async () => {
    await kioskPage.getByTestId('place-card-prompt').waitFor({ timeout: 30_000 });
    for (let i = 0; (await kiosk.host.handlers['idcard:current']({})).card !== null; i++) {
      if (i > 3000) throw new Error('the kiosk host still holds the card on welcome');
      await delay(5);
    }
  });
}

const loadAtStart = loadavg()[0]!;
const paper = await startPrintRig({ serverLogLevel: 'warn' });
const { rig } = paper;
const chromiumVersion = rig.browser.version();
const runs: JourneyTimes[] = [];
let warmUp: JourneyTimes | null = null;
/** The readiness check's share of 'ticket -> number on screen' (the preparing screen's time). */
const readinessMs: number[] = [];
const video: Array<{ kioskMs: number; agentMs: number }> = [];
try {
  for (const page of [rig.kioskPage, rig.consolePage]) await page.addInitScript(longTaskProbe);
  await rig.kioskPage.addInitScript(screenProbe);
  await rig.kioskPage.goto(rig.kiosk.url);
  await rig.kioskPage.getByTestId('place-card-prompt').waitFor();
  // An agent on duty is signed in before the resident comes.
  await loginAgent(rig.consolePage, rig.server.url, rig.agent.username, rig.agent.password);
  // Journey 0 warms up (not counted): the test server starts its document renderer on the first
  // close, which the production server (main.ts) starts at boot; Chromium and the pages warm too.
  for (let i = 0; i <= journeys; i++) {
    // The kiosk has stood on welcome a while, as between two residents.
    await delay(1500);
    clock.start();
    const firstFrames = await cardToVideo(rig);
    if (i > 0) video.push(firstFrames);
    const caseNumber = await caseAndForm(rig);
    await confirmAndSign(rig);
    await outcomePrintRate(rig);
    const times = clock.stop(
      {
        kiosk: await takeLongTasks(rig.kioskPage),
        console: await takeLongTasks(rig.consolePage),
      },
      [...(await takeClicks(rig.kioskPage)), ...(await takeClicks(rig.consolePage))],
    );
    if (i === 0) {
      warmUp = times;
      readinessMs.length = 0;
    } else runs.push(times);
    // Each journey got through: the case closed 办结, with the rating.
    const { cases } = await rig.agentApi.listCases({ query: { number: caseNumber } });
    const detail = await rig.agentApi.getCase({ params: { caseId: cases[0]!.caseId } });
    if (detail.case.outcome?.outcome !== 'completed' || detail.rating?.level !== 'satisfied')
      throw new Error(`journey ${i}: case ${caseNumber} not completed and rated`);
    await paper.queue.waitForOutput(i + 1, 30_000);
    const label = i === 0 ? 'warm-up journey' : `journey ${i}/${journeys}`;
    process.stdout.write(
      `${label}: ${(times.total / 1000).toFixed(1)} s (${caseNumber}), load average ${loadavg()[0]!.toFixed(1)}\n`,
    );
    // The console back on its queue before the next resident.
    await rig.consolePage
      .getByTestId('queue-table')
      .or(rig.consolePage.getByTestId('queue-empty'))
      .first()
      .waitFor();
  }
} catch (err) {
  console.error(`browser log (last 40):\n${rig.browserLog.slice(-40).join('\n')}`);
  console.error(`kiosk log (last 40):\n${rig.kioskLog.slice(-40).join('\n')}`);
  throw err;
} finally {
  await paper.close();
}

console.log(
  `\nThe whole matter, timed (Chromium ${chromiumVersion}, loopback, reader on a socat pty, private cupsd; ${cpus().length} cores, load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end; ${runs.length} journeys, no pauses for talking)`,
);
for (const line of report(clock, runs)) console.log(line);
if (warmUp) {
  const docs = warmUp.steps.get('closed -> receipt listed (documents rendered)') ?? 0;
  console.log(
    `warm-up journey (not counted): ${(warmUp.total / 1000).toFixed(1)} s, of which documents ${docs.toFixed(0)} ms (the render worker's cold start)`,
  );
}
if (readinessMs.length)
  console.log(
    `of 'ticket -> number on screen', the readiness check (the preparing screen): p50 ${percentile(readinessMs, 50).toFixed(0)} ms, p95 ${percentile(readinessMs, 95).toFixed(0)} ms`,
  );
const f = (xs: number[]) => `${xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]} ms`;
console.log(
  `accept -> first frame, median: kiosk ${f(video.map((v) => v.kioskMs))}, agent ${f(video.map((v) => v.agentMs))}`,
);
