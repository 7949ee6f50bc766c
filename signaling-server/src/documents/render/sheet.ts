/**
 * One A4 document being written: large type for old eyes, the centre's name at the top of every
 * page, page numbers at the bottom, and text set run by run in the font that has each glyph.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { splitRuns, type FontSet } from './fonts';
import type { RenderedDocument } from './types';

/** Type sizes in points: the body is never below 14. */
export const SIZE = { title: 24, heading: 18, body: 15, small: 10, header: 14, footer: 12 } as const;
export const MARGIN = { top: 92, bottom: 72, left: 60, right: 60 } as const;
export const INK = '#000000';
export const GREY = '#555555';
export const RULE = '#888888';
/** The outline of a synthetic bold, as a share of the type size. */
const SYNTHETIC_BOLD = 0.035;

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Defaults to the sheet's left edge and the full content width. */
  x?: number;
  width?: number;
  lineGap?: number;
}

export interface SheetMeta {
  centreName: string;
  caseNumber: string;
  title: string;
  /** The PDF's CreationDate and ModDate: the same input gives the same bytes. */
  date: Date;
}

export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  private readonly names = new Map<Font, string>();
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;

  constructor(
    private readonly fonts: FontSet,
    private readonly meta: SheetMeta,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { ...MARGIN },
      bufferPages: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: {
        Title: meta.title,
        Author: meta.centreName,
        Subject: meta.caseNumber,
        Producer: 'rvw',
        Creator: 'rvw',
        CreationDate: meta.date,
        ModDate: meta.date,
      },
    });
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    const register = (font: Font, name: string) => {
      this.names.set(font, name);
      // pdfkit takes an opened fontkit font as its source (it only needs `layout`); the types say files only.
      this.doc.registerFont(name, font as unknown as Buffer);
    };
    register(fonts.regular, 'R');
    if (fonts.bold) register(fonts.bold, 'B');
    this.doc.font('R').fontSize(SIZE.body).fillColor(INK);
  }

  /** The registered name of a font, registering a fallback the first time a run uses it. */
  private nameOf(font: Font): string {
    let name = this.names.get(font);
    if (!name) {
      name = `F${this.names.size}`;
      this.names.set(font, name);
      this.doc.registerFont(name, font as unknown as Buffer);
    }
    return name;
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }
  get y(): number {
    return this.doc.y;
  }
  set y(value: number) {
    this.doc.y = value;
  }

  /**
   * Starts a new page when less than `height` points are left on this one. A block longer than a
   * page starts where it is (it flows on): only its first lines are kept together.
   */
  ensure(height: number): void {
    const need = height > this.bottom - MARGIN.top ? SIZE.body * 4 : height;
    if (this.doc.y + need > this.bottom) this.doc.addPage();
  }

  /** The height `text` takes in this style (measured in the main font). */
  measure(text: string, style: TextStyle = {}): number {
    const size = style.size ?? SIZE.body;
    this.doc.font(style.bold && this.fonts.bold ? 'B' : 'R').fontSize(size);
    return this.doc.heightOfString(text || ' ', {
      width: style.width ?? this.width,
      lineGap: style.lineGap ?? size * 0.35,
    });
  }

  /**
   * Writes a paragraph at (x, y), run by run in the font that has each glyph, every run on the
   * main font's baseline. Returns the height used; doc.y ends below it.
   */
  text(text: string, style: TextStyle = {}, y: number = this.doc.y): number {
    const size = style.size ?? SIZE.body;
    const face = style.bold ? this.fonts.bold : null;
    const main = face ?? this.fonts.regular;
    const mainName = face ? 'B' : 'R';
    // Bold without a bold face: fill and outline the regular glyphs (a synthetic bold).
    const synthetic = style.bold === true && !face;
    this.doc.font(mainName).fontSize(size);
    const ascent = (this.doc as unknown as { _font: { ascender: number } })._font.ascender;
    const runs = splitRuns(text || ' ', main, this.fonts.fallbacks);
    const options: PDFKit.Mixins.TextOptions = {
      width: style.width ?? this.width,
      align: style.align ?? 'left',
      lineGap: style.lineGap ?? size * 0.35,
      baseline: -((ascent / 1000) * size),
      ...(synthetic ? { fill: true, stroke: true } : {}),
    };
    this.doc.fillColor(style.color ?? INK);
    if (synthetic) this.doc.strokeColor(style.color ?? INK).lineWidth(size * SYNTHETIC_BOLD);
    runs.forEach((run, i) => {
      this.doc.font(this.nameOf(run.font)).fontSize(size);
      const opts = { ...options, continued: i < runs.length - 1 };
      if (i === 0) this.doc.text(run.text, style.x ?? MARGIN.left, y, opts);
      else this.doc.text(run.text, opts);
    });
    this.doc.fillColor(INK);
    if (synthetic) this.doc.strokeColor(INK).lineWidth(1);
    return this.doc.y - y;
  }

  /** The document's title, centred, large and bold. */
  title(text: string): void {
    this.text(text, { size: SIZE.title, bold: true, align: 'center' });
    this.doc.y += 10;
  }

  /** A section heading, kept with at least `keep` points of what follows. */
  heading(text: string, keep = 60): void {
    this.doc.y += 8;
    this.ensure(this.measure(text, { size: SIZE.heading, bold: true }) + keep);
    this.text(text, { size: SIZE.heading, bold: true });
    this.doc.y += 4;
  }

  /** A horizontal rule across the content width. */
  rule(y: number = this.doc.y, color = RULE): void {
    this.doc
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(color)
      .stroke();
  }

  /** A label in bold and its value beside it, wrapped; kept together on one page. */
  row(label: string, value: string, layout: { labelWidth?: number; width?: number } = {}): void {
    const gap = 12;
    const labelWidth = layout.labelWidth ?? 150;
    const valueWidth = (layout.width ?? this.width) - labelWidth - gap;
    const h = Math.max(
      this.measure(label, { bold: true, width: labelWidth }),
      this.measure(value, { width: valueWidth }),
    );
    this.ensure(h + 6);
    const top = this.doc.y;
    const page = this.doc.page;
    this.text(label, { bold: true, width: labelWidth }, top);
    this.text(value, { x: MARGIN.left + labelWidth + gap, width: valueWidth }, top);
    this.below(page, top + h, 6);
  }

  /** Numbered lines (next steps, materials). */
  list(items: readonly string[]): void {
    items.forEach((item, i) => {
      const mark = `${i + 1}.`;
      const h = this.measure(item, { width: this.width - 28 });
      this.ensure(h + 4);
      const top = this.doc.y;
      const page = this.doc.page;
      this.text(mark, { width: 28 }, top);
      this.text(item, { x: MARGIN.left + 28, width: this.width - 28 }, top);
      this.below(page, top + h, 4);
    });
  }

  /**
   * Moves below a block that started on `page` and is `bottom` high there, plus `gap`; a block too
   * long for one page has flowed onto the next, and writing goes on below it there.
   */
  below(page: PDFKit.PDFPage, bottom: number, gap: number): void {
    this.doc.y = (this.doc.page === page ? bottom : this.doc.y) + gap;
  }

  /** Draws the header and footer on every page, ends the PDF and returns its bytes and digest. */
  async finish(): Promise<RenderedDocument> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      this.decorate(i - range.start + 1, range.count);
    }
    this.doc.end();
    await this.ended;
    const bytes = Buffer.concat(this.chunks);
    return { bytes, pages: range.count, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  private decorate(page: number, pages: number): void {
    const { doc } = this;
    const saved = doc.page.margins.bottom;
    // Text in the margins must not make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    this.text(this.meta.centreName, { size: SIZE.header, bold: true, align: 'center', color: GREY }, 36);
    this.rule(66, RULE);
    const footY = doc.page.height - 50;
    this.text(`办件编号 ${this.meta.caseNumber}`, { size: SIZE.footer, color: GREY }, footY);
    this.text(`第 ${page} 页，共 ${pages} 页`, { size: SIZE.footer, color: GREY, align: 'right' }, footY);
    doc.page.margins.bottom = saved;
  }
}
