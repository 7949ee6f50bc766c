/** `kiosk-doctor cameras` over a fake /sys, /proc and /dev tree in a temp folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAsoundCards, parseAsoundPcm } from './cameras';
import { EXIT, runDoctor } from './cli';

const CARDS = ` 0 [PCH            ]: HDA-Intel - HDA Intel PCH
                      HDA Intel PCH at 0xf7f10000 irq 32
 1 [C920           ]: USB-Audio - HD Pro Webcam C920
                      HD Pro Webcam C920 at usb-0000:00:14.0-2, high speed
`;
const PCM = `00-00: ALC892 Analog : ALC892 Analog : playback 1 : capture 1
00-01: ALC892 Digital : ALC892 Digital : playback 1
01-00: USB Audio : USB Audio : capture 1
`;

const roots: string[] = [];
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rvw-cams-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

async function doctor(args: string[], root: string, platform: NodeJS.Platform = 'linux') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctor(
    ['cameras', ...args],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    {},
    { root, platform },
  );
  return { code, out, err };
}

afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

describe('kiosk-doctor cameras', () => {
  it('parses the capture PCMs with their card names, leaving playback-only ones out', () => {
    expect(parseAsoundPcm(PCM, parseAsoundCards(CARDS))).toEqual([
      { hw: 'hw:0,0', card: 'HDA Intel PCH', name: 'ALC892 Analog' },
      { hw: 'hw:1,0', card: 'HD Pro Webcam C920', name: 'USB Audio' },
    ]);
  });

  it('lists cameras by V4L2 name and microphones: exit 0, --json carries both', async () => {
    const root = tree({
      'sys/class/video4linux/video0/name': 'HD Pro Webcam C920\n',
      'sys/class/video4linux/video2/name': 'S620 Document Camera\n',
      'dev/video0': '',
      'proc/asound/cards': CARDS,
      'proc/asound/pcm': PCM,
    });
    const r = await doctor(['--json'], root);
    expect(r.code).toBe(EXIT.Ok);
    const json = JSON.parse(r.out[0]!);
    expect(json).toMatchObject({ check: 'cameras', status: 'ok', exit: 0 });
    expect(json.details.video).toEqual([
      { path: '/dev/video0', name: 'HD Pro Webcam C920', present: true },
      { path: '/dev/video2', name: 'S620 Document Camera', present: false },
    ]);
    expect(json.details.audio).toHaveLength(2);
    const human = await doctor([], root);
    expect(human.out).toHaveLength(1);
    expect(human.out[0]).toContain('/dev/video0 HD Pro Webcam C920');
    expect(human.out[0]).toContain('hw:1,0 HD Pro Webcam C920: USB Audio');
  });

  it('a camera without a microphone: exit 11 with the sentence', async () => {
    const root = tree({
      'sys/class/video4linux/video0/name': 'USB Camera\n',
      'proc/asound/cards': CARDS,
      'proc/asound/pcm': '00-01: ALC892 Digital : ALC892 Digital : playback 1\n',
    });
    const r = await doctor([], root);
    expect(r.code).toBe(EXIT.NoCaptureDevice);
    expect(r.err[0]).toMatch(/^FAIL: 没有麦克风 no microphone/);
  });

  it('nothing at all: exit 11 naming both', async () => {
    const r = await doctor(['--json'], tree({}));
    expect(r.code).toBe(EXIT.NoCaptureDevice);
    expect(JSON.parse(r.out[0]!).summary).toMatch(/no camera, .*no microphone/);
  });

  it('Windows: not checked here (exit 12, skipped), not a pass', async () => {
    const r = await doctor(['--json'], tree({}), 'win32');
    expect(r.code).toBe(EXIT.CamerasNotChecked);
    expect(JSON.parse(r.out[0]!)).toMatchObject({ status: 'skipped', exit: 12 });
  });
});
