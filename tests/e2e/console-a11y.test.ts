/**
 * The console's accessibility, walked as an agent walks it (issue 8 #15): login, a wrong password,
 * the empty queue, a queue with tickets (one from an offline kiosk), the administration page, the
 * fleet (设备) tab with a kiosk's detail and its enrolment codes, and the call view, at 1366x768
 * and 1920x1080, in Chinese and in English. On every screen axe-core (run in the page, AAA contrast
 * included) finds nothing serious or critical, no text is smaller than 16 px and no control is
 * smaller than 44x44 px.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { startKioskStack } from '@rvw/sim/kiosk-stack';
import { axeFindings, type AxeFinding } from '../support/axe';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

let server: TestServer;
let browser: Browser;
let page: Page;
let admin: { username: string; password: string };
let online: TestClient;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  const a = await createTestAgent(server.server, { role: 'admin', displayName: '王主管' });
  admin = { username: a.agent.username, password: a.password };
  // One kiosk's ticket stays in the queue with its kiosk offline for the whole walk.
  const gone = await connectKiosk(
    server.url,
    (await createTestKiosk(server.server, { name: '离线终端' })).token,
  );
  okData(await gone.request('ticket:request', {}));
  gone.close();
  online = await connectKiosk(
    server.url,
    (await createTestKiosk(server.server, { name: '静安寺街道 第一居委会' })).token,
  );
  clients.push(online);
  browser = await launchChromium();
  page = await (await newProbedContext(browser, server.url)).newPage();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

/** axe-core in the page, every WCAG 2.x level A to AAA (AAA contrast) plus best practice. */
const axeOnPage = (): Promise<AxeFinding[]> => axeFindings(page);

/** Visible text below 16 px, and visible controls below 44x44 px. */
async function sizeFindings(): Promise<{ smallText: string[]; smallTargets: string[] }> {
  return page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !el.closest('.sr-only');
    };
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${el.className || '-'}`;
    const smallText: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const el = walker.currentNode.parentElement;
      if (!text || !el || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 16) smallText.push(`${describe(el)} ${size}px "${text.slice(0, 24)}"`);
    }
    const smallTargets: string[] = [];
    const controls = document.querySelectorAll(
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])',
    );
    for (const el of controls) {
      if (!visible(el)) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44)
        smallTargets.push(`${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return { smallText, smallTargets };
  });
}

/** Checks the screen on show at both sizes; returns what failed, labelled. */
async function check(screen: string, failures: string[]): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const label = `${screen} @${size.width}x${size.height}`;
    const serious = (await axeOnPage()).filter((f) => f.impact === 'serious' || f.impact === 'critical');
    for (const f of serious) failures.push(`${label}: axe ${f.id} (${f.impact}) ${f.nodes.join(' ')}`);
    const { smallText, smallTargets } = await sizeFindings();
    for (const t of smallText) failures.push(`${label}: text ${t}`);
    for (const t of smallTargets) failures.push(`${label}: target ${t}`);
  }
}

async function walk(lang: 'zh-CN' | 'en', failures: string[]): Promise<void> {
  await page.goto(`${server.url}/console/`);
  await page.getByTestId('login-username').waitFor();
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current !== lang) await page.getByTestId('language-switch').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
  await check(`${lang} login`, failures);

  await page.getByTestId('login-username').fill(admin.username);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  await check(`${lang} login error`, failures);

  await page.getByTestId('login-password').fill(admin.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-table').waitFor();
  // Only the offline kiosk's ticket waits: the queue is shown, with nothing to take.
  await check(`${lang} queue (offline only)`, failures);

  okData(await online.request('ticket:request', { identity: 'declined' }));
  await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
  await check(`${lang} queue with tickets`, failures);

  await page.getByTestId('tab-admin').click();
  await page.getByTestId('admin-view').waitFor();
  await check(`${lang} admin`, failures);
  // The fleet (issue 12): the kiosks' table with a detail open, then the enrolment codes.
  await page.getByTestId('tab-fleet').click();
  await page.getByTestId('fleet-table').waitFor();
  await page.getByTestId('fleet-open').first().click();
  await page.getByTestId('kiosk-detail').waitFor();
  await check(`${lang} fleet`, failures);
  await page.getByTestId('fleet-section-enrol').click();
  await page.getByTestId('enrolment-form').waitFor();
  await check(`${lang} fleet enrolment`, failures);
  await page.getByTestId('tab-queue').click();

  await page.getByTestId('accept-next').click();
  await page.getByTestId('call-view').waitFor();
  await check(`${lang} call`, failures);
  await page.getByTestId('end-call').click();
  await page.getByTestId('call-ended-notice').waitFor();
  await check(`${lang} queue after a call`, failures);
  await page.getByTestId('logout').click();
  await page.getByTestId('login-username').waitFor();
}

test('every console screen: 0 serious axe findings (AAA contrast), text >= 16 px, targets >= 44 px', async () => {
  const failures: string[] = [];
  await walk('zh-CN', failures);
  await walk('en', failures);
  expect(failures).toEqual([]);
});

test('the console serves the favicon it links', async () => {
  await page.goto(`${server.url}/console/`);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await fetch(new URL(href!, `${server.url}/console/`));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('image/svg+xml');
  expect((await fetch(`${server.url}/favicon.ico`, { redirect: 'follow' })).status).toBe(200);
});

test("the kiosk's browser shell serves the favicon its page links", async () => {
  const { token } = await createTestKiosk(server.server, { name: '图标终端' });
  const kiosk = await startKioskStack({ serverUrl: server.url, kioskToken: token, reader: false });
  try {
    const html = await (await fetch(kiosk.url)).text();
    const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(href).toBeTruthy();
    const res = await fetch(new URL(href!, kiosk.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('image/svg+xml');
  } finally {
    await kiosk.close();
  }
});
