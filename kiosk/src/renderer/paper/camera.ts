/**
 * The document camera (高拍仪) for a capture: the camera whose device label contains the configured
 * part (config.documentCamera); with none configured or none found, the face camera serves. The
 * call's own picture is reused when it comes from the camera wanted, so no device is opened twice.
 */
import type { CameraKind } from './paper-model';

/** The live picture for a capture, and whether closing the capture must stop it. */
export interface OpenedCamera {
  stream: MediaStream;
  /** False for the call's own stream: the call stops it, not the capture. */
  owned: boolean;
  kind: CameraKind;
}

/** Opens the picture for a capture. `label`: config.documentCamera; `callStream`: the call's local stream. */
export type OpenCamera = (label: string | null, callStream: MediaStream | null) => Promise<OpenedCamera>;

/** The part of `navigator.mediaDevices` used here. */
export type CameraDevices = Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia'>;

/** A document camera's picture: as sharp as it gives (the capture is bounded afterwards). */
const DOCUMENT_VIDEO: MediaTrackConstraints = { width: { ideal: 2592 }, height: { ideal: 1944 } };

/**
 * The device id of the camera whose label contains `label` (case-insensitive), or null. Labels are
 * empty until the page may use a camera: then one short probe asks for it and the list is read again.
 */
export async function findCamera(label: string, devices: CameraDevices): Promise<string | null> {
  const want = label.trim().toLowerCase();
  const match = (list: MediaDeviceInfo[]) =>
    list.find((d) => d.kind === 'videoinput' && d.label.toLowerCase().includes(want))?.deviceId ?? null;
  let list = await devices.enumerateDevices();
  const cameras = list.filter((d) => d.kind === 'videoinput');
  if (!want || cameras.length === 0) return null;
  if (cameras.every((d) => d.label === '')) {
    const probe = await devices.getUserMedia({ audio: false, video: true });
    for (const track of probe.getTracks()) track.stop();
    list = await devices.enumerateDevices();
  }
  return match(list);
}

function liveVideo(stream: MediaStream | null): MediaStreamTrack | null {
  return stream?.getVideoTracks().find((track) => track.readyState === 'live') ?? null;
}

/** Opens the document camera, else the face camera (the call's stream when the call has it open). */
export async function openDocumentCamera(
  label: string | null,
  callStream: MediaStream | null,
  devices: CameraDevices = globalThis.navigator.mediaDevices,
): Promise<OpenedCamera> {
  const deviceId = label ? await findCamera(label, devices).catch(() => null) : null;
  const callTrack = liveVideo(callStream);
  if (deviceId) {
    if (callStream && callTrack?.getSettings().deviceId === deviceId)
      return { stream: callStream, owned: false, kind: 'document' };
    const stream = await devices.getUserMedia({
      audio: false,
      video: { ...DOCUMENT_VIDEO, deviceId: { exact: deviceId } },
    });
    return { stream, owned: true, kind: 'document' };
  }
  if (callStream && callTrack) return { stream: callStream, owned: false, kind: 'face' };
  return { stream: await devices.getUserMedia({ audio: false, video: true }), owned: true, kind: 'face' };
}

/** Stops a stream this capture opened; leaves the call's own alone. */
export function releaseCamera(opened: OpenedCamera | null): void {
  if (!opened?.owned) return;
  for (const track of opened.stream.getTracks()) track.stop();
}
