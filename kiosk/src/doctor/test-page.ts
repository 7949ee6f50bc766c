/**
 * kiosk-doctor's printer test page: an A4 PDF with Chinese text, rendered with pdfkit and a CJK
 * font found on the machine (Noto Sans CJK on Debian, UOS and Kylin; Microsoft YaHei or SimSun on
 * Windows). The font is embedded and subset by pdfkit.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** A font file and the face inside it (a PostScript name for a .ttc collection). */
export interface CjkFont {
  path: string;
  family: string;
}

/** Where Chinese fonts live, in order of preference, on Linux and on Windows. */
export function cjkFontCandidates(platform: NodeJS.Platform, windir = 'C:\\Windows'): CjkFont[] {
  if (platform === 'win32') {
    const fonts = join(windir, 'Fonts');
    return [
      { path: join(fonts, 'msyh.ttc'), family: 'MicrosoftYaHei' },
      { path: join(fonts, 'msyh.ttf'), family: 'MicrosoftYaHei' },
      { path: join(fonts, 'simsun.ttc'), family: 'SimSun' },
    ];
  }
  const ttc = 'NotoSansCJK-Regular.ttc';
  return [
    // Debian, UOS (fonts-noto-cjk)
    { path: `/usr/share/fonts/opentype/noto/${ttc}`, family: 'NotoSansCJKsc-Regular' },
    { path: `/usr/share/fonts/truetype/noto/${ttc}`, family: 'NotoSansCJKsc-Regular' },
    // Kylin, Fedora-style layouts
    { path: `/usr/share/fonts/noto-cjk/${ttc}`, family: 'NotoSansCJKsc-Regular' },
    { path: `/usr/share/fonts/google-noto-cjk/${ttc}`, family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: 'NotoSansCJKsc-Regular' },
    { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf', family: 'DroidSansFallbackFull' },
  ];
}

/** The first candidate that exists, or null. */
export function findCjkFont(
  candidates: CjkFont[],
  exists: (path: string) => boolean = existsSync,
): CjkFont | null {
  return candidates.find((c) => exists(c.path)) ?? null;
}

/** The sentence when no Chinese font is found (zh + en). */
export const NO_FONT_MESSAGE =
  '没有找到中文字体，无法生成测试页：UOS/麒麟/Debian 请安装 fonts-noto-cjk，Windows 请确认 C:\\Windows\\Fonts\\msyh.ttc 或 simsun.ttc 存在。' +
  ' No Chinese font found for the test page: install fonts-noto-cjk on UOS, Kylin or Debian; on Windows check that C:\\Windows\\Fonts\\msyh.ttc or simsun.ttc exists.';

/** The words the test page carries (a test can look for them in the printed PDF). */
export const TEST_PAGE_TEXT = {
  title: '远程虚拟窗口 打印测试页',
  check: '如果您能看清这些中文，打印机和中文字体都正常。',
  english: 'RVW kiosk printer test page',
} as const;

/** Renders the test page for `printer` into `file`. */
export async function writeTestPage(
  file: string,
  font: CjkFont,
  printer: string,
  now = new Date(),
): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: TEST_PAGE_TEXT.english } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.font(font.path, font.family);
  doc.fontSize(28).text(TEST_PAGE_TEXT.title, { align: 'center' });
  doc.moveDown(0.5).fontSize(14).text(TEST_PAGE_TEXT.english, { align: 'center' });
  doc.moveDown(1.5).fontSize(20).text(TEST_PAGE_TEXT.check);
  doc.moveDown(1).fontSize(14);
  doc.text(`打印机 Printer: ${printer}`);
  doc.text(`终端 Host: ${hostname()}`);
  doc.text(`时间 Time: ${now.toISOString()}`);
  doc.text(`字体 Font: ${font.family}`);
  doc.moveDown(1).fontSize(32).text('办事 打印 回执 永');
  // A frame 10 mm inside the page edges: the printable area should show all four sides.
  const mm = 72 / 25.4;
  doc
    .lineWidth(1)
    .rect(10 * mm, 10 * mm, doc.page.width - 20 * mm, doc.page.height - 20 * mm)
    .stroke();
  doc.end();
  await ended;
  writeFileSync(file, Buffer.concat(chunks));
}
