/**
 * bench:idcard's on-screen part: a kiosk stack (the GA 467 simulator on a socat pty pair, paced to
 * 115200 baud, the kiosk host with its reader service and adaptive polling, the web host) and its
 * renderer in Chromium. Each read: a card placed at a random moment → the host's `idcard:card` →
 * the greeting on screen; then the card is lifted and the kiosk goes back to welcome. Then the
 * line load in three states: idle on welcome, a card on the reader, a ticket waiting.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';
import { createTestKiosk, type TestServer } from '@rvw/signaling-server/testing';
import { sampleCards } from '@rvw/sim';
import { newProbedContext } from '@rvw/sim/browser';
import { startKioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed } from '../support/flows';

/** One configuration of the reader's pace. */
export interface Pace {
  label: string;
  idleMs: number;
  servingMs: number;
}

/** Bytes and requests a second on the serial line in one state. */
export interface LineLoad {
  state: string;
  seconds: number;
  requestsPerSecond: number;
  bytesPerSecond: number;
  /** Share of the line's capacity at 115200 baud 8N1 (11,520 bytes/s, both directions counted). */
  share: number;
}

/** What one configuration measured, in ms. */
export interface ScreenFigures {
  pace: Pace;
  /** Card placed → the greeting in a painted frame (the first animation frame after it entered the DOM). */
  onScreen: number[];
  /** Card placed → the greeting in the DOM (MutationObserver). */
  inDom: number[];
  /** Card placed → the host's `idcard:card` event. */
  cardEvent: number[];
  /** The first find after the placement → the host's `idcard:card` event. */
  readPath: number[];
  /** Reads that did not reach the screen within 10 s. */
  failed: number;
  load: LineLoad[];
}

/** The kiosk page: when the greeting enters the DOM, and the animation frame that paints it. */
const probe = `(() => {
  window.__rvwGreet = [];
  let shown = false;
  const check = () => {
    const now = document.querySelector('[data-testid="greeting"]') !== null;
    if (now && !shown) {
      const dom = performance.timeOrigin + performance.now();
      requestAnimationFrame(() => window.__rvwGreet.push({ dom, frame: performance.timeOrigin + performance.now() }));
    }
    shown = now;
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

declare global {
  interface Window {
    __rvwGreet: { dom: number; frame: number }[];
  }
}

/** Node's clock on the same scale as the page's (epoch ms, sub-ms). */
const nodeNow = (): number => performance.timeOrigin + performance.now();

/** The page clock minus Node's, from the round trip with the least delay of 15. */
async function clockOffset(page: Page): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 15; i++) {
    const t0 = nodeNow();
    const pageAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = nodeNow();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: pageAt - (t0 + t1) / 2 };
  }
  return best.offset;
}

/** Runs `reads` placements and the three line-load windows on a fresh kiosk stack paced by `pace`. */
export async function measureOnScreen(
  server: TestServer,
  browser: Browser,
  pace: Pace,
  reads: number,
  loadSeconds: number,
): Promise<ScreenFigures> {
  const { token } = await createTestKiosk(server.server, { name: `bench ${pace.label}`, location: '上海' });
  const quiet = () => undefined;
  const stack = await startKioskStack({
    serverUrl: server.url,
    kioskToken: token,
    reader: true,
    idcardPollIdleMs: pace.idleMs,
    idcardPollServingMs: pace.servingMs,
    logger: { info: quiet, warn: quiet, error: console.error },
  });
  const context = await newProbedContext(browser, new URL(stack.url).origin);
  const figures: ScreenFigures = {
    pace,
    onScreen: [],
    inDom: [],
    cardEvent: [],
    readPath: [],
    failed: 0,
    load: [],
  };
  try {
    const sim = stack.sim!;
    const page = await context.newPage();
    await page.addInitScript(probe);
    await page.goto(stack.url);
    await page.getByTestId('place-card-prompt').waitFor({ timeout: 30_000 });
    const offset = await clockOffset(page);

    let placedAt = 0;
    let foundAt = 0;
    sim.onRequest = (key) => {
      if (key === '2001' && placedAt > 0 && foundAt === 0) foundAt = nodeNow();
    };
    let cardAt = 0;
    stack.host.events.on('idcard:card', () => {
      if (placedAt > 0 && cardAt === 0) cardAt = nodeNow();
    });
    const cards = Object.values(sampleCards);
    for (let i = 0; i < reads; i++) {
      await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
      // A person places the card at any moment: a random phase of any poll cycle.
      await delay(150 + Math.random() * 400);
      await page.evaluate(() => void (window.__rvwGreet = []));
      foundAt = 0;
      cardAt = 0;
      placedAt = nodeNow();
      sim.placeCard(cards[i % cards.length]!);
      try {
        await page.waitForFunction(() => window.__rvwGreet.length > 0, undefined, {
          timeout: 10_000,
          polling: 20,
        });
        const [seen] = await page.evaluate(() => window.__rvwGreet);
        figures.onScreen.push(seen!.frame - offset - placedAt);
        figures.inDom.push(seen!.dom - offset - placedAt);
        figures.cardEvent.push(cardAt - placedAt);
        figures.readPath.push(cardAt - foundAt);
      } catch {
        figures.failed += 1;
      }
      placedAt = 0;
      sim.placeCard(null);
    }
    sim.onRequest = null;

    const measureLoad = async (state: string): Promise<void> => {
      const requests = sim.requests.length;
      const bytes = sim.traffic.bytesIn + sim.traffic.bytesOut;
      const from = performance.now();
      await delay(loadSeconds * 1000);
      const seconds = (performance.now() - from) / 1000;
      const bytesPerSecond = (sim.traffic.bytesIn + sim.traffic.bytesOut - bytes) / seconds;
      figures.load.push({
        state,
        seconds,
        requestsPerSecond: (sim.requests.length - requests) / seconds,
        bytesPerSecond,
        share: bytesPerSecond / 11_520,
      });
    };
    // Idle on welcome, waiting for a card.
    await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
    await delay(300);
    await measureLoad('idle on welcome');
    // A card on the reader (the greeting): serving.
    sim.placeCard(sampleCards.resident);
    await page.getByTestId('greeting').waitFor({ timeout: 10_000 });
    await delay(500);
    await measureLoad('card on the reader (greeting)');
    // A ticket waiting, the card taken back: serving.
    sim.placeCard(null);
    await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
    await page.getByTestId('call-without-card').click();
    await chooseNeed(page);
    await page.getByTestId('screen-waiting').waitFor({ timeout: 15_000 });
    await delay(300);
    await measureLoad('ticket waiting, no card');
    return figures;
  } finally {
    await context.close();
    await stack.close();
  }
}
