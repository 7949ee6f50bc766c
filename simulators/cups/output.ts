/**
 * Reading printed PDFs back: the text with pdftotext, and the dark pixels of one page rasterised
 * with pdftoppm (a font can extract right and still draw blank). Both from poppler-utils.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The text of a PDF (pdftotext, reading order kept). */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** The number of pixels darker than mid-grey on page `page` (1-based) rendered in grey at `dpi`. */
export async function rasterDarkPixels(file: string, page = 1, dpi = 50): Promise<number> {
  const { stdout } = await run(
    'pdftoppm',
    ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', file],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  const pixels = pgmPixels(stdout);
  let dark = 0;
  for (const v of pixels) if (v < 128) dark += 1;
  return dark;
}

/** The pixel bytes of a binary PGM (P5, maxval < 256). */
export function pgmPixels(pgm: Buffer): Buffer {
  // Header: P5 <ws> width <ws> height <ws> maxval <one ws> data; comments start with #.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < pgm.length) {
    while (i < pgm.length && /\s/.test(String.fromCharCode(pgm[i]))) i += 1;
    if (pgm[i] === 0x23) {
      while (i < pgm.length && pgm[i] !== 0x0a) i += 1;
      continue;
    }
    let field = '';
    while (i < pgm.length && !/\s/.test(String.fromCharCode(pgm[i]))) field += String.fromCharCode(pgm[i++]);
    fields.push(field);
  }
  const [magic, w, h, max] = fields;
  if (magic !== 'P5' || Number(max) > 255) throw new Error('pdftoppm did not give an 8-bit grey PGM.');
  const start = i + 1;
  return pgm.subarray(start, start + Number(w) * Number(h));
}
