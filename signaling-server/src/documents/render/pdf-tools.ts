/** Reading a rendered PDF back for tests: its text (pdftotext) and a grey raster (pdftoppm), from poppler-utils. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Buffer, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rvw-pdf-'));
  try {
    const path = join(dir, 'doc.pdf');
    writeFileSync(path, bytes);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page (pdftotext, reading order). */
export function pdfText(bytes: Buffer): string {
  return withFile(bytes, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
}

/** One page as 8-bit grey pixels (0 black .. 255 white). */
export interface GreyImage {
  width: number;
  height: number;
  data: Buffer;
}

/** Rasterises one page (1-based) at `dpi` with pdftoppm, as grey pixels (a PGM file, read here). */
export function rasterise(bytes: Buffer, page = 1, dpi = 50): GreyImage {
  return withFile(bytes, (path, dir) => {
    const out = join(dir, 'page');
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-gray',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      path,
      out,
    ]);
    return parsePgm(readFileSync(`${out}.pgm`));
  });
}

/** Parses a binary PGM (P5, maxval 255). */
export function parsePgm(file: Buffer): GreyImage {
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(file[i]!))) i++;
    if (file[i] === 0x23) {
      while (file[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(file[i]!))) token += String.fromCharCode(file[i++]!);
    header.push(token);
  }
  if (header[0] !== 'P5' || header[3] !== '255') throw new Error(`not an 8-bit PGM: ${header.join(' ')}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, data: file.subarray(i + 1, i + 1 + width * height) };
}

/** How many pixels are darker than `threshold`. */
export function darkPixels(img: GreyImage, threshold = 128): number {
  let n = 0;
  for (const v of img.data) if (v < threshold) n++;
  return n;
}

/** How many pixels differ by more than `tolerance` between two images of one size. */
export function differentPixels(a: GreyImage, b: GreyImage, tolerance = 64): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let n = 0;
  for (let i = 0; i < a.data.length; i++) if (Math.abs(a.data[i]! - b.data[i]!) > tolerance) n++;
  return n;
}

/** pdfinfo's report with ISO dates in UTC. */
export function pdfInfo(bytes: Buffer): string {
  return withFile(bytes, (path) =>
    execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } }),
  );
}

/** pdffonts' list of the fonts a PDF embeds. */
export function pdfFonts(bytes: Buffer): string {
  return withFile(bytes, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
}
