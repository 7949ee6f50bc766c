/**
 * The document camera (高拍仪) end to end (issue 10 #5, #6), on the case rig's real parts with
 * Chromium's fake camera (one camera: the face camera serves). In a call with an open 长期护理 case
 * the agent asks for the household register page; the kiosk asks the resident, who agrees; the
 * live picture shows, large; the agent presses capture and the thumbnail appears on the console at
 * once; the consent ledger has the capture-material entry. The agent asks for another and the
 * resident takes it with the big button. Then an upload through the kiosk's HTTP route that is too
 * large (or not an image) is refused with its code, and the same request is captured after it: the
 * session goes on.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { MATERIAL_MAX_BYTES } from '@rvw/shared';
import { sampleCards } from '@rvw/sim';
import { cardToCall, openCase, startCaseRig, type CaseRig } from '../support/case-flows';
import { askForMaterial, materialFrames, materialProbe, thumbnails, uploadRaw } from '../support/materials';

const card = sampleCards.resident;
const LABEL = '户口簿本人页';
const PUT_IT_DOWN = '请把材料放在下面的台子上';

let rig: CaseRig;

beforeAll(async () => {
  rig = await startCaseRig();
  await rig.consolePage.addInitScript(materialProbe);
});

afterAll(async () => {
  await rig?.close();
});

test('the agent asks for 户口簿, the resident agrees, capture by the agent and by the big button; too large is refused', async () => {
  onTestFailed(() => {
    console.log(`browser log:\n${rig.browserLog.join('\n')}`);
    console.log(`kiosk log:\n${rig.kioskLog.join('\n')}`);
  });
  const { consolePage, kioskPage } = rig;
  await cardToCall(rig, card);
  const caseNumber = await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
  const { cases } = await rig.agentApi.listCases({ query: { number: caseNumber } });
  const caseId = cases[0]!.caseId;

  // The agent asks; the kiosk asks the resident, naming the material; the resident agrees.
  await consolePage.getByTestId('pane-materials').click();
  await askForMaterial(consolePage, LABEL);
  const question = kioskPage.getByTestId('capture-ask');
  expect(await question.innerText()).toContain(LABEL);
  await kioskPage.getByTestId('capture-accept').click();

  // The live picture, large, with the instruction; the fake camera's frames play in it.
  const live = kioskPage.getByTestId('capture-live');
  await live.waitFor();
  expect(await live.innerText()).toContain(PUT_IT_DOWN);
  await kioskPage.waitForFunction(
    () => (document.querySelector('[data-testid="capture-video"]') as HTMLVideoElement | null)?.videoWidth,
    null,
    { timeout: 15_000 },
  );
  // The picture spans the resident's panel.
  const video = (await kioskPage.getByTestId('capture-video').boundingBox())!;
  const panel = (await live.boundingBox())!;
  expect(video.width).toBeGreaterThan(0.8 * panel.width);
  await consolePage.locator('[data-testid=material-state][data-state=consented]').waitFor();

  // The agent presses capture: the thumbnail appears on the console, drawn from the stored image.
  await consolePage.getByTestId('material-capture').click();
  await kioskPage.getByTestId('capture-done').waitFor();
  await consolePage.locator('[data-testid=material-state][data-state=captured]').waitFor();
  expect(await thumbnails(consolePage, 1)).toHaveLength(1);

  // The image and the resident's consent are on the case.
  const first = (await rig.agentApi.listCaseMaterials({ params: { caseId } })).materials;
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ label: LABEL, caseId });
  expect(first[0]!.width).toBeGreaterThan(100);
  const image = await rig.agentApi.materialImage({ params: { materialId: first[0]!.materialId } });
  expect(image.byteLength).toBe(first[0]!.bytes);
  const { entries } = await rig.agentApi.caseConsents({ params: { caseId } });
  const consent = entries.find((e) => e.kind === 'capture-material');
  expect(consent?.text).toContain(LABEL);

  // Another: the agent asks again, the resident agrees and taps the big button.
  await consolePage.getByTestId('material-again').click();
  await kioskPage.getByTestId('capture-ask').waitFor();
  await kioskPage.getByTestId('capture-accept').click();
  const button = kioskPage.getByTestId('capture-button');
  await kioskPage.waitForFunction(
    () => !(document.querySelector('[data-testid="capture-button"]') as HTMLButtonElement | null)?.disabled,
    null,
    { timeout: 15_000 },
  );
  await button.click();
  await kioskPage.getByTestId('capture-done').waitFor();
  const two = await thumbnails(consolePage, 2);
  expect(new Set(two).size).toBe(2);
  expect(
    (await rig.agentApi.caseConsents({ params: { caseId } })).entries.filter(
      (e) => e.kind === 'capture-material',
    ),
  ).toHaveLength(2);

  // A third request, agreed; an upload through the kiosk's route that is too large, or not an image, is refused.
  await consolePage.getByTestId('material-again').click();
  await kioskPage.getByTestId('capture-ask').waitFor();
  await kioskPage.getByTestId('capture-accept').click();
  await consolePage.locator('[data-testid=material-state][data-state=consented]').waitFor();
  const consented = (await materialFrames(consolePage)).filter((f) => f.state === 'consented').at(-1)!;
  const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
  const tooLarge = Buffer.concat([jpegHead, Buffer.alloc(MATERIAL_MAX_BYTES + 1024, 7)]);
  const big = await uploadRaw(rig, consented.requestId, 'image/jpeg', tooLarge);
  expect(big).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  const text = await uploadRaw(rig, consented.requestId, 'text/plain', Buffer.from('not a picture'));
  expect(text).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA' });

  // The session goes on: the same request is captured, the call is still up on both sides.
  await consolePage.getByTestId('material-capture').click();
  expect(await thumbnails(consolePage, 3)).toHaveLength(3);
  expect((await rig.agentApi.listCaseMaterials({ params: { caseId } })).materials).toHaveLength(3);
  expect(await kioskPage.getByTestId('screen-call').count()).toBe(1);
  expect(await consolePage.getByTestId('call-view').count()).toBe(1);
});
