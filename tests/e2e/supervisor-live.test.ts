/**
 * The supervisor's live view in Chromium (issue 11 #9): it updates as things happen, never by
 * reloading. A kiosk (a socket client) takes a medical-insurance ticket: the queue line's waiting
 * count goes up; the agent (a socket client) accepts it: the count goes down and the agent's row
 * changes from available to in a session. The queue chart renders (ECharts: a canvas or an svg),
 * and 下载日报 downloads a CSV that starts with the UTF-8 byte-order mark, for Excel and WPS.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  connectAgent,
  connectKiosk,
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  okData,
  startTestServer,
  type TestClient,
  type TestServer,
} from '@rvw/signaling-server/testing';
import { launchChromium, newProbedContext } from '@rvw/sim/browser';
import { loginAgent } from '../support/flows';

const CENTRE = 'xuhui-tianlin';
let server: TestServer;
let browser: Browser;
let page: Page;
let supervisor: { username: string; password: string };
let agentId: string;
const clients: TestClient[] = [];
const browserLog: string[] = [];

beforeAll(async () => {
  server = await startTestServer({
    consoleDir: fileURLToPath(new URL('../../agent-console/dist', import.meta.url)),
  });
  await createTestCentre(server.server, {
    id: CENTRE,
    name: '徐汇区田林街道社区事务受理服务中心',
    region: '上海市徐汇区',
  });
  const s = await createTestAgent(server.server, { displayName: '王主任', role: 'admin', centreId: CENTRE });
  supervisor = { username: s.agent.username, password: s.password };
  const a = await createTestAgent(server.server, {
    displayName: '王芳',
    skills: ['elderly-care', 'medical-insurance'],
    centreId: CENTRE,
  });
  agentId = a.agent.id;
  const agent = await connectAgent(server.url, a.token);
  clients.push(agent);
  okData(await agent.request('agent:status', { status: 'available' }));
  browser = await launchChromium();
  page = await (await newProbedContext(browser, server.url)).newPage();
  page.on('console', (m) => void browserLog.push(`${m.type()} ${m.text()}`));
  page.on('pageerror', (e) => void browserLog.push(`pageerror ${e.message}`));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await browser?.close();
  await server?.close();
});

/** The waiting count of the centre's medical-insurance line (0 when the view shows no such line). */
async function medicalWaiting(): Promise<number> {
  const row = page.locator(
    `[data-testid="live-queue-row"][data-need="medical-insurance"][data-centre="${CENTRE}"]`,
  );
  if ((await row.count()) === 0) return 0;
  return Number((await row.getByTestId('live-queue-waiting').innerText()).trim());
}
/** The agent's row in the live view. */
const agentRow = () => page.locator(`[data-testid="live-agent-row"][data-agent-id="${agentId}"]`);

test('the live view follows a ticket and its acceptance without reloading; charts; the daily CSV has a BOM', async () => {
  onTestFailed(() => console.log(`browser log:\n${browserLog.join('\n')}`));
  await loginAgent(page, server.url, supervisor.username, supervisor.password);
  await page.getByTestId('tab-live').click();
  await page.getByTestId('live-view').waitFor();
  // A mark in the page: a reload would wipe it.
  await page.evaluate(() => ((window as unknown as { __rvwNoReload: boolean }).__rvwNoReload = true));

  await agentRow().waitFor();
  expect(await agentRow().innerText()).toContain('王芳');
  expect(await agentRow().getAttribute('data-status')).toBe('available');
  expect(await agentRow().getByTestId('live-agent-status').innerText()).toBe('空闲');
  expect(await medicalWaiting()).toBe(0);

  // A ticket arrives: the medical-insurance line shows one waiting.
  const { token } = await createTestKiosk(server.server, { name: '田林街道 第一居委会', centreId: CENTRE });
  const kiosk = await connectKiosk(server.url, token);
  clients.push(kiosk);
  const { ticket } = okData(await kiosk.request('ticket:request', { need: 'medical-insurance' }));
  await expect.poll(medicalWaiting).toBe(1);

  // The agent accepts: the line is back to none, the agent's row says in a session, the session shows.
  okData(await clients[0]!.request('ticket:accept', { ticketId: ticket.id }));
  await expect.poll(medicalWaiting).toBe(0);
  await expect.poll(() => agentRow().getAttribute('data-status')).toBe('in-session');
  expect(await agentRow().getByTestId('live-agent-status').innerText()).toBe('服务中');
  await page.locator('[data-testid="live-session-row"]').filter({ hasText: ticket.number }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __rvwNoReload?: boolean }).__rvwNoReload)).toBe(
    true,
  );

  // The queue chart is drawn by the charting library.
  await page.locator('[data-testid="chart-queue"] :is(canvas, svg)').first().waitFor();

  // 下载日报: a CSV starting with the UTF-8 byte-order mark.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Today's medical-insurance line counts the ticket, taken and answered.
  const rows = parse(bytes.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
  const medical = rows.find((r) => r['中心编号'] === CENTRE && r['事项类别'] === '医疗保障');
  expect(medical).toMatchObject({ 取号: '1', 应答: '1' });
});
