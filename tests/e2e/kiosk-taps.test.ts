/**
 * Taps that land on the wrong screen (issue 8 #1, #2): on the real kiosk page in Chromium, with the
 * GA 467 simulator and the real server. A fast double tap on "this is me" must stop on the consent
 * question and send nothing; a double tap on "OK" at the end must not take a number; and the main
 * buttons of consecutive screens must never share a spot, at the three kiosk sizes (the rating
 * after the call included).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  adminApi,
  connectAgent,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { NEED_TILES } from '@rvw/shared';
import { sampleCards } from '@rvw/sim';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed } from '../support/flows';

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
] as const;

let server: TestServer;
let kiosk: KioskStack;
let browser: Browser;
let page: Page;
let agent: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  const { token } = await createTestKiosk(server.server);
  // Demo mode, as the report walked it.
  kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: true, demo: true });
  agent = await connectAgent(server.url, (await createTestAgent(server.server)).token);
  browser = await launchChromium();
  page = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
  await page.setViewportSize(sizes[0]);
});

afterAll(async () => {
  agent?.close();
  await browser?.close();
  await kiosk?.close();
  await server?.close();
});

async function ticketCount(): Promise<number> {
  return (await (await adminApi(server.server)).listTickets()).tickets.length;
}

/** Welcome with the reader ready and the server reachable, no card on the reader. */
async function freshWelcome(): Promise<void> {
  kiosk.sim!.placeCard(null);
  await page.goto(kiosk.url);
  await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
  await page.getByTestId('call-without-card').waitFor();
}

/** The agent takes the kiosk's waiting ticket; resolves with the session id once the kiosk shows the call. */
async function agentAccepts(): Promise<string> {
  const number = (await page.getByTestId('ticket-number').innerText()).trim();
  const ticketId = (await (await adminApi(server.server)).listTickets()).tickets.find(
    (t) => t.number === number && t.status === 'waiting',
  )!.id;
  const opened = okData(await agent.request('ticket:accept', { ticketId }));
  await page.getByTestId('screen-call').waitFor();
  return opened.session.id;
}

async function centre(testId: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('a fast double click on 是我本人 lands on the consent question and sends no identity', async () => {
  const before = await ticketCount();
  await freshWelcome();
  kiosk.sim!.placeCard(sampleCards.resident);
  await page.getByTestId('greeting').waitFor();
  await page.getByTestId('confirm-identity').dblclick();
  await page.getByTestId('consent-yes').waitFor();
  // Give a wrongly taken answer time to show: the question must still be there, nothing sent.
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('consent-yes').isVisible()).toBe(true);
  expect(await ticketCount()).toBe(before);

  // Two taps 250 ms apart at the same spot, the other speed from the report.
  kiosk.sim!.placeCard(null);
  await page.getByTestId('place-card-prompt').waitFor();
  kiosk.sim!.placeCard(sampleCards.resident);
  await page.getByTestId('greeting').waitFor();
  const at = await centre('confirm-identity');
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(250);
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('consent-yes').isVisible()).toBe(true);
  expect(await ticketCount()).toBe(before);
  kiosk.sim!.placeCard(null);
  await page.getByTestId('place-card-prompt').waitFor();
});

test('a double tap on 好的 at the end goes home and takes no number for nobody, at each kiosk size', async () => {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await freshWelcome();
    await page.getByTestId('call-without-card').click();
    await chooseNeed(page);
    await page.getByTestId('screen-waiting').waitFor();
    const sessionId = await agentAccepts();
    okData(await agent.request('session:end', { sessionId }));
    // The rating comes first (issue 9); a level other than a low one goes straight to thanks.
    await page.getByTestId('screen-rating').waitFor();
    await page.getByTestId('rating-satisfied').click();
    await page.getByTestId('screen-thanks').waitFor();
    const tickets = await ticketCount();
    await page.getByTestId('thanks-done').dblclick();
    await page.getByTestId('screen-welcome').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('screen-welcome').isVisible(), `${size.width}x${size.height}`).toBe(true);
    expect(await ticketCount(), `${size.width}x${size.height}`).toBe(tickets);
  }
  await page.setViewportSize(sizes[0]);
});

