/**
 * Screenshots of the console's 设备 tab (issue 12), for a person to look at (not a test): kiosks that
 * report green, amber and red (and one never seen), the detail panel with a checks result answered
 * by a kiosk, an enrolment code just created, the alert rules, and a queue row with the kiosk's
 * problems. It also lists any text under 16 px and any control under 44 px on those screens.
 *
 *   npx tsx agent-console/scripts/screenshots-fleet.ts [outDir]   (default: screenshots/console-fleet)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { HealthReport } from '@rvw/shared';
import {
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  type TestClient,
} from '@rvw/signaling-server/testing';
import { launchChromium } from '@rvw/sim/browser';
import { startShotServer } from './shot-rig';

const { server, url, outDir } = await startShotServer('console-fleet');

const admin = await createTestAgent(server.server, {
  username: 'wangfang',
  displayName: '王芳',
  role: 'admin',
  password: 'console-demo-pass',
});

const GB = 1024 ** 3;
function report(patch: Partial<HealthReport> = {}): HealthReport {
  return {
    appVersion: '1.4.0',
    os: { platform: 'linux', name: 'UOS 20', release: '5.10.0-arm64', arch: 'arm64' },
    uptimeS: 5 * 3600 + 120,
    disk: { freeBytes: 38 * GB, totalBytes: 120 * GB },
    memory: { freeBytes: 3 * GB, totalBytes: 8 * GB },
    rttMs: 38,
    reader: { state: 'online' },
    printer: { state: 'ready', name: 'Kiosk_Thermal', problem: null, message: null },
    cameras: [
      { label: 'HD USB Camera', path: '/dev/video0' },
      { label: 'Document Camera', path: '/dev/video2' },
    ],
    microphones: [{ label: 'USB Audio Device', path: 'hw:1,0' }],
    displays: [
      { id: '1', width: 1920, height: 1080, primary: true, touch: true },
      { id: '2', width: 1280, height: 800, primary: false, touch: false },
    ],
    lastError: null,
    readiness: null,
    busy: false,
    at: new Date().toISOString(),
    ...patch,
  };
}

const now = () => new Date().toISOString();
const fleet: Array<[string, string, Partial<HealthReport> | null]> = [
  ['田林 一体机 1', '田林街道 华悦居委会', {}],
  ['田林 一体机 2', '田林街道 长桥居委会', { busy: true }],
  [
    '田林 一体机 3',
    '田林街道 田林十二村居委会',
    {
      printer: {
        state: 'problem',
        name: 'Kiosk_Thermal',
        problem: 'out-of-paper',
        message: 'media-empty-error',
      },
    },
  ],
  [
    '田林 一体机 4',
    '田林街道 康健居委会',
    {
      reader: { state: 'fault', reason: 'IDCARD_READER_ERROR', message: 'SAM 模块无响应' },
    },
  ],
  [
    '田林 一体机 5',
    '田林街道 漕河泾居委会',
    {
      cameras: [],
      readiness: {
        canCall: false,
        at: now(),
        checks: [
          { part: 'camera', result: 'problem', code: 'NotFoundError' },
          { part: 'microphone', result: 'ok' },
          { part: 'server', result: 'ok' },
          { part: 'reader', result: 'ok' },
          { part: 'printer', result: 'ok' },
          { part: 'turn', result: 'skipped' },
        ],
      },
    },
  ],
  ['田林 一体机 6', '田林街道 虹梅居委会', { disk: { freeBytes: 4 * GB, totalBytes: 120 * GB } }],
  ['田林 一体机 7', '田林街道 宜山居委会', { appVersion: '1.3.2' }],
  ['田林 上门办 1', '田林街道 社区事务受理中心', null],
];

const clients: TestClient[] = [];
const ids: string[] = [];
for (const [name, location, patch] of fleet) {
  const { kiosk, token } = await createTestKiosk(server.server, {
    name,
    location,
    ...(name.includes('上门办') ? { kind: 'portable' as const } : {}),
  });
  ids.push(kiosk.id);
  if (!patch) continue; // never connected
  const c = await connectKiosk(url, token);
  clients.push(c);
  const ack = await c.request('kiosk:heartbeat', report(patch));
  if (!ack.ok) console.warn(`heartbeat of ${name}: ${JSON.stringify(ack.error)}`);
  // This kiosk answers remote diagnostics as the kiosk host would.
  c.socket.on('diagnostics:request', ({ requestId, kind }) => {
    setTimeout(() => {
      const result =
        kind === 'checks'
          ? {
              kind: 'checks' as const,
              checks: [
                {
                  name: 'reader' as const,
                  ok: !patch.reader,
                  exitCode: patch.reader ? 2 : 0,
                  summary: patch.reader ? 'reader: fault IDCARD_READER_ERROR (SAM)' : 'reader: online',
                },
                {
                  name: 'printer' as const,
                  ok: true,
                  exitCode: 0,
                  summary: 'Kiosk_Thermal: idle, accepting jobs',
                },
                {
                  name: 'cameras' as const,
                  ok: true,
                  exitCode: 0,
                  summary: '2 video (/dev/video0, /dev/video2), 1 audio (hw:1,0)',
                },
                {
                  name: 'network' as const,
                  ok: true,
                  exitCode: 0,
                  summary: 'server 38 ms, WebSocket ok, clock +0.2 s',
                },
                { name: 'disk' as const, ok: true, exitCode: 0, summary: '38.0 GB free of 120 GB' },
              ],
            }
          : kind === 'logs'
            ? {
                kind: 'logs' as const,
                lines: ['09:12:01 reader: fault IDCARD_READER_ERROR', '09:12:31 heartbeat ok 38 ms'],
              }
            : { kind: 'restart' as const, outcome: 'deferred' as const };
      void c.request('diagnostics:result', { requestId, result });
    }, 600);
  });
}
// The amber kiosk's resident waits: the agent sees the kiosk's problem on the queue row.
okData(await clients[2]!.request('ticket:request', {}));
okData(await clients[4]!.request('ticket:request', {}));

const browser = await launchChromium();
const shoot = async (page: Page, name: string) => {
  const path = join(outDir, `console-fleet-${name}.png`);
  await page.screenshot({ path, fullPage: false });
  console.log(`  ${path}`);
};

/** Visible text under 16 px and controls under 44x44 px, as the console's a11y test counts them. */
const SIZE_PROBE = `(() => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('.sr-only');
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    const text = walker.currentNode.textContent?.trim();
    if (!text || !el || !visible(el)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 16) out.push('text ' + el.className + ' ' + size + 'px "' + text.slice(0, 20) + '"');
  }
  for (const el of document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')) {
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < 44 || r.height < 44) out.push('target ' + el.tagName + ' ' + el.className + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
  }
  return out;
})()`;

