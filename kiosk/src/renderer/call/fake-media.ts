/**
 * Capture devices for tests: a stand-in for navigator.mediaDevices whose camera and microphone
 * open (with a label) or fail with a DOMException's name, and which counts the tracks still live.
 */
import type { ProbeMediaDevices } from './device-probe';

/** What each device does when opened: its label, or the name of the error it throws. */
export interface FakeDeviceSetup {
  camera?: { label: string } | { error: string } | 'hang';
  microphone?: { label: string } | { error: string } | 'hang';
}

/** Fake media devices: `live()` is how many opened tracks have not been stopped. */
export function fakeMediaDevices(setup: FakeDeviceSetup = {}): ProbeMediaDevices & {
  live(): number;
  opened: Array<'video' | 'audio'>;
} {
  let live = 0;
  const opened: Array<'video' | 'audio'> = [];
  return {
    opened,
    live: () => live,
    getUserMedia(constraints) {
      const kind = constraints.video ? 'video' : 'audio';
      opened.push(kind);
      const device =
        (kind === 'video' ? setup.camera : setup.microphone) ??
        ({ label: kind === 'video' ? 'Fake camera' : 'Fake microphone' } as const);
      if (device === 'hang') return new Promise<MediaStream>(() => undefined);
      if ('error' in device) {
        const err = new Error('failed');
        err.name = device.error;
        return Promise.reject(err);
      }
      live += 1;
      let stopped = false;
      const track = {
        kind,
        label: device.label,
        stop: () => {
          if (!stopped) live -= 1;
          stopped = true;
        },
      };
      return Promise.resolve({ getTracks: () => [track] } as unknown as MediaStream);
    },
  };
}
