/**
 * Fake camera pictures a test can tell apart: a Y4M file of one colour with a small white square
 * that moves (so that every frame differs and the encoder keeps sending), which Chromium plays in a
 * loop as its fake camera (launchChromium({ videoFile })). A page's video element is then checked
 * for that colour (videoColour in browser.ts) to know whose camera it shows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An RGB colour, each channel 0-255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const W = 320;
const H = 240;
const FRAMES = 30;
const SQUARE = 24;

/** Full-range BT.601 (the JPEG colour space Y4M's C420jpeg names). */
function toYuv({ r, g, b }: Rgb): [number, number, number] {
  const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return [
    clamp(0.299 * r + 0.587 * g + 0.114 * b),
    clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
    clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
  ];
}

/** The Y4M bytes: `FRAMES` frames of `colour` at 15 fps, the square moving along the top. */
export function solidY4m(colour: Rgb): Buffer {
  const [y, u, v] = toYuv(colour);
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F15:1 Ip A1:1 C420jpeg\n`, 'ascii');
  const frameHeader = Buffer.from('FRAME\n', 'ascii');
  const ySize = W * H;
  const cSize = (W / 2) * (H / 2);
  const parts: Buffer[] = [header];
  for (let f = 0; f < FRAMES; f++) {
    const frame = Buffer.alloc(ySize + 2 * cSize);
    frame.fill(y, 0, ySize);
    frame.fill(u, ySize, ySize + cSize);
    frame.fill(v, ySize + cSize);
    const x0 = Math.floor(((W - SQUARE) * f) / (FRAMES - 1));
    for (let row = 8; row < 8 + SQUARE; row++) frame.fill(255, row * W + x0, row * W + x0 + SQUARE);
    for (let row = 4; row < 4 + SQUARE / 2; row++) {
      const at = row * (W / 2) + Math.floor(x0 / 2);
      frame.fill(128, ySize + at, ySize + at + SQUARE / 2);
      frame.fill(128, ySize + cSize + at, ySize + cSize + at + SQUARE / 2);
    }
    parts.push(frameHeader, frame);
  }
  return Buffer.concat(parts);
}

/** Writes solidY4m(colour) to a new temporary file; returns its path. */
export function writeSolidY4m(colour: Rgb, name = 'camera'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rvw-fake-video-')), `${name}.y4m`);
  writeFileSync(path, solidY4m(colour));
  return path;
}

/** Whether a measured colour is `want`'s: each channel within `tolerance` (codecs shift colours a little). */
export function colourNear(got: Rgb, want: Rgb, tolerance = 40): boolean {
  return (
    Math.abs(got.r - want.r) <= tolerance &&
    Math.abs(got.g - want.g) <= tolerance &&
    Math.abs(got.b - want.b) <= tolerance
  );
}
