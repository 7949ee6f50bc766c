/** Vector drawings on a document: the QR code of the case number and the resident's signature. */
import QRCode from 'qrcode';
import type { SignatureStrokes } from '@rvw/shared';

/**
 * Draws the QR code of `text` as one filled path of square modules, `size` points wide with its
 * quiet zone, top-left at (x, y). Deterministic: no raster image, no timestamps.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save();
  doc.rect(x, y, size, size).fillColor('#ffffff').fill();
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
  doc.fillColor('#000000').fill();
  doc.restore();
}

/**
 * Draws the signature's strokes scaled from their canvas into the box (aspect kept, centred):
 * polylines with round joins and caps, each segment as wide as its pressure says when there is one.
 */
export function drawSignature(
  doc: PDFKit.PDFDocument,
  signature: SignatureStrokes,
  box: { x: number; y: number; width: number; height: number },
): void {
  const { canvas, strokes } = signature;
  const scale = Math.min(box.width / canvas.width, box.height / canvas.height);
  const ox = box.x + (box.width - canvas.width * scale) / 2;
  const oy = box.y + (box.height - canvas.height * scale) / 2;
  const px = (v: number) => ox + v * scale;
  const py = (v: number) => oy + v * scale;
  const base = 2.4;
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.lineJoin('round').lineCap('round').strokeColor('#000000').fillColor('#000000');
  for (const { points } of strokes) {
    const first = points[0]!;
    if (points.length === 1) {
      doc.circle(px(first.x), py(first.y), (base * width(first.pressure)) / 2).fill();
      continue;
    }
    const pressured = points.some((p) => p.pressure !== undefined);
    if (!pressured) {
      doc.moveTo(px(first.x), py(first.y));
      for (const p of points.slice(1)) doc.lineTo(px(p.x), py(p.y));
      doc.lineWidth(base).stroke();
      continue;
    }
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      const w = (width(a.pressure) + width(b.pressure)) / 2;
      doc
        .moveTo(px(a.x), py(a.y))
        .lineTo(px(b.x), py(b.y))
        .lineWidth(base * w)
        .stroke();
    }
  }
  doc.restore();
}

/** A width factor from a pressure in 0..1 (0.5 when unknown): 0.5 .. 1.5 of the base width. */
function width(pressure: number | undefined): number {
  return 0.5 + (pressure ?? 0.5);
}
