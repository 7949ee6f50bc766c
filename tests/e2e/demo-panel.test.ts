/**
 * The demo panel (issue 8 #16): in demo mode a small 演示 / Demo tab in the top bar opens the panel
 * of sample cards on every screen, not only on welcome. At 1920×1080, 1080×1920 and 1280×1024, in
 * both languages, on the welcome, greeting and waiting screens: the tab is on screen and covers no
 * main button, and every button of the open panel lies inside the viewport and takes a click.
 * The flow itself is driven through the panel (a sample card placed, then taken away).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTestKiosk, startTestServer, type TestServer } from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack, type KioskStack } from '@rvw/sim/kiosk-stack';
import { chooseNeed } from '../support/flows';

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
] as const;
const cardButtons = [
  'demo-card-resident',
  'demo-card-hk-macao-taiwan',
  'demo-card-foreign-permanent',
  'demo-card-foreign-permanent-2023',
  'demo-card-remove',
];

let server: TestServer;
let kiosk: KioskStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  const { token } = await createTestKiosk(server.server);
  kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: true, demo: true });
  browser = await launchChromium();
  page = await (await newProbedContext(browser, new URL(kiosk.url).origin)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await kiosk?.close();
  await server?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, size: { width: number; height: number }) =>
  a.x >= 0 && a.y >= 0 && a.x + a.width <= size.width && a.y + a.height <= size.height;

async function useLocale(locale: 'zh-CN' | 'en'): Promise<void> {
  const lang = () => page.evaluate(() => document.documentElement.lang);
  if ((await lang()) !== locale) await page.getByTestId('lang-switch').click();
  await expect.poll(lang, { timeout: 5_000 }).toBe(locale);
}

/** The element's box once two reads 50 ms apart agree (at most 1 s of waiting). */
async function settledBox(locator: Locator): Promise<Box> {
  let box = (await locator.boundingBox())!;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const next = (await locator.boundingBox())!;
    if (JSON.stringify(next) === JSON.stringify(box)) return next;
    box = next;
  }
  return box;
}

/** At each size: the tab is on screen and clear of the main buttons; the open panel's buttons are on screen and clickable. */
async function checkPanel(screen: string, locale: 'zh-CN' | 'en'): Promise<void> {
  await useLocale(locale);
  // The layout is checked for a connected kiosk: a reloaded page's link may still be coming back
  // (the host reconnects to fetch a fresh kiosk:state), and its offline dot widens the title.
  await page.locator('.server-dot').waitFor({ state: 'detached', timeout: 10_000 });
  for (const size of sizes) {
    const where = `${screen}, ${locale}, ${size.width}x${size.height}`;
    await page.setViewportSize(size);
    const tab = page.getByTestId('demo-tab');
    await tab.waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error(`no demo tab on ${where}`);
    });
    // After a resize the layout may still move for a frame or two (fonts, the grid): read it settled.
    const tabBox = await settledBox(tab);
    expect(inside(tabBox, size), `tab inside the viewport on ${where}`).toBe(true);
    const others = page.locator('[data-main-action], .topbar-actions button');
    for (let i = 0; i < (await others.count()); i++) {
      const box = await others.nth(i).boundingBox();
      if (box)
        expect(
          overlap(tabBox, box),
          `tab ${JSON.stringify(tabBox)} clear of button ${i} ${JSON.stringify(box)} on ${where}`,
        ).toBe(false);
    }
    await tab.click();
    await page.getByTestId('demo-panel').waitFor();
    for (const id of cardButtons) {
      const button = page.getByTestId(id);
      const box = (await button.boundingBox())!;
      expect(inside(box, size), `${id} inside the viewport on ${where}`).toBe(true);
      // A trial click runs Playwright's checks (visible, stable, enabled, not covered) without clicking.
      await button.click({ trial: true, timeout: 2_000 });
    }
    await tab.click();
    await page.getByTestId('demo-panel').waitFor({ state: 'hidden' });
  }
  await page.setViewportSize(sizes[0]);
}

test('the demo panel opens from a tab on welcome, greeting and waiting, on screen at three sizes in both languages', async () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    kiosk.sim!.placeCard(null);
    await page.goto(kiosk.url);
    await page.getByTestId('place-card-prompt').waitFor({ timeout: 15_000 });
    await checkPanel('welcome', locale);

    // Placing a sample card from the panel greets the resident; the panel closes itself.
    await page.getByTestId('demo-tab').click();
    await page.getByTestId('demo-card-resident').click();
    await page.getByTestId('greeting').waitFor();
    await page.getByTestId('demo-panel').waitFor({ state: 'hidden' });
    await checkPanel('greeting', locale);

    await page.getByTestId('confirm-identity').click();
    await page.getByTestId('consent-yes').click();
    await chooseNeed(page);
    await page.getByTestId('screen-waiting').waitFor();
    await checkPanel('waiting', locale);

    // Taking the card away from the panel while waiting reaches the reader too.
    await page.getByTestId('demo-tab').click();
    await page.getByTestId('demo-card-remove').click();
    await expect.poll(async () => (await kiosk.host.handlers['idcard:current']({})).card).toBeNull();
    await page.getByTestId('cancel-ticket').click();
    await page.getByTestId('screen-welcome').waitFor();
  }
});
