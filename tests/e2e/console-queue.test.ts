/**
 * The agent's queue in real Chromium (issue 8): an offline kiosk's ticket is shown offline and
 * cannot be taken; "接听下一位" takes the first ticket the server offers; the tab title and a
 * sound tell a busy agent that someone is waiting, and again when a ticket passes one minute; a
 * resident who declined to share reads as declined; a call the system ended stays announced
 * until the agent closes the notice. Kiosks are plain socket clients: no kiosk page is needed.
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
import { loginAgent } from '../support/flows';

/** Counts the tones the page starts through Web Audio (the alert is made in code). */
const toneProbe = `
(() => {
  window.__rvwTones = 0;
  const Native = window.AudioContext;
  if (!Native) return;
  window.AudioContext = class extends Native {
    createOscillator() {
      const osc = super.createOscillator();
      const start = osc.start.bind(osc);
      osc.start = (...args) => { window.__rvwTones += 1; return start(...args); };
      return osc;
    }
  };
})();
`;

let server: TestServer;
let browser: Browser;
let page: Page;
let agent: { username: string; password: string };
const kiosks: TestClient[] = [];
/** Added to the server's clock: lets a ticket "wait" a minute without the test waiting. */
let skewMs = 0;

beforeAll(async () => {
  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
    memberGraceSeconds: 1,
    clock: () => new Date(Date.now() + skewMs),
  });
  const a = await createTestAgent(server.server, { displayName: '李敏' });
  agent = { username: a.agent.username, password: a.password };
  browser = await launchChromium();
  const context = await newProbedContext(browser, server.url);
  await context.addInitScript(toneProbe);
  page = await context.newPage();
});

afterAll(async () => {
  for (const k of kiosks) k.close();
  await browser?.close();
  await server?.close();
});

const tones = () => page.evaluate(() => (window as unknown as { __rvwTones: number }).__rvwTones);
const row = (number: string) => page.locator(`[data-testid="queue-row"][data-ticket-number="${number}"]`);

async function kioskTakes(
  identity?: 'declined' | 'none' | 'pending',
): Promise<{ client: TestClient; number: string }> {
  const { token } = await createTestKiosk(server.server, { name: `终端 ${kiosks.length + 1}` });
  const client = await connectKiosk(server.url, token);
  kiosks.push(client);
  const { ticket } = okData(await client.request('ticket:request', identity ? { identity } : {}));
  return { client, number: ticket.number };
}

test('offline tickets, take the next one, alerts, declined wording, a system end that stays', async () => {
  await loginAgent(page, server.url, agent.username, agent.password);
  await page.getByTestId('queue-empty').waitFor();
  expect(await page.title()).not.toMatch(/^\(\d+\)/);
  expect(await tones()).toBe(0);

  // First in line: a kiosk that goes offline. Its row stays, marked offline, with Accept disabled.
  const gone = await kioskTakes();
  await row(gone.number).waitFor();
  // The queue went from empty to waiting: a sound and a count in the title.
  await expect.poll(tones).toBeGreaterThan(0);
  await expect.poll(() => page.title()).toMatch(/^\(1\) /);
  gone.client.close();
  await expect.poll(() => row(gone.number).getAttribute('data-kiosk-online')).toBe('false');
  expect(await row(gone.number).getByTestId('kiosk-offline').innerText()).toContain('终端离线');
  expect(await row(gone.number).getByTestId('accept-button').isDisabled()).toBe(true);
  // Nothing can be taken now: the title drops its count and "take the next one" is disabled.
  await expect.poll(() => page.title()).not.toMatch(/^\(\d+\)/);
  expect(await page.getByTestId('accept-next').isDisabled()).toBe(true);

  // Second in line: a resident who declined to share, at a kiosk that stays online.
  const beforeSecond = await tones();
  const declined = await kioskTakes('declined');
  await row(declined.number).waitFor();
  expect(await row(declined.number).getByTestId('identity-none').innerText()).toBe('居民选择不出示身份');
  await expect.poll(tones).toBeGreaterThan(beforeSecond);
  await expect.poll(() => page.title()).toMatch(/^\(1\) /);

  // A minute passes on the server's clock (the next snapshot carries it): one more alert.
  const beforeLate = await tones();
  skewMs = 61_000;
  await kioskTakes('none');
  await expect.poll(tones).toBeGreaterThan(beforeLate);
  await expect.poll(() => page.title()).toMatch(/^\(2\) /);

  // "接听下一位" skips the offline kiosk and takes the declined resident's ticket.
  const next = page.getByTestId('accept-next');
  expect(await next.innerText()).toBe('接听下一位');
  await next.click();
  await page.getByTestId('call-view').waitFor();
  expect(await page.getByTestId('call-ticket-number').innerText()).toBe(declined.number);
  expect(await page.getByTestId('identity-none').innerText()).toBe('居民选择不出示身份');

  // The kiosk vanishes; after its grace period the system ends the call. The notice stays past
  // the 8 s that used to close it, until the agent closes it.
  kiosks[1]!.close();
  const notice = page.getByTestId('call-ended-notice');
  await notice.waitFor({ timeout: 15_000 });
  expect(await notice.innerText()).toContain('系统结束了通话');
  await page.waitForTimeout(9_000);
  expect(await notice.isVisible()).toBe(true);
  await notice.getByRole('button').click();
  await expect.poll(() => notice.count()).toBe(0);
});
