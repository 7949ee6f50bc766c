// Draws the kiosk's app icon, kiosk/build/icon.png (512×512, what electron-builder turns into the
// Linux icon set and the Windows .ico), from the same design as kiosk/public/favicon.svg: a deep blue
// rounded square with a white window. Plain geometry with 4×4 supersampling through pngjs (already
// installed with the workspace), so it needs no image tool. Run: node kiosk/scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 512;
const SCALE = SIZE / 64; // the favicon's 64-unit view box
const BLUE = [0x0b, 0x3a, 0x6e];
const WHITE = [0xff, 0xff, 0xff];

/** Signed distance from (x, y) to a rounded rectangle (negative inside), in view-box units. */
function roundedRect(x, y, left, top, width, height, radius) {
  const qx = Math.abs(x - (left + width / 2)) - width / 2 + radius;
  const qy = Math.abs(y - (top + height / 2)) - height / 2 + radius;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

/** What covers a point: 'white' (the window), 'blue' (the tile) or null (transparent). */
function paint(x, y) {
  if (roundedRect(x, y, 0, 0, 64, 64, 14) > 0) return null;
  const frame = Math.abs(roundedRect(x, y, 14, 14, 36, 36, 4)) <= 2.5;
  const inside = x >= 14 && x <= 50 && y >= 14 && y <= 50;
  const cross = inside && (Math.abs(x - 32) <= 2.5 || Math.abs(y - 32) <= 2.5);
  return frame || cross ? 'white' : 'blue';
}

const png = new PNG({ width: SIZE, height: SIZE });
const N = 4;
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let white = 0;
    let blue = 0;
    for (let sy = 0; sy < N; sy++) {
      for (let sx = 0; sx < N; sx++) {
        const hit = paint((px + (sx + 0.5) / N) / SCALE, (py + (sy + 0.5) / N) / SCALE);
        if (hit === 'white') white++;
        else if (hit === 'blue') blue++;
      }
    }
    const covered = white + blue;
    const i = (py * SIZE + px) * 4;
    for (let c = 0; c < 3; c++) {
      png.data[i + c] = covered ? Math.round((WHITE[c] * white + BLUE[c] * blue) / covered) : 0;
    }
    png.data[i + 3] = Math.round((255 * covered) / (N * N));
  }
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'icon.png');
writeFileSync(out, PNG.sync.write(png));
console.log(`wrote ${out}`);
