/**
 * Skill routing and priority end to end (issue 11 #1-#3, #5): at the kiosk a resident of 80 places
 * the card, consents, presses 医保 and answers "no" to the disability question; the waiting screen
 * shows an estimate (or says honestly that it cannot). Only the agent with the medical-insurance
 * skill sees the ticket, with where the resident is; the agent with other skills sees only their
 * own kind of ticket. The 80-year-old's ticket carries the 80+ tag and goes ahead of a younger
 * resident's ticket that was there first. The younger resident and the disability ticket come
 * from kiosks that are plain socket clients.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { ResidentIdentity, type TicketNeed } from '@rvw/shared';
import type { IdCard } from '@rvw/kiosk/idcard';
import {
  connectKiosk,
  createTestKiosk,
  okData,
  shareIdentityOverHttp,
  type TestClient,
} from '@rvw/signaling-server/testing';
import {
  cardBornOn,
  cardToWaiting,
  queueRow,
  signIn,
  startRoutingRig,
  type RoutingRig,
} from '../support/routing-rig';

const CENTRE = 'xuhui-tianlin';
let rig: RoutingRig;
const kiosks: TestClient[] = [];

beforeAll(async () => {
  rig = await startRoutingRig({
    centres: [{ id: CENTRE, name: '徐汇区田林街道社区事务受理服务中心', region: '上海市徐汇区' }],
    kioskCentre: CENTRE,
    people: [
      { key: 'wang', displayName: '王芳', skills: ['elderly-care', 'medical-insurance'], centreId: CENTRE },
      { key: 'li', displayName: '李强', skills: ['disability', 'residence'], centreId: CENTRE },
    ],
  });
});

afterAll(async () => {
  for (const k of kiosks) k.close();
  await rig?.close();
});

/** What the kiosk shares of a resident card once the resident consents (zod drops the rest). */
const identityOf = (card: IdCard): ResidentIdentity => ResidentIdentity.parse(card);

/** A kiosk of the centre (a socket client) takes a ticket for `need`, sharing `card` when given. */
async function socketKioskTakes(need: TicketNeed, card?: IdCard): Promise<string> {
  const { token } = await createTestKiosk(rig.server.server, {
    name: `田林街道 第${kiosks.length + 2}居委会`,
    location: '上海市徐汇区田林街道',
    centreId: CENTRE,
  });
  const client = await connectKiosk(rig.server.url, token);
  kiosks.push(client);
  const { ticket } = okData(
    await client.request('ticket:request', {
      need,
      ...(card ? { identity: 'pending' as const } : {}),
    }),
  );
  if (card) await shareIdentityOverHttp(rig.server.url, token, ticket.id, identityOf(card));
  return ticket.number;
}

/** The ticket numbers of the queue rows on a console page, top to bottom. */
function rowNumbers(key: string): Promise<string[]> {
  return rig.seats[key]!.page.locator('[data-testid="queue-row"]').evaluateAll((rows) =>
    rows.map((r) => r.getAttribute('data-ticket-number') ?? ''),
  );
}

test('the need routes to the agent with the skill; 80+ goes ahead with its tag; the kiosk shows an estimate', async () => {
  onTestFailed(() => {
    console.log(`browser log:\n${rig.browserLog.join('\n')}`);
    console.log(`kiosk log:\n${rig.kioskLog.join('\n')}`);
  });
  const wang = await signIn(rig, 'wang');
  const li = await signIn(rig, 'li');

  // A younger resident (60) is waiting for medical insurance first.
  const younger = await socketKioskTakes('medical-insurance', cardBornOn('1966-05-01', '周建华', '013'));
  await queueRow(wang.page, younger).waitFor();

  // The resident of 80 at the kiosk: card, consent, 医保, no disability; an estimate is shown.
  const elder = await cardToWaiting(rig, cardBornOn('1944-02-10', '陆桂英', '024'), 'medical-insurance');
  const estimate = rig.kioskPage.getByTestId('waiting-estimate');
  await estimate.waitFor();
  await expect.poll(async () => (await estimate.innerText()).trim().length).toBeGreaterThan(0);

  // 王芳 (医保) sees both, the 80-year-old first with the 80+ tag, and where each resident is.
  const elderRow = queueRow(wang.page, elder);
  await elderRow.locator('[data-testid="queue-tag"][data-tag="age80"]').waitFor();
  await expect.poll(() => rowNumbers('wang')).toEqual([elder, younger]);
  expect(
    await queueRow(wang.page, younger).locator('[data-testid="queue-tag"][data-tag="age80"]').count(),
  ).toBe(0);
  expect(await elderRow.getByTestId('queue-place').innerText()).toContain('田林街道 第一居委会');
  expect(await queueRow(wang.page, younger).getByTestId('queue-place').innerText()).toContain('田林街道');
  // First in line now, the kiosk says so.
  await expect.poll(() => rig.kioskPage.getByTestId('queue-position').innerText()).toContain('下一位就是您');

  // 李强 (残疾人, 居住) gets a disability ticket, and never either medical-insurance one.
  const disability = await socketKioskTakes('disability');
  await queueRow(li.page, disability).waitFor();
  expect(await rowNumbers('li')).toEqual([disability]);
  await expect.poll(() => rowNumbers('wang')).toEqual([elder, younger]);

  // 王芳 takes the first in line: the 80-year-old's call.
  await wang.page.getByTestId('accept-next').click();
  await wang.page.getByTestId('call-view').waitFor();
  expect(await wang.page.getByTestId('call-ticket-number').innerText()).toBe(elder);
  await rig.kioskPage.getByTestId('screen-call').waitFor();
});
