import { describe, expect, it, vi } from 'vitest';
import { openDocumentCamera, releaseCamera } from './camera';
import type { CameraDevices } from './camera';
import { base64Bytes, fitWithin } from './frame';

function stream(deviceId: string, state: 'live' | 'ended' = 'live') {
  const track = { readyState: state, stop: vi.fn(), getSettings: () => ({ deviceId }) };
  return { getVideoTracks: () => [track], getTracks: () => [track], track } as unknown as MediaStream & {
    track: typeof track;
  };
}

function devices(labels: Array<[string, string]>) {
  const opened: MediaStreamConstraints[] = [];
  const d = {
    enumerateDevices: vi.fn(async () =>
      labels.map(([deviceId, label]) => ({ deviceId, label, kind: 'videoinput' }) as MediaDeviceInfo),
    ),
    getUserMedia: vi.fn(async (c: MediaStreamConstraints) => {
      opened.push(c);
      return stream('new');
    }),
  };
  return { d: d as unknown as CameraDevices & typeof d, opened };
}

describe('the document camera', () => {
  it('opens the camera whose label contains the configured part', async () => {
    const { d, opened } = devices([
      ['face', 'USB2.0 HD UVC WebCam'],
      ['doc', 'Eloam Document Camera S500'],
    ]);
    const cam = await openDocumentCamera('document camera', stream('face'), d);
    expect(cam).toMatchObject({ owned: true, kind: 'document' });
    expect(opened[0]?.video).toMatchObject({ deviceId: { exact: 'doc' } });
  });

  it("reuses the call's stream when it is the camera wanted, or the face camera serves", async () => {
    const call = stream('doc');
    const one = devices([['doc', 'Eloam Document Camera']]);
    expect(await openDocumentCamera('Eloam', call, one.d)).toEqual({
      stream: call,
      owned: false,
      kind: 'document',
    });
    const none = devices([['face', 'HD WebCam']]);
    expect(await openDocumentCamera('Eloam', call, none.d)).toEqual({
      stream: call,
      owned: false,
      kind: 'face',
    });
    expect(await openDocumentCamera(null, call, none.d)).toEqual({
      stream: call,
      owned: false,
      kind: 'face',
    });
    expect(none.d.getUserMedia).not.toHaveBeenCalled();
  });

  it('opens the face camera when no call has it open', async () => {
    const { d, opened } = devices([['face', 'HD WebCam']]);
    expect(await openDocumentCamera(null, null, d)).toMatchObject({ owned: true, kind: 'face' });
    expect(await openDocumentCamera('Eloam', stream('face', 'ended'), d)).toMatchObject({ owned: true });
    expect(opened).toEqual([
      { audio: false, video: true },
      { audio: false, video: true },
    ]);
  });

  it('reads the labels after a probe when the page could not see them yet', async () => {
    const { d } = devices([['doc', '']]);
    d.enumerateDevices
      .mockResolvedValueOnce([{ deviceId: 'doc', label: '', kind: 'videoinput' } as MediaDeviceInfo])
      .mockResolvedValue([{ deviceId: 'doc', label: 'Eloam S500', kind: 'videoinput' } as MediaDeviceInfo]);
    expect(await openDocumentCamera('eloam', null, d)).toMatchObject({ kind: 'document' });
  });

  it('stops only a stream the capture opened', () => {
    const mine = stream('doc');
    releaseCamera({ stream: mine, owned: false, kind: 'face' });
    expect(mine.track.stop).not.toHaveBeenCalled();
    releaseCamera({ stream: mine, owned: true, kind: 'document' });
    expect(mine.track.stop).toHaveBeenCalled();
  });
});

describe('the still', () => {
  it('is scaled down to 3000 px on its long side, never up', () => {
    expect(fitWithin(4000, 3000, 3000)).toEqual({ width: 3000, height: 2250 });
    expect(fitWithin(2448, 3264, 3000)).toEqual({ width: 2250, height: 3000 });
    expect(fitWithin(640, 480, 3000)).toEqual({ width: 640, height: 480 });
  });

  it('counts the bytes in base64', () => {
    expect(base64Bytes(Buffer.from('abcd').toString('base64'))).toBe(4);
    expect(base64Bytes(Buffer.from('abcde').toString('base64'))).toBe(5);
    expect(base64Bytes(Buffer.from('abcdef').toString('base64'))).toBe(6);
  });
});
