/**
 * The whole matter at the window, end to end (issue 9 #12), on real parts: the GA 467 simulator on
 * a socat pty pair, the kiosk host and renderer, the agent console in Chromium, the real server. A
 * placed card, consent and a number; the agent finds 长期护理 by its pinyin initials, the form
 * prefills from the card, the agent fills it and the changes appear on the kiosk; the resident flags
 * a field and the agent fixes it; the resident walks the review, confirms and signs with pointer
 * events on the canvas; the agent records 办结 and ends the call; the resident rates 满意 and the
 * kiosk goes home. The case is then read back through the API, and no full ID number, address or
 * phone lies in the database file or the logs.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { maskIdNumber } from '@rvw/shared';
import { sampleCards } from '@rvw/sim';
import {
  agentEndsCall,
  cardToCall,
  expectOnKiosk,
  kioskFieldText,
  openCase,
  recordOutcome,
  secretsInDatabase,
  shownOnScreen,
  signOnCanvas,
  startCaseRig,
  typeField,
  walkReviewAndConfirm,
  type CaseRig,
} from '../support/case-flows';

const card = sampleCards.resident;
const fullNumber = card.idNumber;
const visitAddress = '上海市静安区江宁路街道康定路1000弄5号301室';
const wrongPhone = '13812345678';
const rightPhone = '13912345678';

let rig: CaseRig;

beforeAll(async () => {
  rig = await startCaseRig();
});

afterAll(async () => {
  await rig?.close();
});

test('card → number → call → item → form → flag → confirm → sign → 办结 → 满意 → welcome, read back', async () => {
  onTestFailed(() => console.log(`browser log:\n${rig.browserLog.join('\n')}`));
  const { kioskPage, consolePage } = rig;
  const { consentScreen } = await cardToCall(rig, card);

  // 免申即享: a resident of 78 gets the senior allowance without applying; both sides are told.
  await expect.poll(() => consolePage.getByTestId('entitlements').innerText()).toContain('老年综合津贴');
  await expect.poll(() => kioskPage.getByTestId('entitlements').innerText()).toContain('老年综合津贴');

  // The agent finds the item by its pinyin initials and opens its case.
  const caseNumber = await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
  expect(caseNumber).toMatch(/^JA-\d{8}-\d{4}$/);

  // Prefilled from the card: the name on the kiosk, "from the ID card" on the console, the number masked.
  await expectOnKiosk(kioskPage, 'insuredName', '李秀英');
  expect(await kioskFieldText(kioskPage, 'insuredName')).toContain('来自身份证');
  for (const field of ['insuredName', 'insuredIdNumber', 'insuredBirthDate', 'visitAddress'])
    expect(await consolePage.locator(`[data-field-id="${field}"]`).innerText()).toContain('来自身份证');
  expect(await consolePage.getByTestId('field-insuredName').inputValue()).toBe('李秀英');
  expect(await consolePage.getByTestId('field-insuredIdNumber').inputValue()).toBe(maskIdNumber(fullNumber));
  expect(await kioskPage.locator('body').innerText()).not.toContain(fullNumber);

  // The agent fills the form; each change appears on the kiosk.
  await consolePage.getByTestId('field-applicantRelation').selectOption('child');
  await expectOnKiosk(kioskPage, 'applicantRelation', '子女');
  await consolePage.getByTestId('field-insuranceType').selectOption('employee');
  await expectOnKiosk(kioskPage, 'insuranceType', '职工基本医疗保险');
  await consolePage.getByTestId('field-currentSetting').selectOption('home');
  await expectOnKiosk(kioskPage, 'currentSetting', '家中');
  await typeField(consolePage, 'contactName', '王小明');
  await expectOnKiosk(kioskPage, 'contactName', '王小明');
  // What the agent just changed is highlighted on the kiosk.
  expect(await kioskPage.getByTestId('kiosk-field-contactName').getAttribute('data-changed')).toBe('true');
  await typeField(consolePage, 'visitAddress', visitAddress);
  await expectOnKiosk(kioskPage, 'visitAddress', visitAddress);
  await typeField(consolePage, 'contactPhone', wrongPhone);
  await expectOnKiosk(kioskPage, 'contactPhone', '138 1234 5678');

  // The resident flags the phone ("这一项不对"); the agent sees the flag and fixes the number.
  await kioskPage.getByTestId('kiosk-flag-contactPhone').click();
  await kioskPage.getByTestId('kiosk-flagged-contactPhone').waitFor();
  await consolePage.getByTestId('field-flag-contactPhone').waitFor();
  expect(await consolePage.getByTestId('flags-summary').innerText()).toContain('联系电话');
  await typeField(consolePage, 'contactPhone', rightPhone);
  await expectOnKiosk(kioskPage, 'contactPhone', '139 1234 5678');
  await consolePage.getByTestId('field-flag-contactPhone').waitFor({ state: 'detached' });
  await kioskPage.getByTestId('kiosk-flagged-contactPhone').waitFor({ state: 'detached' });

  // The agent asks for confirmation; the resident walks the form, confirms and signs.
  await consolePage.getByTestId('request-confirm').click();
  const review = await walkReviewAndConfirm(kioskPage);
  // Every page of the walk keeps the number masked; together they show every field.
  const walked = review.pages.join('\n');
  expect(walked).toContain(maskIdNumber(fullNumber));
  expect(walked).not.toContain(fullNumber);
  for (const shown of ['李秀英', '1948年3月15日', visitAddress, '139 1234 5678', '王小明', '子女', '家中'])
    expect(walked).toContain(shown);
  const signing = await signOnCanvas(kioskPage);
  await kioskPage.getByTestId('screen-call').waitFor();
  await consolePage.locator('[data-testid=form-phase][data-phase=signed]').waitFor();

  // 办结, then the agent ends the call.
  await recordOutcome(consolePage, 'completed');
  await agentEndsCall(consolePage);

  // Nothing to be told for a completed matter: straight to the rating; 满意; thanks; welcome.
  await kioskPage.getByTestId('screen-rating').waitFor({ timeout: 15_000 });
  expect(await kioskPage.getByTestId('outcome-notice').count()).toBe(0);
  await kioskPage.getByTestId('rating-satisfied').click();
  await kioskPage.getByTestId('screen-thanks').waitFor();
  rig.kiosk.sim!.placeCard(null);
  // Left alone, the thanks screen goes home by itself.
  await kioskPage.getByTestId('screen-welcome').waitFor({ timeout: 30_000 });

  // The case, read back by the agent who handled it.
  const { cases } = await rig.agentApi.listCases({ query: { number: caseNumber } });
  expect(cases.map((c) => c.number)).toEqual([caseNumber]);
  const caseId = cases[0]!.caseId;
  const detail = await rig.agentApi.getCase({ params: { caseId } });
  expect(detail.case.status).toBe('closed');
  expect(detail.case.outcome?.outcome).toBe('completed');
  // The case records the item's version it was handled under (the catalogue's current one).
  const { item } = await rig.agentApi.getCatalogueItem({ params: { code: 'ltci-assessment' } });
  expect(detail.case.item).toMatchObject({ code: 'ltci-assessment', version: item.version });
  expect(detail.agentId).toBe(rig.agent.id);
  expect(detail.case.form.values).toMatchObject({
    insuredName: '李秀英',
    applicantRelation: 'child',
    contactPhone: rightPhone,
    visitAddress,
  });

  // The signature: the strokes drawn, bound to the confirmed revision and its hash.
  const { confirmation } = detail.case.form;
  const signature = detail.signature!;
  expect(confirmation).not.toBeNull();
  expect(signature.strokes.strokes.length).toBe(signing.strokes);
  expect(signature.strokes.strokes.every((s) => s.points.length >= 2)).toBe(true);
  // The points lie where they were drawn: inside the canvas, from 10 % to 80 % of its width.
  const { width, height } = signature.strokes.canvas;
  const points = signature.strokes.strokes.flatMap((s) => s.points);
  expect(points.every((p) => p.x >= 0 && p.x <= width && p.y >= 0 && p.y <= height)).toBe(true);
  const xs = points.map((p) => p.x / width);
  expect(Math.min(...xs)).toBeCloseTo(0.1, 1);
  expect(Math.max(...xs)).toBeCloseTo(0.8, 1);
  expect(signature.revision).toBe(confirmation!.revision);
  expect(signature.hash).toBe(confirmation!.hash);
  expect(detail.case.form.signature).toMatchObject({ revision: signature.revision, hash: signature.hash });
  expect(signature.revision).toBe(detail.case.form.revision);

  // The rating, stored with the session's cases.
  expect(detail.rating).toMatchObject({ rated: true, level: 'satisfied', reasons: [] });

  // Every change is a revision with its old and new value: the flagged phone shows both.
  const phone = detail.revisions.filter((r) => r.field === 'contactPhone');
  expect(phone.map((r) => [r.oldValue, r.newValue])).toEqual([
    [null, wrongPhone],
    [wrongPhone, rightPhone],
  ]);
  expect(detail.revisions.find((r) => r.field === 'visitAddress')).toMatchObject({
    oldValue: card.address,
    newValue: visitAddress,
    by: rig.agent.id,
  });
  expect(detail.revisions.map((r) => r.revision)).toEqual(
    [...detail.revisions.map((r) => r.revision)].sort((a, b) => a - b),
  );

  // The consent ledger: sharing the card, confirming and signing, each with the text on screen.
  const { entries } = await rig.agentApi.caseConsents({ params: { caseId } });
  expect(entries.map((e) => e.kind)).toEqual(['share-identity', 'confirm-form', 'sign-form']);
  const [shared, confirmed, signed] = entries;
  expect(shownOnScreen(shared!.text, consentScreen)).toBe(true);
  expect(shownOnScreen(confirmed!.text, review.pages.at(-1)!)).toBe(true);
  expect(shownOnScreen(signed!.text, signing.screen)).toBe(true);
  expect(confirmed).toMatchObject({ caseId, revision: confirmation!.revision, hash: confirmation!.hash });
  expect(signed).toMatchObject({ caseId, revision: signature.revision, hash: signature.hash });
  expect(entries.every((e) => e.locale === 'zh-CN')).toBe(true);

  // Reading the case whole was recorded.
  const { reads } = await rig.api.caseReads({ params: { caseId } });
  expect(reads.some((r) => r.agentId === rig.agent.id && r.what === 'api:getCase')).toBe(true);

  // No full ID number (nor its first 17 digits), address or phone in the database files or any log.
  const secrets = [fullNumber, fullNumber.slice(0, 17), card.address!, visitAddress, wrongPhone, rightPhone];
  expect(secretsInDatabase(rig.server.dataDir, secrets)).toEqual([]);
  // The scan does find what is stored in clear (the case number), so the line above means something.
  expect(secretsInDatabase(rig.server.dataDir, [caseNumber])).toEqual([caseNumber]);
  const logs = [rig.server.logText(), rig.kioskLog.join('\n'), rig.browserLog.join('\n')];
  expect(logs[0]!.length).toBeGreaterThan(0);
  for (const log of logs) for (const secret of secrets) expect(log).not.toContain(secret);
});
