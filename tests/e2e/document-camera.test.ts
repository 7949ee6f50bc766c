/**
 * A kiosk with two cameras (issue 10 #5): the face camera and a document camera (高拍仪), picked by
 * its device label from the kiosk's configuration (RVW_KIOSK_DOCUMENT_CAMERA). Chromium lists two
 * fake cameras, `fake_device_0` (the first: the call's) and `fake_device_1`, configured as the
 * document camera. The capture screen must show the document camera, not the call's picture, and
 * capture from it; the call keeps its own camera; the document camera is released afterwards.
 */
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { sampleCards } from '@rvw/sim';
import { cardToCall, openCase, startCaseRig, type CaseRig } from '../support/case-flows';
import { askForMaterial, materialProbe, thumbnails } from '../support/materials';

const DOCUMENT_CAMERA = 'fake_device_1';
let rig: CaseRig;

beforeAll(async () => {
  rig = await startCaseRig({ cameras: 2, kiosk: { documentCamera: DOCUMENT_CAMERA } });
  await rig.consolePage.addInitScript(materialProbe);
});

afterAll(async () => {
  await rig?.close();
});

/**
 * The cameras whose video the kiosk page holds live (the probe records every getUserMedia and clone),
 * each once: the mirror keeps its stream through the call while the call runs on a clone of it, two
 * tracks of the same camera.
 */
function liveCameras(): Promise<string[]> {
  return rig.kioskPage.evaluate(() => [
    ...new Set(
      ((window as unknown as { __rvwTracks?: MediaStreamTrack[] }).__rvwTracks ?? [])
        .filter((t) => t.kind === 'video' && t.readyState === 'live')
        .map((t) => t.label),
    ),
  ]);
}

test('the capture shows and takes the configured document camera, and the call keeps the face camera', async () => {
  onTestFailed(() => {
    console.log(`browser log:\n${rig.browserLog.join('\n')}`);
    console.log(`kiosk log:\n${rig.kioskLog.join('\n')}`);
  });
  const { consolePage, kioskPage } = rig;
  await cardToCall(rig, sampleCards.resident);
  await openCase(consolePage, 'ltci-assessment', { query: 'cqhl' });
  // The call runs on the first camera.
  expect(await liveCameras()).toEqual(['fake_device_0']);

  await consolePage.getByTestId('pane-materials').click();
  await askForMaterial(consolePage, '残疾人证');
  await kioskPage.getByTestId('capture-accept').click();
  const live = kioskPage.locator('[data-testid=capture-live][data-camera=document]');
  await live.waitFor();
  // The picture on the capture screen is the document camera's own stream.
  await kioskPage.waitForFunction(
    (label) => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="capture-video"]');
      const track = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0];
      return video !== null && video.videoWidth > 0 && track?.label === label;
    },
    DOCUMENT_CAMERA,
    { timeout: 15_000 },
  );
  expect((await liveCameras()).sort()).toEqual(['fake_device_0', DOCUMENT_CAMERA]);

  // The resident takes it with the big button; the agent sees it at once.
  await kioskPage.getByTestId('capture-button').click();
  await kioskPage.getByTestId('capture-done').waitFor();
  expect(await thumbnails(consolePage, 1)).toHaveLength(1);

  // The document camera is released once the capture is over; the call's camera stays live.
  await kioskPage.waitForFunction(
    (label) =>
      !((window as unknown as { __rvwTracks?: MediaStreamTrack[] }).__rvwTracks ?? []).some(
        (t) => t.label === label && t.readyState === 'live',
      ),
    DOCUMENT_CAMERA,
    { timeout: 15_000 },
  );
  expect(await liveCameras()).toEqual(['fake_device_0']);
});
