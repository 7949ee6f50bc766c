/**
 * `kiosk-doctor cameras`: the video and audio capture devices the operating system has. On Linux
 * the cameras are the V4L2 nodes under /sys/class/video4linux (their /dev/videoN and name) and the
 * microphones are ALSA's capture PCMs (/proc/asound/pcm, named from /proc/asound/cards). On other
 * systems the check says it did not look (a distinct result, not a pass).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from './check';

/** Exit codes of `kiosk-doctor cameras` (added to kiosk-doctor's EXIT). */
export const CAMERAS_EXIT = {
  /** No camera, or no microphone, found. */
  NoCaptureDevice: 11,
  /** Not checked on this operating system (Windows, macOS): look in the system's device list. */
  NotChecked: 12,
} as const;

/** One camera: its device node and V4L2 name. */
export interface VideoDevice {
  path: string;
  name: string;
  /** False when /sys lists it but the /dev node is missing (driver half loaded, udev rule). */
  present: boolean;
}

/** One ALSA capture PCM: `hw:card,device`, the card's name and the PCM's. */
export interface AudioCaptureDevice {
  hw: string;
  card: string;
  name: string;
}

/** What the OS has. */
export interface CaptureDevices {
  video: VideoDevice[];
  audio: AudioCaptureDevice[];
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null);
}

/** Card number → name, from /proc/asound/cards (` 0 [PCH ]: HDA-Intel - HDA Intel PCH`). */
export function parseAsoundCards(text: string): Map<number, string> {
  const cards = new Map<number, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\s+\[([^\]]*)\]:\s*(.*?)\s+-\s+(.+)$/.exec(line);
    if (m) cards.set(Number(m[1]), m[4]!.trim());
  }
  return cards;
}

/** The capture PCMs of /proc/asound/pcm (`00-00: ALC892 Analog : ALC892 Analog : playback 1 : capture 1`). */
export function parseAsoundPcm(text: string, cards: Map<number, string>): AudioCaptureDevice[] {
  const out: AudioCaptureDevice[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)-(\d+):\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const parts = m[3]!.split(' : ').map((p) => p.trim());
    if (!parts.some((p) => /^capture \d+$/.test(p))) continue;
    const card = Number(m[1]);
    const device = Number(m[2]);
    out.push({ hw: `hw:${card},${device}`, card: cards.get(card) ?? `card ${card}`, name: parts[0] ?? '' });
  }
  return out;
}

/** Lists the capture devices under `root` (default `/`; tests give a folder with a fake sys/ and proc/). */
export async function listCaptureDevices(root = '/'): Promise<CaptureDevices> {
  const sysDir = join(root, 'sys/class/video4linux');
  const nodes = (await readdir(sysDir).catch(() => [] as string[]))
    .filter((n) => /^video\d+$/.test(n))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
  const video: VideoDevice[] = [];
  for (const node of nodes) {
    const name = (await readText(join(sysDir, node, 'name')))?.trim() || node;
    const present = await stat(join(root, 'dev', node)).then(
      () => true,
      () => false,
    );
    video.push({ path: `/dev/${node}`, name, present });
  }
  const cards = parseAsoundCards((await readText(join(root, 'proc/asound/cards'))) ?? '');
  const audio = parseAsoundPcm((await readText(join(root, 'proc/asound/pcm'))) ?? '', cards);
  return { video, audio };
}

/** Runs the cameras check on `platform` (Linux reads the files under `root`). */
export async function camerasCheck(platform: NodeJS.Platform, root = '/'): Promise<CheckResult> {
  if (platform !== 'linux') {
    return {
      check: 'cameras',
      status: 'skipped',
      exit: CAMERAS_EXIT.NotChecked,
      summary: `此系统（${platform}）上未检查，请在设备管理器中查看摄像头和麦克风。 Not checked on ${platform}: look for the cameras and microphone in the system's device list.`,
      details: { platform },
    };
  }
  const devices = await listCaptureDevices(root);
  const cams = devices.video.map((v) => `${v.path} ${v.name}${v.present ? '' : ' (no /dev node)'}`);
  const mics = devices.audio.map((a) => `${a.hw} ${a.card}: ${a.name}`);
  const listing = `摄像头 cameras: ${cams.length ? cams.join(', ') : 'none'}; 麦克风 microphones: ${mics.length ? mics.join(', ') : 'none'}`;
  const missing = [
    devices.video.length === 0 ? '没有摄像头 no camera' : null,
    devices.audio.length === 0 ? '没有麦克风 no microphone' : null,
  ].filter(Boolean);
  if (missing.length > 0) {
    return {
      check: 'cameras',
      status: 'fail',
      exit: CAMERAS_EXIT.NoCaptureDevice,
      summary: `${missing.join(', ')} — 请检查 USB 线和驱动 check the USB cable and driver. ${listing}`,
      details: { ...devices },
    };
  }
  return { check: 'cameras', status: 'ok', exit: 0, summary: listing, details: { ...devices } };
}
