/**
 * A change after the signature voids it, and both sides see that plainly (issue 9 #5), end to end
 * on the same real parts as case-done: the resident confirms and signs, the agent then changes a
 * field; the kiosk says the confirmation and signature are void (and no longer that it is signed),
 * the console says so too and refuses 办结 until the resident confirms and signs again. The case
 * read back keeps the second signature, bound to the final content, and the ledger both rounds.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { sampleCards } from '@rvw/sim';
import {
  agentEndsCall,
  cardToCall,
  expectOnKiosk,
  fillLtciForm,
  openCase,
  recordOutcome,
  signOnCanvas,
  startCaseRig,
  typeField,
  walkReviewAndConfirm,
  type CaseRig,
} from '../support/case-flows';

let rig: CaseRig;

beforeAll(async () => {
  rig = await startCaseRig();
});

afterAll(async () => {
  await rig?.close();
});

/** The agent asks, the resident walks the form, confirms and signs; both sides show it signed. */
async function confirmAndSign(): Promise<void> {
  await rig.consolePage.getByTestId('request-confirm').click();
  await walkReviewAndConfirm(rig.kioskPage);
  await signOnCanvas(rig.kioskPage);
  await rig.kioskPage.getByTestId('screen-call').waitFor();
  await rig.consolePage.locator('[data-testid=form-phase][data-phase=signed]').waitFor();
}

test('a change after signing voids confirmation and signature on both screens; 办结 waits for a new signature', async () => {
  onTestFailed(() => console.log(`browser log:\n${rig.browserLog.join('\n')}`));
  const { kioskPage, consolePage } = rig;
  await cardToCall(rig, sampleCards.resident);
  const caseNumber = await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
  await fillLtciForm(consolePage, kioskPage, {
    contactName: '王小明',
    contactPhone: '13812345678',
    shownPhone: '138 1234 5678',
  });
  await confirmAndSign();
  await expect.poll(() => kioskPage.getByTestId('case-panel').innerText()).toContain('您已经签好名了');

  // The agent changes a field after the signature.
  await typeField(consolePage, 'contactName', '王小红');
  await expectOnKiosk(kioskPage, 'contactName', '王小红');
  await kioskPage.getByTestId('form-voided').waitFor();
  expect(await kioskPage.getByTestId('form-voided').innerText()).toContain('作废');
  // The kiosk must not say "signed" and "void" at once.
  expect
    .soft(
      await kioskPage.getByTestId('case-panel').innerText(),
      'the signed notice outlives the voiding change',
    )
    .not.toContain('您已经签好名了');
  await consolePage.getByTestId('form-voided').waitFor();
  expect(await consolePage.getByTestId('form-phase').getAttribute('data-phase')).not.toBe('signed');

  // 办结 needs the signature on the current revision: the console says so and the case stays open.
  await consolePage.getByTestId('pane-outcome').click();
  await consolePage.getByTestId('outcome-completed').click();
  await consolePage.getByTestId('outcome-problems').waitFor();
  await consolePage.getByTestId('record-outcome').click();
  await consolePage.waitForTimeout(500);
  expect(await consolePage.getByTestId('case-status').getAttribute('data-status')).toBe('open');

  // Asked again: the resident confirms and signs the new content; now 办结 goes through.
  await consolePage.getByTestId('pane-form').click();
  await confirmAndSign();
  await recordOutcome(consolePage, 'completed');
  await agentEndsCall(consolePage);
  await kioskPage.getByTestId('rating-very-satisfied').click();
  await kioskPage.getByTestId('screen-thanks').waitFor();
  rig.kiosk.sim!.placeCard(null);
  await kioskPage.getByTestId('thanks-done').click();
  await kioskPage.getByTestId('screen-welcome').waitFor();

  // Read back: the second signature binds the final content; the ledger keeps both rounds.
  const caseId = (await rig.agentApi.listCases({ query: { number: caseNumber } })).cases[0]!.caseId;
  const detail = await rig.agentApi.getCase({ params: { caseId } });
  const form = detail.case.form;
  expect(detail.case.outcome?.outcome).toBe('completed');
  expect(form.values.contactName).toBe('王小红');
  expect(detail.signature).toMatchObject({ revision: form.revision, hash: form.hash });
  expect(form.confirmation).toMatchObject({ revision: form.revision, hash: form.hash });
  const { entries } = await rig.agentApi.caseConsents({ params: { caseId } });
  expect(entries.map((e) => e.kind)).toEqual([
    'share-identity',
    'confirm-form',
    'sign-form',
    'confirm-form',
    'sign-form',
  ]);
  const [, , firstSign, , lastSign] = entries;
  expect(firstSign!.revision).toBeLessThan(lastSign!.revision!);
  expect(firstSign!.hash).not.toBe(lastSign!.hash);
  const change = detail.revisions.find((r) => r.field === 'contactName' && r.newValue === '王小红');
  expect(change).toMatchObject({ oldValue: '王小明', revision: lastSign!.revision });
  expect(detail.rating?.level).toBe('very-satisfied');
});
