/**
 * Readiness before a call (issue 12 #4): can the camera and the microphone be opened? Each is
 * opened on its own (getUserMedia with video, then with audio), its tracks stopped at once, and the
 * finding recorded as the bridge's DeviceProbe: ok, the DOMException's name, the device's label.
 * Only the renderer can do this; the host adds the rest of the check (`readiness:check`).
 */
import type { DeviceProbe } from '@rvw/shared';

/** The part of navigator.mediaDevices the probe uses. */
export interface ProbeMediaDevices {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

/** What the probe found for the camera and the microphone (the `readiness:check` request). */
export interface CallDeviceProbes {
  camera: DeviceProbe;
  microphone: DeviceProbe;
}

/** How long one device may take to open before it counts as failed (TimeoutError); 5 s. */
export const PROBE_TIMEOUT_MS = 5_000;

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

function errorName(err: unknown): string {
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  return clip(name || 'UnknownError', 60);
}

/** Opens one kind of capture device, stops it at once, and says what happened. */
export async function probeDevice(
  devices: ProbeMediaDevices | undefined,
  kind: 'video' | 'audio',
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<DeviceProbe> {
  if (!devices?.getUserMedia) return { ok: false, error: 'NotSupportedError' };
  const opening = devices.getUserMedia(kind === 'video' ? { video: true } : { audio: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const result = await Promise.race([opening, late]);
    if (result === 'timeout') {
      // A device that opens after all is released as soon as it does.
      opening.then(stopAll, () => undefined);
      return { ok: false, error: 'TimeoutError' };
    }
    const track = result.getTracks()[0];
    stopAll(result);
    if (!track) return { ok: false, error: 'NotFoundError' };
    return track.label ? { ok: true, label: clip(track.label, 120) } : { ok: true };
  } catch (err) {
    return { ok: false, error: errorName(err) };
  } finally {
    clearTimeout(timer);
  }
}

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Probes the camera and the microphone, each on its own, side by side. */
export async function probeCallDevices(
  devices: ProbeMediaDevices | undefined = globalThis.navigator?.mediaDevices,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<CallDeviceProbes> {
  const [camera, microphone] = await Promise.all([
    probeDevice(devices, 'video', timeoutMs),
    probeDevice(devices, 'audio', timeoutMs),
  ]);
  return { camera, microphone };
}
