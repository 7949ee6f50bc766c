import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogueItem, FieldDescription } from '@rvw/shared';
import { demoExternalRecords } from '../records';
import { DEFAULT_FALLBACKS, DEFAULT_REGULAR, loadFonts, splitRuns } from './fonts';
import { darkPixels, differentPixels, pdfFonts, pdfText, rasterise } from './pdf-tools';
import { applicationFormTitle } from './plan';
import { renderDocument } from './render';
import { sampleInput } from './sample-input';
import type { DocumentPlanEntry } from './types';

const fonts = loadFonts();
// A noncharacter: no font has it, so it draws as the main font's "missing glyph" box.
const NO_FONT_HAS = '\u{2FFFD}';

const nameField: FieldDescription = {
  id: 'fullName',
  kind: 'text',
  required: true,
  label: { zh: '姓名', en: 'Name' },
};
const item = {
  code: 'rare-name-test',
  version: 1,
  name: { zh: '姓名打印测试', en: 'Name printing test' },
  nextSteps: [{ zh: '无', en: 'None' }],
  materials: [],
  documents: [],
  form: { fields: [nameField] },
} as unknown as CatalogueItem;
const formEntry: DocumentPlanEntry = {
  kind: 'application-form',
  catalogueDocumentId: null,
  title: applicationFormTitle(item),
};

/** The application form with `name` as its one value, and no signature (less to draw). */
async function formWith(name: string): Promise<Buffer> {
  const input = sampleInput(item, { values: { fullName: name }, signature: null });
  return (await renderDocument(formEntry, input, demoExternalRecords()))!.bytes;
}

describe('rare characters in names', () => {
  it('splits text into runs by the font that has each glyph', () => {
    const runs = splitRuns('王𪚥文', fonts.regular, fonts.fallbacks);
    expect(runs.map((r) => [r.text, r.font.postscriptName])).toEqual([
      ['王', 'NotoSansCJKsc-Regular'],
      ['𪚥', 'HanaMinB'],
      ['文', 'NotoSansCJKsc-Regular'],
    ]);
    expect(fonts.regular.hasGlyphForCodePoint(0x2a6a5)).toBe(false);
    // A variation selector stays with the character it selects a form of.
    expect(splitRuns('𪚥\u{E0100}文', fonts.regular, fonts.fallbacks).map((r) => r.text)).toEqual([
      '𪚥\u{E0100}',
      '文',
    ]);
    for (const f of [fonts.regular, ...fonts.fallbacks.map((l) => l.open())])
      expect(f.hasGlyphForCodePoint(0x2fffd)).toBe(false);
  });

  it('draws 𪚥 from the fallback font: not blank, not the missing-glyph box, and it extracts', async () => {
    const withRare = await formWith('𪚥文华');
    const withBox = await formWith(`${NO_FONT_HAS}文华`);
    const withSpace = await formWith('\u3000文华');
    expect(pdfText(withRare)).toContain('𪚥文华');
    const rare = rasterise(withRare);
    const box = rasterise(withBox);
    const space = rasterise(withSpace);
    // Something is drawn where the character is ...
    expect(darkPixels(rare)).toBeGreaterThan(darkPixels(space) + 5);
    expect(differentPixels(rare, space)).toBeGreaterThan(10);
    // ... and it is not what a font without the glyph draws.
    expect(differentPixels(rare, box)).toBeGreaterThan(10);
  });

  it('draws and extracts 䶮 and 𠮷 too', async () => {
    const space = rasterise(await formWith('\u3000文华'));
    for (const ch of ['䶮', '𠮷']) {
      const bytes = await formWith(`${ch}文华`);
      expect(pdfText(bytes)).toContain(`${ch}文华`);
      expect(differentPixels(rasterise(bytes), space)).toBeGreaterThan(10);
    }
  });

  it('keeps a rare first character in the masked name of a receipt', async () => {
    const entry: DocumentPlanEntry = {
      kind: 'receipt',
      catalogueDocumentId: null,
      title: { zh: '受理回执', en: 'Receipt' },
    };
    const input = sampleInput(item, { resident: { name: '𪚥文华', idNumber: '310101194803150022' } });
    const text = pdfText((await renderDocument(entry, input, demoExternalRecords()))!.bytes);
    expect(text).toContain('𪚥*华');
    expect(text).not.toContain('𪚥文华');
  });
});

describe('loadFonts', () => {
  it('finds Noto Sans CJK SC, its bold, and the Hanazono fallbacks', () => {
    expect(fonts.regular.postscriptName).toBe('NotoSansCJKsc-Regular');
    // Bold is synthetic by default (one CJK font embedded); the face is found when asked for.
    expect(fonts.bold).toBeNull();
    expect(loadFonts({ boldStyle: 'face' }).bold?.postscriptName).toBe('NotoSansCJKsc-Bold');
    expect(fonts.fallbacks.map((f) => f.open().postscriptName)).toEqual(['HanaMinB', 'HanaMinA']);
  });

  it('names the package to install when a font is missing', () => {
    expect(() => loadFonts({ regular: '/nonexistent/NotoSansCJK-Regular.ttc' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('fonts-noto-cjk') }),
    );
    expect(() => loadFonts({ fallbacks: ['/nonexistent/HanaMinB.ttf', ...DEFAULT_FALLBACKS] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('fonts-hanazono') }),
    );
  });

  it('draws bold from the regular font when no bold face is beside it, and opens each font once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvw-fonts-'));
    try {
      symlinkSync(DEFAULT_REGULAR, join(dir, 'NotoSansCJK-Regular.ttc'));
      const noBold = loadFonts({ regular: join(dir, 'NotoSansCJK-Regular.ttc'), boldStyle: 'face' });
      expect(noBold.bold).toBeNull();
      expect(noBold.regular.postscriptName).toBe('NotoSansCJKsc-Regular');
      const input = sampleInput(item, { values: { fullName: '𪚥文华' }, signature: null });
      const fontsOption = { regular: join(dir, 'NotoSansCJK-Regular.ttc'), boldStyle: 'face' as const };
      const doc = await renderDocument(formEntry, input, demoExternalRecords(), { fonts: fontsOption });
      expect(pdfText(doc!.bytes)).toContain('𪚥文华');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(loadFonts().regular).toBe(fonts.regular);
    expect(loadFonts().fallbacks[0]!.open()).toBe(fonts.fallbacks[0]!.open());
  });
});

describe('bold', () => {
  it('embeds the bold face only when asked for it', async () => {
    const input = sampleInput(item, { values: { fullName: '李秀英' }, signature: null });
    const synthetic = await renderDocument(formEntry, input, demoExternalRecords());
    const face = await renderDocument(formEntry, input, demoExternalRecords(), {
      fonts: { boldStyle: 'face' },
    });
    expect(pdfFonts(synthetic!.bytes)).not.toContain('NotoSansCJKsc-Bold');
    expect(pdfFonts(face!.bytes)).toContain('NotoSansCJKsc-Bold');
    for (const doc of [synthetic!, face!]) expect(pdfText(doc.bytes)).toContain('姓名打印测试申请表');
  });
});
