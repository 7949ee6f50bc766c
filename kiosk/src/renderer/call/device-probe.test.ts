import { afterEach, describe, expect, it, vi } from 'vitest';
import { probeCallDevices, probeDevice } from './device-probe';
import { fakeMediaDevices } from './fake-media';

describe('the camera and microphone probe before a call', () => {
  afterEach(() => vi.useRealTimers());

  it('opens each device on its own, stops its tracks at once, and records the label', async () => {
    const devices = fakeMediaDevices({ camera: { label: 'USB Camera (046d:0825)' } });
    const probes = await probeCallDevices(devices);
    expect(probes).toEqual({
      camera: { ok: true, label: 'USB Camera (046d:0825)' },
      microphone: { ok: true, label: 'Fake microphone' },
    });
    expect(devices.opened.sort()).toEqual(['audio', 'video']);
    expect(devices.live()).toBe(0);
  });

  it("records the DOMException's name when a device cannot be opened", async () => {
    const devices = fakeMediaDevices({
      camera: { error: 'NotFoundError' },
      microphone: { error: 'NotReadableError' },
    });
    expect(await probeCallDevices(devices)).toEqual({
      camera: { ok: false, error: 'NotFoundError' },
      microphone: { ok: false, error: 'NotReadableError' },
    });
  });

  it('a device that does not open in time fails as TimeoutError; one that opens late is stopped', async () => {
    vi.useFakeTimers();
    const devices = fakeMediaDevices({ camera: 'hang' });
    const probe = probeDevice(devices, 'video', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await probe).toEqual({ ok: false, error: 'TimeoutError' });

    let resolveLate: (s: MediaStream) => void = () => undefined;
    let stopped = 0;
    const late = {
      getUserMedia: () => new Promise<MediaStream>((resolve) => (resolveLate = resolve)),
    };
    const lateProbe = probeDevice(late, 'audio', 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await lateProbe).toEqual({ ok: false, error: 'TimeoutError' });
    resolveLate({ getTracks: () => [{ stop: () => (stopped += 1) }] } as unknown as MediaStream);
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(1);
  });

  it('without media devices (not a browser) neither can be opened', async () => {
    expect(await probeCallDevices(undefined)).toEqual({
      camera: { ok: false, error: 'NotSupportedError' },
      microphone: { ok: false, error: 'NotSupportedError' },
    });
  });

  it('long labels and error names are cut to what the bridge takes', async () => {
    const devices = fakeMediaDevices({
      camera: { label: 'x'.repeat(300) },
      microphone: { error: 'E'.repeat(90) },
    });
    const probes = await probeCallDevices(devices);
    expect(probes.camera.label).toHaveLength(120);
    expect(probes.microphone.error).toHaveLength(60);
  });
});
