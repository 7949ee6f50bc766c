/**
 * The case screens for the screenshot run (issue 9), at 1366x768 with the video beside them: the
 * item finder, a search by pinyin initials, the form prefilled from the card, a typing mistake,
 * the resident's flag, the signed form, a voiding change, End call held back, the outcome panel's
 * refusal and 办不成, a second matter, the English form; then the supervisor's follow-ups and the
 * case read-back with its signature. The kiosk side is the simulator page (kiosk-sim.ts).
 */
import type { Browser, Page } from 'playwright-core';
import type { CaseState, ResidentIdentity } from '@rvw/shared';
import { shareIdentityOverHttp } from '@rvw/signaling-server/testing';

/** What the main script hands over. */
export interface CaseShotsContext {
  browser: Browser;
  url: string;
  /** The simulator page of the kiosk whose video answers the call. */
  kioskPage: Page;
  kioskToken: string;
  /** Its name, as the queue row shows it. */
  kioskName: string;
  /** Its waiting ticket, if it has one already (otherwise it takes a new one). */
  ticketId?: string;
  resident: ResidentIdentity;
  username: string;
  password: string;
  shoot(page: Page, name: string): Promise<void>;
}

const STROKES = {
  canvas: { width: 800, height: 260 },
  strokes: [
    {
      points: [
        [60, 160],
        [90, 90],
        [120, 170],
        [150, 80],
        [190, 160],
      ].map(([x, y], i) => ({ x: x!, y: y!, time: 1000 + i * 40 })),
    },
    {
      points: [
        [240, 120],
        [300, 110],
        [360, 130],
        [420, 100],
      ].map(([x, y], i) => ({ x: x!, y: y!, time: 2000 + i * 40 })),
    },
  ],
};
const consent = { consentText: '我已核对以上内容，确认无误。', locale: 'zh-CN' };

/** Runs a kiosk event from the simulator page. */
function kioskDo(page: Page, event: string, payload: unknown): Promise<unknown> {
  return page.evaluate(([e, p]) => window.kioskSimRequest!(e as string, p), [event, payload] as const);
}

function kioskCase(page: Page): Promise<CaseState> {
  return page.evaluate(() => window.kioskSimCase!);
}

/** The kiosk confirms and signs the revision it shows now. */
async function confirmAndSign(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const c = window.kioskSimCase;
    return c && c.form.confirmRequested === c.form.revision;
  });
  const c = await kioskCase(page);
  const at = { caseId: c.caseId, revision: c.form.revision, hash: c.form.hash };
  await kioskDo(page, 'form:confirm', { ...at, ...consent });
  await kioskDo(page, 'form:sign', { ...at, strokes: STROKES, ...consent });
}

