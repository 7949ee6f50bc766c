/**
 * Screenshots of the console's routing screens (issue 11), for a person to look at (not a test):
 * a pull centre's queue with tags, needs and places (away at sign-in, available, in English), an
 * offer of a partner centre's overflowed ticket, the call with where the resident is (another
 * centre; a portable kiosk: 上门办), wrap-up with 就绪, and an offer centre's agent: the
 * offer-mode note, the offer prompt, and a missed offer.
 *
 *   npx tsx agent-console/scripts/screenshots-routing.ts [outDir]   (default: screenshots/console-routing)
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Skill, TicketNeed } from '@rvw/shared';
import {
  connectKiosk,
  createTestAgent,
  createTestCentre,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  type TestClient,
} from '@rvw/signaling-server/testing';
import { launchChromium } from '@rvw/sim/browser';
import { kioskSimPage, residentId, startShotServer } from './shot-rig';

const { server, url, outDir, shift } = await startShotServer('console-routing');

await createTestCentre(server.server, {
  id: 'xuhui-tianlin',
  name: '田林街道社区事务受理服务中心',
  region: '上海市徐汇区',
  partners: ['suzhou-gusu'],
  routing: { mode: 'pull', wrapUpLimitS: 120, maxWaitS: 600 },
});
await createTestCentre(server.server, {
  id: 'suzhou-gusu',
  name: '姑苏区便民服务中心',
  region: '江苏省苏州市姑苏区',
  partners: ['xuhui-tianlin'],
  routing: { mode: 'offer', offerTimeoutS: 15, overflowAfterS: 0 },
});
const tianlinSkills: Skill[] = [
  'elderly-care',
  'medical-insurance',
  'disability',
  'residence',
  'consultation',
];
await createTestAgent(server.server, {
  username: 'wangfang',
  displayName: '王芳',
  password: 'console-demo-pass',
  centreId: 'xuhui-tianlin',
  skills: tianlinSkills,
});
await createTestAgent(server.server, {
  username: 'liming',
  displayName: '李明',
  password: 'console-demo-pass',
  centreId: 'suzhou-gusu',
  skills: ['elderly-care'],
});

/** A waiting resident: where, what for, how long ago, and what makes them go ahead. */
interface Arrival {
  centreId: string;
  name: string;
  location: string;
  need: TicketNeed;
  minutesAgo: number;
  kind?: 'fixed' | 'portable';
  disability?: boolean;
  /** Born in this year (a consented card); 1940 makes them 80+. */
  born?: number;
}
const arrivals: Arrival[] = [
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 1',
    location: '华悦居委会',
    need: 'residence',
    minutesAgo: 11,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 2',
    location: '长桥居委会',
    need: 'elderly-care',
    minutesAgo: 6.5,
    born: 1938,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 3',
    location: '田东居委会',
    need: 'disability',
    minutesAgo: 5,
    disability: true,
  },
  {
    centreId: 'suzhou-gusu',
    name: '姑苏 一体机 1',
    location: '平江居委会',
    need: 'elderly-care',
    minutesAgo: 4.2,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 4',
    location: '田林十二村居委会',
    need: 'medical-insurance',
    minutesAgo: 3.8,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 5',
    location: '宜山居委会',
    need: 'consultation',
    minutesAgo: 2.5,
    born: 1944,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 6',
    location: '千鹤居委会',
    need: 'elderly-care',
    minutesAgo: 1.9,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 7',
    location: '田林四村居委会',
    need: 'medical-insurance',
    minutesAgo: 1.1,
  },
  {
    centreId: 'xuhui-tianlin',
    name: '田林 一体机 8',
    location: '虹梅居委会',
    need: 'unsure',
    minutesAgo: 0.4,
  },
];

