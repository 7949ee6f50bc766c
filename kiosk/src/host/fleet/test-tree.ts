/** For tests (imported by tests only): a fake machine (/etc, /sys, /proc, /dev) in a temp folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const roots: string[] = [];

/** A folder holding `files` (path → text); removed by removeTrees(). */
export function fakeMachine(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rvw-fleet-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function removeTrees(): void {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
}

/** A UOS machine with one camera and one microphone. */
export const UOS_WITH_CAMERA: Record<string, string> = {
  'etc/os-release': 'NAME="UOS"\nPRETTY_NAME="UnionTech OS Desktop 20 Pro"\nVERSION_ID="20"\n',
  'sys/class/video4linux/video0/name': 'HD Pro Webcam C920\n',
  'dev/video0': '',
  'proc/asound/cards': ' 1 [C920           ]: USB-Audio - HD Pro Webcam C920\n',
  'proc/asound/pcm': '01-00: USB Audio : USB Audio : capture 1\n',
};
