import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { SignatureStrokes } from '@rvw/shared';
import { drawQrCode, drawSignature } from './drawings';
import { rasterise, type GreyImage } from './pdf-tools';

/** A 200×200 pt page with whatever `draw` puts on it, as PDF bytes. */
async function page(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: [200, 200], margin: 0, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

const DPI = 144; // 2 pixels a point
const dark = (img: GreyImage, xPt: number, yPt: number) =>
  img.data[Math.round(yPt * 2) * img.width + Math.round(xPt * 2)]! < 128;

describe('drawQrCode', () => {
  it('draws the qrcode matrix of the case number module by module, inside a quiet zone', async () => {
    const text = 'HP-20261207-0042';
    const img = rasterise(await page((doc) => drawQrCode(doc, text, 20, 20, 160)), 1, DPI);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const cell = 160 / (modules.size + 4);
    let mismatches = 0;
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++) {
        const drawn = dark(img, 20 + (c + 2.5) * cell, 20 + (r + 2.5) * cell);
        if (drawn !== Boolean(modules.get(r, c))) mismatches++;
      }
    expect(mismatches).toBe(0);
    // The quiet zone is white.
    for (let i = 0; i < 160; i += 4) expect(dark(img, 20 + i, 20 + cell)).toBe(false);
  });
});

describe('drawSignature', () => {
  const strokes = (pressure?: number): SignatureStrokes => ({
    canvas: { width: 600, height: 240 },
    strokes: [
      {
        points: Array.from({ length: 11 }, (_, i) => ({
          x: i * 60,
          y: 120,
          time: i * 16,
          ...(pressure === undefined ? {} : { pressure }),
        })),
      },
    ],
  });
  const box = { x: 0, y: 40, width: 200, height: 80 };
  const rowDark = (img: GreyImage, yPt: number) => {
    let n = 0;
    for (let x = 0; x < img.width; x++) if (img.data[Math.round(yPt * 2) * img.width + x]! < 128) n++;
    return n;
  };
  const thickness = (img: GreyImage, xPt: number) => {
    let n = 0;
    for (let y = 0; y < img.height; y++) if (img.data[y * img.width + Math.round(xPt * 2)]! < 128) n++;
    return n;
  };

  it('scales the canvas into the box: a line across the middle of the canvas crosses the middle of the box', async () => {
    const img = rasterise(await page((doc) => drawSignature(doc, strokes(), box)), 1, DPI);
    // 600×240 into 200×80: scale 1/3, the line at canvas y 120 lands on box y 40, page y 80.
    expect(rowDark(img, 80)).toBeGreaterThan(380);
    expect(rowDark(img, 60)).toBe(0);
    expect(rowDark(img, 100)).toBe(0);
  });

  it('draws a harder-pressed stroke wider', async () => {
    const light = rasterise(await page((doc) => drawSignature(doc, strokes(0.1), box)), 1, DPI);
    const hard = rasterise(await page((doc) => drawSignature(doc, strokes(1), box)), 1, DPI);
    expect(thickness(hard, 100)).toBeGreaterThan(thickness(light, 100));
  });
});