const browser = await launchChromium();
const clients: TestClient[] = [];
try {
  // The portable kiosk (上门办) runs in a browser page so that it can answer the call with video.
  const kioskPage = await kioskSimPage(browser, url);
  const portable = await createTestKiosk(server.server, {
    centreId: 'xuhui-tianlin',
    kind: 'portable',
    name: '田林 上门办 1',
    location: '田林十二村居委会',
  });
  shift(-8 * 60_000);
  await kioskPage.evaluate((t) => window.startKioskSim(t), portable.token);

  for (const a of arrivals) {
    shift(-a.minutesAgo * 60_000);
    const { token } = await createTestKiosk(server.server, {
      centreId: a.centreId,
      name: a.name,
      location: a.location,
      kind: a.kind ?? 'fixed',
    });
    const c = await connectKiosk(url, token);
    clients.push(c);
    const { ticket } = okData(
      await c.request('ticket:request', {
        need: a.need,
        ...(a.born ? { identity: 'pending' as const } : {}),
        ...(a.disability ? { disability: true } : {}),
      }),
    );
    if (a.born) {
      await shareIdentityOverHttp(url, token, ticket.id, {
        cardType: 'resident',
        name: a.born < 1940 ? '张桂芳' : '赵德明',
        gender: a.born < 1940 ? 'female' : 'male',
        birthDate: `${a.born}-03-12`,
        idNumber: residentId(`310104${a.born}0312004`),
        idNumberValid: true,
      }).catch((e: Error) => console.warn(`identity for ${a.name}: ${e.message}`));
    }
  }
  shift(0);

  const shoot = async (page: Page, name: string) => {
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path });
    console.log(`  ${path}`);
  };
  const signIn = async (page: Page, username: string) => {
    await page.goto(`${url}/console/`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill('console-demo-pass');
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid=connection-status][data-status=connected]').waitFor();
    // A first sign-in starts away; a later one keeps the status the account had: set it away.
    const current = page.getByTestId('status-current');
    await current.waitFor();
    if ((await current.getAttribute('data-status')) === 'wrap-up') {
      await page.getByTestId('status-ready').click();
      await page.locator('[data-testid=status-current][data-status=available]').waitFor();
    }
    if ((await current.getAttribute('data-status')) === 'available')
      await page.getByTestId('status-away').click();
    await page.locator('[data-testid=status-current][data-status=away]').waitFor();
  };

  // The pull centre's agent: away at sign-in; once available, the offer centre's overflowed ticket
  // is offered to her; the call with another centre's resident; wrap-up; then the queue and a call
  // with the portable kiosk (上门办).
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    const ctx = await browser.newContext({
      viewport: { width: w, height: h },
      permissions: ['camera', 'microphone'],
    });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
    await signIn(page, 'wangfang');
    await page.getByTestId('queue-table').waitFor();
    await page.waitForTimeout(500);
    await shoot(page, `${w}x${h}-1-queue-away`);
    if (w !== 1280) {
      await ctx.close();
      continue;
    }
    await page.getByTestId('status-available').click();
    await page.getByTestId('offer-prompt').waitFor();
    await page.waitForTimeout(2000);
    await shoot(page, `${w}x${h}-2-offer-overflow`);
    await page.getByTestId('offer-accept').click();
    await page.getByTestId('call-view').waitFor();
    await page.waitForTimeout(1000);
    await shoot(page, `${w}x${h}-3-call-other-centre`);
    await page.getByTestId('end-call').click();
    await page.getByTestId('status-ready').waitFor();
    await page.waitForTimeout(1500);
    await shoot(page, `${w}x${h}-4-wrap-up`);
    await page.getByTestId('status-ready').click();
    await page.locator('[data-testid=status-current][data-status=available]').waitFor();
    await page.waitForTimeout(500);
    await shoot(page, `${w}x${h}-5-queue-available`);
    await page.getByTestId('language-switch').click();
    await shoot(page, `${w}x${h}-6-queue-en`);
    await page.getByTestId('language-switch').click();

    await page
      .locator('[data-testid=queue-row]:has([data-testid=place-portable]) [data-testid=accept-button]')
      .click();
    await page.getByTestId('call-view').waitFor();
    await page
      .waitForFunction(
        () =>
          (document.querySelector('[data-testid=remote-video]') as HTMLVideoElement | null)?.readyState === 4,
        null,
        { timeout: 20_000 },
      )
      .catch(() => console.warn('no remote video within 20 s'));
    await page.waitForTimeout(1000);
    await shoot(page, `${w}x${h}-7-call-portable`);
    await page.getByTestId('end-call').click();
    await page.getByTestId('status-ready').waitFor();
    await ctx.close();
  }

  // The offer centre's agent: the note instead of "take the next one" (the pull partner's
  // overflow keeps Accept), the prompt for a ticket of their own centre, and a missed offer.
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
  await signIn(page, 'liming');
  await page.getByTestId('offer-mode-note').waitFor();
  const { token } = await createTestKiosk(server.server, {
    centreId: 'suzhou-gusu',
    name: '姑苏 一体机 2',
    location: '观前居委会',
  });
  const gusu = await connectKiosk(url, token);
  clients.push(gusu);
  okData(await gusu.request('ticket:request', { need: 'elderly-care', disability: true }));
  await page.waitForTimeout(1000);
  await shoot(page, '1280x720-8-offer-mode-away');
  await page.getByTestId('status-available').click();
  await page.getByTestId('offer-prompt').waitFor();
  await page.waitForTimeout(2500);
  await shoot(page, '1280x720-9-offer-prompt');
  await page.getByTestId('offer-prompt').waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForTimeout(300);
  await shoot(page, '1280x720-10-offer-missed');
  await ctx.close();
} finally {
  for (const c of clients) c.close();
  await browser.close();
  await server.close();
}