test('double taps through the need screen (issue 11): 同意, a tile, 不是 each answer once; one ticket', async () => {
  for (const size of sizes) {
    const at = `${size.width}x${size.height}`;
    await page.setViewportSize(size);
    await freshWelcome();
    const before = await ticketCount();
    kiosk.sim!.placeCard(sampleCards.resident);
    await page.getByTestId('greeting').waitFor();
    await page.getByTestId('confirm-identity').click();
    await page.getByTestId('consent-yes').waitFor();
    // The consent question takes taps once read out; wait for the button to take one.
    await expect.poll(() => page.getByTestId('consent-yes').isEnabled(), { timeout: 6_000 }).toBe(true);
    await page.getByTestId('consent-yes').dblclick();
    await page.getByTestId('screen-need').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('screen-need').isVisible(), at).toBe(true);

    await page.getByTestId('need-tile-unsure').dblclick();
    await page.getByTestId('screen-disability').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('screen-disability').isVisible(), at).toBe(true);
    expect(await ticketCount(), at).toBe(before);

    await page.getByTestId('disability-no').dblclick();
    await page.getByTestId('screen-waiting').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('screen-waiting').isVisible(), at).toBe(true);
    const tickets = (await (await adminApi(server.server)).listTickets()).tickets;
    expect(tickets.length, at).toBe(before + 1);
    expect(
      tickets.filter((t) => t.status === 'waiting'),
      at,
    ).toHaveLength(1);
    await page.getByTestId('cancel-ticket').click();
    await page.getByTestId('screen-welcome').waitFor();
    // The card is still on the reader: welcome asks for it. Taken away, the notice goes, so the
    // reader has seen it leave before the next size places it again.
    await page.getByTestId('take-card').waitFor();
    kiosk.sim!.placeCard(null);
    await page.getByTestId('take-card').waitFor({ state: 'hidden' });
  }
  await page.setViewportSize(sizes[0]);
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('consecutive screens never put their buttons in the same place, at 1920×1080, 1080×1920 and 1280×1024', async () => {
  // boxes[step][size] = the boxes of the buttons shown on that screen at that size.
  const boxes = new Map<string, Box[][]>();
  async function measure(name: string, testIds: string[]): Promise<void> {
    const perSize: Box[][] = [];
    const read = async (size: { width: number; height: number }): Promise<Box[]> => {
      const found: Box[] = [];
      for (const id of testIds) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, `${name} ${id} at ${size.width}x${size.height}`).not.toBeNull();
        found.push(box!);
      }
      return found;
    };
    for (const size of sizes) {
      await page.setViewportSize(size);
      // The layout follows the window's size on the next render: read the boxes once they stop
      // moving (two frames apart), not in the frame the resize lands in (a loaded machine is slow).
      let found = await read(size);
      for (let i = 0; i < 20; i++) {
        await page.evaluate(
          () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
        );
        const again = await read(size);
        if (JSON.stringify(again) === JSON.stringify(found)) break;
        found = again;
      }
      perSize.push(found);
    }
    await page.setViewportSize(sizes[0]);
    boxes.set(name, perSize);
  }
  function clashes(from: string, to: string): string[] {
    const found: string[] = [];
    sizes.forEach((size, i) => {
      for (const a of boxes.get(from)![i]!)
        for (const b of boxes.get(to)![i]!)
          if (overlap(a, b)) found.push(`${from} -> ${to} at ${size.width}x${size.height}`);
    });
    return found;
  }

  await freshWelcome();
  await measure('welcome', ['call-without-card']);
  kiosk.sim!.placeCard(sampleCards.resident);
  await page.getByTestId('greeting').waitFor();
  await measure('greeting-yes', ['confirm-identity']);
  await measure('greeting-no', ['not-me']);
  await page.getByTestId('confirm-identity').click();
  await page.getByTestId('consent-yes').waitFor();
  await measure('consent', ['consent-yes', 'consent-no']);
  // The pair from the report, checked at once so a failure names it.
  expect(clashes('greeting-yes', 'consent')).toEqual([]);
  await page.getByTestId('consent-yes').click();
  // Issue 11: what the resident needs (the tiles), then the optional disability question.
  await page.getByTestId('screen-need').waitFor();
  await measure(
    'need',
    NEED_TILES.map((t) => `need-tile-${t.need}`),
  );
  await page.getByTestId('need-tile-unsure').click();
  await page.getByTestId('screen-disability').waitFor();
  await measure('disability', ['disability-yes', 'disability-no']);
  await page.getByTestId('disability-no').click();
  await page.getByTestId('screen-waiting').waitFor();
  await measure('waiting', ['cancel-ticket']);
  await agentAccepts();
  await measure('call', ['hang-up']);
  await page.getByTestId('hang-up').click();
  await page.getByTestId('hang-up-confirm').waitFor();
  await measure('hang-up-confirm', ['hang-up-keep', 'hang-up-end']);
  await measure('hang-up-end', ['hang-up-end']);
  await page.getByTestId('hang-up-end').click();
  await page.getByTestId('screen-rating').waitFor();
  const levels = ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'];
  await measure(
    'rating',
    levels.map((l) => `rating-${l}`),
  );
  await page.getByTestId('rating-satisfied').click();
  await page.getByTestId('screen-thanks').waitFor();
  await measure('thanks', ['thanks-done']);
  await page.getByTestId('thanks-done').click();
  await page.getByTestId('screen-welcome').waitFor();
  kiosk.sim!.placeCard(null);

  // The button tapped on one screen, and the screen its tap leads to.
  const pairs: Array<[string, string]> = [
    ['greeting-yes', 'consent'],
    ['greeting-no', 'welcome'],
    // The need screen's tiles fill the screen (issue 11): no layout keeps them off the buttons
    // before and after it, so those taps are covered by the settle time (the double-tap test).
    ['disability', 'waiting'],
    ['waiting', 'welcome'],
    ['call', 'hang-up-end'],
    ['hang-up-end', 'rating'],
    ['rating', 'thanks'],
    ['thanks', 'welcome'],
  ];
  expect(pairs.flatMap(([from, to]) => clashes(from, to))).toEqual([]);
});