/** axe-core (as the a11y walk runs it: WCAG A to AAA and best practice), serious and critical only. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_RUN = `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules: { 'color-contrast-enhanced': { enabled: true } } })
  .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .map((v) => v.id + ' (' + v.impact + ') ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`;

async function sizeFindings(page: Page, label: string) {
  // A string, so that tsx's helpers (__name) do not end up in the page.
  const found = (await page.evaluate(SIZE_PROBE)) as string[];
  for (const f of found) console.log(`  [size] ${label}: ${f}`);
  if (!(await page.evaluate('"axe" in window'))) await page.evaluate(AXE_SOURCE);
  const axe = (await page.evaluate(AXE_RUN)) as string[];
  for (const f of axe) console.log(`  [axe] ${label}: ${f}`);
}

try {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
  await page.goto(`${url}/console/`);
  await page.getByTestId('login-username').fill(admin.agent.username);
  await page.getByTestId('login-password').fill('console-demo-pass');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('queue-table').waitFor();
  await page.waitForTimeout(500);
  await shoot(page, 'queue-problems');
  await sizeFindings(page, 'queue');

  await page.getByTestId('tab-fleet').click();
  await page.getByTestId('fleet-table').waitFor();
  await page.waitForTimeout(800);
  await shoot(page, 'list');
  await sizeFindings(page, 'list');

  // A live change: kiosk 1's printer runs out of paper while the supervisor watches.
  await clients[0]!.request(
    'kiosk:heartbeat',
    report({
      printer: {
        state: 'problem',
        name: 'Kiosk_Thermal',
        problem: 'out-of-paper',
        message: 'media-empty-error',
      },
    }),
  );
  await page.waitForTimeout(800);
  await shoot(page, 'list-live');

  await page.locator(`[data-testid=fleet-row][data-kiosk-id="${ids[3]}"] [data-testid=fleet-open]`).click();
  await page.getByTestId('kiosk-detail').waitFor();
  await page.getByTestId('diag-ask-checks').click();
  await page.locator('[data-testid=diag-request][data-state=done]').waitFor({ timeout: 10_000 });
  await page.getByTestId('kiosk-detail').evaluate((el) => el.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await shoot(page, 'detail');
  await sizeFindings(page, 'detail');
  await page.getByTestId('diag-ask-restart').click();
  await shoot(page, 'detail-restart-confirm');
  await page.getByTestId('diag-ask-restart-yes').click();
  await page
    .locator('[data-testid=diag-request][data-kind=restart][data-state=done]')
    .waitFor({ timeout: 10_000 });
  await shoot(page, 'detail-restart-deferred');

  await page.getByTestId('fleet-section-enrol').click();
  await page.getByTestId('enrol-location').fill('田林街道 华悦居委会');
  await page.getByTestId('enrol-name').fill('田林 一体机 9');
  await page.getByTestId('enrol-submit').click();
  await page.getByTestId('enrolment-code').waitFor();
  await page.waitForTimeout(300);
  await shoot(page, 'enrolment-code');
  await sizeFindings(page, 'enrolment');

  await page.getByTestId('fleet-section-rules').click();
  await page.getByTestId('alert-rules').waitFor();
  await shoot(page, 'rules');
  await sizeFindings(page, 'rules');
  await page.getByTestId('fleet-section-updates').click();
  await page.waitForTimeout(500);
  await shoot(page, 'updates');
  await sizeFindings(page, 'updates');

  await page.getByTestId('fleet-section-list').click();
  await page.getByTestId('language-switch').click();
  await page.waitForTimeout(300);
  await shoot(page, 'list-en');
  await sizeFindings(page, 'list en');
  await ctx.close();
} finally {
  for (const c of clients) c.close();
  await browser.close();
  await server.close();
}