/** Takes the new screens; returns when the call is over and the supervisor pages are shot. */
export async function shootCaseScreens(c: CaseShotsContext): Promise<void> {
  const { browser, url, kioskPage } = c;
  // During the call the page itself must not scroll: only the columns do.
  const shoot = async (page: Page, name: string) => {
    const overflow = await page.evaluate(() =>
      document.querySelector('[data-testid=call-view]')
        ? document.documentElement.scrollHeight - window.innerHeight
        : 0,
    );
    if (overflow > 0) console.warn(`  ${name}: the page is ${overflow} px taller than the screen`);
    await c.shoot(page, name);
  };
  // A new ticket on the video kiosk, with the card shared.
  const ticketId =
    c.ticketId ?? ((await kioskDo(kioskPage, 'ticket:request', {})) as { ticket: { id: string } }).ticket.id;
  await shareIdentityOverHttp(url, c.kioskToken, ticketId, c.resident);

  const ctx = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    permissions: ['camera', 'microphone'],
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error(`[console page] ${e.message}`));
  const tag = '1366x768';
  await page.goto(`${url}/console/`);
  await page.getByTestId('login-username').fill(c.username);
  await page.getByTestId('login-password').fill(c.password);
  await page.getByTestId('login-submit').click();
  await page
    .locator('[data-testid=queue-row]', { hasText: c.kioskName })
    .getByTestId('accept-button')
    .click();
  await page.getByTestId('case-workspace').waitFor();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid=remote-video]') as HTMLVideoElement | null)?.readyState === 4,
    null,
    { timeout: 20_000 },
  );
  await page.getByTestId('item-guide').waitFor();
  await page.waitForTimeout(800);
  await shoot(page, `${tag}-c1-finder`);

  await page.getByTestId('item-search').fill('cqhl');
  await page.getByTestId('catalogue-result-ltci-assessment').click();
  await page.locator('[data-testid=item-guide][data-item-code=ltci-assessment]').waitFor();
  await shoot(page, `${tag}-c2-search-pinyin`);

  await page.getByTestId('open-case').click();
  await page.getByTestId('form-editor').waitFor();
  await shoot(page, `${tag}-c3-form-prefilled`);

  await page.getByTestId('field-applicantRelation').selectOption('spouse');
  await page.getByTestId('field-insuranceType').selectOption('employee');
  await page.getByTestId('field-currentSetting').selectOption('home');
  await page.getByTestId('field-contactName').fill('王小明');
  await page.getByTestId('field-contactPhone').fill('1381234');
  await page.waitForTimeout(400);
  await shoot(page, `${tag}-c4-form-typing-error`);
  await page.getByTestId('field-contactPhone').fill('13812345678');
  await page.getByTestId('field-contactPhone').press('Enter');
  await kioskPage.waitForFunction(() => window.kioskSimCase?.form.values.contactPhone === '13812345678');

  const shown = await kioskCase(kioskPage);
  await kioskDo(kioskPage, 'form:flag', {
    caseId: shown.caseId,
    field: 'contactPhone',
    revision: shown.form.revision,
  });
  await page.getByTestId('field-flag-contactPhone').waitFor();
  await shoot(page, `${tag}-c5-flagged`);
  // The same screen on a large monitor.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, '1920x1080-c5-flagged');
  await page.setViewportSize({ width: 1366, height: 768 });

  await page.getByTestId('field-contactPhone').fill('13912345678');
  await page.getByTestId('field-contactPhone').press('Enter');
  await page.getByTestId('field-flag-contactPhone').waitFor({ state: 'detached' });
  await page.getByTestId('request-confirm').click();
  await confirmAndSign(kioskPage);
  await page.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
  await shoot(page, `${tag}-c6-signed`);

  await page.getByTestId('field-contactName').fill('王小红');
  await page.getByTestId('field-contactName').press('Enter');
  await page.getByTestId('form-voided').waitFor();
  await shoot(page, `${tag}-c7-voided`);

  await page.getByTestId('pane-outcome').click();
  await page.getByTestId('outcome-completed').click();
  await shoot(page, `${tag}-c8-outcome-needs-signature`);

  await page.getByTestId('pane-form').click();
  await page.getByTestId('request-confirm').click();
  await confirmAndSign(kioskPage);
  await page.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
  await page.getByTestId('pane-outcome').click();
  await page.getByTestId('outcome-accepted').click();
  await page.getByTestId('record-outcome').click();
  await page.locator('[data-testid=case-status][data-status=closed]').waitFor();
  await shoot(page, `${tag}-c9-recorded`);

  await page.getByTestId('another-matter').click();
  await page.getByTestId('item-search').fill('政策');
  await page.getByTestId('catalogue-result-policy-consultation').click();
  await page.getByTestId('open-case').click();
  await page.getByTestId('outcome-panel').waitFor();
  await page.getByTestId('end-call-blocked').waitFor();
  await page.getByTestId('outcome-not-done').click();
  await page.getByTestId('record-outcome').click();
  await page.getByTestId('outcome-problems').waitFor();
  await shoot(page, `${tag}-c10-not-done-needs-reason`);
  await page.locator('.abandon summary').click();
  await page.getByTestId('abandon-case').click();
  await shoot(page, `${tag}-c10b-abandon-needs-reason`);
  await page.locator('.abandon summary').click();
  await page.getByTestId('outcome-reason').fill('需要本人到中心核验指纹，远程无法办理');
  await page
    .getByTestId('outcome-next-step')
    .fill('请本人带身份证，工作日到江宁路街道社区事务受理服务中心 3 号窗口');
  await shoot(page, `${tag}-c11-not-done-filled`);
  await page.getByTestId('record-outcome').click();
  await page.locator('[data-testid=case-status][data-status=closed]').waitFor();

  // A third matter with a repeatable group, given up in the end.
  await page.getByTestId('another-matter').click();
  await page.getByTestId('item-search').fill('计划生育');
  await page.getByTestId('catalogue-result-family-planning-reward').click();
  await page.getByTestId('open-case').click();
  await page.getByTestId('group-add-children').click();
  await page.getByTestId('field-children-0-name').fill('张小明');
  await page.getByTestId('field-children-0-birthDate').fill('1988-06-01');
  await page.getByTestId('group-add-children').click();
  await page.getByTestId('field-children-1-name').fill('张小红');
  await page.getByTestId('field-retirementDate').fill('2019-13-01');
  await page.getByTestId('field-retirementDate').press('Enter');
  await shoot(page, `${tag}-c13-group-and-problems`);
  await page.getByTestId('pane-outcome').click();
  await page.locator('.abandon summary').click();
  await page.getByTestId('abandon-reason').fill('居民忘带光荣证，改天再来');
  await page.getByTestId('abandon-case').click();
  await page.locator('[data-testid=case-status][data-status=abandoned]').waitFor();
  await shoot(page, `${tag}-c14-abandoned`);

  await page.getByTestId('language-switch').click();
  await page.getByTestId(`case-tab-${shown.caseId}`).click();
  await shoot(page, `${tag}-c12-closed-case-en`);
  await page.getByTestId('language-switch').click();
  await page.getByTestId('end-call').click();
  await page.getByTestId('call-ended-notice').waitFor();
  await kioskDo(kioskPage, 'rating:submit', {
    sessionId: shown.sessionId,
    rating: { rated: true, level: 'dissatisfied', reasons: ['waited-too-long', 'unclear-explanation'] },
  });

  await page.getByTestId('tab-admin').click();
  await page.getByTestId('admin-section-follow-ups').click();
  await page.getByTestId('follow-up').first().waitFor();
  await shoot(page, `${tag}-s1-follow-ups`);
  await page.getByTestId('follow-up-close').first().click();
  await page.getByTestId('follow-up-note').fill('已电话回访王秀英，解释了评估流程，居民表示理解。');
  await shoot(page, `${tag}-s2-follow-up-closing`);
  await page.getByTestId('follow-up-submit').click();
  await page.getByTestId('follow-ups-closed').click();
  await page.getByTestId('follow-up').first().waitFor();

  await page.getByTestId('admin-section-cases').click();
  await page.getByTestId('case-lookup-number').fill(shown.number);
  await page.getByTestId('case-lookup-submit').click();
  await page.getByTestId('case-readback').waitFor();
  await shoot(page, `${tag}-s3-case-readback`);
  await page.getByTestId('case-readback').locator('section').nth(2).scrollIntoViewIfNeeded();
  await shoot(page, `${tag}-s4-case-readback-history`);
  await ctx.close();
}
