/**
 * A matter that could not be done (办不成), end to end (issue 9 #12), on the same real parts as
 * case-done: in one call the agent handles two matters, the disability transport subsidy found by
 * its category (办不成, with the reason and the next step) and a policy question (咨询). After the
 * call the kiosk tells the resident the reason and the next step of the matter not done, with its
 * case number, before the rating; the resident rates 不满意 with a reason and a note typed by the
 * committee staff, and a supervisor finds the follow-up that the low rating opened.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { sampleCards } from '@rvw/sim';
import {
  agentEndsCall,
  cardToCall,
  openCase,
  recordOutcome,
  secretsInDatabase,
  startCaseRig,
  type CaseRig,
} from '../support/case-flows';

const card = sampleCards.resident;
const fullNumber = card.idNumber;
const notDone = {
  reason: '居民没有第二代残疾人证，暂时不能申领交通补贴',
  nextStep: '请先带身份证和照片到街道残联换领第二代残疾人证，领证后再来申请',
};

let rig: CaseRig;

beforeAll(async () => {
  rig = await startCaseRig();
});

afterAll(async () => {
  await rig?.close();
});

test('办不成: the kiosk tells the reason and the next step before the rating; 不满意 opens a follow-up', async () => {
  onTestFailed(() => console.log(`browser log:\n${rig.browserLog.join('\n')}`));
  const { kioskPage, consolePage } = rig;
  await cardToCall(rig, card);

  // The first matter, found by its category: it cannot be done today.
  const subsidy = await openCase(consolePage, 'disability-transport-subsidy', { category: 'disability' });
  // 办不成 without its words is refused on the console before it reaches the server.
  await consolePage.getByTestId('pane-outcome').click();
  await consolePage.getByTestId('outcome-not-done').click();
  await consolePage.getByTestId('record-outcome').click();
  await consolePage.getByTestId('outcome-problems').waitFor();
  expect(await consolePage.locator('[data-testid=case-status]').getAttribute('data-status')).toBe('open');
  await recordOutcome(consolePage, 'not-done', notDone);

  // A second matter in the same call: a policy question, answered (咨询).
  await consolePage.getByTestId('another-matter').click();
  const question = await openCase(consolePage, 'policy-consultation', { query: '政策' });
  expect(question).not.toBe(subsidy);
  await recordOutcome(consolePage, 'consultation');
  await agentEndsCall(consolePage);

  // Before the rating: the matter not done, its reason, its next step and its number (一次性告知).
  const notice = kioskPage.getByTestId('outcome-notice');
  await notice.waitFor({ timeout: 15_000 });
  expect(await kioskPage.getByTestId('screen-rating').count()).toBe(0);
  const told = await kioskPage.getByTestId(`outcome-case-${subsidy}`).innerText();
  expect(told).toContain('残疾人交通补贴');
  expect(told).toContain('办不成');
  expect(told).toContain(notDone.reason);
  expect(told).toContain(notDone.nextStep);
  expect(told).toContain(subsidy);
  // The question needs no telling again.
  expect(await kioskPage.getByTestId(`outcome-case-${question}`).count()).toBe(0);
  await kioskPage.getByTestId('outcome-ok').click();

  // 不满意, with a reason and a note by the committee staff (a stray ID number in it is scrubbed).
  await kioskPage.getByTestId('rating-dissatisfied').click();
  await kioskPage.getByTestId('rating-reason-not-solved').click();
  await kioskPage.getByTestId('rating-staff-note').fill(`老人希望残联上门办理 ${fullNumber}`);
  await kioskPage.getByTestId('rating-submit').click();
  await kioskPage.getByTestId('screen-thanks').waitFor();
  rig.kiosk.sim!.placeCard(null);
  await kioskPage.getByTestId('thanks-done').click();
  await kioskPage.getByTestId('screen-welcome').waitFor();

  // Read back: the outcome with its words, the rating on both cases of the session.
  const { cases } = await rig.agentApi.listCases({ query: { number: subsidy } });
  const detail = await rig.agentApi.getCase({ params: { caseId: cases[0]!.caseId } });
  expect(detail.case.status).toBe('closed');
  expect(detail.case.outcome).toMatchObject({ outcome: 'not-done', ...notDone });
  expect(detail.rating).toMatchObject({ rated: true, level: 'dissatisfied', reasons: ['not-solved'] });
  const other = (await rig.agentApi.listCases({ query: { number: question } })).cases[0]!;
  expect(other.outcome?.outcome).toBe('consultation');
  expect((await rig.agentApi.getCase({ params: { caseId: other.caseId } })).rating?.level).toBe(
    'dissatisfied',
  );
  expect(detail.rating?.staffNote).toContain('老人希望残联上门办理');
  expect(detail.rating?.staffNote).not.toContain(fullNumber);

  // The low rating opened a follow-up for a supervisor, naming both cases and the agent.
  const { followUps } = await rig.api.listFollowUps({ query: { status: 'open' } });
  expect(followUps).toHaveLength(1);
  expect(followUps[0]).toMatchObject({
    sessionId: detail.case.sessionId,
    agentId: rig.agent.id,
    level: 'dissatisfied',
    reasons: ['not-solved'],
    closedAt: null,
  });
  expect([...followUps[0]!.caseNumbers].sort()).toEqual([subsidy, question].sort());

  // No full ID number in the database files or any log, the staff note's included.
  expect(secretsInDatabase(rig.server.dataDir, [fullNumber, fullNumber.slice(0, 17)])).toEqual([]);
  for (const log of [rig.server.logText(), rig.kioskLog.join('\n'), rig.browserLog.join('\n')])
    expect(log).not.toContain(fullNumber);
});
