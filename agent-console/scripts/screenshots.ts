/**
 * Screenshots of every console screen, for a person to look at (not a test; nothing is asserted
 * beyond the flow completing). Starts the real signaling server on port 0 over a temp SQLite file,
 * serving agent-console/dist (built first when its sources changed), fills the queue with
 * ten kiosks' tickets of varied age, and drives Debian's Chromium with a fake camera.
 *
 *   npx tsx agent-console/scripts/screenshots.ts [outDir]     (default: screenshots/console)
 *   RVW_SHOTS=case npx tsx agent-console/scripts/screenshots.ts   (only the case and supervisor screens)
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CardType, Gender, ResidentIdentity } from '@rvw/shared';
import {
  connectKiosk,
  createTestAgent,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  type TestClient,
} from '@rvw/signaling-server/testing';
import { launchChromium } from '@rvw/sim/browser';
import { shootCaseScreens } from './screenshots-case';
import { kioskSimPage, residentId, startShotServer } from './shot-rig';

// The server's clock can be set back so that tickets are created "minutes ago".
const { server, url, outDir, shift } = await startShotServer('console');

const places: Array<[string, string]> = [
  ['静安寺街道 一体机 1', '静安寺街道 第一居委会'],
  ['江宁路街道 一体机 2', '江宁路街道 淮安居委会'],
  ['南京西路街道 一体机 3', '南京西路街道 华业居委会'],
  ['曹家渡街道 一体机 4', '曹家渡街道 三和居委会'],
  ['石门二路街道 一体机 5', '石门二路街道 新福康里居委会'],
  ['天目西路街道 一体机 6', '天目西路街道 和泰花园居委会'],
  ['北站街道 一体机 7', '北站街道 安庆居委会'],
  ['宝山路街道 一体机 8', '宝山路街道 虬江居委会'],
  ['芷江西路街道 一体机 9', '芷江西路街道 光华居委会'],
  ['彭浦新村街道 一体机 10', '彭浦新村街道 彭一居委会'],
];
const minutesAgo = [14, 11.5, 8, 6.2, 4.5, 3, 2.1, 1.2, 0.6, 0.1];

const people: Array<(ResidentIdentity & { cardType: CardType; gender: Gender }) | null> = [
  {
    cardType: 'resident',
    name: '李秀英',
    gender: 'female',
    birthDate: '1947-03-12',
    idNumber: residentId('31010619470312004'),
    idNumberValid: true,
  },
  {
    cardType: 'resident',
    name: '王建国',
    gender: 'male',
    birthDate: '1941-11-02',
    idNumber: residentId('31010819411102003'),
    idNumberValid: true,
  },
  null,
  {
    cardType: 'hk-macao-taiwan',
    name: '陈美玲',
    gender: 'female',
    birthDate: '1952-07-21',
    idNumber: residentId('81000019520721002'),
    idNumberValid: true,
  },
  {
    cardType: 'resident',
    name: '张桂芳',
    gender: 'female',
    birthDate: '1938-01-30',
    idNumber: residentId('31010619380130002'),
    idNumberValid: true,
  },
  null,
  {
    cardType: 'foreign-permanent-2023',
    name: 'MÜLLER, ANNA',
    gender: 'female',
    birthDate: '1950-05-05',
    idNumber: '9310005005050012',
    idNumberValid: true,
  },
  {
    cardType: 'resident',
    name: '赵德明',
    gender: 'male',
    birthDate: '1944-09-09',
    idNumber: residentId('31010819440909001'),
    idNumberValid: true,
  },
  {
    cardType: 'resident',
    name: '欧阳淑珍',
    gender: 'female',
    birthDate: '1936-12-24',
    idNumber: residentId('31010619361224002'),
    idNumberValid: true,
  },
  null,
];

const admin = await createTestAgent(server.server, {
  username: 'wangfang',
  displayName: '王芳',
  role: 'admin',
  password: 'console-demo-pass',
});
console.log(`admin ${admin.agent.username}`);
const kiosks = [];
for (const [name, location] of places) kiosks.push(await createTestKiosk(server.server, { name, location }));

const browser = await launchChromium();

const clients: TestClient[] = [];
let firstTicketId = '';
try {
  // Kiosk 1 runs in a browser page so that it can answer the call with video.
  const kioskPage = await kioskSimPage(browser, url);

  for (let i = 0; i < kiosks.length; i++) {
    shift(-minutesAgo[i]! * 60_000);
    const { kiosk, token } = kiosks[i]!;
    let ticketId: string;
    if (i === 0) {
      ticketId = await kioskPage.evaluate((t) => window.startKioskSim(t), token);
      firstTicketId = ticketId;
    } else {
      const c = await connectKiosk(url, token);
      clients.push(c);
      ticketId = okData(await c.request('ticket:request', {})).ticket.id;
    }
    const person = people[i];
    if (person) {
      await shareIdentityOverHttp(url, token, ticketId, person).catch((e: Error) =>
        console.warn(`identity for ${kiosk.name}: ${e.message}`),
      );
    }
  }
  shift(0);

  const shots: Array<[Page, string]> = [];
  const shoot = async (page: Page, name: string) => {
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path });
    shots.push([page, path]);
    console.log(`  ${path}`);
  };

  // RVW_SHOTS=case takes only the case and supervisor screens (quicker while working on them).
  const sizes =
    process.env.RVW_SHOTS === 'case'
      ? []
      : ([
          [1280, 720],
          [1920, 1080],
        ] as const);
  for (const [w, h] of sizes) {
    const ctx = await browser.newContext({
      viewport: { width: w, height: h },
      permissions: ['camera', 'microphone'],
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
    const tag = `${w}x${h}`;
    await page.goto(`${url}/console/`);
    await page.getByTestId('login-username').waitFor();
    await shoot(page, `${tag}-1-login`);
    await page.getByTestId('login-username').fill('wangfang');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await shoot(page, `${tag}-2-login-error`);
    await page.getByTestId('login-password').fill('console-demo-pass');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('queue-table').waitFor();
    await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
    await shoot(page, `${tag}-3-queue`);
    if (w !== 1280) {
      await ctx.close();
      continue;
    }
    await page.getByTestId('language-switch').click();
    await shoot(page, `${tag}-4-queue-en`);
    await page.getByTestId('language-switch').click();

    await page
      .locator('[data-testid=queue-row][data-ticket-number=A001] [data-testid=accept-button]')
      .click();
    await page.getByTestId('call-view').waitFor();
    await kioskPage.waitForFunction(() => window.kioskSimRemoteVideo === true, null, { timeout: 20_000 });
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=remote-video]') as HTMLVideoElement | null)?.readyState === 4,
      null,
      { timeout: 20_000 },
    );
    await page.waitForTimeout(1500);
    await shoot(page, `${tag}-5-call`);
    await page.getByTestId('reveal-id').click();
    await page.getByTestId('revealed-id').waitFor();
    await shoot(page, `${tag}-6-call-revealed`);
    // A reload mid-call: agent:state resumes the session with a fresh peer connection.
    await page.reload();
    await page.getByTestId('call-view').waitFor();
    await page.waitForTimeout(4000);
    await shoot(page, `${tag}-6b-call-resumed`);
    await page.getByTestId('toggle-camera').click();
    await page.getByTestId('toggle-mic').click();
    await shoot(page, `${tag}-7-call-muted`);
    await page.getByTestId('end-call').click();
    await page.getByTestId('call-ended-notice').waitFor();
    await shoot(page, `${tag}-8-call-ended`);

    await page.getByTestId('tab-admin').click();
    await page.getByTestId('kiosk-table').waitFor();
    await page.getByTestId('kiosk-name').fill('临汾路街道 一体机 11');
    await page.getByTestId('kiosk-location').fill('临汾路街道 阳曲居委会');
    await page.getByTestId('kiosk-submit').click();
    await page.getByTestId('kiosk-token').waitFor();
    await shoot(page, `${tag}-9-admin-enrolled`);
    await page.getByTestId('agent-username').fill('Bad Name');
    await page.getByTestId('agent-submit').click();
    await shoot(page, `${tag}-10-admin-invalid`);
    // The supervisor's live view (issue 11 #9): the queue, staff, today's figures and the charts.
    await page.getByTestId('tab-live').click();
    await page.getByTestId('live-view').waitFor();
    await page
      .locator('.notice-close')
      .first()
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(1500);
    await shoot(page, `${tag}-11-live`);
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(500);
    await shoot(page, `${tag}-12-live-charts`);
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    if (await page.getByTestId('login-error').isVisible())
      console.error('login-error shown after a voluntary sign-out');
    await ctx.close();
  }

  // The case workspace and the supervisor's pages (issue 9), at the console's smallest screen.
  await shootCaseScreens({
    browser,
    url,
    kioskPage,
    kioskToken: kiosks[0]!.token,
    kioskName: kiosks[0]!.kiosk.name,
    // Without the earlier screens the kiosk's first ticket is still waiting.
    ...(sizes.length === 0 ? { ticketId: firstTicketId } : {}),
    resident: {
      ...people[0]!,
      name: '王秀英',
      nation: '汉',
      address: '上海市静安区江宁路四百五十弄七号三〇二室',
      issuer: '上海市公安局静安分局',
      validFrom: '2015-06-01',
      validTo: 'long-term',
    },
    username: 'wangfang',
    password: 'console-demo-pass',
    shoot,
  });
} finally {
  for (const c of clients) c.close();
  await browser.close();
  await server.close();
}
